"""Display names of feasibility, status and schedule values, from the published definitions."""

import sqlalchemy as sa
from flask import g

from ..core.extensions import db
from .definitions_data import DEFAULT_DEFINITIONS
from .models import StatusDefinition

_DEFAULT_NAMES = {(axis, key): name for axis, key, name, _meaning, _criteria in DEFAULT_DEFINITIONS}


def _names() -> dict[tuple[str, str], str]:
    """Stored names, loaded at most once per request, over the defaults."""
    if "definition_names" not in g:
        rows = db.session.execute(
            sa.select(StatusDefinition.axis, StatusDefinition.key, StatusDefinition.name)
        )
        g.definition_names = _DEFAULT_NAMES | {(str(a), k): n for a, k, n in rows}
    return g.definition_names


def label(axis: str, value: object) -> str:
    """The published name of a value on an axis (feasibility, implementation, schedule)."""
    key = str(value)
    return _names().get((axis, key), key.replace("_", " ").capitalize())
