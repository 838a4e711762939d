"""CSV import in the browser: keep the upload, preview it, and on confirm run the CLI's import.

upload → preview (a dry run, csv/preview.py) → confirm → the job queue runs import_csv, the same
all-or-nothing service as `flask recommendations import`, recording progress as it goes.
"""

import hashlib
import logging
from collections.abc import Iterable, Iterator
from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from flask import abort
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from ..audit.services import record
from ..auth.models import User
from ..core.clock import now_utc
from ..core.extensions import db
from ..mail.queue import run_after_commit
from .csv.importer import import_csv
from .csv.preview import build_preview, decode, error_rows
from .errors import ImportFailed, TrackerError
from .import_models import ImportState, ImportUpload
from .models import Recommendation

log = logging.getLogger(__name__)
TASK = "recommendations.import"
KEEP_UPLOADS = timedelta(days=1)
PROGRESS_EVERY = 5  # rows between two progress writes


class ImportConflict(TrackerError):
    """A previewed recommendation changed after the preview; nothing was imported."""


def upload_file(actor: User, content: bytes) -> ImportUpload:
    """Keep an uploaded file with its preview (UnreadableFile if it is not UTF-8 CSV text)."""
    text = decode(content)
    preview = build_preview(text, actor)  # a dry run, rolled back: first, with nothing pending
    purge_old_uploads()
    upload = ImportUpload(
        uploader=actor,
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        preview=preview,
        total=len(preview["rows"]),
    )
    db.session.add(upload)
    db.session.flush()
    record(
        actor,
        "import.uploaded",
        "recommendation_import",
        upload.id,
        f"CSV file uploaded for import ({len(preview['rows'])} lines,"
        f" {len(preview['errors'])} errors)",
        after={"sha256": upload.sha256, "bytes": len(content)},
    )
    return upload


def find_upload(upload_id: int, actor: User) -> ImportUpload:
    """The actor's own upload, or 404 (someone else's is not shown, not even that it exists)."""
    upload = db.session.get(ImportUpload, upload_id)
    if upload is None or upload.uploader_id != actor.id:
        abort(404)
    return upload


def changed_since_preview(upload: ImportUpload) -> list[str]:
    """Codes of previewed recommendations whose version changed (or that appeared) since."""
    versions: dict[str, int | None] = upload.preview.get("versions", {})
    now = dict(
        db.session.execute(
            sa.select(Recommendation.code, Recommendation.version).where(
                Recommendation.code.in_(list(versions))
            )
        ).all()
    )
    return sorted(code for code, version in versions.items() if now.get(code) != version)


def conflict_message(codes: list[str]) -> str:
    """Why a confirmed import was refused after someone else's change."""
    return _(
        "Nothing was imported: %(codes)s changed since your preview. Upload the file again "
        "to see a new preview.",
        codes=", ".join(codes),
    )


def confirm_import(upload: ImportUpload, actor: User) -> bool:
    """Queue the import of a previewed file; False if it was already confirmed (no change).

    Refused (TrackerError) for a file with bad lines and (ImportConflict) when a previewed
    recommendation changed since the preview.
    """
    if upload.state is not ImportState.PREVIEWED:
        return False
    if upload.bad_lines:
        raise TrackerError(_("This file has errors; nothing can be imported. Fix them first."))
    if not upload.changes_something:
        raise TrackerError(_("This file changes nothing; there is nothing to import."))
    if changed := changed_since_preview(upload):
        raise ImportConflict(conflict_message(changed))
    # Only one request wins the move from previewed to queued (a double click, two tabs).
    moved = db.session.execute(
        sa.update(ImportUpload)
        .where(ImportUpload.id == upload.id, ImportUpload.state == ImportState.PREVIEWED)
        .values(state=ImportState.QUEUED)
        .execution_options(synchronize_session=False)
    ).rowcount
    if moved != 1:
        return False
    db.session.refresh(upload)
    record(
        actor,
        "import.confirmed",
        "recommendation_import",
        upload.id,
        f"CSV import confirmed ({upload.total} lines)",
        after={"sha256": upload.sha256},
    )
    run_after_commit(TASK, upload.id)
    return True


