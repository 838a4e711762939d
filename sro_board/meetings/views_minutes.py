"""Staff pages for a meeting's agenda items and minutes: items, attendance, decisions, actions."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.decorators import permission_required
from ..auth.permissions import Action
from ..core.commit import commit_service
from ..core.extensions import db
from ..recommendations.models import Recommendation
from . import services_minutes as minutes
from .blueprint import bp
from .enums import ActionStatus, Presence
from .errors import MeetingError
from .forms import ActionForm, ActionItemForm, ActionStatusForm, DecisionForm, ItemForm, SummaryForm
from .models import ActionItem, AgendaItem
from .queries import candidates, owners
from .views_staff import REFUSED, managed, to_meeting


def item_of(meeting_id: int, item_id: int) -> AgendaItem:
    """An item of a meeting the current user manages."""
    meeting = managed(meeting_id)
    item = db.get_or_404(AgendaItem, item_id)
    if item.meeting_id != meeting.id:
        abort(404)
    return item


def form_refused(form) -> None:
    """Flash a form's errors (for forms on the meeting's page)."""
    for field in form:
        for error in field.errors:
            flash(f"{field.label.text}: {error}", "error")


@bp.post("/staff/meetings/<int:meeting_id>/items")
@permission_required(Action.MANAGE_MEETINGS)
def add_item(meeting_id: int):
    """Add an agenda item at the end."""
    meeting = managed(meeting_id)
    form = ItemForm()
    if form.validate_on_submit():
        commit_service(
            lambda: minutes.add_item(current_user, meeting, form.values(), form.code_list()),
            REFUSED,
            success=_("Agenda item added."),
        )
    else:
        form_refused(form)
    return to_meeting(meeting, "#agenda")


@bp.route("/staff/meetings/<int:meeting_id>/items/<int:item_id>", methods=["GET", "POST"])
@permission_required(Action.MANAGE_MEETINGS)
def edit_item(meeting_id: int, item_id: int):
    """Change an agenda item."""
    item = item_of(meeting_id, item_id)
    form = ItemForm()
    if form.validate_on_submit():
        done = commit_service(
            lambda: minutes.edit_item(current_user, item, form.values(), form.code_list()),
            {MeetingError: form.form_errors},
            success=_("Agenda item saved."),
        )
        if done:
            return to_meeting(item.meeting, "#agenda")
    elif not form.is_submitted():
        form.fill(item)
    return render_template("meetings/staff/item.html", form=form, item=item, meeting=item.meeting)


@bp.post("/staff/meetings/<int:meeting_id>/items/<int:item_id>/move")
@permission_required(Action.MANAGE_MEETINGS)
def move_item(meeting_id: int, item_id: int):
    """Move an agenda item up or down."""
    item = item_of(meeting_id, item_id)
    step = {"-1": -1, "1": 1}.get(request.form.get("step", ""), 0)
    if ActionForm().validate_on_submit():
        commit_service(lambda: minutes.move_item(current_user, item, step), REFUSED)
    return to_meeting(item.meeting, "#agenda")


@bp.post("/staff/meetings/<int:meeting_id>/items/<int:item_id>/summary")
@permission_required(Action.MANAGE_MEETINGS)
def summary(meeting_id: int, item_id: int):
    """Write an item's minutes."""
    item = item_of(meeting_id, item_id)
    form = SummaryForm()
    if form.validate_on_submit():
        commit_service(
            lambda: minutes.write_summary(
                current_user, item, form.summary.data, form.summary_fr.data or ""
            ),
            REFUSED,
            success=_("Minutes of the item saved."),
        )
    else:
        form_refused(form)
    return to_meeting(item.meeting, f"#item-{item.id}")


@bp.post("/staff/meetings/<int:meeting_id>/items/<int:item_id>/decisions")
@permission_required(Action.MANAGE_MEETINGS)
def add_decision(meeting_id: int, item_id: int):
    """Record a motion and its outcome on an item."""
    item = item_of(meeting_id, item_id)
    form = DecisionForm()
    if form.validate_on_submit():
        commit_service(
            lambda: minutes.add_decision(current_user, item, form.values()),
            REFUSED,
            success=_("Decision recorded."),
        )
    else:
        form_refused(form)
    return to_meeting(item.meeting, f"#item-{item.id}")


@bp.route("/staff/meetings/<int:meeting_id>/attendance", methods=["GET", "POST"])
@permission_required(Action.MANAGE_MEETINGS)
def attendance(meeting_id: int):
    """Record who was present, sent regrets or was absent."""
    meeting = managed(meeting_id)
    members, users = candidates(meeting)
    form = ActionForm()
    recorded = {("m", a.board_member_id): a.presence.value for a in meeting.attendance}
    recorded |= {("u", a.user_id): a.presence.value for a in meeting.attendance}
    if form.validate_on_submit():
        chosen = {p.value: p for p in Presence}
        picked_members = {
            m.id: chosen[v] for m in members if (v := request.form.get(f"m-{m.id}")) in chosen
        }
        picked_users = {
            u.id: chosen[v] for u in users if (v := request.form.get(f"u-{u.id}")) in chosen
        }
        done = commit_service(
            lambda: minutes.record_attendance(current_user, meeting, picked_members, picked_users),
            REFUSED,
            success=_("Attendance saved."),
        )
        if done:
            return to_meeting(meeting, "#attendance")
    return render_template(
        "meetings/staff/attendance.html",
        meeting=meeting,
        form=form,
        members=members,
        users=users,
        recorded=recorded,
        presences=list(Presence),
    )


@bp.post("/staff/meetings/<int:meeting_id>/actions")
@permission_required(Action.MANAGE_MEETINGS)
def add_action(meeting_id: int):
    """Record an action item."""
    meeting = managed(meeting_id)
    form = ActionItemForm()
    form.owner.choices = owners(meeting)
    if form.validate_on_submit():
        code = (form.code.data or "").strip().upper()
        rec = (
            db.session.scalar(db.select(Recommendation).where(Recommendation.code == code))
            if code
            else None
        )
        if code and rec is None:
            flash(_("No recommendation has the code %(codes)s.", codes=code), "error")
        else:
            commit_service(
                lambda: minutes.add_action(
                    current_user, meeting, form.values(rec.id if rec else None)
                ),
                REFUSED,
                success=_("Action item added."),
            )
    else:
        form_refused(form)
    return to_meeting(meeting, "#actions")


@bp.post("/staff/meetings/<int:meeting_id>/actions/<int:action_id>")
@permission_required(Action.MANAGE_MEETINGS)
def action_status(meeting_id: int, action_id: int):
    """Mark an action item open, done or dropped."""
    meeting = managed(meeting_id)
    action = db.get_or_404(ActionItem, action_id)
    form = ActionStatusForm()
    if action.meeting_id == meeting.id and form.validate_on_submit():
        commit_service(
            lambda: minutes.set_action_status(current_user, action, ActionStatus(form.status.data)),
            REFUSED,
            success=_("Action item saved."),
        )
    elif action.meeting_id != meeting.id:
        abort(404)
    return redirect(url_for("meetings.staff_detail", meeting_id=meeting.id) + "#actions")
