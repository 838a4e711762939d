"""One app per test module, emptied tables per test (the `app` fixture of these modules).

Building an app and its schema costs more than most of these tests; the tables are emptied
instead. Import `emptied_app` and `module_app` into a test module (as with tests/shared_app.py).
"""

import pytest

from sro_board import create_app
from sro_board.core.extensions import db, limiter
from sro_board.recommendations.definitions import seed_definitions


def empty_tables() -> None:
    """Delete every row (children first) and seed the status definitions again."""
    db.session.remove()
    db.create_all()
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    seed_definitions()
    db.session.commit()


@pytest.fixture(scope="module")
def module_app():
    """One app for a test module: building an app and its schema costs more than most tests."""
    app = create_app("testing")
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


@pytest.fixture(name="app")
def emptied_app(module_app):
    """The module's app with emptied tables, fresh rate limits and its own app context."""
    with module_app.app_context():
        empty_tables()
        limiter.reset()
        yield module_app
        db.session.remove()
