"""Helpers for the accounts tests: a client whose every request has its own app context.

The suite's `app` fixture keeps one app context open for a whole test, so Flask's `g` (where
Flask-Login caches the current user and Flask-WTF the CSRF token) would otherwise carry over
from one request to the next. Session and cookie tests need each request to stand alone, as in
production.
"""

import pytest
from flask.testing import FlaskClient


class IsolatedClient(FlaskClient):
    """A test client that runs each request in a fresh app context (a fresh `g`)."""

    def open(self, *args, **kwargs):
        """Send the request inside its own app context."""
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def isolated_requests(app):
    """Make the `client` fixture an IsolatedClient (use with pytest.mark.usefixtures)."""
    app.test_client_class = IsolatedClient
    yield
    app.test_client_class = None
