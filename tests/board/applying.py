"""Helpers for the applicant-side tests: form answers, a loopback SMTP server, links in email."""

import email
import email.policy
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller
from flask import current_app

from sro_board.board.applications.services import ApplicationInput, Submitted, submit_application
from sro_board.board.enums import AgeRange, Category, GradeBand, SchoolBoard
from sro_board.board.models import Application, Intake
from sro_board.core.extensions import db
from sro_board.mail.backends import SENT, Message
from tests.board.factories import make_intake, now
from tests.factories import fresh_app

# People who apply in these tests; none of these values may reach a log line or a URL.
PARENT = {
    "category": "parent",
    "name": "Priya Fernhollow",
    "email": "priya.fernhollow@example.net",
    "phone": "403-555-0142",
    "school_board": "cbe",
    "school": "Glenbrook Middle School",
    "child_grade_band": "junior_high",
    "motivation": "I want every student at my son's school to feel safe.",
    "perspectives": "I am a South Asian parent and I volunteer with newcomer families.",
    "availability": "Weekday evenings",
    "accommodations": "",
    "heard_about": "My school or school board",
    "consent_roster": "y",
    "consent_notice": "y",
}
STUDENT_15 = {
    "category": "student",
    "name": "Kai Osterbrook",
    "email": "kai.osterbrook@example.net",
    "phone": "587-555-0177",
    "school_board": "ccsd",
    "school": "Bishop Carroll High School",
    "student_grade": "10",
    "age_range": "14_15",
    "guardian_name": "Dana Osterbrook",
    "guardian_email": "dana.osterbrook@example.net",
    "consent_full_name": "y",
    "motivation": "Students should have a say in how safety works at school.",
    "perspectives": "I am a Black student and I lead my school's diversity club.",
    "availability": "After school on Tuesdays and Thursdays",
    "consent_roster": "y",
    "consent_notice": "y",
}
TEACHER = {
    "category": "staff",
    "name": "Morgan Lisgarde",
    "email": "m.lisgarde@example.net",
    "phone": "",
    "school_board": "palliser",
    "school": "Coaldale Central School",
    "staff_role": "teacher",
    "motivation": "I teach grade 8 and see how students feel about police in school.",
    "perspectives": "Twenty years as a teacher in rural and urban schools.",
    "availability": "Evenings and weekends",
    "accommodations": "Meetings online if possible",
    "consent_notice": "y",
}
PEOPLE = {"parent": PARENT, "student": STUDENT_15, "staff": TEACHER}


def personal_values(answers: dict) -> list[str]:
    """The personal values in a set of answers (the things that must never be logged)."""
    keys = ("name", "email", "phone", "guardian_name", "guardian_email", "school")
    return [answers[k] for k in keys if answers.get(k)]


def open_intake(**values) -> Intake:
    """An intake open now and for the next 30 days."""
    values.setdefault("opens_at", now() - timedelta(days=7))
    values.setdefault("closes_at", now() + timedelta(days=30))
    return make_intake(**values)


def apply(client, intake: Intake, answers: dict | None = None, **changes):
    """Post the application form as a browser would."""
    data = {"intake": str(intake.id)} | (answers or PARENT) | changes
    return client.post(
        "/advisory-board/apply", data={k: v for k, v in data.items() if v is not None}
    )


def submit(intake: Intake, category: Category = Category.PARENT, **values) -> Submitted:
    """Make an application through the service, committed (no request needed)."""
    n = db.session.scalar(sa.select(sa.func.count()).select_from(Application)) + 1
    base = {
        "category": category,
        "name": f"Applicant Number{n}",
        "email": f"applicant{n}@example.net",
        "school_board": SchoolBoard.CBE,
        "school": "Crescent Heights High School",
        "motivation": "To help.",
        "perspectives": "A parent.",
        "availability": "Evenings.",
        "consent_notice": True,
    }
    if category is Category.STUDENT:
        base |= {
            "student_grade": 10,
            "age_range": AgeRange.AGE_14_15,
            "guardian_name": "A Guardian",
            "guardian_email": f"guardian{n}@example.net",
        }
    elif category is Category.PARENT:
        base["child_grade_band"] = GradeBand.SENIOR_HIGH
    else:
        base["staff_role"] = "teacher"
    submitted = submit_application(intake, ApplicationInput(**(base | values)))
    db.session.commit()
    return submitted


def applications() -> list[Application]:
    """Every application, freshly read."""
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Application).order_by(Application.id)))


def outbox(recipient: str | None = None) -> list[Message]:
    """Emails handed to the delivery backend (to one recipient if given), oldest first.

    Read at the delivery boundary (MAIL_BACKEND=memory), never from the database, which keeps
    no readable copy.
    """
    sent = current_app.extensions[SENT]
    return [m for m in sent if recipient is None or m.recipient == recipient]


LINK = re.compile(r"https?://\S+?/advisory-board/(status|consent)/([A-Za-z0-9_-]{43})")


def link_path(body: str, kind: str) -> str:
    """The path of the status or consent link in an email body."""
    for match in LINK.finditer(body):
        if match.group(1) == kind:
            return urlsplit(match.group(0)).path
    raise AssertionError(f"no {kind} link in: {body}")


# A real SMTP server on loopback -------------------------------------------------------------


@dataclass
class Mailbox:
    """Messages received by the loopback SMTP server."""

    port: int
    messages: list[email.message.EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd API
        """Keep each message as it arrived."""
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        """Messages delivered to one address."""
        return [m for m in self.messages if m["X-Envelope-To"] == address]

    def body(self, address: str, index: int = -1) -> str:
        """The text of a message to an address (the last one by default)."""
        messages = self.to(address)
        assert messages, f"no email reached {address}"
        return messages[index].get_content()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_server(port: int | None = None) -> Iterator[Mailbox]:
    """Run an aiosmtpd server on 127.0.0.1 (on a free port unless given) during the block."""
    mailbox = Mailbox(port=port or free_port())
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()


def smtp_settings(mailbox: Mailbox) -> dict:
    """create_app overrides that send email to the loopback server."""
    return {"MAIL_BACKEND": "smtp", "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": mailbox.port}


# Fixtures: import both into a test module to send its email through the loopback server.


@pytest.fixture(name="mailbox")
def loopback_mailbox() -> Iterator[Mailbox]:
    """A real SMTP server on 127.0.0.1."""
    with smtp_server() as box:
        yield box


@pytest.fixture(name="app")
def app_mailing_the_mailbox(mailbox):
    """The app sending its email to the loopback server (with loopback_mailbox)."""
    with fresh_app(**smtp_settings(mailbox)) as app:
        yield app
