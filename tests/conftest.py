"""Shared fixtures: one app and schema per worker, each test in a transaction rolled back.

The model is in tests/database.py; helpers (users, logins, recommendations) in tests/factories.py.
A module or test marked `real_commits` commits for real (threads, a second connection) and
has its tables emptied afterwards instead.
"""

import logging

import pytest

from sro_board import create_app
from sro_board.auth import passwords
from sro_board.auth.roles import Role
from sro_board.core.extensions import db, limiter
from sro_board.mail.backends import SENT
from tests.database import (
    build_schema,
    empty_tables,
    ensure_schema,
    rolled_back,
    rolled_back_within,
)
from tests.factories import CHEAP_HASHER, make_user


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch):
    """Every test hashes passwords and recovery codes with a cheap argon2id."""
    monkeypatch.setattr(passwords, "hasher", CHEAP_HASHER)


@pytest.fixture(scope="session")
def worker_app():
    """The worker's app and schema (SQLite in memory, or its own PostgreSQL database)."""
    app = create_app("testing")
    with app.app_context():
        build_schema()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def app(worker_app, request):
    """The worker's app in a fresh app context; what the test changed is undone at its end.

    The database by rolling back (or emptying the tables, for `real_commits`), the settings by
    restoring them, the rate limits by a reset, the email sent (memory backend) by emptying.
    A module may load data once for all its tests: its module-scoped `shared_data` fixture
    yields the connection of a rolled_back() transaction, and each test runs in a savepoint of it.
    """
    config = dict(worker_app.config)
    # A module's data loaded once (its own app context, pushed before this test's). Every test
    # of such a module runs inside it: on SQLite in memory all connections are one.
    sharing = hasattr(request.module, "shared_data")
    shared = request.getfixturevalue("shared_data") if sharing else None
    try:
        with worker_app.app_context():
            ensure_schema()  # another app may have dropped the tables
            limiter.reset()
            worker_app.extensions.get(SENT, []).clear()  # the memory backend's sent email
            if request.node.get_closest_marker("real_commits"):
                try:
                    yield worker_app
                finally:
                    empty_tables()
            elif shared is not None:
                with rolled_back_within(shared):
                    yield worker_app
            else:
                with rolled_back():
                    yield worker_app
    finally:
        worker_app.config.clear()
        worker_app.config.update(config)
        worker_app.test_client_class = None


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


@pytest.fixture
def keep_logging():
    """Alembic's env.py runs logging.fileConfig, which disables every existing logger: undo it."""
    manager = logging.Logger.manager
    loggers = [logging.getLogger()] + [
        lg for lg in manager.loggerDict.values() if isinstance(lg, logging.Logger)
    ]
    saved = [(lg, lg.disabled, lg.level, list(lg.handlers), lg.propagate) for lg in loggers]
    yield
    for lg, disabled, level, handlers, propagate in saved:
        lg.disabled, lg.level, lg.handlers, lg.propagate = disabled, level, handlers, propagate
