"""Fixtures for the mail tests: an admin logged in through the real login form and code step."""

import pytest

from tests.factories import login


@pytest.fixture
def admin_client(client, users):
    """The test client, logged in as the admin."""
    login(client, users["admin"])
    return client
