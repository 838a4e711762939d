"""Shared fixtures: a fresh database per test, clients, logins (helpers: tests/factories.py)."""

import pytest
import sqlalchemy as sa

from sro_board import create_app
from sro_board.auth import passwords
from sro_board.auth.roles import Role
from sro_board.core.extensions import db
from sro_board.recommendations.definitions import seed_definitions
from tests.factories import CHEAP_HASHER, make_user


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch):
    """Every test hashes passwords and recovery codes with a cheap argon2id."""
    monkeypatch.setattr(passwords, "hasher", CHEAP_HASHER)


def empty_database() -> None:
    """Every table empty, ids from 1: one TRUNCATE on PostgreSQL, a new schema otherwise."""
    if db.engine.dialect.name == "postgresql":
        db.create_all()  # tables a previous test dropped
        tables = ", ".join(f'"{table.name}"' for table in db.metadata.sorted_tables)
        try:
            db.session.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            db.session.commit()
            return
        except sa.exc.DBAPIError:  # e.g. the migrated audit table refuses TRUNCATE
            db.session.rollback()
    db.drop_all()
    db.create_all()


@pytest.fixture
def app():
    """An app on a fresh database (SQLite in memory, or TEST_DATABASE_URL emptied)."""
    app = create_app("testing")
    with app.app_context():
        empty_database()
        seed_definitions()
        db.session.commit()
        yield app
        db.session.remove()
        if db.engine.dialect.name != "postgresql":
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


@pytest.fixture
def users(app):
    """One user per role, keyed by role name."""
    return {role.value: make_user([role.value]) for role in Role}
