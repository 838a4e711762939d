"""All-or-nothing CSV import of recommendations: check every line, then apply every line."""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from ...auth.models import User
from ...core.extensions import db
from ...security.spreadsheet import restore
from ..errors import ImportFailed, RowError, TrackerError
from ..fields import snapshot
from ..models import Recommendation
from ..rules import check_rules
from ..services import create_recommendation, diff, propose_update
from .columns import (
    COLUMN_OF_FIELD,
    COLUMNS,
    FIELD_OF_COLUMN,
    OPTIONAL_COLUMNS,
    PARSERS,
    REQUIRED,
)

# The first timeline entry of a recommendation created by an import (English, French).
IMPORTED_NOTE = (
    "Recommendation imported from a CSV file.",
    "Recommandation importée d'un fichier CSV.",
)


@dataclass
class ParsedRow:
    """One valid line of the file, as tracked values."""

    line: int
    code: str
    values: dict[str, Any]
    baseline: str | None


@dataclass
class ImportResult:
    """What an import did."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    awaiting_sign_off: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def parse_csv(text: str) -> list[ParsedRow]:
    """Check every line; raise ImportFailed listing each bad cell, or return the rows."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None:
        raise ImportFailed([RowError(1, "-", _("the file is empty"))])
    missing = [c for c in COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        reason = "; ".join(
            part
            for part in (
                _("missing columns: %(columns)s", columns=", ".join(missing)) if missing else "",
                _("unknown columns: %(columns)s", columns=", ".join(unknown)) if unknown else "",
            )
            if part
        )
        raise ImportFailed([RowError(1, "-", reason)])
    errors: list[RowError] = []
    rows: list[ParsedRow] = []
    seen: dict[str, int] = {}
    staff = {e for (e,) in db.session.execute(sa.select(User.email))}
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            errors.append(
                RowError(
                    line,
                    "-",
                    _(
                        "has %(cells)d cells, expected %(expected)d",
                        cells=len(cells),
                        expected=len(header),
                    ),
                )
            )
            continue
        raw = {col: restore(cell.strip()) for col, cell in zip(header, cells, strict=True)}
        parsed, row_errors = _parse_cells(line, raw, staff)
        errors += row_errors
        code = raw["code"]
        if code in seen:
            errors.append(
                RowError(
                    line, "code", _("%(code)s is also on line %(line)d", code=code, line=seen[code])
                )
            )
        seen[code] = line
        if not row_errors:
            rows.append(ParsedRow(line, code, parsed, raw["baseline_target_date"] or None))
    if errors:
        raise ImportFailed(errors)
    return rows


def _parse_cells(line: int, raw: dict[str, str], staff: set[str]) -> tuple[dict, list[RowError]]:
    values: dict[str, Any] = {}
    errors = []
    for column, parse in PARSERS.items():
        value = raw.get(column, "")  # an optional column the file leaves out reads as empty
        if not value:
            if column in REQUIRED:
                errors.append(RowError(line, column, _("is required")))
            continue
        try:
            values[FIELD_OF_COLUMN.get(column, column)] = parse(value)
        except ValueError as error:
            errors.append(RowError(line, column, str(error)))
    if raw["lead_user_email"] and raw["lead_user_email"].lower() not in staff:
        errors.append(RowError(line, "lead_user_email", _("no staff account has this email")))
    elif raw["lead_user_email"]:
        values["lead_user"] = raw["lead_user_email"].lower()
    else:
        values["lead_user"] = None
    values.pop("baseline_target_date", None)
    return values, errors


def import_csv(text: str, actor: User | None, progress: Callable[[Iterable], Iterable] = iter):
    """Import a CSV file: every line or none. Returns an ImportResult."""
    rows = parse_csv(text)
    result = ImportResult()
    existing = {
        r.code: r
        for r in db.session.scalars(
            sa.select(Recommendation).options(
                sa.orm.selectinload(Recommendation.milestones),
                sa.orm.selectinload(Recommendation.evidence),
            )
        )
    }
    errors: list[RowError] = []
    for row in progress(rows):
        # No savepoint per row: on SQLite (pysqlite) releasing the outermost one commits, which
        # broke all-or-nothing. A refused row changes nothing that outlives the rollback below.
        try:
            _import_row(row, existing.get(row.code), actor, result)
        except TrackerError as error:
            column = COLUMN_OF_FIELD.get(error.field or "", error.field or "-")
            errors.append(RowError(row.line, column, str(error)))
    if errors:
        db.session.rollback()
        raise ImportFailed(errors)
    return result


def _import_row(
    row: ParsedRow, rec: Recommendation | None, actor: User | None, result: ImportResult
) -> None:
    if rec is None:
        rec = create_recommendation(
            actor,
            {
                "code": row.code,
                **row.values,
                "target_date": row.baseline or row.values["target_date"],
                "public_note": IMPORTED_NOTE[0],
                "public_note_fr": IMPORTED_NOTE[1],
            },
        )
        result.created.append(row.code)
    elif row.baseline and row.baseline != rec.baseline_target_date.isoformat():
        raise TrackerError(_("the baseline target date cannot be changed"), "baseline_target_date")
    current = snapshot(rec)
    changes = diff(current, row.values)
    if not changes:
        if row.code not in result.created:
            result.unchanged.append(row.code)
        return
    check_rules(current, current | {f: c["new"] for f, c in changes.items()})
    update = propose_update(
        rec,
        actor,
        row.values,
        public_note="",
        internal_note="Changed by CSV import.",
        based_on_version=rec.version,
    )
    if update.decided_at is None:
        result.awaiting_sign_off.append(row.code)
    elif row.code not in result.created:
        result.updated.append(row.code)
