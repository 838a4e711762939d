"""0022_notices: the notices' tables up (with a row in each), and down again."""

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from tests.migration_runs import (
    on_postgresql,
    on_sqlite,
    postgresql_only,
    revision_before,
    upgrade_to,
)

REVISION = "0022_notices"
BEFORE = revision_before(REVISION)
TABLES = {"notice_preference", "notice_sent", "notice_event"}

pytestmark = pytest.mark.usefixtures("keep_logging")

ROWS = [
    'INSERT INTO "user" (id, email, name, password_hash, active, created_at, session_version)'
    " VALUES (1, 'a@example.org', 'A', '', true, '2026-01-15 12:00:00', 1)",
    "INSERT INTO notice_preference (user_id, kind, enabled, changed_at)"
    " VALUES (1, 'terms', false, '2026-12-02 14:00:00')",
    "INSERT INTO notice_event (id, kind, key, created_at, detail)"
    " VALUES (1, 'email_failed', '7:6:1', '2026-12-02 14:00:00', '{\"template\": \"x\"}')",
    "INSERT INTO notice_sent (id, user_id, kind, day, sent_at, last_event_id)"
    " VALUES (1, 1, 'email_failed', '2026-12-02', '2026-12-02 14:00:00', 1)",
]


def round_trip(app) -> None:
    """Up to the revision before, up to 0022, a row in each table, the unique keys, down."""
    runner = upgrade_to(app, REVISION)
    with app.app_context():
        assert set(sa.inspect(db.engine).get_table_names()) >= TABLES
        with db.engine.begin() as connection:
            for statement in ROWS:
                connection.execute(sa.text(statement))
        with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as connection:
            connection.execute(  # one digest of a kind per person and day
                sa.text(
                    "INSERT INTO notice_sent (id, user_id, kind, day, sent_at) VALUES"
                    " (2, 1, 'email_failed', '2026-12-02', '2026-12-02 15:00:00')"
                )
            )
        with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as connection:
            connection.execute(  # one event per kind and key
                sa.text(
                    "INSERT INTO notice_event (id, kind, key, created_at, detail) VALUES"
                    " (2, 'email_failed', '7:6:1', '2026-12-02 15:00:00', '{}')"
                )
            )
        db.session.remove()
    result = runner.invoke(args=["db", "downgrade", BEFORE])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert not TABLES & set(sa.inspect(db.engine).get_table_names())
        assert db.session.execute(sa.text('SELECT count(*) FROM "user"')).scalar() == 1
        db.session.remove()


def test_0022_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@postgresql_only
def test_0022_on_postgresql():
    on_postgresql(round_trip)
