"""0025_update_new_status: existing updates get their new status from their changes, and the
downgrade drops the column in place, keeping every update."""

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from tests.migration_runs import drop_everything, on_postgresql, on_sqlite, postgresql_only

pytestmark = pytest.mark.usefixtures("keep_logging")
NOW = "2026-01-15 12:00:00"
CHANGES = {
    1: '{"status": {"old": "not_started", "new": "in_progress"}, "progress": {"old": 0, "new": 5}}',
    2: '{"progress": {"old": 5, "new": 10}}',
    3: "{}",
}


def fill_on_upgrade(app) -> None:
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    assert runner.invoke(args=["db", "upgrade", "0024_review_queue_index"]).exit_code == 0
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO recommendation (id, code, title, description, theme, lead_unit,"
                " target_date, feasibility, feasibility_rationale, status, progress,"
                " progress_from_milestones, baseline_target_date, baseline_recorded_at, version)"
                " VALUES (1, 'R-01', 'T', 'D', 'role', 'Unit', '2027-01-01', 'feasible', '',"
                " 'in_progress', 10, false, '2027-01-01', :now, 3)"
            ),
            {"now": NOW},
        )
        for update_id, changes in CHANGES.items():
            connection.execute(
                sa.text(
                    "INSERT INTO recommendation_update (id, recommendation_id, created_at, state,"
                    " changes, public_note, internal_note, based_on_version, decision_note)"
                    " VALUES (:id, 1, :now, 'approved', :changes, '', '', 1, '')"
                ),
                {"id": update_id, "now": NOW, "changes": changes},
            )
    result = runner.invoke(args=["db", "upgrade", "0025_update_new_status"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        rows = db.session.execute(
            sa.text("SELECT id, new_status FROM recommendation_update ORDER BY id")
        ).all()
        assert [tuple(row) for row in rows] == [(1, "in_progress"), (2, None), (3, None)]
        db.session.remove()
    result = runner.invoke(args=["db", "downgrade", "0024_review_queue_index"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("recommendation_update")}
        assert "new_status" not in columns
        count = db.session.execute(sa.text("SELECT count(*) FROM recommendation_update"))
        assert count.scalar() == 3
        db.session.remove()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0


def test_0025_on_sqlite(tmp_path):
    on_sqlite(tmp_path, fill_on_upgrade)


@postgresql_only
def test_0025_on_postgresql():
    on_postgresql(fill_on_upgrade)
