"""The pending list: approving and rejecting draft updates."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from ...auth.decorators import permission_required
from ...auth.permissions import Action
from ...core.commit import commit_service
from ...core.extensions import db
from ...core.pagination import paginate
from ..blueprint import bp
from ..errors import EditConflict, TrackerError
from ..fields import FIELD_LABELS
from ..forms import DecisionForm
from ..models import Update
from ..queries import pending_updates_for
from ..rules import approval_blocker, approval_blockers
from ..services import approve_update, reject_update


@bp.get("/staff/updates")
@permission_required(Action.APPROVE_UPDATES)
def pending_updates():
    """Updates waiting for a decision; no approve button where the reader may not approve."""
    # Each entry is a card with its changes and a form: fewer per page than a list of rows.
    per_page = min(current_app.config["PAGE_SIZE"], current_app.config["QUEUE_PAGE_SIZE"])
    page = paginate(pending_updates_for(current_user), per_page=per_page)
    return render_template(
        "recommendations/updates/pending.html",
        page=page,
        updates=page.items,
        field_labels=FIELD_LABELS,
        decision_form=DecisionForm(),
        blockers=approval_blockers(page.items, current_user),
    )


def _queue_at(update: Update | None) -> str:
    """The pending list, scrolled to the given update."""
    anchor = f"update-{update.id}" if update else None
    return url_for("recommendations.pending_updates", _anchor=anchor)


def _next_in_queue(after: Update) -> Update | None:
    """The next draft the current user may approve, after the given one (or from the top)."""
    queue = [
        u
        for u in db.session.scalars(pending_updates_for(current_user))
        if approval_blocker(u, current_user) is None
    ]
    later = (u for u in queue if (u.created_at, u.id) > (after.created_at, after.id))
    return next(later, queue[0] if queue else None)


def _not_approved_conflict(error: EditConflict) -> None:
    fields = ", ".join(str(FIELD_LABELS[c.field]) for c in error.conflicts)
    flash(
        _(
            "Not approved: %(fields)s changed since this update was written. "
            "Reject it and ask the author to start again from the current values.",
            fields=fields,
        ),
        "error",
    )


@bp.post("/staff/updates/<int:update_id>/approve")
@permission_required(Action.APPROVE_UPDATES)
def approve(update_id: int):
    """Publish a pending update."""
    update = db.get_or_404(Update, update_id)
    form = DecisionForm()
    if form.validate_on_submit() and commit_service(
        lambda: approve_update(update, current_user),
        {
            EditConflict: _not_approved_conflict,
            StaleDataError: lambda _error: flash(
                _("Not approved: the recommendation changed at the same moment. Try again."),
                "error",
            ),
            TrackerError: lambda error: flash(
                _("Not approved: %(reason)s", reason=str(error)), "error"
            ),
        },
        success=_("Update approved and published."),
    ):
        return redirect(_queue_at(_next_in_queue(update)))
    return redirect(_queue_at(update))


@bp.post("/staff/updates/<int:update_id>/reject")
@permission_required(Action.APPROVE_UPDATES)
def reject(update_id: int):
    """Turn down a pending update with a reason."""
    update = db.get_or_404(Update, update_id)
    code = update.recommendation.code
    form = DecisionForm()
    if form.validate_on_submit():
        commit_service(
            lambda: reject_update(update, current_user, form.reason.data or ""),
            {
                TrackerError: lambda error: flash(
                    _("Not rejected: %(reason)s", reason=str(error)), "error"
                )
            },
            success=_("Update rejected; its author can see your reason."),
        )
    else:
        flash(_("Not rejected: %(reason)s", reason=" ".join(map(str, form.reason.errors))), "error")
    return redirect(url_for("recommendations.staff_detail", code=code))
