"""Advisory-board journeys.

2. A parent, a 15-year-old student and a teacher apply; the guardian confirms consent through
   the link in the email the app sent (caught by the loopback SMTP server); each applicant
   opens the status link from their email.
4. A reviewer scores an application blind; the admin shortlists it, records an interview,
   offers a seat and records the acceptance; the public roster shows the new member.
"""

import re
from datetime import timedelta

import sqlalchemy as sa

from tests.e2e.environment import skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Browser, Page, expect  # noqa: E402

from tests.e2e.board_pages import (  # noqa: E402
    CONSENT_LINK,
    RECEIVED,
    STATUS_LINK,
    Applicant,
    apply,
    group,
    link_in,
)

PARENT = Applicant(
    seat="Parent or guardian",
    name="Zoë O'Brien-Nakamura",
    email="zoe.obrien@example.net",
    school_board="Calgary Catholic School District",
    school="St. Francis High School",
    motivation='Families at our school want to be heard <and> listened to, "not just told".',
    perspectives="I volunteer with a newcomer families' group & speak Japanese and French.",
    availability="Weekday evenings",
    radios={"Your child's grade": "Grades 7 to 9"},
)
STUDENT = Applicant(
    seat="Student",
    name="Tariq Haddad",
    email="tariq.haddad@example.net",
    school_board="Calgary Board of Education",
    school="Crescent Heights High School",
    motivation="Students should have a say in how police work in our schools.",
    perspectives="I am on student council and in the Black Student Union.",
    availability="After school",
    radios={"Your age": "14 or 15"},
    selects={"Your grade": "Grade 10"},
    texts={
        "Your parent's or guardian's name": "Samira Haddad",
        "Your parent's or guardian's email address": "samira.haddad@example.net",
    },
)
TEACHER = Applicant(
    seat="School staff",
    name="Lin Tremblay",
    email="lin.tremblay@example.net",
    school_board="Palliser School District",
    school="Coaldale Central School",
    motivation="I teach grade 9 and see every day how students feel about officers at school.",
    perspectives="Twelve years teaching in rural schools; I coach the debate club.",
    availability="Weekends",
    radios={"Your role": "Teacher"},
)


def _status_says(page: Page, stage: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Your application to the advisory board"
    )
    expect(page.get_by_role("region", name=re.compile("^Where it stands"))).to_contain_text(
        f"Where it stands: {stage}"
    )


def test_parent_student_and_teacher_apply_guardian_consents(
    browser: Browser, browser_context_args, watch, smtp_server
):
    contexts = []

    def person():
        context = browser.new_context(**browser_context_args)
        watch.attach(context)
        contexts.append(context)
        return context.new_page()

    status_pages = {}
    for who in (PARENT, STUDENT, TEACHER):
        page = person()
        reference = apply(page, who)
        email = smtp_server.wait_for(who.email, RECEIVED)
        assert reference in email["Subject"]
        status_url = link_in(email, STATUS_LINK)
        # The confirmation page shows the same private link, once.
        page.get_by_role("link", name=status_url, exact=True).click()
        expect(page.get_by_role("definition").filter(has_text=reference)).to_be_visible()
        status_pages[who.email] = (page, status_url)

    _status_says(status_pages[PARENT.email][0], "Received and eligible")
    _status_says(status_pages[TEACHER.email][0], "Received and eligible")
    student_page, student_status = status_pages[STUDENT.email]
    _status_says(student_page, "Waiting for your parent or guardian")

    # The guardian opens the link from the email the app sent them, in their own browser.
    guardian_email = STUDENT.texts["Your parent's or guardian's email address"]
    request = smtp_server.wait_for(guardian_email, "Please confirm consent")
    consent_url = link_in(request, CONSENT_LINK)
    guardian = person()
    guardian.goto(consent_url)
    expect(guardian.get_by_role("heading", level=1)).to_have_text(
        "Do you agree to this student's application?"
    )
    expect(guardian.get_by_role("definition").filter(has_text=STUDENT.name)).to_be_visible()
    guardian.get_by_label(re.compile("^I am this student's parent or guardian")).check()
    guardian.get_by_role("button", name="Give consent", exact=True).click()
    expect(guardian.get_by_role("heading", level=1)).to_have_text("Thank you for giving consent")
    # The link works once.
    watch.expected_status[consent_url] = 410
    response = guardian.goto(consent_url)
    assert response.status == 410
    expect(guardian.get_by_role("heading", level=1)).to_have_text("Consent was already given")

    # The student hears about it, and their status link shows the application going ahead.
    smtp_server.wait_for(STUDENT.email, "Your parent or guardian gave consent")
    student_page.goto(student_status)
    _status_says(student_page, "Received and eligible")
    watch.assert_clean()
    for context in contexts:
        context.close()


# --- journey 4 -------------------------------------------------------------------------------

CANDIDATE = Applicant(
    seat="Parent or guardian",
    name="Nadia Okafor-Lam",
    email="nadia.okafor-lam@example.net",
    school_board="FrancoSud",
    school="École de la Rose sauvage",
    motivation="My son's school has an SRO; many parents I know have questions nobody answers.",
    perspectives="I run a francophone parents' network and work as a nurse.",
    availability="Evenings and some Saturdays",
    radios={"Your child's grade": "Grades 10 to 12"},
)


