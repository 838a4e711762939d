"""0021_follow: the follow tables and outbox_email.headers up (with a row in each), and down."""

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

REVISION = "0021_follow"
BEFORE = revision_before(REVISION)
TABLES = {"follower", "follow_link", "follow_fanout"}

pytestmark = pytest.mark.usefixtures("keep_logging")

ROWS = [
    'INSERT INTO "user" (id, email, name, password_hash, active, created_at, session_version)'
    " VALUES (1, 'a@example.org', 'A', '', true, '2026-01-15 12:00:00', 1)",
    "INSERT INTO recommendation (id, code, title, title_fr, description, description_fr, theme,"
    " lead_unit, target_date, feasibility, feasibility_rationale, status, progress,"
    " progress_from_milestones, baseline_target_date, baseline_recorded_at, version)"
    " VALUES (1, 'R-01', 'T', '', 'D', '', 'role', 'Unit', '2027-06-30', 'not_assessed', '',"
    " 'not_started', 0, false, '2027-06-30', '2026-01-15 12:00:00', 1)",
    "INSERT INTO recommendation_update (id, recommendation_id, created_at, state, changes,"
    " public_note, public_note_fr, internal_note, based_on_version, decision_note) VALUES"
    " (1, 1, '2026-01-15 12:00:00', 'approved', '{}', '', '', '', 1, '')",
    "INSERT INTO follower (id, created_at, address, address_hash, scope, kind, theme,"
    " recommendation_id, frequency, language) VALUES (1, '2026-01-15 12:00:00', 'x', 'h',"
    " 'recommendation:1', 'recommendation', NULL, 1, 'instant', 'en')",
    "INSERT INTO follow_link (token_hash, follower_id, purpose, created_at) VALUES"
    " ('t', 1, 'manage', '2026-01-15 12:00:00')",
    "INSERT INTO follow_fanout (update_id, created_at, last_follower_id) VALUES"
    " (1, '2026-01-15 12:00:00', 0)",
    "INSERT INTO outbox_email (id, created_at, template, recipient_hash, state, attempts,"
    " next_attempt_at, headers) VALUES (1, '2026-01-15 12:00:00', 't', 'h', 'queued', 0,"
    " '2026-01-15 12:00:00', 'secret')",
]


def round_trip(app) -> None:
    """Up to the revision before, up to 0021, rows in each table, one per scope, down again."""
    runner = upgrade_to(app, REVISION)
    with app.app_context():
        assert set(sa.inspect(db.engine).get_table_names()) >= TABLES
        with db.engine.begin() as connection:
            for statement in ROWS:
                connection.execute(sa.text(statement))
        with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as connection:
            connection.execute(  # one row per address and scope
                sa.text(
                    "INSERT INTO follower (created_at, address, address_hash, scope, kind,"
                    " frequency, language) VALUES ('2026-01-15 12:00:00', 'y', 'h',"
                    " 'recommendation:1', 'all', 'weekly', 'fr')"
                )
            )
        with db.engine.begin() as connection:  # a recommendation's followers go with it
            connection.execute(sa.text("DELETE FROM recommendation_update"))
            connection.execute(sa.text("DELETE FROM recommendation"))
        assert db.session.execute(sa.text("SELECT count(*) FROM follower")).scalar() == 0
        assert db.session.execute(sa.text("SELECT count(*) FROM follow_link")).scalar() == 0
        db.session.remove()
    result = runner.invoke(args=["db", "downgrade", BEFORE])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert not TABLES & set(sa.inspect(db.engine).get_table_names())
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("outbox_email")}
        assert "headers" not in columns
        assert db.session.execute(sa.text("SELECT count(*) FROM outbox_email")).scalar() == 1
        db.session.remove()


def test_0021_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@postgresql_only
def test_0021_on_postgresql():
    on_postgresql(round_trip)
