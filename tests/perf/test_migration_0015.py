"""0015_application_scores: the stored review results are filled from the scores already
given, and the downgrade drops them in place, keeping every row that hangs off an application."""

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from tests.migration_runs import drop_everything, on_postgresql, on_sqlite, postgresql_only

pytestmark = pytest.mark.usefixtures("keep_logging")
NOW = "2026-01-15 12:00:00"
CHILDREN = ("score", "conflict_declaration", "stage_event")


def insert(connection, sql: str, **values) -> None:
    connection.execute(sa.text(sql), {"now": NOW} | values)


def seed(connection) -> None:
    """At 0008: an intake with weights 1 and 3, two reviewers, two applications, one scored."""
    insert(
        connection,
        "INSERT INTO intake (id, title, opens_at, closes_at, term_months, notice_purpose,"
        " notice_authority, notice_contact_title, notice_contact_email, notice_contact_phone,"
        " created_at) VALUES (1, 'Intake', :now, :now, 24, 'p', 'a', 't', 'c@example.org', '1',"
        " :now)",
    )
    for criterion, weight in ((1, 1), (2, 3)):
        insert(
            connection,
            "INSERT INTO rubric_criterion (id, intake_id, position, name, description, weight)"
            " VALUES (:id, 1, :id, 'C', '', :w)",
            id=criterion,
            w=weight,
        )
    for user in (1, 2):
        insert(
            connection,
            'INSERT INTO "user" (id, email, name, password_hash, active, created_at,'
            " session_version) VALUES (:id, :email, 'R', 'x', true, :now, 1)",
            id=user,
            email=f"r{user}@example.org",
        )
    for application in (1, 2):
        insert(
            connection,
            "INSERT INTO application (id, intake_id, reference, category, stage, created_at,"
            " version, consent_notice, consent_roster, consent_full_name, eligibility_reason,"
            " override_reason) VALUES (:id, 1, :ref, 'parent', 'in_review', :now, 1, true,"
            " false, false, '', '')",
            id=application,
            ref=f"BRD-0000-000{application}",
        )
        insert(
            connection,
            "INSERT INTO stage_event (application_id, to_stage, at, reason)"
            " VALUES (:id, 'in_review', :now, '')",
            id=application,
        )
    # Reviewer 1: (5*1 + 1*3) / 4 = 2.0; reviewer 2: (1*1 + 5*3) / 4 = 4.0.
    for reviewer, values in ((1, (5, 1)), (2, (1, 5))):
        insert(
            connection,
            "INSERT INTO conflict_declaration (application_id, reviewer_id, has_conflict,"
            " declared_at) VALUES (1, :r, false, :now)",
            r=reviewer,
        )
        for criterion, value in zip((1, 2), values, strict=True):
            insert(
                connection,
                "INSERT INTO score (application_id, reviewer_id, criterion_id, score, comment,"
                " scored_at) VALUES (1, :r, :c, :v, '', :now)",
                r=reviewer,
                c=criterion,
                v=value,
            )


def counts() -> dict[str, int]:
    return {
        table: db.session.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar()  # noqa: S608
        for table in CHILDREN
    }


def round_trip(app) -> None:
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    assert runner.invoke(args=["db", "upgrade", "0008_mail_queue"]).exit_code == 0
    with app.app_context(), db.engine.begin() as connection:
        seed(connection)
    with app.app_context():
        before = counts()
        db.session.remove()
    result = runner.invoke(args=["db", "upgrade", "0015_application_scores"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        rows = db.session.execute(
            sa.text(
                "SELECT id, review_count, score_mean, score_low, score_high, score_squares"
                " FROM application ORDER BY id"
            )
        ).all()
        assert [tuple(row) for row in rows] == [
            (1, 2, 3.0, 2.0, 4.0, 10.0),
            (2, 0, 0.0, None, None, None),
        ]
        assert counts() == before
        db.session.remove()
    result = runner.invoke(args=["db", "downgrade", "0008_mail_queue"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert counts() == before  # no copy of application, so nothing cascaded away
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("application")}
        assert not columns & {"review_count", "score_mean", "score_low"}
        db.session.remove()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0


def test_0015_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@postgresql_only
def test_0015_on_postgresql():
    on_postgresql(round_trip)
