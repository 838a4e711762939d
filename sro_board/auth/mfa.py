"""TOTP (RFC 6238, pyotp) and one-time recovery codes; each code is accepted once.

A code is valid for its own 30-second step only (ASVS V6.5.5), checked against the server's
clock; the last accepted step is stored so the same code, or an earlier one, is refused
(V6.5.1). Secrets come from pyotp.random_base32 (the secrets module, V6.5.3). Recovery codes
have about 49 random bits each and are stored as argon2id hashes (V6.5.2, V6.5.4).
"""

import hmac
import secrets
from datetime import datetime

import pyotp
import segno
import sqlalchemy as sa
from flask_babel import gettext
from markupsafe import Markup, escape

from ..core.clock import now_utc
from ..core.extensions import db
from . import passwords
from .models import RecoveryCode, User

PERIOD = 30
DIGITS = 6
ISSUER = "SRO review progress"
RECOVERY_CODE_COUNT = 10
# 31 symbols without look-alikes (0/o, 1/l/i): 10 characters give about 49 random bits.
RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
RECOVERY_LENGTH = 10


def new_secret() -> str:
    """A fresh 160-bit TOTP secret in base32."""
    return pyotp.random_base32(32)


def step_at(moment: datetime) -> int:
    """The number of the 30-second step a moment falls in."""
    return int(moment.timestamp()) // PERIOD


def code_at(secret: str, step: int) -> str:
    """The code an authenticator app shows during a step."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=PERIOD).at(step * PERIOD)


def current_code(secret: str) -> str:
    """The code for now (the demo command and tests use it)."""
    return code_at(secret, step_at(now_utc()))


def provisioning_uri(user: User, secret: str) -> str:
    """The otpauth:// URI an authenticator app reads (from the QR code or typed in)."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=PERIOD).provisioning_uri(
        name=user.email, issuer_name=ISSUER
    )


def qr_svg(uri: str) -> Markup:
    """The URI as an inline SVG QR code, drawn on the server (no script, no image request)."""
    svg = segno.make(uri, error="m").svg_inline(scale=4, svgclass="qr-code", omitsize=False)
    label = escape(gettext("QR code to scan"))
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    # segno writes only path data for the modules and our fixed attributes: the URI is encoded
    # in the drawing, never copied into the markup.
    return Markup(svg)  # noqa: S704  # nosec B704


def _digits(code: str) -> str:
    return "".join(ch for ch in code if not ch.isspace())


def verify_totp(user: User, code: str, secret: str | None = None) -> bool:
    """True once for the current step's code; records the step so it is not accepted again."""
    secret = secret or user.totp_secret
    code = _digits(code)
    if not secret or len(code) != DIGITS or not code.isdigit():
        return False
    step = step_at(now_utc())
    if not hmac.compare_digest(code, code_at(secret, step)):
        return False
    # One conditional UPDATE: of two requests with the same code, only one changes the row.
    claimed = db.session.execute(
        sa.update(User)
        .where(User.id == user.id)
        .where(sa.or_(User.totp_last_step.is_(None), User.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed:
        user.totp_last_step = step
    return bool(claimed)


def _normal_recovery(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes with new ones; returns them to show once."""
    plain = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    user.recovery_codes = [RecoveryCode(code_hash=passwords.hash_password(c)) for c in plain]
    return [f"{c[:5]}-{c[5:]}" for c in plain]


def use_recovery_code(user: User, code: str) -> bool:
    """True if the code is one of the user's unused recovery codes; it is then used up."""
    code = _normal_recovery(code)
    if len(code) != RECOVERY_LENGTH:
        return False
    for row in db.session.scalars(
        sa.select(RecoveryCode).where(
            RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None)
        )
    ):
        if passwords.verify_password(row.code_hash, code)[0]:
            used = db.session.execute(
                sa.update(RecoveryCode)
                .where(RecoveryCode.id == row.id, RecoveryCode.used_at.is_(None))
                .values(used_at=now_utc())
                .execution_options(synchronize_session=False)
            ).rowcount
            return bool(used)
    return False


def recovery_codes_left(user: User) -> int:
    """How many unused recovery codes the user has."""
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(RecoveryCode)
        .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    )
