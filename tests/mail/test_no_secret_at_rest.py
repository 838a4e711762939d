"""No secret link is stored anywhere: every journey that emails one, then every column and file.

Password reset, invitation, status link (on applying and from the new-status-link form),
guardian consent and the confirmation of a new contact address. While the emails wait, their
content is ciphertext; once the worker has sent them, nothing of it is left. Each time, every
text and blob column of every table, and the bytes of the SQLite database, its WAL and the
queue's files, are searched for each token. The same tokens still work as links, so they
were real.
"""

import re
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from sro_board.auth.links import invite_user
from sro_board.auth.roles import Role
from sro_board.auth.services import create_user
from sro_board.core.extensions import db
from sro_board.mail.backends import SENT
from sro_board.mail.models import EmailState, OutboxEmail
from tests.board.applying import PARENT, STUDENT_15, apply, open_intake
from tests.factories import fresh_app
from tests.mail.workers import queue_name

LINK = re.compile(
    r"/(advisory-board/status|advisory-board/consent|advisory-board/confirm-email|invitation"
    r"|password-reset)/"
    r"([A-Za-z0-9_-]{43})"
)


def run_every_journey(client) -> None:
    """Each journey that emails a secret link, as the app is used."""
    admin = create_user(
        None, email="admin@example.org", name="An Admin", roles={Role.ADMIN}, password="x" * 16
    )
    create_user(
        None, email="member@example.org", name="A Member", roles={Role.MEMBER}, password="y" * 16
    )
    invite_user(admin, email="invitee@example.org", name="New Person", roles={Role.MEMBER})
    db.session.commit()
    assert client.post("/password-reset", data={"email": "member@example.org"}).status_code == 302
    intake = open_intake()
    applied = apply(client, intake, PARENT)
    assert applied.status_code == 201
    assert apply(client, intake, STUDENT_15).status_code == 201
    # A new contact address is used once confirmed by a link sent to it.
    status = re.search(r"/advisory-board/status/[A-Za-z0-9_-]{43}", applied.get_data(as_text=True))
    changed = client.post(
        status.group(0) + "/contact", data={"email": "priya.new@example.net", "phone": ""}
    )
    assert changed.status_code in (200, 302)
    lost = client.post("/advisory-board/new-status-link", data={"email": PARENT["email"]})
    assert lost.status_code == 302


def stored_text(database: Path) -> list[str]:
    """Every text or blob value in every column of every table (SQLite types are per value)."""
    values = []
    with sqlite3.connect(database) as connection:
        query = "SELECT name FROM sqlite_master WHERE type='table'"
        for (table,) in connection.execute(query).fetchall():
            rows = connection.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - schema's names
            for row in rows:
                values += [v.decode("utf-8", "replace") for v in row if isinstance(v, bytes)]
                values += [v for v in row if isinstance(v, str)]
    return values


def files_of(tmp_path: Path) -> list[Path]:
    """The database, the queue, and their WAL and shared-memory files."""
    return [p for p in tmp_path.iterdir() if p.name.startswith(("app.db", "queue.db"))]


def assert_nowhere(tokens: set[str], tmp_path: Path) -> None:
    """No token in any column, nor in the bytes of any database file."""
    values = stored_text(tmp_path / "app.db") + stored_text(tmp_path / "queue.db")
    for token in tokens:
        assert not [v for v in values if token in v], "a token is stored in a column"
    assert not [v for v in values if LINK.search(v)], "a link is stored in a column"
    for path in files_of(tmp_path):
        data = path.read_bytes()
        assert not [t for t in tokens if t.encode() in data], f"a token is in {path.name}"
    assert any(p.name == "app.db-wal" for p in files_of(tmp_path))  # the WAL was searched too


def test_no_secret_link_is_stored_before_or_after_delivery(tmp_path):
    settings = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'app.db'}",
        "TASK_QUEUE_URL": f"sqlite:///{tmp_path / 'queue.db'}",  # queued: no worker yet
        "TASK_QUEUE_NAME": queue_name(),
    }
    with fresh_app(**settings) as app:
        client = app.test_client()
        run_every_journey(client)

        # Waiting: the app can read each email (it holds the keys), the files cannot.
        waiting = db.session.scalars(sa.select(OutboxEmail).order_by(OutboxEmail.id)).all()
        assert {e.state for e in waiting} == {EmailState.QUEUED}
        ordered = [m.group(0) for e in waiting for m in LINK.finditer(e.body)]
        links = set(ordered)
        kinds = {m.group(1) for e in waiting for m in LINK.finditer(e.body)}
        assert kinds == {
            "advisory-board/status",
            "advisory-board/consent",
            "advisory-board/confirm-email",
            "invitation",
            "password-reset",
        }
        tokens = {link.rsplit("/", 1)[1] for link in links}
        db.session.remove()
        assert_nowhere(tokens, tmp_path)

        # The worker's delivery (here in-process, through the memory backend).
        app.config["MAIL_BACKEND"] = "memory"
        result = app.test_cli_runner().invoke(args=["mail", "send"])
        assert result.exit_code == 0, result.output
        sent = app.extensions[SENT]
        assert {m.group(0) for m in sent for m in LINK.finditer(m.body)} >= links
        rows = db.session.scalars(sa.select(OutboxEmail)).all()
        assert {e.state for e in rows} == {EmailState.SENT}
        assert all(e.recipient is e.subject is e.body is None for e in rows)
        assert all(len(e.recipient_hash) == 64 and e.template for e in rows)
        db.session.remove()
        assert_nowhere(tokens, tmp_path)

        # The tokens are live links all the same: the newest status link and the consent link.
        status = [k for k in ordered if "/status/" in k][-1]
        consent = [k for k in ordered if "/consent/" in k][-1]
        for path in (status, consent):
            assert client.get(path).status_code == 200
