"""Applying as people really do (issue 9): a student reads who may apply before choosing a grade;
an ineligible minor is told at once and their guardian is never emailed; forms sent with a
mistake again and again from one address are never refused for it; at the limit of accepted
applications the form comes back as typed, with a 429 and the real wait.
"""

import math
import re
from dataclasses import replace

from tests.e2e.environment import skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Page, expect  # noqa: E402

from tests.e2e.board_pages import (  # noqa: E402
    RECEIVED,
    Applicant,
    apply,
    expect_as_typed,
    fill_application,
    open_application_form,
    typed_answers,
)

STUDENT_BOARDS = (
    "the Calgary Board of Education, the Calgary Catholic School District, Palliser School "
    "District or FrancoSud"
)


def _student(name: str, email: str, **answers) -> Applicant:
    """A 14- or 15-year-old in grade 10 at a listed board, unless answers say otherwise."""
    guardian = email.replace("@", ".guardian@")
    return replace(
        Applicant(
            seat="Student",
            name=name,
            email=email,
            school_board="Calgary Board of Education",
            school="Sir Winston Churchill High School",
            motivation='Students should be asked <first> & "heard", not only told.',
            perspectives="I'm in the Gay-Straight Alliance and I tutor newcomers in English.",
            availability="After school, Tuesdays and Thursdays",
            radios={"Your age": "14 or 15"},
            selects={"Your grade": "Grade 10"},
            texts={
                "Your parent's or guardian's name": f"Guardian of {name}",
                "Your parent's or guardian's email address": guardian,
            },
        ),
        **answers,
    )


def _send(page: Page):
    """Press "Send my application"; the response to it."""
    with page.expect_navigation() as sent:
        page.get_by_role("button", name="Send my application").click()
    return sent.value


# --- a student who is in grade 6, and a minor at a board not listed -------------------------


def test_a_grade_6_student_reads_who_may_apply_and_finds_only_grades_7_to_12(page: Page):
    open_application_form(page)
    students = page.get_by_role("region", name="Students only")
    expect(students).to_contain_text(
        "Who may apply: Student seats are for students in grades 7 to 12 at a school of "
        f"{STUDENT_BOARDS}."
    )
    grades = page.get_by_label("Your grade", exact=True).get_by_role("option")
    expect(grades).to_have_text(["Choose your grade"] + [f"Grade {g}" for g in range(7, 13)])


def test_an_ineligible_minor_is_told_at_once_and_the_guardian_never_hears(page: Page, smtp_server):
    minor = _student(
        "Maya Thunderchild",
        "maya.thunderchild@example.net",
        school_board="Other",
        school="Tsuut'ina Nation Middle School",
        radios={"Your age": "Under 14"},
        selects={"Your grade": "Grade 8"},
    )
    guardian = minor.texts["Your parent's or guardian's email address"]
    reason = f"Student seats are for students at a school of {STUDENT_BOARDS}."
    reference = apply(page, minor)

    expect(
        page.get_by_role("heading", level=2, name="Your application is not eligible")
    ).to_be_visible()
    expect(page.get_by_text(reason, exact=True)).to_be_visible()
    expect(page.get_by_text("we have not contacted anyone else about it")).to_be_visible()
    # The applicant's one email says why, in plain words.
    email = smtp_server.wait_for(minor.email, RECEIVED)
    assert reference in email["Subject"]
    assert reason in " ".join(email.get_content().split())
    # Email goes out before the page answers (mail.register), so nothing more is on its way.
    assert smtp_server.to(guardian) == [], "the ineligible minor's guardian was emailed"


# --- mistakes never count; accepted applications do -----------------------------------------

# Each required box, and what the form says when it is left empty.
REQUIRED = {
    "Your full name": "Enter your name.",
    "Your email address": "Enter your email address.",
    "School": "Enter the name of the school.",
    "Your parent's or guardian's name": "Enter your parent's or guardian's name.",
    "Your parent's or guardian's email address": "Enter your parent's or guardian's email address.",
    "Why do you want to join the advisory board?": "Tell us why you want to join.",
    "What perspectives and lived experience would you bring?": (
        "Tell us about the perspectives you would bring."
    ),
    "When are you available for meetings?": "Tell us when you are available.",
}


def test_mistakes_sent_again_and_again_from_one_address_never_count(
    page: Page, apply_rate_limit, smtp_server
):
    apply_rate_limit("5 per hour")  # the old limit, which mistakes used to use up
    student = _student("Jonah Bélanger-Cardinal", "jonah.belanger@example.net")
    open_application_form(page)
    fill_application(page, student)
    for label, message in REQUIRED.items():  # eight times, each with one box left empty
        box = page.get_by_label(label, exact=True)
        box.fill("")
        response = _send(page)
        assert response.status == 200, f"left {label!r} empty: {response.status}"
        summary = page.get_by_role("alert").filter(has_text="Please fix the following")
        expect(summary).to_contain_text(message)
        expect(page).to_have_title(re.compile("^Error: "))
        expect_as_typed(page, student, emptied=label)
        box.fill(typed_answers(student)[label])

    expect_as_typed(page, student)
    _send(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you, we have your application")
    smtp_server.wait_for(student.email, RECEIVED)


def test_at_the_limit_the_form_comes_back_as_typed_with_the_real_wait(
    page: Page, apply_rate_limit, watch, smtp_server, live_server
):
    apply_rate_limit("2 per hour")
    for n in (1, 2):
        apply(page, _student(f"Classmate {n} Okonkwo", f"classmate{n}.okonkwo@example.net"))
    third = _student(
        "Aroha Nguyen-Whitford",
        "aroha.nguyen@example.net",
        school_board="FrancoSud",
        school="École Sainte-Marguerite-Bourgeoys",
        radios={"Your age": "16 or 17"},
        selects={"Your grade": "Grade 12"},
    )
    open_application_form(page)
    fill_application(page, third)
    watch.expected_status[live_server.url + live_server.path("board.apply")] = 429
    response = _send(page)

    assert response.status == 429
    seconds = int(response.headers["retry-after"])
    assert 59 * 60 < seconds <= 60 * 60, f"Retry-After {seconds} s for a limit of 2 per hour"
    expect(page).to_have_title(re.compile("^Please wait: "))
    wait = page.get_by_role("alert").filter(has_text="Your application was not sent yet")
    expect(wait).to_contain_text(
        f"Please wait about {math.ceil(seconds / 60)} minutes, then send the form again."
    )
    expect(wait).to_contain_text("your answers are still in the form below, and nothing was saved")
    expect_as_typed(page, third)
    assert smtp_server.to(third.email) == [], "an application refused at the limit was emailed"
