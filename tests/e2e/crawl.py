"""The crawler's plan: every GET route of app.url_map, its sample parameters, and what each role
should get back. A route that is neither visitable nor exempt (with a reason) fails the crawl, so
pages added later are covered without anyone remembering to add them here.
"""

import re
from dataclasses import dataclass

import sqlalchemy as sa

from sro_board.api.registry import OPERATIONS

ROLES = ["anonymous", "admin", "chair", "member", "reviewer", "board_member", "board_chair"]

# Endpoints the crawler does not visit, each with the reason. Keep this short.
EXEMPT: dict[str, str] = {
    "feeds.updates": "Atom, not HTML (tests/feeds validates it)",
    "feeds.recommendation": "Atom, not HTML (tests/feeds validates it)",
    "feeds.theme": "Atom, not HTML (tests/feeds validates it)",
    "feeds.meetings": "Atom, not HTML (tests/feeds validates it)",
    # The open data API answers JSON or CSV, not pages: tests/api checks every operation
    # (schemathesis against a live server, the privacy markers, the access matrix).
    **{f"api.{op.endpoint}": "JSON or CSV of the open data API (tests/api)" for op in OPERATIONS},
}

# Pages known to scroll sideways on a 390px phone, with why. The crawler reports them without
# failing, says when one fits again (take it off the list), and fails on any other page that
# does not fit (WCAG 1.4.10 reflow).
TOO_WIDE_FOR_PHONES: dict[str, str] = {}
PHONE = {"width": 390, "height": 844}


# A key of sample_parameters() whose values replace the "*" ones for one role.
ROLE_VALUES = "role:"


@dataclass(frozen=True)
class Visit:
    """One GET request the crawler makes, and what it expects."""

    endpoint: str
    path: str
    # "ok" (200), "forbidden" (403), "login" (redirected to the login page), or a status code.
    expect: str


def sample_parameters(app) -> dict[str, dict[str, object]]:
    """Real values from the sample database for every URL variable, by endpoint ("*" = any)."""
    from sro_board.auth.models import User
    from sro_board.contact.models import ContactMessage
    from sro_board.core.extensions import db
    from sro_board.meetings.enums import Body
    from sro_board.meetings.models import Meeting
    from sro_board.recommendations.enums import UpdateState
    from sro_board.recommendations.models import Recommendation, StatusDefinition, Update

    with app.app_context():
        # A recommendation with a draft awaiting approval: its staff page shows every control.
        code = db.session.scalar(
            sa.select(Recommendation.code)
            .join(Update, Update.recommendation_id == Recommendation.id)
            .where(Update.state == UpdateState.PENDING)
            .order_by(Recommendation.code)
        )
        definition = db.session.scalars(
            sa.select(StatusDefinition).order_by(StatusDefinition.axis, StatusDefinition.position)
        ).first()
        member = db.session.scalar(sa.select(User.id).where(User.email == "member@example.org"))
        message = db.session.scalar(sa.select(ContactMessage.id).order_by(ContactMessage.id))
        # The sample's working-group meeting (agenda published): public, and run by the chair.
        meeting = db.session.scalar(
            sa.select(Meeting).where(Meeting.body == Body.WORKING_GROUP).order_by(Meeting.id)
        )
        # The board's next meeting (agenda published), which the board chair runs: each chair
        # is crawled on a meeting of their own body (the other body's is refused, by design).
        board_meeting = db.session.scalar(
            sa.select(Meeting)
            .where(Meeting.body == Body.ADVISORY_BOARD, Meeting.starts_at > sa.func.now())
            .order_by(Meeting.starts_at)
        )
        params: dict[str, dict[str, object]] = {
            "*": {"code": code, "user_id": member, "message_id": message},
            "meetings.feed": {"slug": "advisory-board"},
            "static": {"filename": "css/app.css"},
            "recommendations.edit_definition": {
                "axis": definition.axis.value,
                "key": definition.key,
            },
        }
        params |= follow_tokens()
        if meeting is not None:
            params["*"] |= {"meeting_id": meeting.id, "item_id": meeting.items[0].id}
        if board_meeting is not None:
            params[ROLE_VALUES + "board_chair"] = {
                "meeting_id": board_meeting.id,
                "item_id": board_meeting.items[0].id,
            }
        db.session.remove()
    imports = import_parameters(app)
    params["*"]["upload_id"] = imports[ROLE_VALUES + "admin"]["upload_id"]
    return params | imports


