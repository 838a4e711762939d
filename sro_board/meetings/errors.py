"""Meetings' refusals."""


class MeetingError(ValueError):
    """A refused change to a meeting (the message says why, in the page's language)."""


class MeetingConflict(MeetingError):
    """Someone else saved the meeting since the form was opened."""
