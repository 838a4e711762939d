"""Fixtures for the mail tests: an admin logged in through the real login form and code step."""

import pytest

from sro_board.auth.mfa import code_at, step_at
from sro_board.core.clock import now_utc

PASSWORD = "correct-horse-battery-staple"  # the suite's users' password (tests/conftest.py)


@pytest.fixture
def admin_client(client, users):
    """The test client, logged in as the admin (password, then the current TOTP code)."""
    admin = users["admin"]
    response = client.post("/login", data={"email": admin.email, "password": PASSWORD})
    assert response.location == "/login/code", response.status_code
    response = client.post(
        "/login/code", data={"code": code_at(admin.totp_secret, step_at(now_utc()))}
    )
    assert response.status_code == 302
    return client
