"""The board's refusals: the message of each is shown to the user."""


class BoardError(ValueError):
    """A refused board change; the message is shown to the user."""


class DuplicateApplication(BoardError):
    """The email address already has an application in this intake (said without details)."""


class IntakeClosed(BoardError):
    """The intake is not taking applications now."""