def _claim(upload_id: int) -> bool:
    moved = db.session.execute(
        sa.update(ImportUpload)
        .where(ImportUpload.id == upload_id, ImportUpload.state == ImportState.QUEUED)
        .values(state=ImportState.RUNNING, progress=0)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return moved == 1


def _write_progress(upload_id: int, done: int) -> None:
    """Record progress outside the import's transaction, so the status page sees it."""
    if db.engine.dialect.name == "sqlite":
        return  # one writer at a time: SQLite shows the count when the import commits
    try:
        with db.engine.begin() as connection:
            connection.execute(
                sa.update(ImportUpload).where(ImportUpload.id == upload_id).values(progress=done)
            )
    except sa.exc.SQLAlchemyError:
        log.warning("import %s: progress not recorded", upload_id)


def _counting(upload_id: int, rows: Iterable) -> Iterator:
    for done, row in enumerate(rows, start=1):
        yield row
        if done % PROGRESS_EVERY == 0:
            _write_progress(upload_id, done)


def run_import(upload_id: int) -> None:
    """The job: import a confirmed file with import_csv, all lines or none (runs once)."""
    if not _claim(upload_id):
        return
    upload = db.session.get(ImportUpload, upload_id)
    uploader = upload.uploader
    with force_locale(uploader.email_language()):
        outcome = _import(upload, uploader)
    upload = db.session.get(ImportUpload, upload_id)
    upload.finished_at = now_utc()
    upload.result = outcome
    upload.state = ImportState.FAILED if outcome.get("message") else ImportState.DONE
    if upload.state is ImportState.DONE:
        upload.progress = upload.total
    record(
        uploader,
        "import.finished" if upload.state is ImportState.DONE else "import.failed",
        "recommendation_import",
        upload.id,
        f"CSV import {upload.state}: {len(outcome.get('created', []))} created,"
        f" {len(outcome.get('updated', []))} updated,"
        f" {len(outcome.get('awaiting_sign_off', []))} awaiting sign-off",
        after=outcome,
    )
    db.session.commit()


def _import(upload: ImportUpload, uploader: User) -> dict[str, Any]:
    """Run the import and commit it; on any refusal roll back and say why."""
    upload_id = upload.id
    if changed := changed_since_preview(upload):
        db.session.rollback()
        return {"message": conflict_message(changed), "errors": []}
    try:
        result = import_csv(
            decode(upload.content), uploader, lambda rows: _counting(upload_id, rows)
        )
        db.session.commit()
    except ImportFailed as failure:
        db.session.rollback()
        return {"message": str(failure), "errors": error_rows(failure.errors)}
    except StaleDataError:
        db.session.rollback()
        return {
            "message": _(
                "Nothing was imported: someone changed a recommendation during the import. "
                "Upload the file again to see a new preview."
            ),
            "errors": [],
        }
    except (TrackerError, ValueError) as error:
        db.session.rollback()
        log.warning("import %s refused (%s)", upload_id, type(error).__name__)
        return {"message": _("Nothing was imported: %(reason)s", reason=str(error)), "errors": []}
    except Exception:  # noqa: BLE001 - a job: say so on the status page, never stay "running"
        db.session.rollback()
        log.exception("import %s stopped", upload_id)
        return {
            "message": _(
                "Nothing was imported: the import stopped on an unexpected error. "
                "Upload the file again; if it happens again, tell an administrator."
            ),
            "errors": [],
        }
    return {
        "created": result.created,
        "updated": result.updated,
        "awaiting_sign_off": result.awaiting_sign_off,
        "unchanged": result.unchanged,
    }


def purge_old_uploads() -> int:
    """Delete uploads older than a day (their file and preview); the count deleted."""
    return db.session.execute(
        sa.delete(ImportUpload)
        .where(ImportUpload.created_at < now_utc() - KEEP_UPLOADS)
        .execution_options(synchronize_session=False)
    ).rowcount


def purge_task() -> None:
    """The worker's hourly round: delete old uploads; run any confirmed import whose job was
    lost (the queue was away at the confirm); run_import runs each once."""
    purge_old_uploads()
    db.session.commit()
    waiting = db.session.scalars(
        sa.select(ImportUpload.id).where(ImportUpload.state == ImportState.QUEUED)
    ).all()
    for upload_id in waiting:
        run_import(upload_id)
