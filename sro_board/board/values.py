"""Small value rules the board's services share: email addresses and stored datetimes."""

from datetime import UTC, datetime


def normalize_email(email: str) -> str:
    """Email addresses are compared and stored trimmed and in lower case."""
    return email.strip().lower()


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; they are UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)