def import_parameters(app) -> dict[str, dict[str, object]]:
    """A CSV upload, previewed, of each role that may import (only its uploader may see it):
    the tracker's export with one change, so the preview shows a table of changes."""
    import csv
    import io

    from sro_board.auth.services import find_by_email
    from sro_board.core.extensions import db
    from sro_board.recommendations.csv.export import export_csv
    from sro_board.recommendations.imports import upload_file

    with app.test_request_context():
        rows = list(csv.reader(io.StringIO(export_csv())))
        rows[1][rows[0].index("lead_unit")] += " (crawl)"
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        params: dict[str, dict[str, object]] = {}
        for role in ("admin", "chair"):
            upload = upload_file(find_by_email(f"{role}@example.org"), out.getvalue().encode())
            db.session.commit()
            params[ROLE_VALUES + role] = {"upload_id": upload.id}
        db.session.remove()
    return params


def follow_tokens() -> dict[str, dict[str, object]]:
    """A follower's confirm, manage and unsubscribe links, made here (each run a new address)."""
    import secrets

    from sro_board.core.extensions import db
    from sro_board.follow.links import new_link
    from sro_board.follow.models import LinkPurpose
    from tests.follow.helpers import make_follower

    def follower(confirmed: bool):
        return make_follower(f"crawler.follower.{secrets.token_hex(6)}@example.net", confirmed)

    confirm = new_link(follower(confirmed=False), LinkPurpose.CONFIRM)
    manage = new_link(follower(confirmed=True), LinkPurpose.MANAGE)
    db.session.commit()
    return {
        "follow.confirm": {"token": confirm},
        "follow.manage": {"token": manage},
        "follow.unsubscribe": {"token": manage},
    }


CRAWLER_STUDENT = "crawler.student@example.net"
CRAWLER_GUARDIAN = "crawler.guardian@example.net"
CRAWLER_NEW_EMAIL = "crawler.new@example.net"
EMAIL_LINK = re.compile(r"/advisory-board/confirm-email/([A-Za-z0-9_-]{43})")
CONSENT_LINK = re.compile(r"/consent/([A-Za-z0-9_-]{43})")


def board_parameters(app, mailbox) -> dict[str, dict[str, object]]:
    """Ids from the sample intake, and private links the crawler makes itself: a 15-year-old's
    status link (from the service) and the guardian-consent link (from the email the app sent
    through the loopback SMTP server)."""
    from sro_board.auth.services import find_by_email
    from sro_board.board.applications.email_change import request_email_change
    from sro_board.board.applications.services import ApplicationInput, submit_application
    from sro_board.board.enums import AgeRange, Category, SchoolBoard
    from sro_board.board.models import Application, Intake
    from sro_board.board.review.services import reviewer_queue
    from sro_board.board.review_models import RubricCriterion
    from sro_board.core.extensions import db
    from sro_board.mail.delivery import deliver_due
    from sro_board.oversight.models import Assessment

    with app.test_request_context():
        intake = db.session.scalars(sa.select(Intake).order_by(Intake.opens_at.desc())).first()
        if intake is None:
            return {}
        # One the sample reviewer may open, so the reviewer's pages answer 200.
        queue = reviewer_queue(find_by_email("reviewer@example.org"))
        application_id = (
            queue[0].application_id
            if queue
            else db.session.scalar(sa.select(Application.id).order_by(Application.id))
        )
        criterion_id = db.session.scalar(
            sa.select(RubricCriterion.id).where(RubricCriterion.intake_id == intake.id)
        )
        # The board's assessment waiting for its chair (sample data), drafted by board.member.
        assessment_id = db.session.scalar(
            sa.select(Assessment.id).order_by(Assessment.approved_at.desc().nulls_first())
        )
        submitted = submit_application(
            intake,
            ApplicationInput(
                category=Category.STUDENT,
                name="Casey Crawler",
                email=CRAWLER_STUDENT,
                school_board=SchoolBoard.CBE,
                school="Crescent Heights High School",
                motivation="I want students to be heard on how safety works in our school.",
                perspectives="I am on student council.",
                availability="After school",
                consent_notice=True,
                student_grade=10,
                age_range=AgeRange.AGE_14_15,
                guardian_name="Gale Crawler",
                guardian_email=CRAWLER_GUARDIAN,
            ),
        )
        intake_id, status_token = intake.id, submitted.status_token
        request_email_change(submitted.application, CRAWLER_NEW_EMAIL)
        db.session.commit()
        deliver_due()  # the queue is immediate here: mostly sent already
        db.session.remove()
    consent_token = CONSENT_LINK.search(mailbox.wait_for(CRAWLER_GUARDIAN).get_content()).group(1)
    email_token = EMAIL_LINK.search(mailbox.wait_for(CRAWLER_NEW_EMAIL).get_content()).group(1)
    return {
        "*": {"intake_id": intake_id, "application_id": application_id},
        "board.criterion_edit": {"criterion_id": criterion_id},
        "oversight.assessment": {"assessment_id": assessment_id},
        "oversight.edit_assessment": {"assessment_id": assessment_id},
        "board.status": {"token": status_token},
        "board.consent": {"token": consent_token},
        "board.confirm_email": {"token": email_token},
        "board.application_export": {"fmt": "json"},
    }


