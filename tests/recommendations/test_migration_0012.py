"""0012_french_content: French columns added empty (NOT NULL), built-in definitions translated
where their English is still the default, everything removed again on downgrade."""

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from sro_board.recommendations.definitions_data import DEFAULT_DEFINITIONS_FR
from tests.migration_runs import drop_everything, on_postgresql, on_sqlite, postgresql_only

pytestmark = pytest.mark.usefixtures("keep_logging")

FRENCH_COLUMNS = {
    "recommendation": {"title_fr", "description_fr"},
    "milestone": {"title_fr"},
    "evidence": {"title_fr"},
    "recommendation_update": {"public_note_fr"},
    "status_definition": {"name_fr", "meaning_fr", "entry_criteria_fr"},
}


def columns(table: str) -> dict[str, dict]:
    """The table's columns as the database describes them, by name."""
    return {c["name"]: c for c in sa.inspect(db.engine).get_columns(table)}


def round_trip(app) -> None:
    """At 0008 with a recommendation and an edited definition; up to 0012, check; down, check."""
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    assert runner.invoke(args=["db", "upgrade", "0008_mail_queue"]).exit_code == 0
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO recommendation (id, code, title, description, theme, lead_unit,"
                " target_date, feasibility, feasibility_rationale, status, progress,"
                " progress_from_milestones, baseline_target_date, baseline_recorded_at, version)"
                " VALUES (1, 'R-01', 'Share data', 'Yearly.', 'role', 'Unit', '2027-06-30',"
                " 'feasible', '', 'planning', 10, false, '2027-06-30', '2026-01-15 12:00:00', 1)"
            )
        )
        connection.execute(
            sa.text(
                "INSERT INTO milestone (id, recommendation_id, title, due_date, done)"
                " VALUES (1, 1, 'Plan', '2027-01-01', false)"
            )
        )
        connection.execute(
            sa.text(
                "UPDATE status_definition SET meaning = 'Edited by an admin.'"
                " WHERE axis = 'implementation' AND key = 'planning'"
            )
        )
    result = runner.invoke(args=["db", "upgrade", "0012_french_content"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        for table, names in FRENCH_COLUMNS.items():
            described = columns(table)
            for name in names:
                assert described[name]["nullable"] is False, (table, name)
        rec = db.session.execute(
            sa.text("SELECT title, title_fr, description_fr FROM recommendation")
        ).one()
        assert tuple(rec) == ("Share data", "", "")
        assert db.session.scalar(sa.text("SELECT title_fr FROM milestone")) == ""
        rows = db.session.execute(
            sa.text(
                "SELECT axis, key, name_fr, meaning_fr, entry_criteria_fr FROM status_definition"
            )
        ).all()
        assert len(rows) == len(DEFAULT_DEFINITIONS_FR) == 16
        for axis, key, name_fr, meaning_fr, criteria_fr in rows:
            name, meaning, criteria = DEFAULT_DEFINITIONS_FR[(axis, key)]
            edited = (axis, key) == ("implementation", "planning")
            assert (name_fr, meaning_fr, criteria_fr) == (
                name,
                "" if edited else meaning,  # the admin's English is not the default's
                criteria,
            )
        db.session.remove()
    result = runner.invoke(args=["db", "downgrade", "0008_mail_queue"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        for table, names in FRENCH_COLUMNS.items():
            assert not names & set(columns(table)), table
        rec = db.session.execute(sa.text("SELECT code, title, progress FROM recommendation")).one()
        assert tuple(rec) == ("R-01", "Share data", 10)
        assert db.session.scalar(sa.text("SELECT title FROM milestone")) == "Plan"
        db.session.remove()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    assert runner.invoke(args=["db", "check"]).exit_code == 0


def test_french_columns_upgrade_and_downgrade_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@postgresql_only
def test_french_columns_upgrade_and_downgrade_on_postgresql():
    on_postgresql(round_trip)
