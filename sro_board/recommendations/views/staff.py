"""Working-group pages: dashboard, list, staff view, create, edit, CSV download."""

from datetime import timedelta

from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ...auth.decorators import permission_required
from ...auth.permissions import APPROVERS, Action
from ...core.clock import now_utc, today_local
from ...core.commit import commit_service
from ...core.extensions import db
from ...core.pagination import paginate
from ..blueprint import bp
from ..csv.export import export_csv
from ..definitions import find_definition, update_definition
from ..enums import ImplementationStatus, SaveOutcome
from ..errors import EditConflict, TrackerError
from ..fields import FIELD_LABELS
from ..forms import (
    DecisionForm,
    DefinitionForm,
    EditRecommendationForm,
    NewRecommendationForm,
)
from ..models import Recommendation
from ..queries import all_updates, dashboard_queries, find_by_code, pending_count
from ..rules import approval_blockers, save_outcome
from ..schedule import schedule_state
from ..services import create_recommendation, propose_update
from .public import render_list

DASHBOARD_ROWS = 10  # per section: four sections of a full page would be too long to scan


@bp.get("/staff/")
@permission_required(Action.VIEW_TRACKER)
def dashboard():
    """The working group's start page."""
    today = today_local()
    stale_days = current_app.config["STALE_AFTER_DAYS"]
    queries = dashboard_queries(current_user, today, now_utc() - timedelta(days=stale_days))
    lists = {
        name: paginate(query, f"{name}_page", per_page=DASHBOARD_ROWS)
        for name, query in queries.items()
    }
    return render_template(
        "recommendations/staff/dashboard.html",
        **lists,
        blockers=approval_blockers(lists["pending"].items, current_user),
        today=today,
        stale_days=stale_days,
        schedule_state=schedule_state,
    )


@bp.get("/staff/recommendations")
@permission_required(Action.VIEW_TRACKER)
def staff_list():
    """All recommendations with filters and sorting, for the working group."""
    return render_list("recommendations/staff/list.html")


@bp.get("/staff/recommendations/export.csv")
@permission_required(Action.EXPORT_RECOMMENDATIONS)
def export():
    """Download all recommendations in the import format."""
    body = export_csv()
    filename = f"recommendations-{today_local().isoformat()}.csv"
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@bp.route("/staff/recommendations/new", methods=["GET", "POST"])
@permission_required(Action.ADD_RECOMMENDATIONS)
def new():
    """Add a recommendation (chair or admin)."""
    form = NewRecommendationForm()
    if form.validate_on_submit():
        done = commit_service(
            lambda: create_recommendation(current_user, form.values()),
            {TrackerError: form.code.errors},
            success=lambda rec: _("%(code)s added.", code=rec.code),
        )
        if done:
            return redirect(url_for("recommendations.staff_detail", code=done.value.code))
    return render_template("recommendations/staff/new.html", form=form)


@bp.get("/staff/recommendations/<code>")
@permission_required(Action.VIEW_TRACKER)
def staff_detail(code: str):
    """A recommendation with every update, drafts and internal notes included."""
    rec = find_by_code(code)
    updates = all_updates(rec)
    return render_template(
        "recommendations/staff/detail.html",
        rec=rec,
        updates=updates,
        field_labels=FIELD_LABELS,
        decision_form=DecisionForm(),
        blockers=approval_blockers(updates.items, current_user),
        schedule=schedule_state(rec.status, rec.target_date, rec.progress, today_local()),
    )


def saved_message(outcome: SaveOutcome) -> str:
    """What the flash says once an update is saved."""
    if outcome is SaveOutcome.PUBLISH:
        return _("Update published.")
    if outcome is SaveOutcome.SIGN_OFF:
        return _(
            "Update saved for a second sign-off; it is published when another chair or an "
            "administrator approves it."
        )
    return _(
        "Update saved as a draft; it is published when the chair or an administrator approves it."
    )


def outcome_of(rec: Recommendation, form: EditRecommendationForm) -> SaveOutcome:
    """What saving the form as it stands does (the save button's label says it)."""
    statuses = {s.value for s in ImplementationStatus}
    status = form.status.data if form.status.data in statuses else str(rec.status)
    return save_outcome(current_user, str(rec.status), status)


@bp.route("/staff/recommendations/<code>/edit", methods=["GET", "POST"])
@permission_required(Action.PROPOSE_UPDATES)
def edit(code: str):
    """Propose an update: published, saved for a second sign-off or a draft (the button says)."""
    rec = find_by_code(code)
    form = (
        EditRecommendationForm()
        if request.method == "POST"
        else EditRecommendationForm.for_recommendation(rec)
    )
    conflict = None
    if form.validate_on_submit():
        outcome = outcome_of(rec, form)
        done = commit_service(
            lambda: propose_update(
                rec,
                current_user,
                form.values(),
                public_note=form.public_note.data or "",
                public_note_fr=form.public_note_fr.data or "",
                internal_note=form.internal_note.data or "",
                based_on_version=int(form.version.data),
                expected=form.promised_outcome(),
            ),
            {EditConflict: None, StaleDataError: None, TrackerError: form.form_errors},
            success=saved_message(outcome),
        )
        if done:
            return redirect(url_for("recommendations.staff_detail", code=rec.code))
        if isinstance(done.error, EditConflict):
            conflict = done.error
            form = EditRecommendationForm.for_recommendation(rec, conflict.merged, form.notes())
        elif isinstance(done.error, StaleDataError):
            rec = find_by_code(code)
            conflict = EditConflict([], [])
            form.version.data = str(rec.version)
    return render_template(
        "recommendations/staff/edit.html",
        rec=rec,
        form=form,
        conflict=conflict,
        field_labels=FIELD_LABELS,
        pending_count=pending_count(rec),
        publishes_directly=current_user.has_role(*APPROVERS),
        outcome=outcome_of(rec, form),
    )


@bp.route("/staff/status-definitions/<axis>/<key>", methods=["GET", "POST"])
@permission_required(Action.EDIT_STATUS_DEFINITIONS)
def edit_definition(axis: str, key: str):
    """Change a published status definition (admin)."""
    definition = find_definition(axis, key)
    form = DefinitionForm(obj=definition)
    if form.validate_on_submit():
        update_definition(current_user, definition, *form.english(), french=form.french())
        db.session.commit()
        flash(_("Definition saved and published."), "success")
        return redirect(url_for("recommendations.definitions"))
    return render_template(
        "recommendations/staff/definition_form.html", form=form, definition=definition
    )
