"""Application reference codes, like BRD-7KQ4-M9XT: random, unique, easy to read out."""

import secrets

import sqlalchemy as sa

from ...core.extensions import db
from ..models import Application

# Reference codes avoid look-alike characters (0/O, 1/I/L) so they can be read out on the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8


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
