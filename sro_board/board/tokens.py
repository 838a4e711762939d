"""Private link tokens and reference codes: random, and only a token's sha256 is stored."""

import hashlib
import re
import secrets
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app

from ..extensions import db
from .models import Application

TOKEN_BYTES = 32
# token_urlsafe(32) gives 43 characters of [A-Za-z0-9_-].
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")
# Reference codes avoid look-alike characters (0/O, 1/I/L) so they can be read out on the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8


def new_token() -> tuple[str, str]:
    """A fresh token for a private link and the hash to store: (token, sha256 hex)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    """The sha256 hex digest stored in place of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_hash_or_none(token: str) -> str | None:
    """The hash to look a link up by, or None when the token cannot be one of ours."""
    return hash_token(token) if TOKEN_SHAPE.fullmatch(token) else None


def new_reference() -> str:
    """A reference code not yet used, like BRD-7KQ4-M9XT."""
    while True:
        code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
        reference = f"BRD-{code[:4]}-{code[4:]}"
        taken = db.session.scalar(
            sa.select(Application.id).where(Application.reference == reference)
        )
        if taken is None:
            return reference


def public_url(endpoint: str, **values) -> str:
    """An absolute link under PUBLIC_BASE_URL (works in requests and on the command line)."""
    base = urlsplit(current_app.config["PUBLIC_BASE_URL"].rstrip("/"))
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme or "https"
    )
    return adapter.build(endpoint, values, force_external=True)
