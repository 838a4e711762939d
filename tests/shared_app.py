"""One app per test module, emptied tables per test (import both into a test module)."""

import pytest

from sro_board import create_app
from sro_board.core.extensions import db, limiter
from sro_board.recommendations.definitions import seed_definitions


@pytest.fixture(scope="module")
def shared_app():
    """One app for a test module: building an app and its schema is most of a small test's time."""
    app = create_app("testing")
    yield app
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@pytest.fixture(name="app")
def emptied_app(shared_app):
    """A fresh database per test, as conftest's `app`, on the module's app.

    Import emptied_app and shared_app into a test module to use them in place of conftest's.

    The tables are emptied (created first if a fresh_app dropped them), the definitions
    seeded, the rate limits reset, and the test gets its own app context (so its own `g`).
    """
    with shared_app.app_context():
        db.create_all()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        seed_definitions()
        db.session.commit()
        limiter.reset()
        yield shared_app
        db.session.remove()
