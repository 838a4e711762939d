"""State changes of the tracker: create, propose updates, approve and reject them."""

from datetime import date
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from ..audit.services import record
from ..auth.models import User
from ..auth.permissions import APPROVERS
from ..core.clock import now_utc
from ..core.extensions import db
from .enums import SaveOutcome, Theme, UpdateState
from .errors import EditConflict, FieldConflict, OutcomeChanged, TrackerError
from .fields import TRACKED_FIELDS, apply_values, milestone_progress, snapshot
from .models import Recommendation, Update
from .rules import approval_blocker, check_public_rationale, check_rules, save_outcome
from .signals import update_published

# The first timeline entry of a recommendation added in the app, in English and French
# (content stored on the update, like any public note).
ADDED_NOTE = ("Recommendation added to the tracker.", "Recommandation ajoutée au suivi.")


def create_recommendation(actor: User | None, values: dict[str, Any]) -> Recommendation:
    """Add a recommendation; its first target date becomes the baseline."""
    code = values["code"]
    if db.session.scalar(sa.select(Recommendation.id).where(Recommendation.code == code)):
        raise TrackerError(_("A recommendation with code %(code)s already exists.", code=code))
    rec = Recommendation(
        code=code,
        title=values["title"],
        title_fr=values.get("title_fr", ""),
        description=values["description"],
        description_fr=values.get("description_fr", ""),
        theme=Theme(values["theme"]),
        lead_unit=values["lead_unit"],
        target_date=date.fromisoformat(values["target_date"]),
        baseline_target_date=date.fromisoformat(values["target_date"]),
    )
    apply_values(rec, {k: values[k] for k in ("reports", "lead_user") if k in values})
    db.session.add(rec)
    db.session.flush()
    note, note_fr = (
        (values["public_note"], values.get("public_note_fr", ""))
        if values.get("public_note")
        else ADDED_NOTE
    )
    update = Update(
        recommendation=rec,
        author=actor,
        state=UpdateState.APPROVED,
        changes={},
        public_note=note,
        public_note_fr=note_fr,
        internal_note="",
        based_on_version=rec.version,
        decided_by=actor,
        decided_at=now_utc(),
    )
    db.session.add(update)
    rec.last_public_update_at = update.decided_at
    record(
        actor,
        "recommendation.created",
        "recommendation",
        rec.code,
        f"Created {rec.code}",
        after=snapshot(rec),
    )
    db.session.flush()
    return rec


