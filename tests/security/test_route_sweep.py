"""The route sweep: every row of the access matrix, checked once for everything in one pass.

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

from tests.security.fuzzing import (
    FUZZ_ROLES,
    check_edge_values,
    check_hostile_input,
    limits_out_of_reach,
)
from tests.security.routes import RULES
from tests.security.sweep import (
    check_access_headers_and_safe_get,
    check_csrf,
    check_payloads,
    undone,
)


@pytest.mark.parametrize("key", sorted(RULES))
def test_route(app, key, caplog):
    check_access_headers_and_safe_get(app, key)
    if RULES[key].method == "POST":
        check_csrf(app, key, caplog)
        with undone(app) as client:
            check_payloads(client, key)
    limits_out_of_reach(app)
    for role in FUZZ_ROLES:
        with undone(app) as client:
            check_hostile_input(client, key, role)
    with undone(app) as client:
        check_edge_values(client, key)
