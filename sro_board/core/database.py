"""Shared column types: enums stored by value, and the one UTC-aware DateTime."""

import enum
from datetime import UTC, datetime

import sqlalchemy as sa


def str_enum(enum_cls: type[enum.Enum], length: int = 32) -> sa.Enum:
    """Store an enum by its value in a VARCHAR, portable across SQLite and PostgreSQL."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class UTCDateTime(sa.types.TypeDecorator):
    """TIMESTAMP WITH TIME ZONE that always reads back as an aware UTC datetime.

    SQLite keeps no offset and returns naive values; PostgreSQL returns the session's zone.
    Either way the application sees UTC, so no code needs to patch a naive value up.
    """

    impl = sa.DateTime
    cache_ok = True

    def __init__(self) -> None:
        super().__init__(timezone=True)

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        """Store UTC; a naive value is a bug (the app's clock gives aware datetimes)."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a naive datetime cannot be stored: use now_utc() or an aware value")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        """Read as aware UTC (SQLite's naive values are UTC: that is how they were stored)."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
