"""Password policy and hashing.

Policy (ASVS V6.2): 15 to 128 characters, any characters, no composition rules; refused when it
is a common password (the shipped list of 19,640) or made only of this service's own words
(CONTEXT_WORDS) and digits, or contains the person's email name or full name. Hashing (V11.4.2):
argon2id with argon2-cffi's RFC 9106 parameters; werkzeug scrypt/pbkdf2 hashes from before are
still accepted and replaced by argon2id at the next successful login.
"""

import gzip
import re
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import gettext as _
from werkzeug.security import check_password_hash

MIN_PASSWORD = 15
MAX_PASSWORD = 128
COMMON_PASSWORDS = Path(__file__).parent / "data" / "common-passwords.txt.gz"
# Words of this service, its organisation and its roles (ASVS V6.1.2): a password made only of
# these (and digits or punctuation) is refused. docs/accounts.md lists them too.
CONTEXT_WORDS = (
    "sro",
    "school",
    "schools",
    "resource",
    "officer",
    "officers",
    "police",
    "service",
    "program",
    "programme",
    "review",
    "board",
    "advisory",
    "working",
    "group",
    "recommendation",
    "recommendations",
    "tracker",
    "progress",
    "staff",
    "admin",
    "administrator",
    "chair",
    "member",
    "reviewer",
    "alberta",
    "calgary",
    "edmonton",
    "password",
    "passphrase",
)
_ONLY_CONTEXT = re.compile("(?:" + "|".join(sorted(CONTEXT_WORDS, key=len, reverse=True)) + ")+")

# argon2id; tests swap in a cheap instance (tests/conftest.py cheap_hashing).
hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of the password, exactly as typed."""
    return hasher.hash(password)


def verify_password(stored: str, password: str) -> tuple[bool, bool]:
    """(matches, should be re-hashed) for a stored argon2id or older werkzeug hash."""
    if not stored:
        return False, False
    if stored.startswith("$argon2"):
        try:
            hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False, False
        return True, hasher.check_needs_rehash(stored)
    return check_password_hash(stored, password), True


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, lower-case."""
    with gzip.open(COMMON_PASSWORDS, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip())


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha())


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def password_problem(password: str, *, email: str = "", name: str = "") -> str | None:
    """Why a new password is refused, or None when it is acceptable."""
    if len(password) < MIN_PASSWORD:
        return _("The password must have at least %(min)d characters.", min=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        return _("The password must have at most %(max)d characters.", max=MAX_PASSWORD)
    if password.lower() in common_passwords() or password.strip().lower() in common_passwords():
        return _("That password is on a list of common passwords. Choose another.")
    letters = _letters(password)
    if letters and _ONLY_CONTEXT.fullmatch(letters):
        return _("The password is made only of words easy to guess here, like this service's name.")
    compact = _alnum(password)
    personal = [_alnum(email.partition("@")[0]), _alnum(name)]
    if any(len(part) >= 4 and part in compact for part in personal):
        return _("The password must not contain your name or email address.")
    return None
