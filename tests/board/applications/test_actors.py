"""Who did it: the audit log and the application history name the real non-staff actor."""

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from sro_board.audit.actors import SystemActor
from sro_board.audit.models import AuditEntry
from sro_board.audit.services import record
from sro_board.board.models import StageEvent
from sro_board.board.stages import Stage
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from tests.board.applying import PARENT, STUDENT_15, applications, apply, link_path, open_intake
from tests.board.applying import outbox as emails
from tests.factories import login
from tests.pages import text

FORM = "applicant (application form)"
STATUS_LINK = "applicant (status link)"
CONSENT_LINK = "guardian (consent link)"
RULES = "eligibility rules"
COMMAND = "system (command line)"


def entries() -> list[tuple[str, str]]:
    """(action, who) of every audit entry, oldest first."""
    rows = db.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id)).all()
    return [(e.action, e.actor_label) for e in rows]


def stage_events() -> list[tuple[Stage, SystemActor | None]]:
    """(new stage, system actor) of every stage event, oldest first."""
    db.session.expire_all()
    rows = db.session.scalars(sa.select(StageEvent).order_by(StageEvent.id)).all()
    return [(e.to_stage, e.system_actor) for e in rows]


def path_in(recipient: str, kind: str) -> str:
    """The status or consent link path in the newest email to someone."""
    return link_path(emails(recipient)[-1].body, kind)


def test_an_application_is_by_the_form_and_its_eligibility_by_the_rules(client):
    apply(client, open_intake(), PARENT)
    assert entries() == [("application.submit", FORM), ("application.stage", RULES)]
    assert stage_events()[-1] == (Stage.ELIGIBLE, SystemActor.ELIGIBILITY_RULES)


def test_the_guardians_answer_is_by_the_consent_link(client):
    apply(client, open_intake(), STUDENT_15)
    consent = path_in(STUDENT_15["guardian_email"], "consent")
    client.post(consent, data={"agree": "y", "confirm": "Give consent"})
    assert entries()[-2:] == [
        ("application.guardian_consent", CONSENT_LINK),
        ("application.stage", CONSENT_LINK),
    ]
    assert stage_events()[1:] == [
        (Stage.AWAITING_GUARDIAN, SystemActor.ELIGIBILITY_RULES),
        (Stage.ELIGIBLE, SystemActor.CONSENT_LINK),
    ]


def test_a_guardians_refusal_is_by_the_consent_link(client):
    apply(client, open_intake(), STUDENT_15)
    consent = path_in(STUDENT_15["guardian_email"], "consent")
    client.post(consent, data={"decline": "I do not give consent"})
    assert entries()[-1] == ("application.stage", CONSENT_LINK)
    assert stage_events()[-1] == (Stage.WITHDRAWN, SystemActor.CONSENT_LINK)


def test_the_applicants_own_changes_are_by_the_status_link(client):
    apply(client, open_intake(), STUDENT_15)
    status = path_in(STUDENT_15["email"], "status")
    client.post(status + "/guardian", data={"guardian_email": "other.guardian@example.net"})
    client.post(status + "/contact", data={"email": STUDENT_15["email"], "phone": "403-555-0101"})
    client.post(status + "/withdraw", data={"confirm": "y"})
    assert entries()[-3:] == [
        ("application.guardian_request", STATUS_LINK),
        ("application.contact", STATUS_LINK),
        ("application.stage", STATUS_LINK),
    ]
    assert stage_events()[-1] == (Stage.WITHDRAWN, SystemActor.STATUS_LINK)


def test_a_new_status_link_is_by_whoever_used_the_form(client):
    apply(client, open_intake(), PARENT)
    client.post("/advisory-board/new-status-link", data={"email": PARENT["email"]})
    assert entries()[-1] == ("application.status_link", "anyone (new status link form)")


def test_command_line_work_stays_the_command_line(app, client, runner):
    apply(client, open_intake(), STUDENT_15)
    with clock_set_to(now_utc() + timedelta(days=15)):
        assert runner.invoke(args=["board", "expire-consents"]).exit_code == 0
    assert entries()[-1] == ("application.stage", COMMAND)
    assert stage_events()[-1] == (Stage.EXPIRED, SystemActor.COMMAND_LINE)


def test_a_staff_move_names_the_staff_member_only(client, users):
    apply(client, open_intake(), PARENT)
    (application,) = applications()
    login(client, users["admin"])
    client.post(
        f"/staff/board/applications/{application.id}/move",
        data={"stage": "ineligible", "reason": "Child left the school."},
    )
    entry = db.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.actor_id, entry.actor_label, entry.system_actor) == (
        users["admin"].id,
        users["admin"].email,
        None,
    )


def test_the_history_and_the_audit_page_show_the_actor_and_filter_by_it(client, users):
    apply(client, open_intake(), STUDENT_15)
    consent = path_in(STUDENT_15["guardian_email"], "consent")
    client.post(consent, data={"decline": "I do not give consent"})
    (application,) = applications()
    login(client, users["admin"])
    history = text(client.get(f"/staff/board/applications/{application.id}"))
    assert f"<td>{CONSENT_LINK}</td>" in history
    assert f"<td>{FORM}</td>" in history

    page = text(client.get("/staff/audit"))
    for who in (FORM, CONSENT_LINK):
        assert f"<td>{who}</td>" in page
    only = text(client.get("/staff/audit?actor=consent_link"))
    assert re.findall(r"<td>([a-z]+ \([a-z ]+\))</td>", only) == [CONSENT_LINK]
    assert 'value="consent_link"' in only
    assert "Guardian (consent link)" in only


def test_the_command_line_filter_includes_entries_written_before_actors_were_named(client, users):
    apply(client, open_intake(), PARENT)
    # An entry as every non-staff entry was written before: no system_actor.
    db.session.add(
        AuditEntry(
            actor_label=COMMAND,
            action="legacy.entry",
            entity_type="application",
            entity_id="OLD",
            summary="Written before actors were named",
        )
    )
    record(None, "command.entry", "application", "NEW", "Written by a command")
    db.session.commit()
    login(client, users["admin"])
    page = text(client.get("/staff/audit?actor=system"))
    assert "Written before actors were named" in page
    assert "Written by a command" in page
    assert "received" not in page  # the form's own entries are not the command line's


def test_an_entry_cannot_name_a_staff_member_and_a_system_actor(app, users):
    db.session.add(
        AuditEntry(
            actor_id=users["admin"].id,
            actor_label="both",
            system_actor=SystemActor.CONSENT_LINK,
            action="x",
            entity_type="x",
            entity_id="x",
            summary="x",
        )
    )
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_every_system_actor_has_words():
    for actor in SystemActor:
        assert re.fullmatch(r"[a-z]+( [a-z]+)*( \([a-z ]+\))?", actor.label), actor
    assert len({a.label for a in SystemActor}) == len(SystemActor)
    assert SystemActor.COMMAND_LINE.label == COMMAND
