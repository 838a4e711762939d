"""Secret link tokens: 256 random bits, of which only the sha256 is ever stored."""

import hashlib
import re
import secrets

TOKEN_BYTES = 32
# token_urlsafe(32) gives 43 characters of [A-Za-z0-9_-].
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


def new_token() -> tuple[str, str]:
    """A fresh token for a secret link and the hash to store: (token, sha256 hex)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, hash_token(token)


def hash_token(token: str) -> str:
    """The sha256 hex digest stored in place of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_hash_or_none(token: str) -> str | None:
    """The hash to look a link up by, or None when the token cannot be one of ours."""
    return hash_token(token) if TOKEN_SHAPE.fullmatch(token) else None
