"""Journey: the working group's chair takes a meeting from a draft agenda to published minutes
(approved at a later meeting), and the public sees each step; never a draft."""

import re
import uuid
from datetime import timedelta

from tests.e2e.environment import skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Browser, Page, expect  # noqa: E402

from tests.e2e.pages import axe_violations, describe_violations  # noqa: E402


def _yesterday(live_server) -> str:
    """Yesterday's date in the service's time zone (meetings held then can be marked held)."""
    from sro_board.core.clock import today_local

    with live_server.app.app_context():
        return (today_local() - timedelta(days=1)).isoformat()


def _add_meeting(page: Page, title: str, day: str, hour: str, items: list[tuple[str, str]]):
    """Add a working-group meeting with its agenda items, from the staff list."""
    page.goto("/staff/meetings")
    page.get_by_role("link", name="Add a meeting").click()
    page.get_by_label("Title (English)").fill(title)
    page.get_by_label("Date", exact=True).fill(day)
    page.get_by_label("Start time").fill(hour)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text("Meeting added as a draft.")
    for item, codes in items:
        page.get_by_label("Title (English)").fill(item)
        page.get_by_label("Recommendations discussed").fill(codes)
        page.get_by_role("button", name="Add the item").click()
        expect(page.get_by_role("status")).to_have_text("Agenda item added.")


def _publish_late_and_hold(page: Page, reason: str) -> None:
    """Publish the agenda (refused without a reason, then late with one) and mark it held."""
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_role("alert")).to_contain_text("at least 7 days ahead")
    page.get_by_label("This is a late publication").check()
    page.get_by_label("Why it is late (English)").fill(reason)
    page.get_by_role("button", name="Publish the agenda").click()
    expect(page.get_by_role("status")).to_have_text("Agenda published.")
    page.get_by_role("button", name="Mark the meeting held").click()
    expect(page.get_by_role("status")).to_have_text("Meeting marked held.")


def _item(page: Page, title: str):
    return page.locator("ol.agenda > li").filter(has=page.get_by_role("heading", name=title))


def test_chair_takes_a_meeting_from_draft_agenda_to_published_minutes(
    page: Page, browser: Browser, browser_context_args, as_staff, watch, live_server
):
    marker = uuid.uuid4().hex[:8]
    title = f"Working group review {marker}"
    day = _yesterday(live_server)
    chair = as_staff("chair")
    chair.goto("/")
    chair.get_by_role("navigation", name="Staff").get_by_role("link", name="Meetings").click()
    _add_meeting(chair, title, day, "10:00", [("Training plan", "R-03"), ("Budget", "")])
    url = chair.url.split("#")[0]
    meeting_path = re.sub(r"^https?://[^/]+", "", url).replace("/staff", "")

    # The order changes with the buttons; a draft is not public.
    chair.get_by_role("button", name="Move up Budget").click()
    expect(chair.locator("ol.agenda > li h3")).to_have_text(["Budget", "Training plan"])
    public = browser.new_context(**browser_context_args)
    watch.attach(public)
    reader = public.new_page()
    assert public.request.get(meeting_path).status == 404
    reader.goto("/meetings")
    expect(reader.get_by_text(title)).to_have_count(0)

    _publish_late_and_hold(chair, f"Posted late for the record {marker}.")
    reader.goto(meeting_path)
    expect(reader.get_by_role("heading", level=1)).to_have_text(title)
    expect(reader.get_by_text(f"Posted late for the record {marker}.")).to_be_visible()
    expect(reader.get_by_role("link", name="R-03")).to_be_visible()
    expect(
        reader.get_by_text("The minutes will be posted here once they are approved.")
    ).to_be_visible()

    # Minutes: attendance, a summary per item, a decision and an action item.
    chair.get_by_role("link", name="Record attendance").click()
    chair.get_by_role("group", name="Casey Chair (demo)").get_by_label("Present").check()
    chair.get_by_role("group", name="Morgan Member (demo)").get_by_label("Regrets").check()
    chair.get_by_role("button", name="Save attendance").click()
    expect(chair.get_by_role("status")).to_have_text("Attendance saved.")
    for name in ("Budget", "Training plan"):
        item = _item(chair, name)
        item.get_by_text("Minutes of this item").click()
        item.get_by_label("Summary (English)").fill(f"Discussed {name.lower()} {marker}.")
        item.get_by_role("button", name="Save the minutes").click()
        expect(chair.get_by_role("status")).to_have_text("Minutes of the item saved.")
    item = _item(chair, "Training plan")
    item.get_by_text("Record a decision").click()
    item.get_by_label("Motion (English)").fill(f"That the plan be adopted {marker}.")
    item.get_by_label("Outcome").select_option(label="Carried")
    item.get_by_label("Votes for").fill("4")
    item.get_by_label("Votes against").fill("1")
    item.get_by_role("button", name="Record the decision").click()
    expect(chair.get_by_role("status")).to_have_text("Decision recorded.")
    chair.get_by_label("What is to be done (English)").fill(f"Share the plan {marker}.")
    chair.get_by_label("Owner").select_option(label="Morgan Member (demo)")
    chair.get_by_label("Recommendation (code, optional)").fill("R-03")
    chair.get_by_role("button", name="Add the action item").click()
    expect(chair.get_by_role("status")).to_have_text("Action item added.")
    chair.get_by_text("Record a decision").first.click()  # a minutes form open
    reader.goto(meeting_path)
    for each in (chair, reader):  # the staff page with its minutes forms, the public page
        violations = axe_violations(each)
        assert not violations, describe_violations(violations)
    chair.get_by_role("button", name="Mark the minutes drafted").click()
    expect(chair.get_by_role("status")).to_have_text("Minutes marked drafted.")
    expect(chair.get_by_text("No later meeting of this body has been held yet.")).to_be_visible()

    # A later meeting is held; the minutes are approved there, then published.
    later = f"Working group follow-up {marker}"
    _add_meeting(chair, later, day, "15:00", [("Approval of the last minutes", "")])
    _publish_late_and_hold(chair, "Posted late for the record.")
    chair.goto(url)
    at = chair.get_by_label("Approved at the meeting of")
    at.select_option(at.locator("option", has_text=later).get_attribute("value"))
    approval = chair.locator("form[action$='/approve']")
    approval.get_by_label("Votes for").fill("5")
    approval.get_by_role("button", name="Approve the minutes").click()
    expect(chair.get_by_role("status")).to_contain_text("Minutes approved")
    chair.get_by_role("button", name="Publish the minutes").click()
    expect(chair.get_by_role("status")).to_have_text("Minutes published.")

    reader.goto(meeting_path)
    expect(reader.get_by_text(f"Discussed training plan {marker}.")).to_be_visible()
    expect(reader.get_by_text(f"That the plan be adopted {marker}.")).to_be_visible()
    expect(reader.get_by_text("For: 4. Against: 1. Abstaining: 0.")).to_be_visible()
    expect(reader.get_by_text(re.compile(r"Present:\s*Casey Chair \(demo\)"))).to_be_visible()
    expect(reader.get_by_text(f"Share the plan {marker}.")).to_be_visible()
    expect(
        reader.get_by_text(re.compile("These minutes were approved at the meeting of"))
    ).to_be_visible()
    reader.goto("/recommendations/R-03")
    expect(reader.get_by_text(f"That the plan be adopted {marker}.")).to_be_visible()
    reader.goto(meeting_path + "/pack")
    expect(reader.get_by_role("heading", level=1)).to_contain_text(title)
    public.close()
