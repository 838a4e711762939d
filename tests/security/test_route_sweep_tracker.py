"""The route sweep of the tracker's, contact and public routes (as test_route_sweep.py)."""

import pytest

from tests.security.sweep import group, sweep_route


@pytest.mark.parametrize("key", group("tracker"))
def test_route(app, key, caplog):
    sweep_route(app, key, caplog)
