"""The tracker's refusals: each says why nothing was saved, in words shown to the user."""

from dataclasses import dataclass
from typing import Any

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
            "Someone else changed this recommendation while you were editing. "
            "Nothing was saved. Review their changes below, then save again."
        )
        self.conflicts = conflicts
        self.since = since
        # The current values with the editor's own changes on top: what to offer for the next save.
        self.merged = merged


class OutcomeChanged(TrackerError):
    """Saving would not do what the save button said (e.g. publish); nothing was saved."""

    def __init__(self, outcome: SaveOutcome):
        super().__init__(f"Nothing was saved yet: {OUTCOME_CHANGED[outcome]}")


OUTCOME_CHANGED = {
    SaveOutcome.PUBLISH: "this update no longer needs a second sign-off, so saving publishes it "
    f"at once. Check it, then choose “{SaveOutcome.PUBLISH.button}”.",
    SaveOutcome.SIGN_OFF: "with this status the update needs a second sign-off: another chair "
    "or an administrator must approve it before it is published. Choose "
    f"“{SaveOutcome.SIGN_OFF.button}” to save it for them, or choose another status.",
    SaveOutcome.DRAFT: "your update will be saved as a draft and published when the chair or an "
    f"administrator approves it. Choose “{SaveOutcome.DRAFT.button}” to save it.",
}


@dataclass
class RowError:
    """Why one cell of an imported CSV file was refused."""

    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.reason}"


class ImportFailed(ValueError):
    """The CSV file had errors; nothing was imported."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} error(s); nothing was imported.")
        self.errors = errors
