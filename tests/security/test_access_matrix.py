"""The route x role access matrix lists every endpoint, once, with a method it answers.

That each role gets what its row says is checked by the route sweep (test_route_sweep.py).
"""

from tests.security.routes import RULES, endpoint_of
from tests.security.sweep import GROUPS, group


def test_every_endpoint_is_in_the_matrix(app):
    listed = {endpoint_of(key) for key in RULES}
    missing = sorted({rule.endpoint for rule in app.url_map.iter_rules()} - listed)
    assert not missing, f"add these endpoints to an *_ACCESS dict in access_rules.py: {missing}"


def test_the_matrix_lists_only_existing_endpoints(app):
    existing = {rule.endpoint for rule in app.url_map.iter_rules()}
    unknown = sorted({endpoint_of(key) for key in RULES} - existing)
    assert not unknown, f"these endpoints no longer exist: {unknown}"


def test_each_row_uses_a_method_its_endpoint_answers(app):
    methods = {}
    for rule in app.url_map.iter_rules():
        methods.setdefault(rule.endpoint, set()).update(rule.methods)
    wrong = [key for key, a in RULES.items() if a.method not in methods[endpoint_of(key)]]
    assert not wrong


def test_the_route_sweep_covers_every_row_once():
    swept = [key for name in GROUPS for key in group(name)]
    assert sorted(swept) == sorted(RULES)
