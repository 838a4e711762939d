"""0018_meetings: the meetings' tables up (with a row in each), and down again."""

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

REVISION = "0018_meetings"
BEFORE = revision_before(REVISION)
TABLES = {
    "meeting",
    "agenda_item",
    "agenda_item_recommendation",
    "meeting_attendance",
    "meeting_decision",
    "action_item",
}

pytestmark = pytest.mark.usefixtures("keep_logging")

ROWS = [
    'INSERT INTO "user" (id, email, name, password_hash, active, created_at, session_version)'
    " VALUES (1, 'a@example.org', 'A', '', true, '2026-01-15 12:00:00', 1)",
    "INSERT INTO recommendation (id, code, title, title_fr, description, description_fr, theme,"
    " lead_unit, target_date, feasibility, feasibility_rationale, status, progress,"
    " progress_from_milestones, baseline_target_date, baseline_recorded_at, version)"
    " VALUES (1, 'R-01', 'T', '', 'D', '', 'role', 'Unit', '2027-06-30', 'not_assessed', '',"
    " 'not_started', 0, false, '2027-06-30', '2026-01-15 12:00:00', 1)",
    "INSERT INTO meeting (id, body, title, starts_at, duration_minutes, is_public, state,"
    " created_at) VALUES (1, 'advisory_board', 'M', '2026-03-10 01:00:00', 90, true,"
    " 'published', '2026-01-15 12:00:00')",
    "INSERT INTO agenda_item (id, meeting_id, position, title) VALUES (1, 1, 1, 'Item')",
    "INSERT INTO agenda_item_recommendation VALUES (1, 1)",
    "INSERT INTO meeting_attendance (id, meeting_id, user_id, presence) VALUES (1, 1, 1,"
    " 'present')",
    "INSERT INTO meeting_decision (id, meeting_id, item_id, motion, outcome, votes_for)"
    " VALUES (1, 1, 1, 'That', 'carried', 3)",
    "INSERT INTO action_item (id, meeting_id, description, owner_user_id, recommendation_id,"
    " status) VALUES (1, 1, 'Do', 1, 1, 'open')",
]


def round_trip(app) -> None:
    """Up to the revision before, up to 0018, rows in each table, defaults, down again."""
    runner = upgrade_to(app, REVISION)
    with app.app_context():
        assert set(sa.inspect(db.engine).get_table_names()) >= TABLES
        with db.engine.begin() as connection:
            for statement in ROWS:
                connection.execute(sa.text(statement))
        row = db.session.execute(
            sa.text("SELECT title_fr, sequence, version, late_reason FROM meeting")
        ).one()
        assert tuple(row) == ("", 0, 1, "")
        with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as connection:
            connection.execute(  # one person per attendance row
                sa.text(
                    "INSERT INTO meeting_attendance (meeting_id, presence) VALUES (1, 'absent')"
                )
            )
        db.session.remove()
    result = runner.invoke(args=["db", "downgrade", BEFORE])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert not TABLES & set(sa.inspect(db.engine).get_table_names())
        assert db.session.execute(sa.text("SELECT count(*) FROM recommendation")).scalar() == 1
        db.session.remove()


def test_0018_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@postgresql_only
def test_0018_on_postgresql():
    on_postgresql(round_trip)
