"""Applying: the join page, the form per category, closed intakes, spam, duplicates, bad input."""

import html
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.board.enums import AgeRange, Category, GradeBand, SchoolBoard, SelfIdAnswer
from sro_board.board.models import Application, SelfIdentification, StageEvent
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from sro_board.mail.models import EmailState, OutboxEmail
from tests.board.applying import (  # noqa: F401 - fixtures: app_mailing_the_mailbox, loopback_mailbox
    PARENT,
    PEOPLE,
    STUDENT_15,
    TEACHER,
    app_mailing_the_mailbox,
    applications,
    apply,
    link_path,
    loopback_mailbox,
    open_intake,
    personal_values,
    smtp_server,
    smtp_settings,
)
from tests.board.factories import make_intake, now
from tests.factories import count_rows
from tests.pages import form_fields, text

APPLY = "/advisory-board/apply"


def nothing_saved() -> None:
    """No application, self-identification, stage event or email was stored."""
    assert count_rows(Application) == 0
    assert count_rows(SelfIdentification) == 0
    assert count_rows(StageEvent) == 0
    assert count_rows(OutboxEmail) == 0


# The join page --------------------------------------------------------------------------------


def test_join_page_shows_the_open_intake_its_seats_and_deadline(client):
    open_intake(title="2027 advisory board intake", seats=3)
    page = text(client.get("/advisory-board"))
    assert "2027 advisory board intake: applications are open" in page
    assert "Apply by" in page
    assert page.count("<td>3</td>") == 3
    for words in ("Who may apply", "grades 7 to 12", "What members do", "How members are chosen"):
        assert words in page
    assert f'href="{APPLY}"' in page


def test_join_page_names_the_next_intake_before_it_opens(client):
    make_intake(
        title="Spring intake",
        opens_at=now() + timedelta(days=5),
        closes_at=now() + timedelta(days=30),
    )
    page = text(client.get("/advisory-board"))
    assert "Applications are not open yet" in page
    assert "Spring intake" in page
    assert f'href="{APPLY}"' not in page


def test_join_page_without_any_intake(client):
    page = text(client.get("/advisory-board"))
    assert "Applications are closed" in page


def test_the_main_navigation_links_to_the_join_page(client):
    assert 'href="/advisory-board">Join the advisory board</a>' in text(client.get("/"))


# The form -------------------------------------------------------------------------------------


def test_form_shows_every_section_and_the_collection_notice(client):
    open_intake()
    page = text(client.get(APPLY))
    for heading in (
        "About you",
        "Students only",
        "Parents and guardians only",
        "School staff only",
        "Your interest",
        "self-identification (optional)",
        "Consent",
    ):
        assert heading in page
    assert "To choose the advisory board&#39;s members." in page  # purpose
    assert "Protection of Privacy Act, section 4(c)." in page  # legal authority
    assert "Advisory board coordinator" in page
    assert "board@example.org" in page
    assert "403-555-0100" in page
    assert "<cite>Protection of Privacy Act</cite>" in page
    assert "never shown to the people who review applications" in page