def _application_id(live_server, email: str) -> int:
    from sro_board.board.models import Application
    from sro_board.core.extensions import db

    with live_server.app.app_context():
        found = db.session.scalar(sa.select(Application.id).where(Application.email == email))
        db.session.remove()
    return found


def _move(page: Page, stage: str, reason: str, reference: str) -> None:
    page.get_by_label("New stage").select_option(label=stage)
    page.get_by_label("Reason", exact=True).fill(reason)
    page.get_by_role("button", name="Move application").click()
    expect(page.get_by_role("status")).to_have_text(
        re.compile(rf"Application {reference} .+ We emailed the applicant\.")
    )
    history = page.get_by_role("table", name=f"Stage history of application {reference}")
    expect(history.get_by_role("row").last).to_contain_text(reason)


def test_reviewer_scores_blind_admin_selects_roster_shows_member(
    page: Page, as_staff, live_server, smtp_server
):
    from sro_board.core.clock import now_utc

    applicant = page
    reference = apply(applicant, CANDIDATE)
    status_url = link_in(smtp_server.wait_for(CANDIDATE.email, RECEIVED), STATUS_LINK)
    application_id = _application_id(live_server, CANDIDATE.email)

    # The admin moves the eligible applications into review. The sample's are all in review
    # already: unless other journeys in this browser worker applied first, this journey's
    # application is the only eligible one ("Move the 1 eligible application ...").
    admin = as_staff("admin")
    admin.goto("/")
    admin.get_by_role("navigation", name="Staff").get_by_role("link", name="Advisory board").click()
    admin.get_by_role("link", name=re.compile("first intake")).first.click()
    admin.get_by_role(
        "button", name=re.compile(r"^Move (all \d+|the 1) eligible applications? into review$")
    ).click()
    expect(admin.get_by_role("status")).to_have_text(re.compile(r"moved into review"))

    # The reviewer declares no conflict and scores it, seeing no name, contact or school.
    staff = as_staff("reviewer")
    staff.goto("/")
    staff.get_by_role("navigation", name="Staff").get_by_role("link", name="Reviews").click()
    staff.get_by_role("table", name=re.compile("^To review")).get_by_role(
        "link", name=f"Application {application_id}", exact=True
    ).click()
    group(staff, "Do you have a conflict of interest").get_by_label(
        "No, I have no conflict of interest"
    ).check()
    seen = staff.locator("main").inner_text()
    staff.get_by_role("button", name="Save my declaration").click()
    heading = staff.get_by_role("heading", level=1)
    expect(heading).to_have_text(f"Review application {application_id}")
    expect(staff.get_by_text(CANDIDATE.motivation)).to_be_visible()
    seen += staff.locator("main").inner_text() + staff.content()
    for private in (CANDIDATE.name, "Okafor", CANDIDATE.email, CANDIDATE.school, reference):
        assert private not in seen, f"the reviewer saw {private!r}"
    criteria = staff.get_by_role("group", name=re.compile("^Score for "))
    expect(criteria).not_to_have_count(0)
    for criterion in criteria.all():
        criterion.get_by_label("4, strong").check()
    staff.get_by_role("button", name="Save my scores").click()
    expect(staff.get_by_role("status")).to_have_text(re.compile("^Scores saved"))

    # The admin finds it, sees the score, and takes it through selection.
    staff = admin
    staff.get_by_role("navigation", name="Staff").get_by_role("link", name="Advisory board").click()
    staff.get_by_role("link", name=re.compile("first intake")).first.click()
    staff.get_by_role("link", name="Applications", exact=True).click()
    staff.get_by_label("Stage").select_option(label="In review")
    staff.get_by_label("Category").select_option(label="Parent or guardian")
    staff.get_by_role("button", name="Show").click()
    staff.get_by_role("link", name=reference).click()
    expect(staff.get_by_role("heading", level=1)).to_have_text(f"Application {reference}")
    expect(staff.get_by_role("table", name=re.compile(r"^Riley Reviewer.*4\.00$"))).to_be_visible()

    _move(staff, "Shortlisted", "Strong scores across the rubric.", reference)
    smtp_server.wait_for(CANDIDATE.email, "You are on the advisory board shortlist")
    when = (now_utc() + timedelta(days=10)).astimezone().strftime("%Y-%m-%dT18:30")
    staff.get_by_label("Interview date and time").fill(when)
    staff.get_by_label("Interview format").select_option(label="Video call")
    _move(staff, "Interview", "Invited to a conversation with the chair.", reference)
    smtp_server.wait_for(CANDIDATE.email, "An invitation to talk about the advisory board")
    _move(staff, "Offered", "Offered a parent seat after the conversation.", reference)
    smtp_server.wait_for(CANDIDATE.email, "An offer of a seat on the advisory board")
    _move(staff, "Accepted", "Accepted by phone on the day of the offer.", reference)
    smtp_server.wait_for(CANDIDATE.email, "Welcome to the advisory board")

    # The applicant's status link says so, and the public roster lists her.
    applicant.goto(status_url)
    _status_says(applicant, "Accepted")
    applicant.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Board members"
    ).click()
    parents = applicant.get_by_role("region", name="Parents and guardians")
    expect(parents.get_by_role("listitem").filter(has_text=CANDIDATE.name)).to_have_count(1)
