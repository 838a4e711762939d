"""docs/permissions.md, rendered from permissions.py and the app's routes."""

from pathlib import Path

from flask import Flask

from .permissions import DESCRIPTIONS, PERMISSIONS, PUBLIC_ENDPOINTS, Action
from .roles import Role

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"
HEADER = """# Permissions: who may do what

Generated from `sro_board/auth/permissions.py` by `flask security permissions-doc`; do not edit
by hand (a test fails when this file and the code differ). Every staff page is guarded by
`permission_required(Action.X)`; the pages in the last table are public.

Record-level rules come on top: a reviewer sees only applications of intakes they are assigned
to, in review, that they did not declare a conflict on (and never the applicant's name, contact
details, school, accommodations or self-identification); an applicant's private status or
consent link opens only that application. Who may review which application, and who may be
assigned to review an intake, is decided in one place:
[`sro_board/board/review/access.py`](../sro_board/board/review/access.py) (`reviewable_by`,
`can_be_assigned`).

One account is never both a reviewer and an admin or chair of the same intake, because an admin
or chair sees applicants' names and blind review would not be blind. Roles are held across all
intakes, so the rule is: an admin or chair cannot be assigned as a reviewer of any intake
(`can_be_assigned`), and an account assigned as a reviewer of an intake still in selection (not
yet closed, or with an application not yet decided) cannot be given the admin or chair role
(`role_refusal`; remove them from the intake's reviewers first). Once every application of the
intake is decided, the assignment no longer blocks the role.

Exporting an applicant's data, deleting it and overriding their eligibility also need a fresh
password (and code) confirmation (`REAUTH_MINUTES`) and a recorded reason.
"""


def _endpoints_by_action(app: Flask) -> dict[Action, list[str]]:
    found: dict[Action, list[str]] = {action: [] for action in Action}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint, r.rule)):
        action = getattr(app.view_functions[rule.endpoint], "required_action", None)
        if action is not None:
            methods = ",".join(sorted(rule.methods - {"HEAD", "OPTIONS"}))
            found[action].append(f"`{methods} {rule.rule}` ({rule.endpoint})")
    return found


def render(app: Flask) -> str:
    """The whole document as Markdown."""
    roles = list(Role)
    lines = [HEADER, "## The matrix", ""]
    lines.append("| Action | " + " | ".join(r.label for r in roles) + " |")
    lines.append("| --- | " + " | ".join(":---:" for _ in roles) + " |")
    for action in Action:
        marks = " | ".join("yes" if r in PERMISSIONS[action] else "" for r in roles)
        lines.append(f"| `{action.value}` | {marks} |")
    lines += ["", "## Actions and the pages they guard", ""]
    endpoints = _endpoints_by_action(app)
    for action in Action:
        lines.append(f"### `{action.value}`")
        lines.append("")
        lines.append(DESCRIPTIONS[action])
        lines.append("")
        lines += [f"- {item}" for item in endpoints[action]] or ["- (no page)"]
        lines.append("")
    lines += ["## Public pages (no login)", ""]
    public = sorted(
        f"`{','.join(sorted(r.methods - {'HEAD', 'OPTIONS'}))} {r.rule}` ({r.endpoint})"
        for r in app.url_map.iter_rules()
        if r.endpoint in PUBLIC_ENDPOINTS
    )
    lines += [f"- {item}" for item in public]
    return "\n".join(lines) + "\n"
