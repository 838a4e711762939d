"""Approving and rejecting working-group members' draft updates."""

import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ..auth.decorators import permission_required
from ..auth.permissions import Action
from ..core.extensions import db
from .blueprint import bp
from .enums import UpdateState
from .fields import FIELD_LABELS
from .forms import DecisionForm
from .models import Update
from .services import EditConflict, TrackerError, approve_update, reject_update


@bp.get("/staff/updates")
@permission_required(Action.APPROVE_UPDATES)
def pending_updates():
    """Updates waiting for a decision."""
    updates = db.session.scalars(
        sa.select(Update)
        .join(Update.recommendation)
        .options(sa.orm.contains_eager(Update.recommendation))
        .where(Update.state == UpdateState.PENDING)
        .order_by(Update.created_at)
    ).all()
    return render_template(
        "recommendations/pending.html",
        updates=updates,
        field_labels=FIELD_LABELS,
        decision_form=DecisionForm(),
    )


@bp.post("/staff/updates/<int:update_id>/approve")
@permission_required(Action.APPROVE_UPDATES)
def approve(update_id: int):
    """Publish a pending update."""
    update = db.get_or_404(Update, update_id)
    code = update.recommendation.code
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            approve_update(update, current_user)
            db.session.commit()
        except EditConflict as error:
            db.session.rollback()
            fields = ", ".join(FIELD_LABELS[c.field] for c in error.conflicts)
            flash(
                f"Not approved: {fields} changed since this update was written. "
                "Reject it and ask the author to start again from the current values.",
                "error",
            )
        except StaleDataError:
            db.session.rollback()
            flash(
                "Not approved: the recommendation changed at the same moment. Try again.", "error"
            )
        except TrackerError as error:
            db.session.rollback()
            flash(f"Not approved: {error}", "error")
        else:
            flash("Update approved and published.", "success")
    return redirect(url_for("recommendations.staff_detail", code=code))


@bp.post("/staff/updates/<int:update_id>/reject")
@permission_required(Action.APPROVE_UPDATES)
def reject(update_id: int):
    """Turn down a pending update with a reason."""
    update = db.get_or_404(Update, update_id)
    code = update.recommendation.code
    form = DecisionForm()
    if form.validate_on_submit():
        try:
            reject_update(update, current_user, form.reason.data or "")
            db.session.commit()
        except TrackerError as error:
            db.session.rollback()
            flash(f"Not rejected: {error}", "error")
        else:
            flash("Update rejected; its author can see your reason.", "success")
    else:
        flash(f"Not rejected: {' '.join(form.reason.errors)}", "error")
    return redirect(url_for("recommendations.staff_detail", code=code))
