"""Shared fixtures: a fresh database per test, clients, logins and data factories."""

import os
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from sro_board import create_app
from sro_board.auth.roles import Role
from sro_board.auth.services import create_user
from sro_board.extensions import db
from sro_board.recommendations.definitions import seed_definitions
from sro_board.recommendations.services import create_recommendation

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def app():
    """An app on a fresh database (SQLite in memory, or TEST_DATABASE_URL)."""
    app = create_app("testing")
    with app.app_context():
        db.drop_all()
        db.create_all()
        seed_definitions()
        db.session.commit()
        yield app
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner."""
    return app.test_cli_runner()


def make_user(role_names, email=None, name="Test Person"):
    """Create and commit a staff user with the given roles."""
    roles = {Role(r) for r in role_names}
    email = email or f"{'-'.join(sorted(role_names)) or 'none'}@example.org"
    user = create_user(None, email=email, name=name, roles=roles, password=PASSWORD)
    db.session.commit()
    return user


def make_rec(code="R-01", **values):
    """Create and commit a recommendation through the service."""
    data = {
        "code": code,
        "title": f"Sample recommendation {code}",
        "description": "A description.",
        "theme": "role",
        "reports": ["final"],
        "lead_unit": "Youth Education Unit",
        "target_date": (date.today() + timedelta(days=365)).isoformat(),
    } | values
    rec = create_recommendation(None, data)
    db.session.commit()
    return rec


def login(client, user):
    """Log the client in as user through the real login form."""
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    return user


@pytest.fixture
def users(app):
    """One user per role, keyed by role name."""
    return {role.value: make_user([role.value]) for role in Role}


def count_rows(model) -> int:
    """Rows in a table."""
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def using_postgres() -> bool:
    """True when the suite runs against PostgreSQL."""
    return os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql")
