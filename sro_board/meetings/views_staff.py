"""Staff pages for meetings: the list, a meeting's page, its details and its life's steps."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ..auth.decorators import permission_required
from ..auth.permissions import Action
from ..core.commit import commit_service, flash_error
from ..core.extensions import db
from ..core.filters import format_date
from . import services
from .access import bodies_of, may_manage
from .blueprint import bp
from .enums import AGENDA_OPEN, MINUTES_OPEN, Body, MeetingState
from .errors import MeetingError
from .forms import (
    ActionForm,
    ActionItemForm,
    ActionStatusForm,
    ApproveForm,
    DecisionForm,
    ItemForm,
    MeetingForm,
    PublishForm,
    SummaryForm,
)
from .models import Meeting
from .queries import owners, staff_meetings

STALE = _("Someone else changed this meeting at the same time. Nothing was saved; try again.")
REFUSED = {MeetingError: flash_error, StaleDataError: lambda e: flash(STALE, "error")}


def managed(meeting_id: int) -> Meeting:
    """The meeting, if the current user may manage its body (404 if none, 403 if not theirs)."""
    meeting = db.get_or_404(Meeting, meeting_id)
    if not may_manage(current_user, meeting.body):
        abort(403)
    return meeting


def to_meeting(meeting: Meeting, anchor: str = ""):
    """Back to the meeting's staff page."""
    return redirect(url_for("meetings.staff_detail", meeting_id=meeting.id) + anchor)


@bp.get("/staff/meetings")
@permission_required(Action.MANAGE_MEETINGS)
def staff_list():
    """The meetings of the bodies one manages, newest first."""
    page = staff_meetings(bodies_of(current_user))
    return render_template("meetings/staff/list.html", page=page, meetings=page.items)


@bp.route("/staff/meetings/new", methods=["GET", "POST"])
@permission_required(Action.MANAGE_MEETINGS)
def new():
    """Add a draft meeting."""
    form = MeetingForm()
    form.limit_bodies(bodies_of(current_user))
    if form.validate_on_submit():
        done = commit_service(
            lambda: services.create_meeting(current_user, Body(form.body.data), form.values()),
            {MeetingError: form.form_errors},
            success=_("Meeting added as a draft."),
        )
        if done:
            return to_meeting(done.value)
    return render_template("meetings/staff/form.html", form=form, meeting=None)


@bp.route("/staff/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
@permission_required(Action.MANAGE_MEETINGS)
def edit(meeting_id: int):
    """Change a meeting's details (marked as a change once the agenda is published)."""
    meeting = managed(meeting_id)
    form = MeetingForm(body=meeting.body.value)  # the body is not changed (nor posted)
    form.limit_bodies([meeting.body])
    if form.validate_on_submit():
        done = commit_service(
            lambda: services.edit_meeting(
                current_user, meeting, form.values(), form.version_number()
            ),
            {
                MeetingError: form.form_errors,
                StaleDataError: lambda e: form.form_errors.append(STALE),
            },
            success=_("Meeting saved."),
        )
        if done:
            return to_meeting(meeting)
    elif not form.is_submitted():
        form.fill(meeting)
    return render_template("meetings/staff/form.html", form=form, meeting=meeting)


@bp.get("/staff/meetings/<int:meeting_id>")
@permission_required(Action.MANAGE_MEETINGS)
def staff_detail(meeting_id: int):
    """A meeting with its agenda, minutes and the forms for its next steps."""
    meeting = managed(meeting_id)
    approve = ApproveForm()
    approve.at.choices = [
        (str(m.id), f"{m.public('title')} ({format_date(m.starts_at)})")
        for m in services.later_meetings(meeting)
    ]
    action_form = ActionItemForm()
    action_form.owner.choices = owners(meeting)
    return render_template(
        "meetings/staff/detail.html",
        meeting=meeting,
        button=ActionForm(),
        item_form=ItemForm(),
        publish_form=PublishForm(),
        decision_form=DecisionForm(),
        approve_form=approve,
        action_form=action_form,
        status_form=ActionStatusForm(),
        summary_form=SummaryForm(),
        agenda_open=meeting.state in AGENDA_OPEN,
        minutes_open=meeting.state in MINUTES_OPEN,
        states=MeetingState,
        notice_days=services.notice_days(),
    )


@bp.post("/staff/meetings/<int:meeting_id>/publish-agenda")
@permission_required(Action.MANAGE_MEETINGS)
def publish_agenda(meeting_id: int):
    """Publish the agenda (late only with a reason)."""
    meeting = managed(meeting_id)
    form = PublishForm()
    if form.validate_on_submit():
        reason = (form.late_reason.data or "") if form.late.data else ""
        reason_fr = (form.late_reason_fr.data or "") if form.late.data else ""
        commit_service(
            lambda: services.publish_agenda(current_user, meeting, reason, reason_fr),
            REFUSED,
            success=_("Agenda published."),
        )
    return to_meeting(meeting)


@bp.post("/staff/meetings/<int:meeting_id>/held")
@permission_required(Action.MANAGE_MEETINGS)
def mark_held(meeting_id: int):
    """Record that the meeting took place."""
    meeting = managed(meeting_id)
    if ActionForm().validate_on_submit():
        commit_service(
            lambda: services.mark_held(current_user, meeting),
            REFUSED,
            success=_("Meeting marked held."),
        )
    return to_meeting(meeting)


@bp.post("/staff/meetings/<int:meeting_id>/minutes-drafted")
@permission_required(Action.MANAGE_MEETINGS)
def minutes_drafted(meeting_id: int):
    """Mark the minutes drafted, ready for approval at a later meeting."""
    meeting = managed(meeting_id)
    if ActionForm().validate_on_submit():
        commit_service(
            lambda: services.draft_minutes(current_user, meeting),
            REFUSED,
            success=_("Minutes marked drafted."),
        )
    return to_meeting(meeting)


@bp.post("/staff/meetings/<int:meeting_id>/approve")
@permission_required(Action.MANAGE_MEETINGS)
def approve(meeting_id: int):
    """Approve the minutes by a decision at a later meeting."""
    meeting = managed(meeting_id)
    form = ApproveForm()
    form.at.choices = [(str(m.id), "") for m in services.later_meetings(meeting)]
    if form.validate_on_submit():
        at = db.session.get(Meeting, int(form.at.data))
        commit_service(
            lambda: services.approve_minutes(current_user, meeting, at, form.votes()),
            REFUSED,
            success=_("Minutes approved; the decision is recorded at the later meeting."),
        )
    else:
        flash(_("Choose the later meeting at which the minutes were approved."), "error")
    return to_meeting(meeting)


@bp.post("/staff/meetings/<int:meeting_id>/publish")
@permission_required(Action.MANAGE_MEETINGS)
def publish(meeting_id: int):
    """Publish the approved minutes."""
    meeting = managed(meeting_id)
    if ActionForm().validate_on_submit():
        commit_service(
            lambda: services.publish_minutes(current_user, meeting),
            REFUSED,
            success=_("Minutes published."),
        )
    return to_meeting(meeting)
