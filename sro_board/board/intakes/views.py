"""Intake administration pages: intakes with their seats and notice, reviewers, rubric, review."""

import sqlalchemy as sa
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ...auth.decorators import permission_required
from ...auth.permissions import Action
from ...core.commit import commit_service, flash_error
from ...core.extensions import db
from ...core.forms import choices
from ..blueprint import bp
from ..errors import BoardError
from ..forms import ConfirmForm
from ..labels import stage_label
from ..models import Application, Intake
from ..review.access import reviewer_candidates
from ..review_models import ReviewerAssignment, RubricCriterion
from ..stages import Stage
from .forms import AssignReviewerForm, CriterionForm, IntakeForm
from .rubric import add_criterion, delete_criterion, update_criterion
from .services import (
    assign_reviewer,
    create_intake,
    is_open,
    start_review,
    unassign_reviewer,
    update_intake,
)


@bp.get("/staff/board/")
@permission_required(Action.VIEW_BOARD)
def intakes():
    """Every intake, newest first, with its number of applications."""
    counts = dict(
        db.session.execute(
            sa.select(Application.intake_id, sa.func.count()).group_by(Application.intake_id)
        ).all()
    )
    rows = db.session.scalars(sa.select(Intake).order_by(Intake.opens_at.desc())).all()
    return render_template(
        "board/intakes/intakes.html", intakes=rows, counts=counts, is_open=is_open
    )


@bp.route("/staff/board/intakes/new", methods=["GET", "POST"])
@permission_required(Action.MANAGE_INTAKES)
def intake_new():
    """Add an intake."""
    form = IntakeForm()
    if form.validate_on_submit():
        done = commit_service(
            lambda: create_intake(current_user, form.values()),
            {BoardError: form.form_errors},
            success=_("Intake added. Next, add the rubric and assign reviewers."),
        )
        if done:
            return redirect(url_for("board.intake_detail", intake_id=done.value.id))
    return render_template("board/intakes/intake_form.html", form=form, intake=None)


@bp.route("/staff/board/intakes/<int:intake_id>/edit", methods=["GET", "POST"])
@permission_required(Action.MANAGE_INTAKES)
def intake_edit(intake_id: int):
    """Change an intake's window, seats, term or collection notice."""
    intake = db.get_or_404(Intake, intake_id)
    form = IntakeForm() if request.method == "POST" else IntakeForm.for_intake(intake)
    if form.validate_on_submit() and commit_service(
        lambda: update_intake(current_user, intake, form.values()),
        {BoardError: form.form_errors},
        success=_("Intake saved."),
    ):
        return redirect(url_for("board.intake_detail", intake_id=intake.id))
    return render_template("board/intakes/intake_form.html", form=form, intake=intake)


@bp.get("/staff/board/intakes/<int:intake_id>")
@permission_required(Action.VIEW_BOARD)
def intake_detail(intake_id: int):
    """An intake at a glance: window, seats, stages, reviewers, rubric."""
    intake = db.get_or_404(Intake, intake_id)
    stage_counts = dict(
        db.session.execute(
            sa.select(Application.stage, sa.func.count())
            .where(Application.intake_id == intake.id)
            .group_by(Application.stage)
        ).all()
    )
    reviewers = db.session.scalars(
        sa.select(ReviewerAssignment).where(ReviewerAssignment.intake_id == intake.id)
    ).all()
    assign_form = AssignReviewerForm()
    assign_form.reviewer.choices = choices(
        [("", _("Choose a reviewer"))] + [(str(u.id), u.name) for u in reviewer_candidates(intake)]
    )
    return render_template(
        "board/intakes/intake_detail.html",
        intake=intake,
        stage_counts=stage_counts,
        eligible=stage_counts.get(Stage.ELIGIBLE, 0),
        stages=list(Stage),
        stage_label=stage_label,
        reviewers=sorted(reviewers, key=lambda r: r.user.name),
        assign_form=assign_form,
        confirm_form=ConfirmForm(),
        is_open=is_open(intake),
    )


