"""The CSV format, the same both ways: its columns, a recommendation as cells, each cell's check.

The French columns (title_fr, description_fr) are optional on import, so files written before
they existed still import; an empty French cell leaves the French as it is, like the other
optional cells.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from flask_babel import gettext as _

from ...security.inputs import strip_bidi
from ..enums import Feasibility, ImplementationStatus, SourceReport, Theme
from ..fields import snapshot
from ..models import Recommendation

COLUMNS = [
    "code",
    "title",
    "title_fr",
    "description",
    "description_fr",
    "theme",
    "source_reports",
    "lead_unit",
    "lead_user_email",
    "target_date",
    "baseline_target_date",
    "feasibility",
    "feasibility_rationale",
    "status",
    "progress",
    "progress_from_milestones",
]
REQUIRED = {"code", "title", "description", "theme", "source_reports", "lead_unit", "target_date"}
# Columns a file may leave out (added after the format was first published).
OPTIONAL_COLUMNS = {"title_fr", "description_fr"}


def cells(rec: Recommendation) -> list[str]:
    """One recommendation as a line of the file, in COLUMNS order."""
    values = snapshot(rec)
    return [
        rec.code,
        rec.title,
        rec.title_fr,
        rec.description,
        rec.description_fr,
        rec.theme.value,
        ";".join(values["reports"]),
        rec.lead_unit,
        values["lead_user"] or "",
        values["target_date"],
        rec.baseline_target_date.isoformat(),
        rec.feasibility.value,
        rec.feasibility_rationale,
        rec.status.value,
        str(rec.progress),
        "yes" if rec.progress_from_milestones else "no",
    ]


def _choice(enum_cls) -> Callable[[str], str]:
    def check(value: str) -> str:
        allowed = [m.value for m in enum_cls]
        if value not in allowed:
            raise ValueError(_("must be one of %(values)s", values=", ".join(allowed)))
        return value

    return check


def _reports(value: str) -> list[str]:
    keys = sorted({k.strip() for k in value.split(";") if k.strip()})
    allowed = {r.value for r in SourceReport}
    unknown = [k for k in keys if k not in allowed]
    if unknown or not keys:
        raise ValueError(
            _("use one or more of %(values)s, separated by ;", values=", ".join(sorted(allowed)))
        )
    return keys


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(_("must be a date as YYYY-MM-DD")) from None


def _progress(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or not 0 <= int(value) <= 100:
        raise ValueError(_("must be a whole number from 0 to 100"))
    return int(value)


def _yes_no(value: str) -> bool:
    if value.lower() not in ("yes", "no", ""):
        raise ValueError(_("must be yes or no"))
    return value.lower() == "yes"


def _code(value: str) -> str:
    if not value.startswith("R-") or not value[2:].isdigit() or not 2 <= len(value[2:]) <= 3:
        raise ValueError(_("must look like R-01"))
    return value


def _text(limit: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(_("is longer than %(limit)d characters", limit=limit))
        return value

    return check


def _line(limit: int) -> Callable[[str], str]:
    """A single-line cell: bidi controls dropped, as in every form (security/inputs.py)."""
    check = _text(limit)
    return lambda value: check(strip_bidi(value))


PARSERS: dict[str, Callable[[str], Any]] = {
    "code": _code,
    "title": _line(200),
    "title_fr": _line(200),
    "description": _text(5000),
    "description_fr": _text(5000),
    "theme": _choice(Theme),
    "source_reports": _reports,
    "lead_unit": _line(120),
    "lead_user_email": _text(254),
    "target_date": _iso_date,
    "baseline_target_date": _iso_date,
    "feasibility": _choice(Feasibility),
    "feasibility_rationale": _text(5000),
    "status": _choice(ImplementationStatus),
    "progress": _progress,
    "progress_from_milestones": _yes_no,
}
# CSV column -> tracked field
FIELD_OF_COLUMN = {"source_reports": "reports", "lead_user_email": "lead_user"}
COLUMN_OF_FIELD = {v: k for k, v in FIELD_OF_COLUMN.items()}