def test_form_is_accessible_html(client):
    open_intake()
    page = text(client.get(APPLY))
    assert " style=" not in page
    assert "<script" not in page
    assert " on" + "click=" not in page
    assert "http" not in re.sub(r'href="[^"]*"', "", page).split("<main")[1].split("</main>")[0]
    # Every visible control has a label (radio options theirs, groups a legend).
    ids = set(re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', page))
    labelled = set(re.findall(r'<label for="([^"]+)"', page))
    assert ids - labelled <= {"intake", "csrf_token"}
    for group in ("category", "school_board", "age_range", "child_grade_band", "staff_role"):
        assert f'<fieldset id="{group}"' in page
    assert page.count("<legend>") >= 10


def test_apply_as_a_parent(client, mailbox):
    intake = open_intake()
    response = apply(client, intake, PARENT, racialized="yes", newcomer="prefer_not")
    assert response.status_code == 201  # the confirmation is the answer to the POST

    (application,) = applications()
    assert application.category is Category.PARENT
    assert application.stage is Stage.ELIGIBLE
    assert application.name == "Priya Fernhollow"
    assert application.email == "priya.fernhollow@example.net"
    assert application.school_board is SchoolBoard.CBE
    assert application.child_grade_band is GradeBand.JUNIOR_HIGH
    assert application.student_grade is None
    assert application.staff_role is None
    assert application.consent_notice
    assert application.consent_roster
    assert application.heard_about == "My school or school board"
    assert [e.to_stage for e in application.events] == [Stage.SUBMITTED, Stage.ELIGIBLE]
    assert application.guardian is None
    self_id = db.session.get(SelfIdentification, 1)
    assert self_id.application_id == application.id
    assert self_id.racialized is SelfIdAnswer.YES
    assert self_id.newcomer is SelfIdAnswer.PREFER_NOT
    assert self_id.indigenous is None

    page = text(response)
    assert application.reference in page
    assert re.search(r"/advisory-board/status/[A-Za-z0-9_-]{43}", page)
    (received,) = mailbox.messages
    assert received["X-Envelope-To"] == "priya.fernhollow@example.net"
    assert application.reference in received["Subject"]
    assert db.session.scalar(sa.select(OutboxEmail.state)) is EmailState.SENT
    body = mailbox.body(PARENT["email"])
    assert application.reference in body
    assert client.get(link_path(body, "status")).status_code == 200


def test_confirmation_shows_the_status_link_only_once(client):
    assert "/advisory-board/status/" in text(apply(client, open_intake()))
    again = text(client.get("/advisory-board/applied"))
    assert "/advisory-board/status/" not in again
    assert "We have emailed you a confirmation" in again


def test_apply_as_a_teacher(client, mailbox):
    assert apply(client, open_intake(), TEACHER).status_code == 201
    assert "Hello Morgan Lisgarde" in mailbox.body(TEACHER["email"])
    (application,) = applications()
    assert application.category is Category.STAFF
    assert application.staff_role == "teacher"
    assert application.stage is Stage.ELIGIBLE
    assert application.phone is None
    assert application.accommodations == "Meetings online if possible"
    assert count_rows(SelfIdentification) == 0


def test_apply_as_a_student_under_18_waits_for_the_guardian(client, mailbox):
    response = apply(client, open_intake(), STUDENT_15)
    assert response.status_code == 201
    (application,) = applications()
    assert application.stage is Stage.AWAITING_GUARDIAN
    assert application.student_grade == 10
    assert application.age_range is AgeRange.AGE_14_15
    assert application.consent_full_name
    assert application.guardian.guardian_name == "Dana Osterbrook"
    assert application.guardian.confirmed_at is None
    page = text(response)
    assert "we have emailed your parent or guardian" in page
    assert [m["X-Envelope-To"] for m in mailbox.messages] == [
        "kai.osterbrook@example.net",
        "dana.osterbrook@example.net",
    ]


def test_an_adult_student_needs_no_guardian(client):
    adult = STUDENT_15 | {"age_range": "18_plus", "student_grade": "12"}
    adult |= {"guardian_name": "", "guardian_email": ""}
    assert apply(client, open_intake(), adult).status_code == 201
    (application,) = applications()
    assert application.stage is Stage.ELIGIBLE
    assert application.guardian is None


def test_answers_for_other_categories_are_ignored(client):
    """A parent who also filled in (badly) the student and staff parts is not held up by them."""
    answers = PARENT | {
        "student_grade": "banana",
        "age_range": "14_15",
        "guardian_email": "not an email",
        "consent_full_name": "y",
        "staff_role": "not_at_school",
    }
    assert apply(client, open_intake(), answers).status_code == 201
    (application,) = applications()
    assert application.student_grade is None
    assert application.age_range is None
    assert application.staff_role is None
    assert not application.consent_full_name
    assert application.guardian is None


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        (STUDENT_15 | {"school_board": "other"}, "Student seats are for students at a school"),
        (PARENT | {"child_grade_band": "none"}, "parents or guardians of a child now in school"),
        (TEACHER | {"staff_role": "not_at_school"}, "people who work at a school"),
    ],
    ids=["student-other-board", "parent-no-child", "staff-not-at-a-school"],
)
def test_an_ineligible_application_is_kept_with_its_reason(client, answers, reason):
    answers = answers | {"age_range": "18_plus"} if answers["category"] == "student" else answers
    assert apply(client, open_intake(), answers).status_code == 201
    (application,) = applications()
    assert application.stage is Stage.INELIGIBLE
    assert reason in application.eligibility_reason
    assert reason in application.events[-1].reason


def test_the_audit_log_records_the_application_without_personal_data(client):
    apply(client, open_intake(), STUDENT_15)
    entries = db.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [e.action for e in entries] == ["application.submit", "application.stage"]
    dump = " ".join(f"{e.summary} {e.before} {e.after} {e.entity_id}" for e in entries)
    for value in personal_values(STUDENT_15):
        assert value not in dump


