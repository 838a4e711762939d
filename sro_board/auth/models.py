"""Staff accounts and their roles."""

from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..dbtypes import str_enum
from ..extensions import db
from ..timeutil import now_utc
from .roles import Role


class User(UserMixin, db.Model):
    """A staff account (there is no public sign-up)."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=now_utc)
    role_rows: Mapped[list["UserRole"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

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

    def set_password(self, password: str) -> None:
        """Hash and store a new password (scrypt, werkzeug's default)."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """True if the password matches the stored hash."""
        return check_password_hash(self.password_hash, password)


class UserRole(db.Model):
    """One role held by one user."""

    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), primary_key=True)
    role: Mapped[Role] = mapped_column(str_enum(Role), primary_key=True)
    user: Mapped[User] = relationship(back_populates="role_rows")
