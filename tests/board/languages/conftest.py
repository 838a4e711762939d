"""An app with the French catalog, sending its email to a real SMTP server on loopback."""

from collections.abc import Iterator

import pytest

from tests.board.applying import smtp_server, smtp_settings
from tests.factories import fresh_app


@pytest.fixture(name="mailbox")
def loopback_mailbox():
    """A real SMTP server on 127.0.0.1."""
    with smtp_server() as box:
        yield box


@pytest.fixture
def app(mailbox) -> Iterator:
    """A fresh app and database that mails the loopback server."""
    with fresh_app(**smtp_settings(mailbox)) as app:
        yield app


@pytest.fixture
def client(app):
    """A test client of the French-speaking app."""
    return app.test_client()
