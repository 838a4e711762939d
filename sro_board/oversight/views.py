"""The board's pages: its home, and each assessment from draft to approval (board roles only)."""

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ..auth.decorators import permission_required
from ..auth.permissions import Action
from ..core.clock import today_local
from ..core.commit import commit_service, flash_error
from ..core.extensions import db
from ..recommendations.models import Recommendation
from .access import approval_refusal, drafting_refusal
from .enums import EDITABLE
from .errors import AssessmentError
from .forms import ApproveForm, AssessmentForm, ReturnForm, StepForm, version_of
from .models import Assessment
from .queries import approved_of, home_lists
from .services import approve, edit_draft, open_assessment, return_draft, start_draft, submit

bp = Blueprint("oversight", __name__)
CHANGED = _l("Someone changed this assessment meanwhile; nothing was saved. Check it again.")


@bp.get("/board/home")
@permission_required(Action.VIEW_BOARD_HOME)
def home():
    """A board member's work: their drafts, assessments awaiting the chair, every recommendation."""
    return render_template("oversight/home.html", lists=home_lists(current_user))


def _recommendation(code: str) -> Recommendation:
    rec = db.session.scalar(db.select(Recommendation).where(Recommendation.code == code))
    if rec is None:
        abort(404)
    return rec


@bp.route("/board/recommendations/<code>/assess", methods=["GET", "POST"])
@permission_required(Action.DRAFT_ASSESSMENTS)
def new_assessment(code: str):
    """Start the board's assessment of a recommendation."""
    rec = _recommendation(code)
    if (existing := open_assessment(rec)) is not None:
        return redirect(url_for("oversight.assessment", assessment_id=existing.id))
    form = AssessmentForm()
    if not form.is_submitted():
        form.assessed_on.data = today_local()
    if form.validate_on_submit():
        done = commit_service(
            lambda: start_draft(current_user, rec, form.draft()),
            {AssessmentError: form.form_errors},
            success=_("Your draft is saved. Submit it to the board chair when it is ready."),
        )
        if done:
            return redirect(url_for("oversight.assessment", assessment_id=done.value.id))
    status = 400 if form.is_submitted() else 200
    return render_template(
        "oversight/form.html", form=form, rec=rec, history=approved_of(rec.id)
    ), status


def _assessment(assessment_id: int) -> Assessment:
    return db.get_or_404(Assessment, assessment_id)


@bp.get("/board/assessments/<int:assessment_id>")
@permission_required(Action.VIEW_BOARD_HOME)
def assessment(assessment_id: int):
    """One assessment, with the steps the viewer may take."""
    item = _assessment(assessment_id)
    may_approve = approval_refusal(current_user, item) is None
    return render_template(
        "oversight/assessment.html",
        item=item,
        step_form=StepForm(version=item.version),
        approve_form=ApproveForm(version=item.version) if may_approve else None,
        return_form=ReturnForm(version=item.version),
        may_edit=drafting_refusal(current_user) is None and item.drafted_by_id == current_user.id,
        may_approve=may_approve,
        history=approved_of(item.recommendation_id),
    )


@bp.route("/board/assessments/<int:assessment_id>/edit", methods=["GET", "POST"])
@permission_required(Action.DRAFT_ASSESSMENTS)
def edit_assessment(assessment_id: int):
    """The drafting member changes their draft."""
    item = _assessment(assessment_id)
    if item.drafted_by_id != current_user.id or item.state not in EDITABLE:
        flash_error(AssessmentError(_("Only the member who drafted it edits a draft.")))
        return redirect(url_for("oversight.assessment", assessment_id=item.id))
    form = AssessmentForm()
    if not form.is_submitted():
        form = AssessmentForm(obj=item)
    if form.validate_on_submit():
        if commit_service(
            lambda: edit_draft(current_user, item, form.draft(), version_of(form)),
            {
                AssessmentError: form.form_errors,
                StaleDataError: lambda _e: form.form_errors.append(str(CHANGED)),
            },
            success=_("Your changes are saved."),
        ):
            return redirect(url_for("oversight.assessment", assessment_id=item.id))
        item = _assessment(assessment_id)
    status = 400 if form.is_submitted() else 200
    return render_template(
        "oversight/form.html",
        form=form,
        rec=item.recommendation,
        item=item,
        history=approved_of(item.recommendation_id),
    ), status


def _step(assessment_id: int, work, success: str, form_class=StepForm):
    item = _assessment(assessment_id)
    form = form_class()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash_error(AssessmentError(str(error)))
        return redirect(url_for("oversight.assessment", assessment_id=item.id))
    commit_service(
        lambda: work(item, form),
        {
            AssessmentError: flash_error,
            StaleDataError: lambda _e: flash_error(AssessmentError(str(CHANGED))),
        },
        success=success,
    )
    return redirect(url_for("oversight.assessment", assessment_id=item.id))


@bp.post("/board/assessments/<int:assessment_id>/submit")
@permission_required(Action.DRAFT_ASSESSMENTS)
def submit_assessment(assessment_id: int):
    """The drafting member sends the draft to the board chair."""
    return _step(
        assessment_id,
        lambda item, form: submit(current_user, item, version_of(form)),
        _("Submitted. The board chair will approve it or send it back."),
    )


@bp.post("/board/assessments/<int:assessment_id>/approve")
@permission_required(Action.APPROVE_ASSESSMENTS)
def approve_assessment(assessment_id: int):
    """The board chair approves the assessment: it is published."""
    return _step(
        assessment_id,
        lambda item, form: approve(current_user, item, version_of(form), form.decision_id()),
        _("Approved. The assessment is now on the recommendation's public page."),
        ApproveForm,
    )


@bp.post("/board/assessments/<int:assessment_id>/return")
@permission_required(Action.APPROVE_ASSESSMENTS)
def return_assessment(assessment_id: int):
    """The board chair sends the assessment back to its drafter with a note."""
    return _step(
        assessment_id,
        lambda item, form: return_draft(current_user, item, form.note.data, version_of(form)),
        _("Returned to the member who drafted it."),
        ReturnForm,
    )
