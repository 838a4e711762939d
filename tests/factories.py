"""Data factories and helpers for every test: users, logins, recommendations, row counts."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from urllib.parse import urlsplit

import pyotp
import sqlalchemy as sa
from argon2 import PasswordHasher

from sro_board import create_app
from sro_board.audit.models import AuditEntry
from sro_board.auth.mfa import code_at, new_recovery_codes, step_at
from sro_board.auth.models import User
from sro_board.auth.roles import MFA_REQUIRED_ROLES, Role
from sro_board.auth.services import create_user
from sro_board.auth.services_mfa import enrol_with_secret
from sro_board.core.clock import now_utc, today_local
from sro_board.core.extensions import db
from sro_board.recommendations.definitions import seed_definitions
from sro_board.recommendations.services import create_recommendation

PASSWORD = "correct-horse-battery-staple"
# Recovery codes of the test users with MFA, by email, for logins within one 30-second step.
RECOVERY_CODES: dict[str, list[str]] = {}
# argon2id with the smallest cost: logins stay real, the suite stays fast (real cost is tested
# in tests/security/test_passwords.py).
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def make_user(role_names, email=None, name="Test Person"):
    """Create and commit a staff user with the given roles."""
    roles = {Role(r) for r in role_names}
    email = email or f"{'-'.join(sorted(role_names)) or 'none'}@example.org"
    user = create_user(None, email=email, name=name, roles=roles, password=PASSWORD)
    if roles & set(MFA_REQUIRED_ROLES):
        enrol(user)
    db.session.commit()
    return user


def enrol(user, secret: str | None = None) -> str:
    """Turn on the user's two-step login with a known secret and recovery codes (not committed)."""
    secret = secret or pyotp.random_base32()
    enrol_with_secret(user, secret)
    RECOVERY_CODES[user.email] = new_recovery_codes(user)
    return secret


def next_code(user) -> str:
    """A code the login will accept: this step's TOTP if unused, else a recovery code."""
    db.session.expire_all()
    row = db.session.get(User, user.id)
    step = step_at(now_utc())
    if row.totp_last_step is None or row.totp_last_step < step:
        return code_at(row.totp_secret, step)
    return RECOVERY_CODES[row.email].pop()


def make_rec(code="R-01", **values):
    """Create and commit a recommendation through the service."""
    data = {
        "code": code,
        "title": f"Sample recommendation {code}",
        "description": "A description.",
        "theme": "role",
        "reports": ["final"],
        "lead_unit": "Youth Education Unit",
        "target_date": (today_local() + timedelta(days=365)).isoformat(),
    } | values
    rec = create_recommendation(None, data)
    db.session.commit()
    return rec


def login(client, user, password: str = PASSWORD):
    """Log the client in as user through the real login form (and code step, if enrolled)."""
    response = client.post("/login", data={"email": user.email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    if urlsplit(response.location).path == "/login/code":
        for _attempt in range(2):  # a second try if the 30-second step turned meanwhile
            response = client.post("/login/code", data={"code": next_code(user)})
            if response.status_code == 302:
                break
        assert response.status_code == 302, response.get_data(as_text=True)
    return user


def count_rows(model) -> int:
    """Rows in a table."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def using_postgres() -> bool:
    """True when the suite runs against PostgreSQL."""
    return os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql")


def fresh_database_url() -> str:
    """On PostgreSQL, a database of its own beside the worker's (created once), so a fresh app
    never drops the tables under a test's rolled-back transaction (that would wait forever)."""
    url = sa.engine.make_url(os.environ["TEST_DATABASE_URL"])
    name = f"{url.database}_fresh"
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.scalar(
            sa.text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        if not exists:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@contextmanager
def fresh_app(**overrides) -> Iterator:
    """An app with other settings on a fresh database (on PostgreSQL, one beside the worker's)."""
    if using_postgres():
        overrides.setdefault("SQLALCHEMY_DATABASE_URI", fresh_database_url())
    app = create_app("testing", **overrides)
    with app.app_context():
        db.drop_all()
        db.create_all()
        seed_definitions()
        db.session.commit()
        try:
            yield app
        finally:
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


def audit_actions() -> list[str]:
    """The actions in the audit log, oldest first."""
    return list(db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)))