INVITED = "crawler.invited@example.org"
RESET_FOR = "member@example.org"
INVITATION_LINK = re.compile(r"/invitation/([A-Za-z0-9_-]{43})")
RESET_LINK = re.compile(r"/password-reset/([A-Za-z0-9_-]{43})")


def account_parameters(app, mailbox) -> dict[str, dict[str, object]]:
    """An invitation and a password-reset link, made by the account services and read from the
    emails the app sent through the loopback SMTP server (none before emailed links existed)."""
    try:
        from sro_board.auth.links import invite_user, request_password_reset
    except ImportError:
        return {}
    from sro_board.auth.roles import Role
    from sro_board.auth.services import find_by_email
    from sro_board.core.extensions import db
    from sro_board.mail.delivery import deliver_due

    with app.test_request_context():
        admin = find_by_email("admin@example.org")
        invite_user(admin, email=INVITED, name="Ines Invited", roles={Role.MEMBER})
        request_password_reset(RESET_FOR)
        db.session.commit()
        deliver_due()  # the queue is immediate here: mostly sent already
        db.session.remove()
    invitation = INVITATION_LINK.search(mailbox.wait_for(INVITED).get_content()).group(1)
    reset = RESET_LINK.search(mailbox.wait_for(RESET_FOR, "password").get_content()).group(1)
    return {
        "auth.accept_invitation": {"token": invitation},
        "auth.reset_password": {"token": reset},
    }


def expected_outcome(view, role: str, roles_of: dict[str, set[str]]) -> str:
    """From the view's permission guard and the matrix: the page, a 403, or the login page."""
    from sro_board.auth.permissions import PERMISSIONS

    action = getattr(view, "required_action", None)
    if action is None:
        return "ok"
    if role == "anonymous":
        return "login"
    if roles_of[role] & {r.value for r in PERMISSIONS[action]}:
        return "ok"
    return "forbidden"


def plan(app, roles_of: dict[str, set[str]], extra: dict[str, dict[str, object]] | None = None):
    """(visits by role, endpoints without a visit). extra adds per-endpoint values (tokens)."""
    from flask import url_for

    params = sample_parameters(app)
    for endpoint, values in (extra or {}).items():
        params.setdefault(endpoint, {}).update(values)
    visits: dict[str, list[Visit]] = {role: [] for role in ROLES}
    unvisited: list[str] = []
    with app.test_request_context():
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if "GET" not in rule.methods or rule.endpoint in EXEMPT:
                continue
            values = {
                name: params.get(rule.endpoint, {}).get(name, params["*"].get(name))
                for name in rule.arguments
            }
            if any(v is None for v in values.values()):
                unvisited.append(f"{rule.endpoint} ({rule.rule}): no sample value for {values}")
                continue
            view = app.view_functions[rule.endpoint]
            for role in ROLES:
                own = params.get(ROLE_VALUES + role, {})
                path = url_for(rule.endpoint, **(values | {k: own[k] for k in values if k in own}))
                expect = expected_outcome(view, role, roles_of)
                visits[role].append(Visit(rule.endpoint, path, expect))
    return visits, unvisited


def stale_exemptions(app) -> list[str]:
    """Exempt endpoints that no longer exist."""
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    return [name for name in EXEMPT if name not in endpoints]
