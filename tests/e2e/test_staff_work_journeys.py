"""Staff at their own work (issue 9): each person lands on their work after logging in; a chair
approves a member's draft and is back on the pending list at the next draft; a chair's own
closing update waits for a second person, and no page offers that chair an approve button.
"""

import re
import uuid

import pytest
import sqlalchemy as sa

from tests.e2e.environment import skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Page, expect  # noqa: E402

from tests.e2e.pages import log_in  # noqa: E402

SIGN_OFF_NEEDED = (
    "Nothing was saved yet: with this status the update needs a second sign-off: another chair "
    "or an administrator must approve it before it is published."
)


def _in_progress_without_drafts(live_server, count: int) -> list[tuple[str, str]]:
    """(code, title) of in-progress recommendations with no update waiting, first codes first."""
    from sro_board.core.extensions import db
    from sro_board.recommendations.enums import ImplementationStatus, UpdateState
    from sro_board.recommendations.models import Recommendation, Update

    with live_server.app.app_context():
        pending = sa.select(Update.recommendation_id).where(Update.state == UpdateState.PENDING)
        found = db.session.execute(
            sa.select(Recommendation.code, Recommendation.title)
            .where(
                Recommendation.status == ImplementationStatus.IN_PROGRESS,
                Recommendation.id.not_in(pending),
            )
            .order_by(Recommendation.code)
            .limit(count)
        ).all()
        db.session.remove()
    assert len(found) == count, "the sample data has too few in-progress recommendations"
    return [tuple(row) for row in found]


def _member_drafts(live_server, recommendations: list[tuple[str, str]]) -> list[int]:
    """A member's note on each recommendation, saved as drafts one after the other; their ids."""
    from sro_board.auth.services import find_by_email
    from sro_board.core.extensions import db
    from sro_board.recommendations.queries import find_by_code
    from sro_board.recommendations.services import propose_update

    ids = []
    with live_server.app.app_context():
        member = find_by_email(live_server.users["member"])
        for code, _title in recommendations:
            rec = find_by_code(code)
            draft = propose_update(
                rec,
                member,
                {},
                public_note=f"Monthly check-in for {code} ({uuid.uuid4().hex[:8]}).",
                internal_note="",
                based_on_version=rec.version,
            )
            db.session.commit()
            ids.append(draft.id)
        db.session.remove()
    return ids


@pytest.mark.parametrize(
    ("role", "work", "heading"),
    [
        ("reviewer", "board.review_queue", "Your reviews"),
        ("member", "recommendations.dashboard", "Working-group dashboard"),
    ],
    ids=["reviewer", "member"],
)
def test_after_logging_in_each_person_lands_on_their_own_work(
    page: Page, live_server, role, work, heading
):
    log_in(page, live_server.users[role])
    expect(page).to_have_url(live_server.url + live_server.path(work))
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def test_after_approving_a_draft_the_chair_is_at_the_next_one(as_staff, live_server):
    (first, first_title), (second, second_title) = recs = _in_progress_without_drafts(
        live_server, 2
    )
    _, next_id = _member_drafts(live_server, recs)
    # A short window, so that the next draft is in view only if the page takes the chair to it.
    chair = as_staff("chair", viewport={"width": 1280, "height": 480})
    chair.goto("/")
    chair.get_by_role("navigation", name="Staff").get_by_role(
        "link", name="Pending updates"
    ).click()
    chair.get_by_role("button", name=f"Approve and publish the update to {first}").click()

    expect(chair.get_by_role("status")).to_have_text("Update approved and published.")
    expect(chair).to_have_url(re.compile(rf"/staff/updates#update-{next_id}$"))
    expect(chair.get_by_role("heading", name=f"{first}: {first_title}")).to_have_count(0)
    expect(chair.get_by_role("heading", name=f"{second}: {second_title}")).to_be_in_viewport()
    next_approve = chair.get_by_role("button", name=f"Approve and publish the update to {second}")
    expect(next_approve).to_be_in_viewport()
    next_approve.click()  # and the queue is as it was before this test
    expect(chair.get_by_role("status")).to_have_text("Update approved and published.")


def _fill_a_blank_evidence_row(page: Page, title: str, url: str) -> str:
    """Type a link into the first blank evidence row; its name ("Evidence 3")."""
    for box in page.get_by_role("textbox", name=re.compile(r"^Evidence \d+ title$")).all():
        if not box.input_value():
            row = box.get_attribute("aria-label").removesuffix(" title")
            box.fill(title)
            page.get_by_role("textbox", name=f"{row} link", exact=True).fill(url)
            return row
    raise AssertionError("the edit form has no blank evidence row")


def test_a_chairs_own_implemented_update_waits_for_a_second_sign_off(as_staff, live_server):
    [(code, title)] = _in_progress_without_drafts(live_server, 1)
    evidence = ("Program evaluation, final report", "https://example.org/sro/evaluation-final.pdf")
    chair = as_staff("chair")
    chair.goto(live_server.path("recommendations.staff_detail", code=code))
    chair.get_by_role("link", name="Update this recommendation").click()
    chair.get_by_label("Implementation status").select_option(label="Implemented")
    row = _fill_a_blank_evidence_row(chair, *evidence)
    chair.get_by_label("Public note (English)").fill("All schools now follow the new protocol.")
    # Without JavaScript the button still says what the loaded status does: saving publishes.
    chair.get_by_role("button", name="Save and publish").click()

    # Nothing is saved; the form comes back as typed, with the button that says what happens.
    expect(chair.get_by_role("alert")).to_contain_text(SIGN_OFF_NEEDED)
    expect(chair.get_by_role("button", name="Save and publish")).to_have_count(0)
    expect(chair.get_by_label("Implementation status").locator("option:checked")).to_have_text(
        "Implemented"
    )
    for box, typed in zip(("title", "link"), evidence, strict=True):
        expect(chair.get_by_role("textbox", name=f"{row} {box}", exact=True)).to_have_value(typed)
    chair.get_by_role("button", name="Save for a second sign-off").click()
    expect(chair.get_by_role("status")).to_have_text(
        "Update saved for a second sign-off; it is published when another chair or an "
        "administrator approves it."
    )

    # On the pending list the chair reads why, and is offered no approve button for it.
    chair.get_by_role("navigation", name="Staff").get_by_role(
        "link", name="Pending updates"
    ).click()
    own = chair.get_by_role("listitem").filter(
        has=chair.get_by_role("heading", name=f"{code}: {title}")
    )
    expect(own).to_contain_text(
        "Needs a different chair or administrator: you wrote this update, and marking a "
        "recommendation Implemented needs a second person's sign-off."
    )
    approve = f"Approve and publish the update to {code}"
    expect(chair.get_by_role("button", name=approve)).to_have_count(0)

    # The administrator, a second person, signs it off.
    admin = as_staff("admin")
    admin.goto(live_server.path("recommendations.pending_updates"))
    admin.get_by_role("button", name=approve).click()
    expect(admin.get_by_role("status")).to_have_text("Update approved and published.")