# Closed intakes, duplicates, spam ---------------------------------------------------------------


def test_before_the_intake_opens_the_form_is_refused(client):
    intake = make_intake(opens_at=now() + timedelta(days=2), closes_at=now() + timedelta(days=9))
    page = text(client.get(APPLY))
    assert "Applications are not being accepted" in page
    assert "Send my application" not in page
    response = apply(client, intake)
    assert response.status_code == 409
    assert "Applications are not being accepted" in text(response)
    nothing_saved()


def test_after_the_intake_closes_the_form_is_refused(client):
    intake = make_intake(opens_at=now() - timedelta(days=30), closes_at=now() - timedelta(hours=1))
    assert "Applications are not being accepted" in text(client.get(APPLY))
    response = apply(client, intake)
    assert response.status_code == 409
    nothing_saved()


def test_a_form_sent_for_an_intake_that_is_no_longer_open_is_refused(client):
    old = make_intake(opens_at=now() - timedelta(days=30), closes_at=now() - timedelta(hours=1))
    open_intake()
    response = apply(client, old)
    assert response.status_code == 409
    nothing_saved()


def test_one_application_per_email_per_intake(client):
    intake = open_intake()
    apply(client, intake)
    first = applications()[0]
    again = TEACHER | {"email": "  Priya.Fernhollow@EXAMPLE.net "}
    response = apply(client, intake, again)
    assert response.status_code == 200
    page = text(response)
    assert "If you already applied, use the status link in your confirmation email" in page
    assert 'href="#email"' in page
    # Nothing about the first application is revealed.
    for value in (first.reference, first.name, PARENT["school"], "parent"):
        assert value not in page.split('<form method="post"')[0].split("</h1>")[1]
    assert count_rows(Application) == 1
    assert count_rows(OutboxEmail) == 1


def test_the_same_email_may_apply_to_a_later_intake(client):
    first = make_intake(opens_at=now() - timedelta(days=60), closes_at=now() - timedelta(days=30))
    db.session.add(
        Application(
            intake_id=first.id,
            reference="OLD-0001",
            category=Category.PARENT,
            stage=Stage.NOT_SELECTED,
            email=PARENT["email"],
        )
    )
    db.session.commit()
    assert apply(client, open_intake()).status_code == 201
    assert count_rows(Application) == 2


def test_honeypot_pretends_success_and_saves_nothing(client):
    response = apply(client, open_intake(), website="http://spam.example")
    assert response.status_code == 201  # the same answer as a real application's
    assert "Thank you, we have your application" in text(response)
    nothing_saved()


# Bad input: a message linked to the field, nothing saved -----------------------------------------

BAD_INPUT = [
    # (id, answers, changes, field, message)
    ("no-category", PARENT, {"category": None}, "category", "Choose the seat you are applying"),
    ("unknown-category", PARENT, {"category": "admin"}, "category", "Not a valid choice"),
    ("no-name", PARENT, {"name": "  "}, "name", "Enter your name."),
    ("long-name", PARENT, {"name": "N" * 121}, "name", "120 characters"),
    ("no-email", PARENT, {"email": ""}, "email", "Enter your email address."),
    ("bad-email", PARENT, {"email": "priya@"}, "email", "Enter an email address like"),
    ("bad-phone", PARENT, {"phone": "call me maybe"}, "phone", "Enter a phone number"),
    ("no-board", PARENT, {"school_board": None}, "school_board", "Choose a school board."),
    ("unknown-board", PARENT, {"school_board": "narnia"}, "school_board", "Not a valid choice"),
    ("no-school", PARENT, {"school": ""}, "school", "Enter the name of the school."),
    ("no-grade", STUDENT_15, {"student_grade": ""}, "student_grade", "Choose your grade."),
    ("grade-13", STUDENT_15, {"student_grade": "13"}, "student_grade", "Not a valid choice"),
    ("grade-text", STUDENT_15, {"student_grade": "ten"}, "student_grade", "Choose your grade."),
    ("no-age", STUDENT_15, {"age_range": None}, "age_range", "Choose your age."),
    ("bad-age", STUDENT_15, {"age_range": "7"}, "age_range", "Not a valid choice"),
    (
        "no-guardian-name",
        STUDENT_15,
        {"guardian_name": ""},
        "guardian_name",
        "Enter your parent's or guardian's name.",
    ),
    (
        "no-guardian-email",
        STUDENT_15,
        {"guardian_email": ""},
        "guardian_email",
        "Enter your parent's or guardian's email address.",
    ),
    (
        "bad-guardian-email",
        STUDENT_15,
        {"guardian_email": "dana at home"},
        "guardian_email",
        "Enter an email address like",
    ),
    (
        "own-email-as-guardian",
        STUDENT_15,
        {"guardian_email": "KAI.osterbrook@example.net"},
        "guardian_email",
        "own email address",
    ),
    ("no-grade-band", PARENT, {"child_grade_band": None}, "child_grade_band", "Choose your child"),
    ("bad-grade-band", PARENT, {"child_grade_band": "phd"}, "child_grade_band", "Not a valid"),
    ("no-role", TEACHER, {"staff_role": None}, "staff_role", "Choose your role."),
    ("bad-role", TEACHER, {"staff_role": "janitor'--"}, "staff_role", "Not a valid choice"),
    ("no-motivation", PARENT, {"motivation": ""}, "motivation", "Tell us why you want to join."),
    ("long-motivation", PARENT, {"motivation": "m" * 3001}, "motivation", "3000 characters"),
    ("no-perspectives", PARENT, {"perspectives": ""}, "perspectives", "perspectives you would"),
    ("no-availability", PARENT, {"availability": ""}, "availability", "when you are available"),
    (
        "long-accommodations",
        PARENT,
        {"accommodations": "a" * 2001},
        "accommodations",
        "2000 characters",
    ),
    ("bad-heard-about", PARENT, {"heard_about": "<script>"}, "heard_about", "Not a valid choice"),
    ("bad-self-id", PARENT, {"racialized": "maybe"}, "racialized", "Not a valid choice"),
    (
        "no-notice-consent",
        PARENT,
        {"consent_notice": None},
        "consent_notice",
        "Agree to the collection notice",
    ),
]


