"""What an uploaded CSV file would do: its text checked, then a dry run of the real import.

The dry run is the CLI's importer itself (importer.import_csv), run inside a transaction that is
always rolled back: the preview shows exactly what the import will do, field by field, and every
bad line, without a second set of rules to keep in step.
"""

import csv
import io
from typing import Any

import sqlalchemy as sa
from flask_babel import gettext as _

from ...auth.models import User
from ...core.extensions import db
from ..errors import ImportFailed, RowError
from ..fields import snapshot
from ..models import Recommendation, Update
from .importer import import_csv, parse_csv

UTF8_BOM = b"\xef\xbb\xbf"
# Rows shown for a new recommendation: its tracked fields, without the lists the CSV leaves out.
LIST_FIELDS = ("milestones", "evidence")


class UnreadableFile(ValueError):
    """The upload is not a CSV file the importer can read; the message says why."""


def decode(content: bytes) -> str:
    """The file's text: UTF-8, with or without a byte order mark; refuse anything else."""
    if not content.removeprefix(UTF8_BOM).strip():
        raise UnreadableFile(_("The file is empty. Choose a CSV file exported from the tracker."))
    if b"\x00" in content:
        raise UnreadableFile(
            _("This is not a text file. Choose a CSV file (UTF-8) exported from the tracker.")
        )
    try:
        text = content.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(
            _(
                "The file is not UTF-8 text. Save it as “CSV UTF-8” in your spreadsheet, "
                "then upload it again."
            )
        ) from None
    # Line ends as the csv module reads a file opened with newline="" (the CLI does the same).
    return text


def error_rows(errors: list[RowError]) -> list[dict[str, Any]]:
    """Bad cells as JSON-ready rows, by line."""
    return [
        {"line": e.line, "column": e.column, "reason": e.reason}
        for e in sorted(errors, key=lambda e: (e.line, e.column))
    ]


def csv_problem(text: str) -> RowError | None:
    """Where the text stops being CSV the csv module can read (e.g. a cell over its size limit)."""
    reader = csv.reader(io.StringIO(text))
    try:
        for _row in reader:
            pass
    except csv.Error:
        return RowError(
            reader.line_num or 1,
            "-",
            _("cannot be read as CSV: a cell is too long, or a quotation mark is not closed"),
        )
    return None


def _versions(codes: list[str]) -> dict[str, int | None]:
    found = dict(
        db.session.execute(
            sa.select(Recommendation.code, Recommendation.version).where(
                Recommendation.code.in_(codes)
            )
        ).all()
    )
    return {code: found.get(code) for code in codes}


def build_preview(text: str, actor: User) -> dict[str, Any]:
    """Every change the file makes (per recommendation, field, old and new) and every bad line.

    Runs the import and rolls it back: call it with nothing else pending in the session.
    """
    if problem := csv_problem(text):
        return {"rows": [], "errors": error_rows([problem]), "versions": {}}
    try:
        rows = parse_csv(text)
    except ImportFailed as failure:
        db.session.rollback()
        return {"rows": [], "errors": error_rows(failure.errors), "versions": {}}
    codes = [row.code for row in rows]
    versions = _versions(codes)
    last_update = db.session.scalar(sa.select(sa.func.max(Update.id))) or 0
    try:
        result = import_csv(text, actor)
    except ImportFailed as failure:
        db.session.rollback()
        return {"rows": [], "errors": error_rows(failure.errors), "versions": versions}
    try:
        changes = _changes_since(last_update, actor)
        created = {
            rec.code: snapshot(rec)
            for rec in db.session.scalars(
                sa.select(Recommendation).where(Recommendation.code.in_(result.created))
            )
        }
        kinds = (
            dict.fromkeys(result.created, "created")
            | dict.fromkeys(result.updated, "updated")
            | dict.fromkeys(result.awaiting_sign_off, "awaiting_sign_off")
            | dict.fromkeys(result.unchanged, "unchanged")
        )
        preview_rows = []
        for row in rows:
            if row.code in created:
                fields = [
                    {"field": f, "old": None, "new": v}
                    for f, v in created[row.code].items()
                    if f not in LIST_FIELDS
                ]
            else:
                fields = [
                    {"field": f, "old": c["old"], "new": c["new"]}
                    for f, c in changes.get(row.code, {}).items()
                ]
            preview_rows.append(
                {"line": row.line, "code": row.code, "kind": kinds[row.code], "changes": fields}
            )
    finally:
        db.session.rollback()
    return {"rows": preview_rows, "errors": [], "versions": versions}


def _changes_since(last_update: int, actor: User) -> dict[str, dict[str, Any]]:
    """The changes of the updates the dry run wrote, by recommendation code."""
    changes: dict[str, dict[str, Any]] = {}
    for code, update_changes in db.session.execute(
        sa.select(Recommendation.code, Update.changes)
        .join(Update.recommendation)
        .where(Update.id > last_update, Update.author_id == actor.id)
        .order_by(Update.id)
    ):
        changes.setdefault(code, {}).update(update_changes)
    return changes
