"""The permission matrix: written once, enforced by one decorator, rendered into the docs.

ASVS 5.0: V8.1.1 (docs/permissions.md, generated from the code and checked here), V8.2.1
(every staff endpoint needs an explicit permission; the rest are listed as public), V8.3.1
(checked on the server, whatever the page shows). The route x role matrix itself runs in
tests/security/test_access_matrix.py over every endpoint and role.
"""

import re
from pathlib import Path

import pytest

from sro_board.auth.permissions import PERMISSIONS, PUBLIC_ENDPOINTS, Action, can
from sro_board.auth.permissions_doc import DOC_PATH, render
from sro_board.auth.roles import Role
from tests.factories import login, make_user
from tests.pages import text
from tests.security.accounts import isolated_requests  # noqa: F401 - a fresh g per request

pytestmark = pytest.mark.usefixtures("app", "isolated_requests")
ROOT = Path(__file__).resolve().parents[2]


def test_every_endpoint_is_guarded_by_a_permission_or_listed_as_public(app):
    guarded, public, neither, both = set(), set(), [], []
    for endpoint, view in app.view_functions.items():
        action = getattr(view, "required_action", None)
        if action is None and endpoint not in PUBLIC_ENDPOINTS:
            neither.append(endpoint)
        if action is not None and endpoint in PUBLIC_ENDPOINTS:
            both.append(endpoint)
        (guarded if action else public).add(endpoint)
        if action is not None:
            assert action in PERMISSIONS, endpoint
    assert not neither, f"guard these with permission_required or list them as public: {neither}"
    assert not both
    assert not PUBLIC_ENDPOINTS - set(app.view_functions), "PUBLIC_ENDPOINTS lists old names"
    assert len(guarded) > 40


def test_one_mechanism_no_role_checks_in_views_or_templates():
    """Views guard with permission_required; templates ask can(); a view may scope its data
    only with the role groups that permissions.py derives from the matrix."""
    offenders = []
    for path in (ROOT / "sro_board").rglob("*.py"):
        if "role_required" in path.read_text(encoding="utf-8"):
            offenders.append(str(path.relative_to(ROOT)))
    for path in (ROOT / "templates").rglob("*.html"):
        if "has_role(" in path.read_text(encoding="utf-8"):
            offenders.append(str(path.relative_to(ROOT)))
    package = ROOT / "sro_board"
    for path in [*package.rglob("views*.py"), *package.rglob("views/*.py")]:
        for call in re.findall(r"has_role\(([^)]*)\)", path.read_text(encoding="utf-8")):
            if call not in ("*APPROVERS", "*WORKING_GROUP"):
                offenders.append(f"{path.relative_to(ROOT)}: has_role({call})")
    assert not offenders


def test_every_action_has_roles_and_a_description():
    for action in Action:
        assert action in PERMISSIONS
        assert action.description
    assert PERMISSIONS[Action.USE_OWN_ACCOUNT] == frozenset(Role)


def test_the_permissions_document_is_up_to_date(app):
    assert DOC_PATH.read_text(encoding="utf-8") == render(app), (
        "docs/permissions.md is stale: run `flask security permissions-doc`"
    )


def test_the_command_writes_and_checks_the_document(runner):
    result = runner.invoke(args=["security", "permissions-doc", "--check"])
    assert result.exit_code == 0, result.output


def test_the_document_lists_each_action_with_its_roles(app):
    doc = render(app)
    for action, roles in PERMISSIONS.items():
        row = next(line for line in doc.splitlines() if line.startswith(f"| `{action.value}` |"))
        cells = [c.strip() for c in row.strip("|").split("|")][1:]
        assert [r for r, cell in zip(Role, cells, strict=True) if cell == "yes"] == [
            r for r in Role if r in roles
        ]


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_the_staff_menu_offers_exactly_what_the_role_may_open(client, role):
    user = make_user([role])
    login(client, user)
    page = text(client.get("/account/mfa"))
    menu = {
        Action.VIEW_TRACKER: "/staff/",
        Action.APPROVE_UPDATES: "/staff/updates",
        Action.VIEW_BOARD: "/staff/board/",
        Action.REVIEW_APPLICATIONS: "/staff/reviews",
        Action.HANDLE_CONTACT_MESSAGES: "/staff/inbox",
        Action.READ_AUDIT_LOG: "/staff/audit",
        Action.MANAGE_USERS: "/staff/users",
    }
    for action, path in menu.items():
        shown = f'href="{path}"' in page
        assert shown is can(action, user), (role, action)
        expected = 200 if shown else 403
        assert client.get(path).status_code == expected, (role, path)


def test_json_clients_get_401_and_403_not_a_page(client):
    headers = {"Accept": "application/json"}
    assert client.get("/staff/audit", headers=headers).status_code == 401
    login(client, make_user(["member"]))
    response = client.get("/staff/audit", headers=headers)
    assert response.status_code == 403
    assert response.is_json
