"""An intake's rubric: the weighted criteria reviewers score from 1 to 5."""

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import ngettext

from ...audit.services import record
from ...auth.models import User
from ...core.extensions import db
from ..errors import BoardError
from ..models import Intake
from ..review.aggregates import refresh_intake
from ..review.completion import refresh_intake_completion
from ..review_models import RubricCriterion, Score


def _criterion_values(criterion: RubricCriterion) -> dict:
    return {
        "name": criterion.name,
        "description": criterion.description,
        "weight": criterion.weight,
        "position": criterion.position,
    }


def add_criterion(
    actor: User, intake: Intake, name: str, description: str, weight: int
) -> RubricCriterion:
    """Add a weighted criterion at the end of the intake's rubric."""
    _check_weight(weight)
    position = 1 + max((c.position for c in intake.criteria), default=0)
    criterion = RubricCriterion(
        name=name.strip(), description=description.strip(), weight=weight, position=position
    )
    intake.criteria.append(criterion)
    db.session.flush()
    refresh_intake_completion(intake.id)  # nobody has scored the new criterion yet
    record(
        actor,
        "rubric.add",
        "intake",
        intake.id,
        f"Criterion added: {criterion.name}",
        after=_criterion_values(criterion),
    )
    return criterion


def update_criterion(
    actor: User, criterion: RubricCriterion, name: str, description: str, weight: int
) -> RubricCriterion:
    """Rename or reweight a criterion (the ranking is recomputed from the new weight)."""
    _check_weight(weight)
    before = _criterion_values(criterion)
    criterion.name, criterion.description, criterion.weight = (
        name.strip(),
        description.strip(),
        weight,
    )
    db.session.flush()
    if criterion.weight != before["weight"]:
        refresh_intake(criterion.intake_id)  # every reviewer mean of the intake moves
    record(
        actor,
        "rubric.update",
        "intake",
        criterion.intake_id,
        f"Criterion changed: {criterion.name}",
        before=before,
        after=_criterion_values(criterion),
    )
    return criterion


def delete_criterion(actor: User, criterion: RubricCriterion) -> None:
    """Remove a criterion nobody has scored yet."""
    scored = db.session.scalar(
        sa.select(sa.func.count()).select_from(Score).where(Score.criterion_id == criterion.id)
    )
    if scored:
        raise BoardError(
            ngettext(
                "“%(name)s” already has %(num)d score; it can be renamed or reweighted but "
                "not removed.",
                "“%(name)s” already has %(num)d scores; it can be renamed or reweighted but "
                "not removed.",
                scored,
                name=criterion.name,
            )
        )
    record(
        actor,
        "rubric.delete",
        "intake",
        criterion.intake_id,
        f"Criterion removed: {criterion.name}",
        before=_criterion_values(criterion),
    )
    intake_id = criterion.intake_id
    db.session.delete(criterion)
    db.session.flush()
    refresh_intake_completion(intake_id)  # reviews that lacked only this one are now complete


def _check_weight(weight: int) -> None:
    if not 1 <= weight <= 10:
        raise BoardError(_("A weight is a whole number from 1 to 10."))
