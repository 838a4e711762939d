"""Display names of feasibility, status and schedule values, from the published definitions.

On French pages the French name is used where there is one; otherwise the English.
"""

import sqlalchemy as sa
from flask import g

from ..core.extensions import db
from ..core.i18n import current_language
from .definitions_data import DEFAULT_DEFINITIONS, DEFAULT_DEFINITIONS_FR
from .models import StatusDefinition

_DEFAULT_NAMES = {
    (axis, key): (name, DEFAULT_DEFINITIONS_FR.get((axis, key), ("",))[0])
    for axis, key, name, _meaning, _criteria in DEFAULT_DEFINITIONS
}


def _names() -> dict[tuple[str, str], tuple[str, str]]:
    """Stored (English, French) names, loaded at most once per request, over the defaults."""
    if "definition_names" not in g:
        rows = db.session.execute(
            sa.select(
                StatusDefinition.axis,
                StatusDefinition.key,
                StatusDefinition.name,
                StatusDefinition.name_fr,
            )
        )
        g.definition_names = _DEFAULT_NAMES | {(str(a), k): (n, fr) for a, k, n, fr in rows}
    return g.definition_names


def label(axis: str, value: object) -> str:
    """The published name of a value on an axis (feasibility, implementation, schedule)."""
    key = str(value)
    names = _names().get((axis, key))
    if names is None:
        return key.replace("_", " ").capitalize()
    english, french = names
    return french if french and current_language() == "fr" else english
