"""The migration encrypts existing rows; the audit log is append-only (a trigger on PostgreSQL).

ASVS 5.0: 16.4.2 (logs cannot be modified), 14.2.4 (encryption of sensitive data applied to
data already held), 11.1.2 (every encrypted column listed in one place).
"""

import importlib.util
import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from sro_board import create_app
from sro_board.audit.guard import AuditLogIsAppendOnly
from sro_board.audit.models import AuditEntry
from sro_board.audit.services import record
from sro_board.board.enums import SelfIdAnswer
from sro_board.board.models import GuardianConsent, SelfIdentification
from sro_board.core.extensions import db
from sro_board.security.crypto import encrypted_columns
from tests.factories import using_postgres
from tests.ops.test_migrations import drop_everything

pytestmark = [
    pytest.mark.usefixtures("keep_logging"),
    pytest.mark.filterwarnings("ignore:'get_engine' is deprecated:DeprecationWarning"),
]
VERSIONS = Path(__file__).resolve().parents[2] / "migrations" / "versions"


def _revision_module(name: str = "0004_security_data.py"):
    spec = importlib.util.spec_from_file_location("rev", VERSIONS / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REVISION = _revision_module()
PREVIOUS = REVISION.down_revision


def test_every_encrypted_column_is_converted_by_the_migration():
    revisions = [_revision_module(path.name) for path in sorted(VERSIONS.glob("*.py"))]
    listed = {
        (t, c)
        for revision in revisions
        for t, (_, columns) in getattr(revision, "ENCRYPTED", {}).items()
        for c in columns
    }
    encrypted = {(c.table.name, c.name) for c in encrypted_columns(db.metadata)}
    assert listed == encrypted


@pytest.fixture
def migrated_app(tmp_path):
    """An app on an empty database (a SQLite file, or TEST_DATABASE_URL) for `flask db`."""
    url = os.environ["TEST_DATABASE_URL"] if using_postgres() else f"sqlite:///{tmp_path}/m.db"
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=url)
    with app.app_context():
        drop_everything(db.engine)
    yield app
    with app.app_context():
        db.session.remove()
        drop_everything(db.engine)
        db.engine.dispose()


def flask_db(app, *args: str) -> None:
    """Run a `flask db` command and check it worked."""
    result = app.test_cli_runner().invoke(args=["db", *args])
    assert result.exit_code == 0, result.output


def insert_plain_rows() -> None:
    """An intake, an application, its guardian and answers, as stored before encryption."""
    statements = [
        "INSERT INTO intake (id, title, opens_at, closes_at, term_months, notice_purpose,"
        " notice_authority, notice_contact_title, notice_contact_email, notice_contact_phone,"
        " created_at) VALUES (1, 'Intake', :now, :now, 24, 'p', 'a', 't', 'e@example.org',"
        " '403', :now)",
        "INSERT INTO application (id, intake_id, reference, category, stage, created_at,"
        " version, consent_notice, consent_roster, consent_full_name, eligibility_reason,"
        " override_reason) VALUES (1, 1, 'BRD-0000-0001', 'student', 'in_review', :now, 1,"
        " true, false, false, '', '')",
        "INSERT INTO guardian_consent (application_id, guardian_name, guardian_email,"
        " expires_at, consent_full_name) VALUES (1, 'Dana Plainfield',"
        " 'dana.plainfield@example.net', :now, false)",
        "INSERT INTO self_identification (id, application_id, racialized, lgbtq)"
        " VALUES (1, 1, 'yes', 'prefer_not')",
    ]
    with db.engine.begin() as connection:
        for statement in statements:
            connection.execute(sa.text(statement), {"now": "2026-01-01 00:00:00+00:00"})


def raw(sql: str) -> tuple:
    """One row as stored."""
    with db.engine.connect() as connection:
        return tuple(connection.execute(sa.text(sql)).one())


def test_the_migration_encrypts_existing_rows_and_the_downgrade_decrypts_them(migrated_app):
    flask_db(migrated_app, "upgrade", PREVIOUS)
    with migrated_app.app_context():
        insert_plain_rows()
    flask_db(migrated_app, "upgrade")
    with migrated_app.app_context():
        name, email = raw("SELECT guardian_name, guardian_email FROM guardian_consent")
        assert name.startswith("gAAAA")
        assert "Plainfield" not in name + email
        consent = db.session.get(GuardianConsent, 1)
        assert (consent.guardian_name, consent.guardian_email) == (
            "Dana Plainfield",
            "dana.plainfield@example.net",
        )
        answers = db.session.get(SelfIdentification, 1)
        assert (answers.racialized, answers.lgbtq, answers.newcomer) == (
            SelfIdAnswer.YES,
            SelfIdAnswer.PREFER_NOT,
            None,
        )
        db.session.remove()
    flask_db(migrated_app, "downgrade", PREVIOUS)
    with migrated_app.app_context():
        assert raw("SELECT guardian_name FROM guardian_consent") == ("Dana Plainfield",)
        assert raw("SELECT racialized, lgbtq FROM self_identification") == ("yes", "prefer_not")


# The audit log ------------------------------------------------------------------------------


def test_the_app_cannot_change_or_delete_an_audit_entry(app):
    entry = record(None, "test.event", "test", 1, "An entry.")
    db.session.commit()
    entry.summary = "Rewritten."
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEntry, entry.id))
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.commit()
    db.session.rollback()
    for statement in (sa.update(AuditEntry).values(summary="x"), sa.delete(AuditEntry)):
        with pytest.raises(AuditLogIsAppendOnly):
            db.session.execute(statement)
        db.session.rollback()
    assert db.session.get(AuditEntry, entry.id).summary == "An entry."


@pytest.mark.postgres
@pytest.mark.skipif(not using_postgres(), reason="the trigger exists on PostgreSQL only")
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET summary = 'rewritten'",
        "DELETE FROM audit_entry",
        "TRUNCATE audit_entry",
    ],
)
def test_postgresql_refuses_raw_sql_that_changes_the_audit_log(migrated_app, statement):
    flask_db(migrated_app, "upgrade")
    with migrated_app.app_context():
        record(None, "test.event", "test", 1, "An entry.")
        db.session.commit()
        with db.engine.connect() as connection, pytest.raises(sa.exc.DBAPIError) as caught:
            connection.execute(sa.text(statement))
        assert "audit_entry is append-only" in str(caught.value.orig)
        assert db.session.scalar(sa.select(AuditEntry.summary)) == "An entry."
        db.session.remove()


@pytest.mark.postgres
@pytest.mark.skipif(not using_postgres(), reason="the trigger exists on PostgreSQL only")
def test_the_downgrade_removes_the_trigger(migrated_app):
    flask_db(migrated_app, "upgrade")
    flask_db(migrated_app, "downgrade", PREVIOUS)
    with migrated_app.app_context(), db.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM audit_entry"))
