"""Form helpers of the board's staff pages: a confirming button, local date-times."""

from datetime import UTC, datetime

from flask_wtf import FlaskForm

from ..core.clock import as_local, local_zone


class ConfirmForm(FlaskForm):
    """A button that changes something (CSRF-protected, no fields)."""


def to_utc(value: datetime) -> datetime:
    """A local date-time typed into a form, as an aware UTC datetime."""
    return value.replace(tzinfo=local_zone()).astimezone(UTC)


def to_form_local(value: datetime) -> datetime:
    """A stored datetime as the naive local value a datetime-local input shows."""
    return as_local(value).replace(tzinfo=None)
