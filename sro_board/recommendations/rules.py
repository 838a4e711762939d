"""The tracker's rules: what a resulting state must satisfy, and who publishes or signs off what."""

from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from ..auth.models import User
from ..auth.permissions import APPROVERS
from ..core.extensions import db
from .enums import Feasibility, ImplementationStatus, SaveOutcome, status_move_allowed
from .errors import TrackerError
from .labels import label
from .models import Update


def check_rules(current: dict[str, Any], result: dict[str, Any]) -> None:
    """Refuse a resulting state that breaks the tracker's rules."""
    old_status = ImplementationStatus(current["status"])
    new_status = ImplementationStatus(result["status"])
    if not status_move_allowed(old_status, new_status):
        raise TrackerError(
            _(
                "Status cannot move from %(old)s to %(new)s.",
                old=label("implementation", old_status),
                new=label("implementation", new_status),
            ),
            "status",
        )
    if (
        Feasibility(result["feasibility"]).needs_rationale
        and not result["feasibility_rationale"].strip()
    ):
        raise TrackerError(
            _(
                "A rationale is required when feasibility is %(feasibility)s.",
                feasibility=label("feasibility", result["feasibility"]),
            ),
            "feasibility_rationale",
        )
    if new_status.needs_evidence and not result["evidence"]:
        raise TrackerError(
            _(
                "Add at least one evidence link before marking it %(status)s.",
                status=label("implementation", new_status),
            ),
            "status",
        )
    if not 0 <= int(result["progress"]) <= 100:
        raise TrackerError(_("Progress must be between 0 and 100."), "progress")
    lead = result["lead_user"]
    if lead and lead != current["lead_user"] and not _has_account(lead):
        # e.g. the account's email changed after a draft naming it was written
        raise TrackerError(
            _("No staff account has the lead's email %(email)s any more.", email=lead),
            "lead_user",
        )


def check_public_rationale(changes: dict[str, dict[str, Any]], public_note: str) -> None:
    """A move to a status that must be explained publicly needs a public note (the reason)."""
    new_status = changes.get("status", {}).get("new")
    explained = bool(public_note.strip())
    if new_status and ImplementationStatus(new_status).needs_public_rationale and not explained:
        raise TrackerError(
            _(
                "Write a public note giving the reason before marking it %(status)s.",
                status=label("implementation", new_status),
            ),
            "status",
        )


def _has_account(email: str) -> bool:
    return db.session.scalar(sa.select(User.id).where(User.email == email)) is not None


def closing_status(changes: dict[str, dict[str, Any]]) -> ImplementationStatus | None:
    """The status an update closes the recommendation with, if it needs a second sign-off."""
    status = changes.get("status")
    if status and ImplementationStatus(status["new"]).needs_sign_off:
        return ImplementationStatus(status["new"])
    return None


def save_outcome(actor: User | None, old_status: str, new_status: str) -> SaveOutcome:
    """What saving an update does, given who saves it and the status it asks for.

    actor None is the command line (CSV import), trusted like an administrator.
    """
    if actor is not None and not actor.has_role(*APPROVERS):
        return SaveOutcome.DRAFT
    if new_status != old_status and ImplementationStatus(new_status).needs_sign_off:
        return SaveOutcome.SIGN_OFF
    return SaveOutcome.PUBLISH


def approval_blocker(update: Update, approver: User) -> str | None:
    """Why this approver may not approve this pending update (None when they may)."""
    closing = closing_status(update.changes)
    if closing is not None and update.author_id == approver.id:
        return _(
            "Needs a different chair or administrator: you wrote this update, and marking a "
            "recommendation %(status)s needs a second person's sign-off.",
            status=label("implementation", closing),
        )
    return None


def approval_blockers(updates: list[Update], approver: User) -> dict[int, str]:
    """approval_blocker for each update the approver may not approve, by update id."""
    return {u.id: reason for u in updates if (reason := approval_blocker(u, approver))}
