"""Journey 3: a working-group member drafts an update, the chair approves it, the public page shows
the change, and the internal note is nowhere on the public side."""

import re
import uuid

import sqlalchemy as sa

from tests.e2e.environment import skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Browser, Page, expect  # noqa: E402

from tests.e2e.pages import log_in  # noqa: E402


def _an_unclaimed_recommendation(live_server) -> tuple[str, str, int]:
    """(code, title, progress) of an in-progress recommendation with no draft waiting."""
    from sro_board.core.extensions import db
    from sro_board.recommendations.enums import ImplementationStatus, UpdateState
    from sro_board.recommendations.models import Recommendation, Update

    with live_server.app.app_context():
        pending = sa.select(Update.recommendation_id).where(Update.state == UpdateState.PENDING)
        rec = db.session.scalars(
            sa.select(Recommendation)
            .where(
                Recommendation.status == ImplementationStatus.IN_PROGRESS,
                Recommendation.progress <= 80,
                Recommendation.id.not_in(pending),
            )
            .order_by(Recommendation.code.desc())
        ).first()
        found = (rec.code, rec.title, rec.progress)
        db.session.remove()
    return found


def _public_pages_say(page: Page, code: str) -> str:
    """Everything the public can read about the recommendation: its page, the list, home."""
    texts = []
    for path in (f"/recommendations/{code}", f"/recommendations?q={code}", "/"):
        response = page.goto(path)
        assert response.status == 200
        texts.append(response.text())
        texts.append(page.locator("body").inner_text())
    return "\n".join(texts)


def test_member_drafts_chair_approves_public_sees_it(
    page: Page, browser: Browser, browser_context_args, as_staff, watch, live_server
):
    code, title, progress = _an_unclaimed_recommendation(live_server)
    new_progress = progress + 15
    marker = uuid.uuid4().hex[:8]
    public_note = f"Training sessions for the second region started ({marker}) <b>& “more”</b>"
    internal_note = f"CONFIDENTIAL budget figure {marker}: do not publish"

    # The member finds the recommendation in the tracker and drafts an update.
    log_in(page, live_server.users["member"])
    staff = page.get_by_role("navigation", name="Staff")
    staff.get_by_role("link", name="Tracker").click()
    page.get_by_role("searchbox", name="Search").fill(code)
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{code} {title}")
    page.get_by_role("link", name="Update this recommendation").click()
    expect(page.get_by_label("Progress (%)")).to_have_value(str(progress))
    page.get_by_label("Progress (%)").fill(str(new_progress))
    page.get_by_label("Public note (English)").fill(public_note)
    page.get_by_label("Internal note (working group only)").fill(internal_note)
    page.get_by_role("button", name="Save draft for approval").click()
    expect(page.get_by_role("status").filter(has_text="saved as a draft")).to_be_visible()
    expect(page.get_by_text(f"Internal note: {internal_note}")).to_be_visible()

    # Not public yet.
    public = browser.new_context(**browser_context_args)
    watch.attach(public)
    reader = public.new_page()
    before = _public_pages_say(reader, code)
    assert public_note not in before
    assert marker not in before

    # The chair approves it from the pending list, in the chair's own browser.
    chair = as_staff("chair")
    chair.goto("/")
    staff = chair.get_by_role("navigation", name="Staff")
    staff.get_by_role("link", name="Pending updates").click()
    expect(chair.get_by_role("heading", name=f"{code}: {title}")).to_be_visible()
    chair.get_by_role("button", name=f"Approve and publish the update to {code}").click()
    expect(chair.get_by_role("status")).to_have_text("Update approved and published.")

    # The public page shows the new progress and the public note, as text; never the internal one.
    reader.goto(f"/recommendations/{code}")
    expect(reader.get_by_text(f"{new_progress}% complete for {code}")).to_be_attached()
    timeline = reader.get_by_role("list", name="Timeline")
    entry = timeline.locator(":scope > li").filter(has_text=marker)
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text(public_note)
    expect(entry).to_contain_text(re.compile(rf"Progress:\s*{progress}%.*{new_progress}%"))
    after = _public_pages_say(reader, code)
    assert public_note in after, "the approved public note is not on the public pages"
    for secret in (internal_note, "CONFIDENTIAL", "Internal note"):
        assert secret not in after, f"{secret!r} appears on a public page"
    public.close()
