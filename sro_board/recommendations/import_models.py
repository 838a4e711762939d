"""The CSV files staff upload in the browser, kept between the preview and the import."""

import enum
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..auth.models import User
from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db


class ImportState(enum.StrEnum):
    """Where an uploaded file is: previewed, waiting for the worker, importing, or finished."""

    PREVIEWED = "previewed"
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class ImportUpload(db.Model):
    """One uploaded CSV file, its preview and, once confirmed, the import's progress and result."""

    __tablename__ = "recommendation_import"

    id: Mapped[int] = mapped_column(primary_key=True)
    uploader_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=now_utc, index=True)
    content: Mapped[bytes] = mapped_column(sa.LargeBinary)
    sha256: Mapped[str] = mapped_column(sa.String(64))
    state: Mapped[ImportState] = mapped_column(str_enum(ImportState), default=ImportState.PREVIEWED)
    # {"rows": [...], "errors": [...], "versions": {code: version or None}}
    preview: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    progress: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    # {"created": [...], "updated": [...], "awaiting_sign_off": [...], "unchanged": [...],
    #  "errors": [...], "message": "..."}
    result: Mapped[dict[str, Any] | None] = mapped_column(sa.JSON)
    finished_at: Mapped[datetime | None]

    uploader: Mapped[User] = relationship()

    # Never reuse an id (SQLite would): an old link must not lead to a newer upload.
    __table_args__ = {"sqlite_autoincrement": True}

    @property
    def bad_lines(self) -> list[dict[str, Any]]:
        """The preview's bad lines: line, column and reason of each."""
        return list(self.preview.get("errors", []))

    @property
    def changes_something(self) -> bool:
        """True when the preview found at least one recommendation to create or change."""
        return any(row["kind"] != "unchanged" for row in self.preview.get("rows", []))

    @property
    def can_confirm(self) -> bool:
        """True while the file is previewed, changes something, has no bad line."""
        return self.state is ImportState.PREVIEWED and not self.bad_lines and self.changes_something
