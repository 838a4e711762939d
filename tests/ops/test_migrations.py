"""`flask db upgrade` builds the whole schema from empty, and the models match the migrations."""

import os

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sro_board import create_app
from sro_board.core.extensions import db
from sro_board.recommendations.models import StatusDefinition
from tests.factories import using_postgres

pytestmark = pytest.mark.usefixtures("keep_logging")


def drop_everything(engine: sa.Engine) -> None:
    """Drop every table, the models' and alembic_version alike."""
    meta = sa.MetaData()
    meta.reflect(engine)
    meta.drop_all(engine)


def upgrade_and_check(app) -> None:
    """Run `flask db upgrade` and `flask db check` on an empty database and inspect the result."""
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything(db.engine)
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        tables = set(sa.inspect(db.engine).get_table_names())
        assert tables == set(db.metadata.tables) | {"alembic_version"}
        definitions = db.session.scalar(sa.select(sa.func.count()).select_from(StatusDefinition))
        assert definitions == 16
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []
        db.session.remove()
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 0, result.output


def test_upgrade_from_empty_on_sqlite(tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'empty.db'}")
    upgrade_and_check(app)
    with app.app_context():
        db.engine.dispose()


def test_downgrade_to_empty_and_back_on_sqlite(tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'empty.db'}")
    runner = app.test_cli_runner()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    result = runner.invoke(args=["db", "downgrade", "base"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert set(sa.inspect(db.engine).get_table_names()) == {"alembic_version"}
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    with app.app_context():
        db.engine.dispose()


@pytest.mark.postgres
@pytest.mark.skipif(not using_postgres(), reason="TEST_DATABASE_URL is not PostgreSQL")
def test_upgrade_from_empty_on_postgresql():
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=os.environ["TEST_DATABASE_URL"])
    try:
        upgrade_and_check(app)
    finally:
        with app.app_context():
            drop_everything(db.engine)  # leave the test database empty for the other tests
            db.engine.dispose()


def _outbox_links_round_trip(app) -> None:
    """0007 moves each email's application into application_email and back, row for row."""
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything(db.engine)
    assert runner.invoke(args=["db", "upgrade", "0006_guardian_request_unsent"]).exit_code == 0
    now = "2026-01-15 12:00:00"
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO intake (id, title, opens_at, closes_at, term_months, notice_purpose,"
                " notice_authority, notice_contact_title, notice_contact_email,"
                " notice_contact_phone, created_at) VALUES (1, 'Intake', :now, :now, 24, 'p',"
                " 'a', 't', 'c@example.org', '1', :now)"
            ),
            {"now": now},
        )
        for app_id in (1, 2):
            connection.execute(
                sa.text(
                    "INSERT INTO application (id, intake_id, reference, category, stage,"
                    " created_at, version, consent_notice, consent_roster, consent_full_name,"
                    " eligibility_reason, override_reason) VALUES (:id, 1, :ref, 'parent',"
                    " 'eligible', :now, 1, true, false, false, '', '')"
                ),
                {"id": app_id, "ref": f"BRD-0000-000{app_id}", "now": now},
            )
        for email_id, app_id in ((1, 1), (2, None), (3, 2), (4, 1)):
            connection.execute(
                sa.text(
                    "INSERT INTO outbox_email (id, created_at, application_id, recipient,"
                    " subject, body, delivered) VALUES (:id, :now, :app, 'a@example.org', 's',"
                    " 'b', false)"
                ),
                {"id": email_id, "app": app_id, "now": now},
            )
    assert runner.invoke(args=["db", "upgrade", "0007_mail_outbox"]).exit_code == 0
    with app.app_context(), db.engine.connect() as connection:
        links = connection.execute(
            sa.text("SELECT email_id, application_id FROM application_email ORDER BY email_id")
        ).all()
        assert [tuple(row) for row in links] == [(1, 1), (3, 2), (4, 1)]
        assert connection.execute(sa.text("SELECT count(*) FROM outbox_email")).scalar() == 4
    assert runner.invoke(args=["db", "downgrade", "0006_guardian_request_unsent"]).exit_code == 0
    with app.app_context(), db.engine.connect() as connection:
        back = connection.execute(
            sa.text("SELECT id, application_id FROM outbox_email ORDER BY id")
        ).all()
        assert [tuple(row) for row in back] == [(1, 1), (2, None), (3, 2), (4, 1)]
        assert "application_email" not in sa.inspect(connection).get_table_names()


def test_outbox_links_survive_upgrade_and_downgrade_on_sqlite(tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'links.db'}")
    _outbox_links_round_trip(app)
    with app.app_context():
        db.engine.dispose()


@pytest.mark.postgres
@pytest.mark.skipif(not using_postgres(), reason="TEST_DATABASE_URL is not PostgreSQL")
def test_outbox_links_survive_upgrade_and_downgrade_on_postgresql():
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=os.environ["TEST_DATABASE_URL"])
    try:
        _outbox_links_round_trip(app)
    finally:
        with app.app_context():
            drop_everything(db.engine)
            db.engine.dispose()
