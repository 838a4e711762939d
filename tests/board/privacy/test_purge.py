"""`flask board purge`: dry run, real run, idempotence, what is kept and what goes."""

from datetime import timedelta

import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.board.enums import AgeRange, Category
from sro_board.board.models import (
    Application,
    ApplicationEmail,
    GuardianConsent,
    SelfIdentification,
    StageEvent,
)
from sro_board.board.privacy.services import PERSONAL_FIELDS, purge_expired
from sro_board.board.review_models import Score
from sro_board.board.stages import Stage
from sro_board.board.transitions import move_to
from sro_board.core.extensions import db
from sro_board.mail.models import OutboxEmail
from tests.board.factories import (
    add_criteria,
    make_application,
    make_guardian,
    make_intake,
    make_self_id,
    now,
    score,
)
from tests.factories import count_rows


def _old(intake, stage, days=400, **values):
    application = make_application(intake, stage=stage, decided_at=now() - timedelta(days=days))
    for name, value in values.items():
        setattr(application, name, value)
    db.session.commit()
    return application


def _world(users):
    """Two applications due for purge, and three that must be left alone."""
    intake = make_intake()
    (criterion,) = add_criteria(intake, 2)
    due = _old(
        intake,
        Stage.NOT_SELECTED,
        category=Category.STUDENT,
        age_range=AgeRange.AGE_14_15,
        status_token_hash="a" * 64,
        interview_format="Video call",
    )
    make_guardian(due)
    make_self_id(due)
    score(due, users["reviewer"], [criterion], [4], comment="Spoke about her brother.")
    db.session.add(
        StageEvent(application_id=due.id, to_stage=Stage.NOT_SELECTED, reason="Met at school.")
    )
    withdrawn = _old(intake, Stage.WITHDRAWN, days=366)
    make_self_id(withdrawn)
    recent = _old(intake, Stage.NOT_SELECTED, days=100)
    member = _old(intake, Stage.ACCEPTED, days=800)
    open_one = make_application(intake, stage=Stage.IN_REVIEW)
    for application, template in ((due, "decision"), (recent, "received")):
        email = an_email(template, application.email)
        db.session.add(ApplicationEmail(application=application, email=email))
    db.session.add(an_email("invitation", "staff@example.org"))
    db.session.commit()
    return {
        "due": [due.id, withdrawn.id],
        "kept": [recent.id, member.id, open_one.id],
        "criterion": criterion,
    }


def an_email(template: str, recipient: str) -> OutboxEmail:
    """A queued email row (delivered when the test commits)."""
    return OutboxEmail(
        template=template, recipient_hash="0" * 64, recipient=recipient, subject="S", body="B"
    )


def _snapshot():
    rows = db.session.execute(sa.select(Application).order_by(Application.id)).scalars()
    return [
        tuple(getattr(a, f) for f in (*PERSONAL_FIELDS, "purged_at", "stage", "version"))
        for a in rows
    ] + [count_rows(m) for m in (GuardianConsent, SelfIdentification, OutboxEmail, Score)]


def test_dry_run_says_what_it_would_do_and_changes_nothing(runner, users):
    world = _world(users)
    before = _snapshot()
    result = runner.invoke(args=["board", "purge", "--dry-run"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert _snapshot() == before
    due = [db.session.get(Application, i).reference for i in world["due"]]
    assert f"Would delete the personal data of 2 application(s): {', '.join(due)}" in result.output
    assert "self-identification answers: 2" in result.output
    assert "Dry run: nothing was changed." in result.output
    assert not db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "application.purge")
    ).all()


def test_purge_empties_personal_data_and_keeps_anonymous_counts(runner, users):
    world = _world(users)
    result = runner.invoke(args=["board", "purge"])
    assert result.exit_code == 0, result.output
    assert "Deleted the personal data of 2 application(s)" in result.output
    db.session.expire_all()
    for application_id in world["due"]:
        application = db.session.get(Application, application_id)
        assert all(getattr(application, f) is None for f in PERSONAL_FIELDS)
        assert application.purged_at is not None
        assert application.stage in (Stage.NOT_SELECTED, Stage.WITHDRAWN)
        assert application.category is not None
        assert application.reference
    assert count_rows(SelfIdentification) == 0
    assert count_rows(GuardianConsent) == 0
    # Only the emails about purged applications go: others, and staff email, stay.
    assert set(db.session.scalars(sa.select(OutboxEmail.template))) == {"received", "invitation"}
    assert db.session.scalars(sa.select(ApplicationEmail.application_id)).all() == [
        world["kept"][0]
    ]
    kept_score = db.session.scalars(sa.select(Score)).one()
    assert (kept_score.score, kept_score.comment) == (4, "")
    assert db.session.scalars(sa.select(StageEvent.reason)).all() == [""]
    for application_id in world["kept"]:
        application = db.session.get(Application, application_id)
        assert application.name is not None
        assert application.purged_at is None
    entries = db.session.scalars(
        sa.select(AuditEntry).where(AuditEntry.action == "application.purge")
    ).all()
    assert len(entries) == 2
    assert all(e.actor_id is None for e in entries)


def test_a_second_run_changes_nothing_more(runner, users):
    _world(users)
    runner.invoke(args=["board", "purge"])
    db.session.expire_all()
    before = _snapshot()
    result = runner.invoke(args=["board", "purge"])
    assert result.exit_code == 0
    assert "No application to purge." in result.output
    db.session.expire_all()
    assert _snapshot() == before


def test_the_retention_period_comes_from_the_configuration(app, runner, users):
    world = _world(users)
    app.config["RETENTION_DAYS"] = 50
    result = runner.invoke(args=["board", "purge"])
    assert "Retention period: 50 days" in result.output
    assert "3 application(s)" in result.output
    db.session.expire_all()
    assert db.session.get(Application, world["kept"][0]).purged_at is not None


def test_the_decision_date_starts_the_clock(app, users):
    intake = make_intake()
    application = make_application(intake, stage=Stage.IN_REVIEW)
    move_to(application, Stage.NOT_SELECTED, users["admin"], "Not this time.")
    db.session.commit()
    assert application.decided_at is not None
    assert purge_expired(dry_run=True).count == 0
    assert purge_expired(dry_run=True, now=now() + timedelta(days=366)).count == 1
