"""Every route of the app (the access matrix's rows, merged) and a sample request for each."""

import importlib
from dataclasses import dataclass
from types import ModuleType

import sqlalchemy as sa

from sro_board.auth.roles import Role
from sro_board.core.extensions import db
from tests.factories import login, make_user
from tests.security import access_rules
from tests.security.access import ANONYMOUS, Access


def _board_rules(package: str = "tests.board") -> ModuleType | None:
    """A feature's rules (the advisory board's by default), once that feature lists them."""
    try:
        return importlib.import_module(f"{package}.access_rules")
    except ModuleNotFoundError as error:
        if error.name not in (package, f"{package}.access_rules"):
            raise
        return None


def collect_rules() -> dict[str, Access]:
    """Every `*_ACCESS` dict of the rule modules, merged; a key listed twice is an error."""
    rules: dict[str, Access] = {}
    for module in (
        access_rules,
        _board_rules(),
        _board_rules("tests.meetings"),
        _board_rules("tests.oversight"),
        _board_rules("tests.notices"),
        _board_rules("tests.feeds"),
        _board_rules("tests.progress"),
        _board_rules("tests.api"),
        _board_rules("tests.follow"),
    ):
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


class Users(dict):
    """users[role]: a staff account holding only that role, made on first use."""

    def __missing__(self, role: str):
        self[role] = make_user([role])
        return self[role]


@dataclass
class Sample:
    """A request ready to send: method, path and form data."""

    method: str
    path: str
    data: dict


def prepare(client, key: str, role: str) -> Sample:
    """Log the client in as role (unless anonymous), set up the row's data, fill its path."""
    access: Access = RULES[key]
    users = Users()
    if role != ANONYMOUS:
        login(client, users[role])
    ids = access.setup(users) if access.setup else {}
    path = access.path.format(**ids)
    data = {k: v.format(**ids) if isinstance(v, str) else v for k, v in access.data.items()}
    return Sample(access.method, path, data)


def allowed_role(key: str) -> str:
    """A role the row lets in: anonymous for public rows, else admin, else any."""
    allowed = RULES[key].allowed
    for role in (ANONYMOUS, "admin", "chair", "member", "reviewer", "board_member", "board_chair"):
        if role in allowed:
            return role
    raise AssertionError(f"{key} lets nobody in")


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, as it is in the database now."""
    db.session.expire_all()
    state = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(sa.select(table)).all()
        state[table.name] = sorted((tuple(map(repr, row)) for row in rows), key=repr)
    return state
