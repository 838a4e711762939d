"""0013_board_languages: existing applications and guardians are English, the intake's French
text starts empty, and the revision goes down and up again (SQLite batch mode; PostgreSQL)."""

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from tests.migration_runs import drop_everything, on_postgresql, on_sqlite, postgresql_only

pytestmark = pytest.mark.usefixtures("keep_logging")
NOW = "2026-01-15 12:00:00"


def columns(table: str) -> set[str]:
    """The column names of a table as the database has them."""
    return {column["name"] for column in sa.inspect(db.engine).get_columns(table)}


def rows_before_0013() -> None:
    """An intake, a student's application and their guardian, written before the revision."""
    with db.engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO intake (id, title, opens_at, closes_at, term_months, notice_purpose,"
                " notice_authority, notice_contact_title, notice_contact_email,"
                " notice_contact_phone, created_at) VALUES (1, 'Intake', :now, :now, 24, 'p',"
                " 'a', 't', 'c@example.org', '1', :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            sa.text(
                "INSERT INTO application (id, intake_id, reference, category, stage,"
                " created_at, version, consent_notice, consent_roster, consent_full_name,"
                " eligibility_reason, override_reason) VALUES (1, 1, 'BRD-0000-0001', 'student',"
                " 'awaiting_guardian_consent', :now, 1, true, false, false, '', '')"
            ),
            {"now": NOW},
        )
        connection.execute(
            sa.text(
                "INSERT INTO guardian_consent (application_id, consent_full_name) VALUES (1, false)"
            )
        )


def round_trip(app) -> None:
    """Up to 0012 with rows, up to 0013 (check the defaults), down to 0012, up again."""
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    result = runner.invoke(args=["db", "upgrade", "0012_french_content"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        rows_before_0013()
    result = runner.invoke(args=["db", "upgrade", "0013_board_languages"])
    assert result.exit_code == 0, result.output
    with app.app_context(), db.engine.connect() as connection:
        assert connection.scalar(sa.text("SELECT language FROM application")) == "en"
        assert connection.scalar(sa.text("SELECT language FROM guardian_consent")) == "en"
        french = connection.execute(
            sa.text(
                "SELECT title_fr, notice_purpose_fr, notice_authority_fr,"
                " notice_contact_title_fr FROM intake"
            )
        ).one()
        assert tuple(french) == ("", "", "", "")
    result = runner.invoke(args=["db", "downgrade", "0012_french_content"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert "language" not in columns("application")
        assert "language" not in columns("guardian_consent")
        assert not {"title_fr", "notice_purpose_fr"} & columns("intake")
        with db.engine.connect() as connection:  # the rows survived the batch copy
            assert connection.scalar(sa.text("SELECT reference FROM application")) == (
                "BRD-0000-0001"
            )
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        drop_everything()
        db.engine.dispose()


def test_0013_round_trip_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@postgresql_only
def test_0013_round_trip_on_postgresql():
    on_postgresql(round_trip)
