"""CSV export and all-or-nothing import of recommendations (the same format both ways)."""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from ..auth.models import User
from ..core.extensions import db
from ..security.events import security_event
from ..security.inputs import strip_bidi
from ..security.spreadsheet import neutralise, restore
from .enums import Feasibility, ImplementationStatus, SourceReport, Theme
from .errors import ImportFailed, RowError, TrackerError
from .fields import snapshot
from .models import Recommendation
from .rules import check_rules
from .services import create_recommendation, diff, propose_update

COLUMNS = [
    "code",
    "title",
    "description",
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


def _row(rec: Recommendation) -> list[str]:
    values = snapshot(rec)
    return [
        rec.code,
        rec.title,
        rec.description,
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


def export_csv() -> str:
    """All recommendations as CSV text, formula cells neutralised; logged as a security event."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    recs = db.session.scalars(
        sa.select(Recommendation)
        .options(
            sa.orm.selectinload(Recommendation.milestones),
            sa.orm.selectinload(Recommendation.evidence),
        )
        .order_by(Recommendation.code)
    )
    rows = 0
    for rec in recs:
        writer.writerow([neutralise(cell) for cell in _row(rec)])
        rows += 1
    security_event("export.recommendations", format="csv", rows=rows)
    return out.getvalue()


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


def _choice(enum_cls) -> Callable[[str], str]:
    def check(value: str) -> str:
        allowed = [m.value for m in enum_cls]
        if value not in allowed:
            raise ValueError(f"must be one of {', '.join(allowed)}")
        return value

    return check


def _reports(value: str) -> list[str]:
    keys = sorted({k.strip() for k in value.split(";") if k.strip()})
    allowed = {r.value for r in SourceReport}
    unknown = [k for k in keys if k not in allowed]
    if unknown or not keys:
        raise ValueError(f"use one or more of {', '.join(sorted(allowed))}, separated by ;")
    return keys


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError("must be a date as YYYY-MM-DD") from None


def _progress(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or not 0 <= int(value) <= 100:
        raise ValueError("must be a whole number from 0 to 100")
    return int(value)


def _yes_no(value: str) -> bool:
    if value.lower() not in ("yes", "no", ""):
        raise ValueError("must be yes or no")
    return value.lower() == "yes"


def _code(value: str) -> str:
    if not value.startswith("R-") or not value[2:].isdigit() or not 2 <= len(value[2:]) <= 3:
        raise ValueError("must look like R-01")
    return value


def _text(limit: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(f"is longer than {limit} characters")
        return value

    return check


def _line(limit: int) -> Callable[[str], str]:
    """A single-line cell: bidi controls dropped, as in every form (security/inputs.py)."""
    check = _text(limit)
    return lambda value: check(strip_bidi(value))


PARSERS: dict[str, Callable[[str], Any]] = {
    "code": _code,
    "title": _line(200),
    "description": _text(5000),
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


def parse_csv(text: str) -> list[ParsedRow]:
    """Check every line; raise ImportFailed listing each bad cell, or return the rows."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None:
        raise ImportFailed([RowError(1, "-", "the file is empty")])
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        reason = "; ".join(
            part
            for part in (
                f"missing columns: {', '.join(missing)}" if missing else "",
                f"unknown columns: {', '.join(unknown)}" if unknown else "",
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
            errors.append(RowError(line, "-", f"has {len(cells)} cells, expected {len(header)}"))
            continue
        raw = {col: restore(cell.strip()) for col, cell in zip(header, cells, strict=True)}
        parsed, row_errors = _parse_cells(line, raw, staff)
        errors += row_errors
        code = raw["code"]
        if code in seen:
            errors.append(RowError(line, "code", f"{code} is also on line {seen[code]}"))
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
        value = raw[column]
        if not value:
            if column in REQUIRED:
                errors.append(RowError(line, column, "is required"))
            continue
        try:
            values[FIELD_OF_COLUMN.get(column, column)] = parse(value)
        except ValueError as error:
            errors.append(RowError(line, column, str(error)))
    if raw["lead_user_email"] and raw["lead_user_email"].lower() not in staff:
        errors.append(RowError(line, "lead_user_email", "no staff account has this email"))
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
                "public_note": "Recommendation imported from a CSV file.",
            },
        )
        result.created.append(row.code)
    elif row.baseline and row.baseline != rec.baseline_target_date.isoformat():
        raise TrackerError("the baseline target date cannot be changed", "baseline_target_date")
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
