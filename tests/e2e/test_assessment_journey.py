"""Journey: a board member drafts the board's assessment, the board chair approves it, and the
public sees it beside the service's own report, with the disagreement said plainly."""

import re
import uuid

import sqlalchemy as sa

from tests.e2e.environment import skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Browser, Page, expect  # noqa: E402

from tests.e2e.pages import axe_violations, describe_violations  # noqa: E402


def _a_done_recommendation_never_assessed(live_server) -> tuple[str, int]:
    """The code of an implemented or ongoing recommendation the board has not assessed, and
    the page of the board home's list (in code order) that shows it."""
    from sro_board.core.extensions import db
    from sro_board.oversight.models import Assessment
    from sro_board.recommendations.enums import ImplementationStatus
    from sro_board.recommendations.models import Recommendation

    with live_server.app.app_context():
        code = db.session.scalars(
            sa.select(Recommendation.code)
            .where(
                Recommendation.status.in_(
                    (ImplementationStatus.IMPLEMENTED, ImplementationStatus.ONGOING)
                ),
                Recommendation.id.not_in(sa.select(Assessment.recommendation_id)),
            )
            .order_by(Recommendation.code.desc())
        ).first()
        before = db.session.scalar(sa.select(sa.func.count()).where(Recommendation.code < code))
        size = live_server.app.config["PAGE_SIZE"]
        db.session.remove()
    assert code, "the sample data has no implemented recommendation left to assess"
    return code, before // size + 1


def test_member_drafts_board_chair_approves_public_sees_it_beside_the_report(
    page: Page, browser: Browser, browser_context_args, as_staff, watch, live_server
):
    code, home_page = _a_done_recommendation_never_assessed(live_server)
    marker = uuid.uuid4().hex[:8]
    commentary = f"Parents told us officers still patrol the halls ({marker}) <b>& “daily”</b>"

    # The member starts from the board home and drafts the board's assessment.
    member = as_staff("board.member")
    member.goto("/board/home")
    expect(member.get_by_role("heading", level=1)).to_have_text("Advisory board home")
    if home_page > 1:
        member.goto(f"/board/home?page={home_page}")
    member.get_by_role("link", name=f"Draft an assessment of {code}").click()
    member.get_by_label("The board's rating").select_option(label="Not satisfied")
    member.get_by_label("Public commentary (English)").fill(commentary)
    member.get_by_label("Public commentary (French)").fill(f"Les parents nous disent ({marker}).")
    member.get_by_role("button", name="Save the draft").click()
    expect(member.get_by_role("status")).to_contain_text("Your draft is saved")
    member.get_by_role("button", name="Submit to the board chair").click()
    expect(member.get_by_role("status")).to_contain_text("Submitted.")

    # Not public yet.
    public = browser.new_context(**browser_context_args)
    watch.attach(public)
    reader = public.new_page()
    reader.goto(f"/recommendations/{code}")
    assert marker not in reader.content()

    # The board chair approves it, in their own browser, from the board home.
    chair = as_staff("board.chair")
    chair.goto("/board/home")
    waiting = chair.get_by_role("region", name="Waiting for the board chair")
    waiting.get_by_role("link", name=re.compile(rf"^{code}, drafted by")).click()
    # The board voted on it: the chair cites the motion the board carried at its meeting.
    vote = chair.get_by_label("Agreed by a vote of the board")
    motions = vote.locator("option").all_inner_texts()
    assert len(motions) > 1, "the sample board carried no motion at its meetings"
    vote.select_option(label=motions[1])
    violations = axe_violations(chair)
    assert not violations, describe_violations(violations)
    chair.get_by_role("button", name="Approve and publish").click()
    expect(chair.get_by_role("status")).to_contain_text("Approved.")

    # The public page shows it beside the service's report, with both dates and the disagreement.
    reader.goto(f"/recommendations/{code}")
    board = reader.get_by_role("region", name="The advisory board's view")
    expect(board).to_contain_text(commentary)
    expect(board).to_contain_text("Not satisfied")
    expect(board).to_contain_text(re.compile(r"Assessed \d"))
    expect(board).to_contain_text(re.compile(r"Updated \d"))
    expect(board).to_contain_text("The board and the service disagree.")
    expect(board).to_contain_text("Agreed by a vote of the board at its meeting of")
    assert "Board-Member" not in reader.content(), "the drafting member's name is on the page"
    reader.goto("/")
    expect(reader.get_by_role("region", name="The advisory board's ratings")).to_contain_text(
        "The board disagrees with the service"
    )
    public.close()
