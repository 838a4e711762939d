"""Published status definitions: seed the defaults, read them, edit one (audited)."""

import sqlalchemy as sa
from flask import abort

from ..audit.services import record
from ..auth.models import User
from ..core.extensions import db
from .definitions_data import DEFAULT_DEFINITIONS, DEFAULT_DEFINITIONS_FR
from .enums import DefinitionAxis
from .models import StatusDefinition


def seed_definitions() -> int:
    """Insert any default definition that is missing; returns how many were added."""
    existing = set(db.session.execute(sa.select(StatusDefinition.axis, StatusDefinition.key)))
    added = 0
    for position, (axis, key, name, meaning, criteria) in enumerate(DEFAULT_DEFINITIONS):
        if (DefinitionAxis(axis), key) in existing:
            continue
        name_fr, meaning_fr, criteria_fr = DEFAULT_DEFINITIONS_FR.get((axis, key), ("", "", ""))
        db.session.add(
            StatusDefinition(
                axis=DefinitionAxis(axis),
                key=key,
                position=position,
                name=name,
                name_fr=name_fr,
                meaning=meaning,
                meaning_fr=meaning_fr,
                entry_criteria=criteria,
                entry_criteria_fr=criteria_fr,
            )
        )
        added += 1
    db.session.flush()
    return added


def definitions_by_axis() -> dict[DefinitionAxis, list[StatusDefinition]]:
    """Every definition, grouped by axis, in their published order."""
    rows = db.session.scalars(
        sa.select(StatusDefinition).order_by(StatusDefinition.axis, StatusDefinition.position)
    ).all()
    return {axis: [r for r in rows if r.axis == axis] for axis in DefinitionAxis}


def find_definition(axis: str, key: str) -> StatusDefinition:
    """The definition, or 404."""
    if axis not in DefinitionAxis.__members__.values():
        abort(404)
    return db.get_or_404(StatusDefinition, (DefinitionAxis(axis), key))


def update_definition(
    actor: User,
    definition: StatusDefinition,
    name: str,
    meaning: str,
    criteria: str,
    *,
    french: tuple[str, str, str] | None = None,
) -> None:
    """Change a definition's published text; french is (name, meaning, criteria), None keeps it."""
    values = {"name": name, "meaning": meaning, "entry_criteria": criteria}
    if french is not None:
        values |= dict(zip(("name_fr", "meaning_fr", "entry_criteria_fr"), french, strict=True))
    before = {field: getattr(definition, field) for field in values}
    for field, value in values.items():
        setattr(definition, field, value)
    record(
        actor,
        "definition.updated",
        "status_definition",
        f"{definition.axis}:{definition.key}",
        f"Edited definition of {name}",
        before=before,
        after=values,
    )
    db.session.flush()
