"""0019_board_at_work: board members gain an account link and a resignation, assessments are new;
the revision runs up, down and up again on SQLite and PostgreSQL, keeping the members' rows."""

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sro_board.core.extensions import db
from tests.migration_runs import drop_everything, on_postgresql, on_sqlite, postgresql_only

pytestmark = pytest.mark.usefixtures("keep_logging")
NOW = "2026-01-15 12:00:00"


def seed(connection) -> None:
    """At 0018: a staff account and a board member from before accounts were linked."""
    connection.execute(
        sa.text(
            'INSERT INTO "user" (id, email, name, password_hash, active, created_at,'
            " session_version) VALUES (1, 'm@example.org', 'M', 'x', true, :now, 1)"
        ),
        {"now": NOW},
    )
    connection.execute(
        sa.text(
            "INSERT INTO board_member (id, category, full_name, roster_name, term_start,"
            " term_end) VALUES (1, 'parent', 'Pat Parent', 'Pat', '2026-01-01', '2027-12-31')"
        )
    )


def columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(db.engine).get_columns(table)}


def round_trip(app) -> None:
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    assert runner.invoke(args=["db", "upgrade", "0018_meetings"]).exit_code == 0
    with app.app_context(), db.engine.begin() as connection:
        seed(connection)
    result = runner.invoke(args=["db", "upgrade", "0019_board_at_work"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert {"user_id", "resigned_on", "resignation_reason"} <= columns("board_member")
        assert "assessment" in sa.inspect(db.engine).get_table_names()
        row = db.session.execute(
            sa.text("SELECT full_name, user_id, resignation_reason FROM board_member")
        ).one()
        assert tuple(row) == ("Pat Parent", None, "")
        db.session.remove()
    result = runner.invoke(args=["db", "downgrade", "0018_meetings"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert not columns("board_member") & {"user_id", "resigned_on", "resignation_reason"}
        assert "assessment" not in sa.inspect(db.engine).get_table_names()
        count = db.session.execute(sa.text("SELECT count(*) FROM board_member")).scalar()
        assert count == 1  # no copy of the table, so nothing was lost
        db.session.remove()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    with (
        app.app_context(),
        db.engine.connect() as connection,
    ):  # at the head, models and schema agree
        assert compare_metadata(MigrationContext.configure(connection), db.metadata) == []


def test_0019_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@postgresql_only
def test_0019_on_postgresql():
    on_postgresql(round_trip)
