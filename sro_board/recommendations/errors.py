"""The tracker's refusals: each says why nothing was saved, in words shown to the user."""

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from flask_babel import ngettext

from .enums import SaveOutcome
from .models import Update


class TrackerError(ValueError):
    """A change the rules refuse; the message is shown to the user."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass
class FieldConflict:
    """A field that someone else changed since the editor loaded it."""

    field: str
    yours: Any
    current: Any


class EditConflict(TrackerError):
    """The recommendation changed since the form was loaded; nothing was saved."""

    def __init__(
        self,
        conflicts: list[FieldConflict],
        since: list[Update],
        merged: dict[str, Any] | None = None,
    ):
        super().__init__(
            _(
                "Someone else changed this recommendation while you were editing. "
                "Nothing was saved. Review their changes below, then save again."
            )
        )
        self.conflicts = conflicts
        self.since = since
        # The current values with the editor's own changes on top: what to offer for the next save.
        self.merged = merged


class OutcomeChanged(TrackerError):
    """Saving would not do what the save button said (e.g. publish); nothing was saved."""

    def __init__(self, outcome: SaveOutcome):
        super().__init__(outcome_changed(outcome))


def outcome_changed(outcome: SaveOutcome) -> str:
    """Why nothing was saved when the save button promised another outcome than `outcome`."""
    if outcome is SaveOutcome.PUBLISH:
        return _(
            "Nothing was saved yet: this update no longer needs a second sign-off, so saving "
            "publishes it at once. Check it, then choose “%(button)s”.",
            button=outcome.button,
        )
    if outcome is SaveOutcome.SIGN_OFF:
        return _(
            "Nothing was saved yet: with this status the update needs a second sign-off: "
            "another chair or an administrator must approve it before it is published. Choose "
            "“%(button)s” to save it for them, or choose another status.",
            button=outcome.button,
        )
    return _(
        "Nothing was saved yet: your update will be saved as a draft and published when the "
        "chair or an administrator approves it. Choose “%(button)s” to save it.",
        button=outcome.button,
    )


@dataclass
class RowError:
    """Why one cell of an imported CSV file was refused."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return _(
            "line %(line)d, column %(column)s: %(reason)s",
            line=self.line,
            column=self.column,
            reason=self.reason,
        )


class ImportFailed(ValueError):
    """The CSV file had errors; nothing was imported."""

    def __init__(self, errors: list[RowError]):
        super().__init__(
            ngettext(
                "%(num)d error; nothing was imported.",
                "%(num)d errors; nothing was imported.",
                len(errors),
            )
        )
        self.errors = errors
