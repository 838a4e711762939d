"""The route sweep of the account, admin, ops and static routes (the tracker's and the board's: the
test_route_sweep_*.py beside this one): each row checked once for everything, in one pass.

Each row (an endpoint and method, tests/security/access_rules.py and tests/board/access_rules.py)
is one test that checks, each from the same empty database (tests/security/sweep.py):
- access: each role and nobody get what the row allows;
- the security headers (ASVS 3.4) and no inline code, as nobody and as an admin;
- a GET changes nothing (ASVS 3.5.3); a POST refuses a missing or forged CSRF token, logs it
  and changes nothing (ASVS 3.5.1, 16.3.3);
- a POST takes every classic payload and every page shows it escaped (ASVS 1.2.1, 3.2.2);
- hostile and edge values in every field and query parameter cause no server error (ASVS 2.2.1).

ASVS 5.0: 1.2.1, 3.2.2 (payloads shown escaped), 2.2.1, 2.2.2, 16.5.3 (no server error on any
hostile input), 3.4.3, 3.4.8, 3.5.8 (CSP, COOP, CORP on every route), 3.5.1 (anti-forgery
tokens), 3.5.3 (no change on a safe method).
"""

import pytest

from tests.security.sweep import group, sweep_route


@pytest.mark.parametrize("key", group("accounts"))
def test_route(app, key, caplog):
    sweep_route(app, key, caplog)