@pytest.mark.parametrize(
    ("answers", "changes", "field", "message"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_bad_input_is_explained_next_to_its_field_and_nothing_is_saved(
    client, answers, changes, field, message
):
    response = apply(client, open_intake(), answers, **changes)
    assert response.status_code == 200
    page = html.unescape(text(response))
    assert "Please fix the following" in page
    summary = page.split('class="error-summary"')[1].split("</div>")[0]
    assert f'href="#{field}"' in summary
    assert message in summary
    assert f'id="{field}-error"' in page
    assert message in page.split(f'id="{field}-error"')[1].split("</p>")[0]
    assert page.count("<title>Error: ") == 1
    nothing_saved()


def test_a_failed_form_keeps_what_was_typed(client):
    page = text(apply(client, open_intake(), PARENT, email="priya@"))
    fields = form_fields(page)
    assert fields["name"] == ["Priya Fernhollow"]
    assert fields["category"] == ["parent"]
    assert [v.strip() for v in fields["motivation"]] == [PARENT["motivation"]]


def test_hostile_input_is_stored_as_text_and_escaped(client, mailbox):
    hostile = {
        "name": "<script>alert('x')</script> Robert'); DROP TABLE application;--",
        "school": "<img src=x onerror=alert(1)>",
        "motivation": "{{ config.SECRET_KEY }} {% raw %}",
    }
    assert apply(client, open_intake(), STUDENT_15, **hostile).status_code == 201
    (application,) = applications()
    assert application.name == hostile["name"].strip()
    assert application.motivation == hostile["motivation"]
    body = mailbox.body("dana.osterbrook@example.net", 0)
    assert hostile["name"].strip() in body  # plain-text email, shown as typed
    assert "test-secret-key" not in body
    consent_path = re.search(r"/advisory-board/consent/\S+", body).group(0)
    page = text(client.get(consent_path))
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert" in page


def test_an_oversized_request_is_refused(client):
    response = apply(client, open_intake(), motivation="x" * (1024 * 1024 + 1))
    assert response.status_code == 413
    nothing_saved()


def test_no_personal_data_in_the_redirect_or_any_link(client, mailbox):
    intake = open_intake()
    for person in PEOPLE.values():
        response = apply(client, intake, person)
        assert response.status_code == 201
        page = text(response)
        urls = re.findall(r'href="([^"]+)"', page)
        urls += [mailbox.body(person["email"])]
        for url in urls:
            for found in re.findall(r"https?://\S+|/advisory-board\S*", url):
                for value in personal_values(person):
                    assert value.lower() not in found.lower()


def test_every_category_choice_has_a_seat_label(client):
    open_intake()
    page = text(client.get(APPLY))
    for category in Category:
        assert f'value="{category.value}"' in page
        assert category.label in page
