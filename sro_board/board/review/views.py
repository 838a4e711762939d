"""Reviewers' pages: their queue, the conflict declaration, the blind scoring form.

A reviewer reaches only applications in review, of intakes they are assigned to, that they
have not declared a conflict on (access.reviewable_by); anything else is a 404. Pages get a
BlindApplication, which holds no personal data (see services.py).
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.decorators import permission_required
from ...auth.permissions import Action
from ...core.commit import commit_service
from ...core.extensions import db
from ..blueprint import bp
from ..errors import BoardError
from ..models import Intake
from .forms import SCORE_LABELS, ConflictForm, review_form_class
from .queue import queue_pages
from .services import (
    blind_application,
    declaration_of,
    declare_conflict,
    my_scores,
    save_scores,
)


def _blind_or_404(application_id: int):
    blind = blind_application(current_user, application_id)
    if blind is None:
        abort(404)
    return blind


@bp.get("/staff/reviews")
@permission_required(Action.REVIEW_APPLICATIONS)
def review_queue():
    """Applications waiting for the reviewer's declaration or scores."""
    to_do, done = queue_pages(current_user)
    return render_template("board/review/review_queue.html", to_do=to_do, done=done)


@bp.route("/staff/reviews/<int:application_id>/conflict", methods=["GET", "POST"])
@permission_required(Action.REVIEW_APPLICATIONS)
def review_conflict(application_id: int):
    """Declare whether the reviewer has a conflict of interest with the applicant."""
    blind = _blind_or_404(application_id)
    declaration = declaration_of(current_user, blind.id)
    form = ConflictForm()
    if form.validate_on_submit():
        has_conflict = form.has_conflict.data == "yes"
        if commit_service(
            lambda: declare_conflict(current_user, blind, has_conflict),
            {BoardError: form.form_errors},
        ):
            if has_conflict:
                flash(
                    _("Conflict recorded. This application is no longer in your queue."),
                    "success",
                )
                return redirect(url_for("board.review_queue"))
            return redirect(url_for("board.review", application_id=blind.id))
    return render_template(
        "board/review/review_conflict.html",
        blind=blind,
        form=form,
        declaration=declaration,
    ), (400 if form.errors or form.form_errors else 200)


@bp.route("/staff/reviews/<int:application_id>", methods=["GET", "POST"])
@permission_required(Action.REVIEW_APPLICATIONS)
def review(application_id: int):
    """The blind application and the reviewer's rubric scores."""
    blind = _blind_or_404(application_id)
    declaration = declaration_of(current_user, blind.id)
    if declaration is None:
        return redirect(url_for("board.review_conflict", application_id=blind.id))
    intake = db.get_or_404(Intake, blind.intake_id)
    criteria = intake.criteria
    form_class = review_form_class(criteria)
    existing = my_scores(current_user, blind.id)
    form = form_class(
        data={f"score_{k}": str(s.score) for k, s in existing.items()}
        | {f"comment_{k}": s.comment for k, s in existing.items()}
    )
    if form.validate_on_submit():
        entries = {
            c.id: (int(form[f"score_{c.id}"].data), form[f"comment_{c.id}"].data or "")
            for c in criteria
        }
        if commit_service(
            lambda: save_scores(current_user, blind, entries),
            {BoardError: form.form_errors},
            success=_("Scores saved. You can change them while the review is open."),
        ):
            return redirect(url_for("board.review_queue"))
    return render_template(
        "board/review/review_form.html",
        blind=blind,
        criteria=criteria,
        form=form,
        scored=bool(existing),
        score_labels=SCORE_LABELS,
        conflict_form=ConflictForm(formdata=None),
    ), (400 if form.errors or form.form_errors else 200)
