"""The demo applicants: one open intake and about 60 applications made through the services."""

import sqlalchemy as sa

from sro_board.board.enums import Category
from sro_board.board.intakes.services import is_open
from sro_board.board.models import (
    Application,
    ApplicationEmail,
    GuardianConsent,
    SelfIdentification,
)
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from sro_board.mail.models import OutboxEmail
from sro_board.sample.applicants import SEATS, load_board_sample
from tests.board.applying import outbox
from tests.factories import count_rows, make_user


def test_the_sample_has_an_open_intake_and_applications_in_every_applicant_stage(app):
    sample = load_board_sample(make_user(["admin"]))
    db.session.commit()
    assert is_open(sample.intake)
    assert {seat.category: seat.seats for seat in sample.intake.seats} == SEATS
    total = count_rows(Application)
    assert 55 <= total <= 65
    assert sample.counts["board applications"] == total

    by = dict(
        db.session.execute(
            sa.select(Application.stage, sa.func.count()).group_by(Application.stage)
        ).all()
    )
    for stage in (
        Stage.ELIGIBLE,
        Stage.INELIGIBLE,
        Stage.AWAITING_GUARDIAN,
        Stage.EXPIRED,
        Stage.WITHDRAWN,
    ):
        assert by.get(stage), stage
    categories = set(db.session.scalars(sa.select(Application.category)))
    assert categories == set(Category)

    consents = db.session.scalars(sa.select(GuardianConsent)).all()
    assert any(c.confirmed_at for c in consents)
    assert any(c.confirmed_at is None for c in consents)
    self_ids = count_rows(SelfIdentification)
    assert total * 0.3 <= self_ids <= total * 0.7
    # Every applicant got their confirmation email (FrancoSud families theirs in French, so
    # the email is found by its template, not by English words in its subject).
    sent = {m.email_id for m in outbox()}
    received = set(
        db.session.scalars(sa.select(OutboxEmail.id).where(OutboxEmail.template == "received"))
    )
    assert received <= sent
    links = db.session.execute(
        sa.select(ApplicationEmail.email_id, ApplicationEmail.application_id)
    )
    assert len({application for email, application in links if email in received}) == total
