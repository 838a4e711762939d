"""Encryption at rest: MultiFernet keys from ENCRYPTION_KEYS, and column types that use them.

The first key encrypts; every key listed decrypts, so a new key is put first, `flask security
rotate-keys` re-encrypts every value with it, and the old key is removed afterwards.
Ciphertext is randomised: an encrypted column can be read and written but never compared in
SQL (filter in Python after reading, or add a keyed blind-index column).
"""

import enum
import hashlib
import hmac
from collections.abc import Iterator

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import Flask, current_app
from sqlalchemy.sql import operators

EXTENSION = "sro_board.crypto"


class EncryptionKeyError(ValueError):
    """ENCRYPTION_KEYS is missing or holds something that is not a Fernet key."""


def parse_keys(value: str) -> MultiFernet:
    """A MultiFernet from comma-separated Fernet keys; the first one encrypts."""
    keys = [k.strip() for k in (value or "").split(",") if k.strip()]
    if not keys:
        raise EncryptionKeyError("ENCRYPTION_KEYS is empty")
    try:
        return MultiFernet([Fernet(k) for k in keys])
    except (ValueError, TypeError):
        raise EncryptionKeyError("ENCRYPTION_KEYS must be comma-separated Fernet keys") from None


def register(app: Flask) -> None:
    """Build the app's MultiFernet once, from its ENCRYPTION_KEYS."""
    app.extensions[EXTENSION] = parse_keys(app.config["ENCRYPTION_KEYS"])


def fernet() -> MultiFernet:
    """The current app's MultiFernet."""
    return current_app.extensions[EXTENSION]


def encrypt(text: str) -> str:
    """Encrypt text with the first key."""
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """Decrypt a token made with any configured key."""
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken:
        raise InvalidToken("a value could not be decrypted with ENCRYPTION_KEYS") from None


def keyed_hash(text: str) -> str:
    """HMAC-SHA256 hex of text under a key derived from SECRET_KEY: findable, not readable."""
    secret = current_app.config["SECRET_KEY"].encode("utf-8")
    key = hashlib.sha256(b"sro-board keyed hash\0" + secret).digest()
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


class _NoSqlComparison(sa.types.TypeDecorator.Comparator):
    """Only IS NULL / IS NOT NULL: ciphertext never equals ciphertext."""

    def operate(self, op, *other, **kwargs):
        if op in (operators.is_, operators.is_not):
            return super().operate(op, *other, **kwargs)
        raise TypeError("encrypted columns cannot be compared or sorted in SQL")

    def reverse_operate(self, op, other, **kwargs):
        raise TypeError("encrypted columns cannot be compared or sorted in SQL")


class EncryptedText(sa.types.TypeDecorator):
    """A string stored as Fernet ciphertext (TEXT); None stays NULL."""

    impl = sa.Text
    cache_ok = True
    comparator_factory = _NoSqlComparison

    def process_bind_param(self, value, dialect):
        """Encrypt on the way in."""
        return None if value is None else encrypt(str(value))

    def process_result_value(self, value, dialect):
        """Decrypt on the way out."""
        return None if value is None else decrypt(value)


class EncryptedEnum(EncryptedText):
    """An enum member stored as the ciphertext of its value."""

    cache_ok = True

    def __init__(self, enum_cls: type[enum.Enum]):
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value, dialect):
        """Check the value is a member, then encrypt its value."""
        if value is None:
            return None
        return encrypt(self.enum_cls(value).value)

    def process_result_value(self, value, dialect):
        """Decrypt and turn back into the member."""
        return None if value is None else self.enum_cls(decrypt(value))


def encrypted_columns(metadata: sa.MetaData) -> Iterator[sa.Column]:
    """Every column of the schema stored encrypted."""
    for table in metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, EncryptedText):
                yield column


def rotate_column(connection: sa.Connection, column: sa.Column, batch: int = 500) -> int:
    """Re-encrypt one column's values with the first key; returns how many were rewritten."""
    table = column.table
    keys = list(table.primary_key.columns)
    raw = sa.type_coerce(column, sa.Text).label("raw")
    done = 0
    last: tuple | None = None
    while True:
        query = sa.select(*keys, raw).where(column.is_not(None)).order_by(*keys).limit(batch)
        query = query.with_for_update()  # an app write meanwhile waits (PostgreSQL)
        if last is not None:
            query = query.where(sa.tuple_(*keys) > sa.tuple_(*last))
        rows = connection.execute(query).all()
        if not rows:
            return done
        for row in rows:
            *pk, token = row
            new = fernet().rotate(token.encode("ascii")).decode("ascii")
            connection.execute(
                sa.update(table)
                .where(*(k == v for k, v in zip(keys, pk, strict=True)))
                .values({column.name: sa.type_coerce(new, sa.Text)})
            )
            done += 1
        last = tuple(rows[-1][: len(keys)])
