"""0008_mail_queue: waiting emails are encrypted and queued, sent ones emptied; links kept."""

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from sro_board.mail.models import EmailState, OutboxEmail
from sro_board.mail.services import recipient_hash
from tests.migration_runs import drop_everything, on_postgresql, on_sqlite, postgresql_only

TOKEN = "A" * 43
BODY = f"Your link: http://127.0.0.1:5000/advisory-board/status/{TOKEN}"


pytestmark = pytest.mark.usefixtures("keep_logging")


def round_trip(app) -> None:
    """From 0007 (through 0011) with a sent and a waiting email to 0008, check, down, check."""
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    assert runner.invoke(args=["db", "upgrade", "0007_mail_outbox"]).exit_code == 0
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
        connection.execute(
            sa.text(
                "INSERT INTO application (id, intake_id, reference, category, stage,"
                " created_at, version, consent_notice, consent_roster, consent_full_name,"
                " eligibility_reason, override_reason) VALUES (1, 1, 'BRD-0000-0001', 'parent',"
                " 'eligible', :now, 1, true, false, false, '', '')"
            ),
            {"now": now},
        )
        for email_id, delivered in ((1, True), (2, False)):
            connection.execute(
                sa.text(
                    "INSERT INTO outbox_email (id, created_at, recipient, subject, body,"
                    " delivered) VALUES (:id, :now, 'Ann@Example.org', 'Your link', :body, :d)"
                ),
                {"id": email_id, "now": now, "body": BODY, "d": delivered},
            )
            connection.execute(
                sa.text("INSERT INTO application_email VALUES (:id, 1)"), {"id": email_id}
            )
    result = runner.invoke(args=["db", "upgrade", "0008_mail_queue"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        raw = db.session.execute(sa.text("SELECT * FROM outbox_email ORDER BY id")).all()
        assert not [row for row in raw if TOKEN in repr(tuple(row))]  # nothing in clear
        # Only the columns 0008 has (later revisions add more, e.g. 0021's headers).
        columns = sa.orm.load_only(
            *(
                getattr(OutboxEmail, c.name)
                for c in db.metadata.tables["outbox_email"].columns
                if c.name != "headers"
            )
        )
        sent, waiting = db.session.scalars(
            sa.select(OutboxEmail).options(columns).order_by(OutboxEmail.id)
        )
        assert (sent.state, sent.recipient, sent.subject, sent.body) == (
            EmailState.SENT,
            None,
            None,
            None,
        )
        assert sent.finished_at is not None
        assert (waiting.state, waiting.recipient, waiting.body) == (
            EmailState.QUEUED,
            "Ann@Example.org",
            BODY,
        )
        assert sent.recipient_hash == waiting.recipient_hash == recipient_hash("ann@example.org")
        links = db.session.execute(sa.text("SELECT count(*) FROM application_email")).scalar()
        assert links == 2
        db.session.remove()
    assert runner.invoke(args=["db", "downgrade", "0011_list_indexes"]).exit_code == 0
    with app.app_context():
        back = db.session.execute(
            sa.text("SELECT id, recipient, body, delivered FROM outbox_email ORDER BY id")
        ).all()
        assert [tuple(row) for row in back] == [
            (1, "", "", True),
            (2, "Ann@Example.org", BODY, False),
        ]
        links = db.session.execute(sa.text("SELECT count(*) FROM application_email")).scalar()
        assert links == 2
        db.session.remove()


def test_0008_on_sqlite(tmp_path):
    on_sqlite(tmp_path, round_trip)


@postgresql_only
def test_0008_on_postgresql():
    on_postgresql(round_trip)
