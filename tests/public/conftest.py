"""The page cache's tests: an app with the cache on, and data with marker strings."""

import pytest

from tests.public.helpers import add_marked_data, start_app, stop_app


@pytest.fixture
def app():
    """As the suite's `app`, with the public page cache on, and no app context held: each
    request gets its own, as in production (a held one would share `g` between clients)."""
    app = start_app()
    yield app
    stop_app(app)


@pytest.fixture
def marked_data(app):
    """Staff-only and personal data with marker strings (helpers.MARKERS), an open intake."""
    add_marked_data(app)