@bp.post("/staff/board/intakes/<int:intake_id>/reviewers")
@permission_required(Action.MANAGE_INTAKES)
def reviewer_assign(intake_id: int):
    """Assign a reviewer to the intake."""
    intake = db.get_or_404(Intake, intake_id)
    form = AssignReviewerForm()
    candidates = {str(u.id): u for u in reviewer_candidates(intake)}
    form.reviewer.choices = choices([("", "")] + [(k, u.name) for k, u in candidates.items()])
    if not form.validate_on_submit():
        flash(_("Choose a reviewer from the list."), "error")
        return redirect(url_for("board.intake_detail", intake_id=intake.id))
    commit_service(
        lambda: assign_reviewer(current_user, intake, candidates[form.reviewer.data]),
        {BoardError: flash_error},
        success=_("Reviewer assigned."),
    )
    return redirect(url_for("board.intake_detail", intake_id=intake.id))


@bp.post("/staff/board/intakes/<int:intake_id>/reviewers/<int:user_id>/remove")
@permission_required(Action.MANAGE_INTAKES)
def reviewer_remove(intake_id: int, user_id: int):
    """Remove a reviewer from the intake."""
    intake = db.get_or_404(Intake, intake_id)
    if ConfirmForm().validate_on_submit():
        commit_service(
            lambda: unassign_reviewer(current_user, intake, user_id),
            {BoardError: flash_error},
            success=_("Reviewer removed from the intake."),
        )
    return redirect(url_for("board.intake_detail", intake_id=intake.id))


@bp.post("/staff/board/intakes/<int:intake_id>/start-review")
@permission_required(Action.MANAGE_INTAKES)
def start_review_all(intake_id: int):
    """Move every eligible application into review."""
    intake = db.get_or_404(Intake, intake_id)
    if ConfirmForm().validate_on_submit():
        moved = start_review(current_user, intake)
        db.session.commit()
        message = ngettext(
            "%(num)d application moved into review.",
            "%(num)d applications moved into review.",
            moved,
        )
        flash(message, "success")
    return redirect(url_for("board.intake_detail", intake_id=intake.id))


@bp.route("/staff/board/intakes/<int:intake_id>/criteria", methods=["GET", "POST"])
@permission_required(Action.MANAGE_INTAKES)
def criteria(intake_id: int):
    """The intake's rubric: its criteria and weights; add one."""
    intake = db.get_or_404(Intake, intake_id)
    form = CriterionForm()
    if form.validate_on_submit():
        add_criterion(
            current_user, intake, form.name.data, form.description.data or "", form.weight.data
        )
        db.session.commit()
        flash(_("Criterion added."), "success")
        return redirect(url_for("board.criteria", intake_id=intake.id))
    return render_template(
        "board/intakes/criteria.html", intake=intake, form=form, confirm_form=ConfirmForm()
    )


@bp.route("/staff/board/criteria/<int:criterion_id>/edit", methods=["GET", "POST"])
@permission_required(Action.MANAGE_INTAKES)
def criterion_edit(criterion_id: int):
    """Rename or reweight a criterion."""
    criterion = db.get_or_404(RubricCriterion, criterion_id)
    form = CriterionForm() if request.method == "POST" else CriterionForm.for_criterion(criterion)
    if form.validate_on_submit():
        update_criterion(
            current_user, criterion, form.name.data, form.description.data or "", form.weight.data
        )
        db.session.commit()
        flash(_("Criterion saved."), "success")
        return redirect(url_for("board.criteria", intake_id=criterion.intake_id))
    return render_template("board/intakes/criterion_form.html", form=form, criterion=criterion)


@bp.post("/staff/board/criteria/<int:criterion_id>/delete")
@permission_required(Action.MANAGE_INTAKES)
def criterion_delete(criterion_id: int):
    """Remove a criterion nobody has scored."""
    criterion = db.get_or_404(RubricCriterion, criterion_id)
    intake_id = criterion.intake_id
    if ConfirmForm().validate_on_submit():
        commit_service(
            lambda: delete_criterion(current_user, criterion),
            {BoardError: flash_error},
            success=_("Criterion removed."),
        )
    return redirect(url_for("board.criteria", intake_id=intake_id))
