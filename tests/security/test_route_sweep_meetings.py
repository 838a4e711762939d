"""The route sweep of the meetings' routes, each row once (as test_route_sweep.py)."""

import pytest

from tests.security.sweep import group, sweep_route


@pytest.mark.parametrize("key", group("meetings"))
def test_route(app, key, caplog):
    sweep_route(app, key, caplog)