def diff(current: dict[str, Any], proposed: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The changes from current to proposed, as {field: {"old": ..., "new": ...}}."""
    return {
        field: {"old": current[field], "new": proposed[field]}
        for field in TRACKED_FIELDS
        if field in proposed and proposed[field] != current[field]
    }


def _resulting(current: dict[str, Any], changes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return current | {field: change["new"] for field, change in changes.items()}


def _derive_progress(values: dict[str, Any]) -> dict[str, Any]:
    if values.get("progress_from_milestones"):
        return values | {"progress": milestone_progress(values["milestones"])}
    return values


def updates_since(rec: Recommendation, version: int) -> list[Update]:
    """Approved updates that produced versions after the given one."""
    return list(
        db.session.scalars(
            sa.select(Update)
            .where(
                Update.recommendation_id == rec.id,
                Update.state == UpdateState.APPROVED,
                Update.resulting_version > version,
            )
            .order_by(Update.resulting_version)
        )
    )


def _values_at(current: dict[str, Any], since: list[Update]) -> dict[str, Any]:
    """The values before the updates `since` (oldest first) were published."""
    values = dict(current)
    for update in reversed(since):
        values |= {field: change["old"] for field, change in update.changes.items()}
    return values


def propose_update(
    rec: Recommendation,
    actor: User | None,
    proposed: dict[str, Any],
    *,
    public_note: str,
    internal_note: str,
    based_on_version: int,
    expected: SaveOutcome | None = None,
    public_note_fr: str = "",
) -> Update:
    """Record an update: published at once, saved for a second sign-off, or a draft.

    An approver's update publishes unless it closes the recommendation; a member's waits for
    approval (rules.save_outcome). actor None is the command line (CSV import), trusted like
    an administrator. expected is what the save button promised: when saving would do
    otherwise, nothing is saved. public_note_fr is the note's optional French.
    """
    current = snapshot(rec)
    if based_on_version != rec.version:
        since = updates_since(rec, based_on_version)
        loaded = _values_at(current, since)
        yours = {f: v for f, v in proposed.items() if f in TRACKED_FIELDS and v != loaded[f]}
        conflicts = [
            FieldConflict(field, value, current[field])
            for field, value in yours.items()
            if value != current[field] and any(field in u.changes for u in since)
        ]
        raise EditConflict(conflicts, since, current | yours)
    changes = diff(current, _derive_progress(current | proposed))
    if public_note_fr.strip() and not public_note.strip():
        raise TrackerError(
            _("Write the public note in English too; the French translates it."), "public_note"
        )
    if not changes and not public_note.strip() and not internal_note.strip():
        raise TrackerError(_("Nothing changed: edit a field or write a note."))
    result = _resulting(current, changes)
    check_rules(current, result)
    check_public_rationale(changes, public_note)
    outcome = save_outcome(actor, current["status"], result["status"])
    if expected is not None and expected is not outcome:
        raise OutcomeChanged(outcome)
    update = Update(
        recommendation=rec,
        author=actor,
        state=UpdateState.PENDING,
        changes=changes,
        public_note=public_note.strip(),
        public_note_fr=public_note_fr.strip(),
        internal_note=internal_note.strip(),
        based_on_version=rec.version,
    )
    db.session.add(update)
    record(
        actor,
        "update.proposed",
        "recommendation",
        rec.code,
        f"Update proposed for {rec.code}",
        after={"changes": changes},
    )
    if outcome is SaveOutcome.PUBLISH:
        _publish(update, actor)
    db.session.flush()
    return update


def _publish(update: Update, approver: User | None) -> None:
    rec = update.recommendation
    before = snapshot(rec)
    apply_values(rec, {field: change["new"] for field, change in update.changes.items()})
    update.state = UpdateState.APPROVED
    update.decided_by = approver
    update.decided_at = now_utc()
    rec.last_public_update_at = update.decided_at
    db.session.flush()
    update.resulting_version = rec.version
    record(
        approver,
        "update.published",
        "recommendation",
        rec.code,
        f"Update #{update.id} published on {rec.code}",
        before={f: before[f] for f in update.changes},
        after={f: c["new"] for f, c in update.changes.items()},
    )
    update_published.send(update)


def approve_update(update: Update, approver: User) -> None:
    """Publish a pending update, if nothing it changes was changed since it was written."""
    _check_pending(update, approver)
    if blocker := approval_blocker(update, approver):
        raise TrackerError(blocker)
    current = snapshot(update.recommendation)
    conflicts = [
        FieldConflict(field, change["old"], current[field])
        for field, change in update.changes.items()
        if current[field] != change["old"]
    ]
    if conflicts:
        raise EditConflict(conflicts, updates_since(update.recommendation, update.based_on_version))
    check_rules(current, _resulting(current, update.changes))
    check_public_rationale(update.changes, update.public_note)
    _publish(update, approver)


def reject_update(update: Update, approver: User, reason: str) -> None:
    """Turn down a pending update with a reason for its author."""
    _check_pending(update, approver)
    if not reason.strip():
        raise TrackerError(_("Give a reason so the author knows what to change."))
    update.state = UpdateState.REJECTED
    update.decided_by = approver
    update.decided_at = now_utc()
    update.decision_note = reason.strip()
    record(
        approver,
        "update.rejected",
        "recommendation",
        update.recommendation.code,
        f"Update #{update.id} rejected",
        after={"reason": update.decision_note},
    )
    db.session.flush()


def _check_pending(update: Update, approver: User) -> None:
    if not approver.has_role(*APPROVERS):
        raise TrackerError(_("Only the chair or an administrator can decide on updates."))
    if update.state is not UpdateState.PENDING:
        raise TrackerError(_("This update has already been decided."))
