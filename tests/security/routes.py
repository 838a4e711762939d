"""Every route of the app, with a sample request from the access matrix's rows."""

from dataclasses import dataclass

import sqlalchemy as sa

from sro_board.core.extensions import db
from tests.factories import login
from tests.security.access import ANONYMOUS, Access
from tests.security.test_access_matrix import RULES, Users, endpoint_of

__all__ = ["RULES", "Sample", "endpoint_of", "prepare", "snapshot"]


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
    for role in (ANONYMOUS, "admin", "chair", "member", "reviewer", "board_member"):
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
