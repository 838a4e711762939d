"""The route x role access matrix: every endpoint is listed, and each role gets what it should."""

import importlib
from types import ModuleType
from urllib.parse import parse_qs, urlsplit

import pytest

from sro_board.auth.roles import Role
from tests.factories import login, make_user
from tests.security import access_rules
from tests.security.access import ANONYMOUS, Access
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures


def _board_rules() -> ModuleType | None:
    """The advisory board's rules, once that feature lists them."""
    try:
        return importlib.import_module("tests.board.access_rules")
    except ModuleNotFoundError as error:
        if error.name not in ("tests.board", "tests.board.access_rules"):
            raise
        return None


def collect_rules() -> dict[str, Access]:
    """Every `*_ACCESS` dict of the rule modules, merged; a key listed twice is an error."""
    rules: dict[str, Access] = {}
    for module in (access_rules, _board_rules()):
        if module is None:
            continue
        for name, table in vars(module).items():
            if not name.endswith("_ACCESS"):
                continue
            twice = rules.keys() & table.keys()
            assert not twice, f"{module.__name__}.{name} lists again: {sorted(twice)}"
            rules |= table
    return rules


RULES = collect_rules()
ROLES = [ANONYMOUS] + [role.value for role in Role]


def endpoint_of(key: str) -> str:
    """'auth.login POST' -> 'auth.login'."""
    return key.split()[0]


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


def _request(client, users, access: Access):
    ids = access.setup(users) if access.setup else {}
    path = access.path.format(**ids)
    data = {k: v.format(**ids) if isinstance(v, str) else v for k, v in access.data.items()}
    response = client.open(path, method=access.method, data=data)
    return path, response


def _is_login_redirect(response) -> bool:
    return response.status_code == 302 and urlsplit(response.location).path == "/login"


class Users(dict):
    """users[role]: a staff account holding only that role, made on first use."""

    def __missing__(self, role: str):
        self[role] = make_user([role])
        return self[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", sorted(RULES))
def test_access(app, client, key, role):
    access = RULES[key]
    users = Users()
    if role != ANONYMOUS:
        login(client, users[role])
    path, response = _request(client, users, access)
    response.close()
    status = response.status_code
    deliberate = status == 503 and "Retry-After" in response.headers  # e.g. /readyz
    assert status < 500 or deliberate, f"{access.method} {path} as {role}: {status}"
    if role in access.allowed:
        assert status not in (401, 403), f"{access.method} {path} refused {role}"
        assert not _is_login_redirect(response), f"{access.method} {path} sent {role} to login"
    elif role == ANONYMOUS:
        assert _is_login_redirect(response), f"{access.method} {path} let the public in: {status}"
        assert parse_qs(urlsplit(response.location).query)["next"] == [path]
    else:
        assert status == 403, f"{access.method} {path} let {role} in: {status}"
