"""Staff accounts, their roles, and what proves who they are (MFA, emailed links, throttling)."""

import enum
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..core.clock import now_utc
from ..core.database import str_enum
from ..core.extensions import db
from ..security.crypto import EncryptedText
from . import passwords
from .roles import MFA_REQUIRED_ROLES, Role


class User(UserMixin, db.Model):
    """A staff account (there is no public sign-up)."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    # "" until an invited person sets their own password (nobody can log in with it).
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    # Part of every session's id: raising it ends all of the user's sessions (see login.py).
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # The language of the user's email, "en" or "fr"; None until chosen (the email then
    # follows the page it was asked from, English by default: see email_language).
    language: Mapped[str | None] = mapped_column(sa.String(2))
    # Fernet-encrypted with ENCRYPTION_KEYS (a database copy alone cannot make codes).
    totp_secret: Mapped[str | None] = mapped_column(EncryptedText)
    totp_enabled_at: Mapped[datetime | None]
    # The last 30-second time step whose code was accepted: a code works once.
    totp_last_step: Mapped[int | None] = mapped_column(sa.BigInteger)
    role_rows: Mapped[list["UserRole"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )
    recovery_codes: Mapped[list["RecoveryCode"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    def get_id(self) -> str:
        """The session's user id: id and session version, so old sessions stop matching."""
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:
        """Deactivated users cannot log in and lose their sessions."""
        return self.active

    @property
    def roles(self) -> set[Role]:
        """The roles this user holds."""
        return {row.role for row in self.role_rows}

    def has_role(self, *roles: Role) -> bool:
        """True if the user holds any of the given roles."""
        return bool(self.roles.intersection(roles))

    def set_roles(self, roles: set[Role]) -> None:
        """Replace the user's roles."""
        keep = [row for row in self.role_rows if row.role in roles]
        missing = roles - {row.role for row in keep}
        self.role_rows = keep + [UserRole(role=role) for role in sorted(missing)]

    def email_language(self, fallback: str | None = None) -> str:
        """The language to write to this user in: their choice, else the fallback, else English."""
        return self.language or fallback or "en"

    @property
    def has_password(self) -> bool:
        """False for an invitation not yet accepted."""
        return bool(self.password_hash)

    @property
    def mfa_enabled(self) -> bool:
        """True once the user confirmed an authenticator app."""
        return self.totp_enabled_at is not None

    @property
    def mfa_required(self) -> bool:
        """Admins and chairs must use a second factor."""
        return self.has_role(*MFA_REQUIRED_ROLES)

    def set_password(self, password: str) -> None:
        """Hash and store a new password (argon2id)."""
        self.password_hash = passwords.hash_password(password)

    def check_password(self, password: str) -> bool:
        """True if the password matches; an old or weaker hash is replaced by argon2id."""
        ok, rehash = passwords.verify_password(self.password_hash, password)
        if ok and rehash:
            self.set_password(password)
        return ok


class UserRole(db.Model):
    """One role held by one user."""

    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), primary_key=True)
    role: Mapped[Role] = mapped_column(str_enum(Role), primary_key=True)
    user: Mapped[User] = relationship(back_populates="role_rows")


class RecoveryCode(db.Model):
    """A one-time MFA recovery code, stored as an argon2id hash."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    code_hash: Mapped[str] = mapped_column(sa.String(255))
    used_at: Mapped[datetime | None]
    user: Mapped[User] = relationship(back_populates="recovery_codes")


class TokenPurpose(enum.StrEnum):
    """What an emailed single-use link is for."""

    INVITATION = "invitation"
    PASSWORD_RESET = "password_reset"  # noqa: S105 - a name, not a password


class AccountToken(db.Model):
    """An emailed single-use link (invitation or password reset); only its sha256 is kept."""

    __tablename__ = "account_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    purpose: Mapped[TokenPurpose] = mapped_column(str_enum(TokenPurpose))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    user: Mapped[User] = relationship()


class LoginThrottle(db.Model):
    """Consecutive failed logins for one email address (known or not), keyed by its HMAC."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime] = mapped_column(default=now_utc)
    blocked_until: Mapped[datetime | None]


class UserSession(db.Model):
    """One logged-in browser of a user; the cookie holds a random key, the row its sha256."""

    __tablename__ = "user_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=now_utc)
    last_seen_at: Mapped[datetime] = mapped_column(default=now_utc)
    # "Firefox on Linux": a summary of the User-Agent, never the whole header.
    browser: Mapped[str] = mapped_column(sa.String(80), default="")
    ended_at: Mapped[datetime | None]
