"""Contact messages are deleted by `flask contact purge` after CONTACT_RETENTION_DAYS (L6).

ASVS 5.0: 14.2.4 (controls on sensitive data as documented: retention).
"""

from datetime import timedelta

import sqlalchemy as sa

from sro_board.contact.models import ContactMessage, Topic
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db


def _count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(ContactMessage))


def test_messages_past_their_retention_are_deleted(app, runner):
    days = app.config["CONTACT_RETENTION_DAYS"]
    for age in (days + 1, days - 1):
        db.session.add(
            ContactMessage(
                topic=Topic.QUESTION,
                message="My son Kai was stopped at school.",
                name="Dana Osterbrook",
                email="dana@example.net",
                created_at=now_utc() - timedelta(days=age),
            )
        )
    db.session.commit()
    dry = runner.invoke(args=["contact", "purge", "--dry-run"])
    assert f"Would delete 1 contact message(s) older than {days} days." in dry.output
    assert _count() == 2
    assert "Deleted 1 contact message(s)" in runner.invoke(args=["contact", "purge"]).output
    assert _count() == 1
    assert "Deleted 0" in runner.invoke(args=["contact", "purge"]).output
    with clock_set_to(now_utc() + timedelta(days=2)):
        runner.invoke(args=["contact", "purge"])
    assert _count() == 0
