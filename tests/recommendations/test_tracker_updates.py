"""Drafts and approval, and the second person needed to close a recommendation."""

from datetime import UTC, datetime

import pytest

from sro_board.core.clock import clock_set_to
from sro_board.recommendations.enums import UpdateState
from tests.factories import login, make_rec, make_user
from tests.pages import form_fields, load_form, text
from tests.recommendations.factories import (
    EVIDENCE,
    draft,
    edit_path,
    publish,
    rec_by_code,
    submit_edit,
    updates_of,
)
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures

PUBLIC_NOTE = "PUBLIC-NOTE-7f3a: the plan was shared with school boards."
INTERNAL_NOTE = "INTERNAL-NOTE-9c1e: budget not yet confirmed."


def public_page(client, code: str = "R-01") -> str:
    """The public page of a recommendation, as an anonymous visitor sees it."""
    client.post("/logout")
    return text(client.get(f"/recommendations/{code}"))


def approve(client, update_id: int):
    """The approve button."""
    return client.post(f"/staff/updates/{update_id}/approve")


def reject(client, update_id: int, reason: str):
    """The reject form."""
    return client.post(f"/staff/updates/{update_id}/reject", data={"reason": reason})


def members_draft(client, users, **changes):
    """A member saves an update through the edit form; returns the draft."""
    login(client, users["member"])
    notes = {"public_note": PUBLIC_NOTE, "internal_note": INTERNAL_NOTE}
    response = submit_edit(client, **(notes | changes))
    assert response.status_code == 302, text(response)
    client.post("/logout")
    return updates_of(rec_by_code())[-1]


# drafts and approval


def test_members_update_is_a_draft_the_public_cannot_see(client, users):
    make_rec()
    update = members_draft(client, users, status="planning", progress="35")
    assert update.state is UpdateState.PENDING
    rec = rec_by_code()
    assert (rec.status.value, rec.progress) == ("not_started", 0)
    page = public_page(client)
    assert "35%" not in page
    assert "PUBLIC-NOTE-7f3a" not in page
    assert "INTERNAL-NOTE-9c1e" not in page


def test_member_is_told_the_update_awaits_approval(client, users):
    make_rec()
    login(client, users["member"])
    response = submit_edit(client, progress="20", public_note="Started.")
    follow = text(client.get(response.location))
    assert "Update saved as a draft" in follow


def test_chair_approves_a_draft_and_the_public_sees_values_and_public_note(client, users):
    make_rec()
    update = members_draft(client, users, status="planning", progress="35")
    login(client, users["chair"])
    response = approve(client, update.id)
    assert "Update approved and published." in text(client.get(response.location))
    rec = rec_by_code()
    assert (rec.status.value, rec.progress) == ("planning", 35)
    page = public_page(client)
    assert "35%" in page
    assert "PUBLIC-NOTE-7f3a" in page
    assert "INTERNAL-NOTE-9c1e" not in page


def test_chairs_own_update_publishes_directly(client, users):
    make_rec()
    login(client, users["chair"])
    submit_edit(client, progress="40", public_note=PUBLIC_NOTE, internal_note=INTERNAL_NOTE)
    assert updates_of(rec_by_code())[-1].state is UpdateState.APPROVED
    assert rec_by_code().progress == 40
    page = public_page(client)
    assert "PUBLIC-NOTE-7f3a" in page
    assert "INTERNAL-NOTE-9c1e" not in page


def test_reject_needs_a_reason(client, users):
    make_rec()
    update = members_draft(client, users, progress="35")
    login(client, users["chair"])
    response = reject(client, update.id, "  ")
    assert "Give a reason so the author knows what to change." in text(
        client.get(response.location)
    )
    assert updates_of(rec_by_code())[-1].state is UpdateState.PENDING


def test_too_long_a_reason_is_refused_with_a_message(client, users):
    make_rec()
    update = members_draft(client, users, progress="35")
    login(client, users["chair"])
    response = reject(client, update.id, "x" * 2001)
    assert "Not rejected: Field cannot be longer than 2000 characters." in text(
        client.get(response.location)
    )
    assert updates_of(rec_by_code())[-1].state is UpdateState.PENDING


def test_rejected_update_shows_its_reason_to_staff_and_nothing_to_the_public(client, users):
    make_rec()
    update = members_draft(client, users, progress="35")
    login(client, users["chair"])
    reject(client, update.id, "Please say which step was completed.")
    assert updates_of(rec_by_code())[-1].state is UpdateState.REJECTED
    assert rec_by_code().progress == 0
    login(client, users["member"])
    assert "Please say which step was completed." in text(client.get("/staff/recommendations/R-01"))
    page = public_page(client)
    assert "PUBLIC-NOTE-7f3a" not in page
    assert "Please say which step" not in page


@pytest.mark.parametrize("first", ["approve", "reject"])
def test_deciding_twice_is_refused(client, users, first):
    make_rec()
    update = members_draft(client, users, progress="35")
    login(client, users["chair"])
    decide = {"approve": lambda: approve(client, update.id)}
    decide["reject"] = lambda: reject(client, update.id, "No.")
    decide[first]()
    state = updates_of(rec_by_code())[-1].state
    for again in ("approve", "reject"):
        response = decide[again]()
        assert "This update has already been decided." in text(client.get(response.location))
        assert updates_of(rec_by_code())[-1].state is state


def test_approving_needs_a_chair_or_admin(client, users):
    make_rec()
    update = members_draft(client, users, progress="35")
    login(client, users["member"])
    assert approve(client, update.id).status_code == 403
    assert updates_of(rec_by_code())[-1].state is UpdateState.PENDING


def test_pending_list_shows_drafts_with_both_notes(client, users):
    make_rec()
    members_draft(client, users, progress="35")
    login(client, users["chair"])
    page = text(client.get("/staff/updates"))
    assert "Updates awaiting approval (1)" in page
    assert "PUBLIC-NOTE-7f3a" in page
    assert "INTERNAL-NOTE-9c1e" in page


# closing (implemented, ongoing, will not proceed) needs a second person


@pytest.fixture
def almost_done(app):
    """R-01 in progress at 90%, with an evidence link."""
    rec = make_rec()
    publish(rec, status="in_progress", progress=90, evidence=EVIDENCE)
    return rec


def save_button(page: str) -> str:
    """The label of the edit form's save button."""
    return page.split('name="outcome"', 1)[1].split(">", 1)[1].split("</button>", 1)[0]


def close_as(client, user, status: str = "implemented", note: str = "Done."):
    """Submit the edit form closing R-01; a chair confirms the second sign-off when asked."""
    login(client, user)
    response = submit_edit(client, status=status, progress="100", public_note=note)
    if response.status_code == 200 and "needs a second sign-off" in text(response):
        response = client.post(edit_path(), data=form_fields(text(response)))
    assert response.status_code == 302, text(response)
    client.post("/logout")
    return updates_of(rec_by_code())[-1]


def mark_implemented(client, user):
    """Submit the edit form moving R-01 to implemented."""
    return close_as(client, user)


def test_chairs_own_implemented_update_waits_for_a_second_person(client, users, almost_done):
    update = mark_implemented(client, users["chair"])
    assert update.state is UpdateState.PENDING
    assert rec_by_code().status.value == "in_progress"


def test_save_button_says_what_saving_does(client, users, almost_done):
    login(client, users["chair"])
    assert save_button(text(client.get(edit_path()))) == "Save and publish"
    client.post("/logout")
    login(client, users["member"])
    assert save_button(text(client.get(edit_path()))) == "Save draft for approval"


def test_chair_closing_with_save_and_publish_is_asked_to_save_for_a_second_sign_off(
    client, users, almost_done
):
    login(client, users["chair"])
    before = updates_of(rec_by_code())
    response = submit_edit(client, status="implemented", progress="100", public_note="Done.")
    page = text(response)
    assert response.status_code == 200
    assert "Nothing was saved yet" in page
    assert "needs a second sign-off" in page
    assert save_button(page) == "Save for a second sign-off"
    assert updates_of(rec_by_code()) == before  # the button said "publish": nothing saved
    response = client.post(edit_path(), data=form_fields(page))
    assert "Update saved for a second sign-off" in text(client.get(response.location))
    assert updates_of(rec_by_code())[-1].state is UpdateState.PENDING
    assert rec_by_code().status.value == "in_progress"


def test_a_sign_off_button_never_publishes(client, users, almost_done):
    login(client, users["chair"])
    form = load_form(client, edit_path())
    response = submit_edit(client, form=form, progress="95", outcome="sign_off")
    assert response.status_code == 200
    assert "saving publishes it at once" in text(response)
    assert save_button(text(response)) == "Save and publish"
    assert rec_by_code().progress == 90


def test_no_approve_button_where_the_reader_may_not_approve(client, users, almost_done):
    update = mark_implemented(client, users["chair"])
    button = f'action="/staff/updates/{update.id}/approve"'
    login(client, users["chair"])
    for path in ("/staff/updates", "/staff/recommendations/R-01"):
        page = text(client.get(path))
        assert button not in page, path
        assert "Needs a different chair or administrator: you wrote this update" in page, path
    assert "needs a different chair or administrator" in text(client.get("/staff/"))
    client.post("/logout")
    login(client, users["admin"])
    for path in ("/staff/updates", "/staff/recommendations/R-01"):
        page = text(client.get(path))
        assert button in page, path
        assert "Needs a different chair or administrator" not in page, path


def test_after_approving_the_approver_is_back_on_the_list_at_the_next_draft(client, users):
    member, chair = users["member"], users["chair"]
    first = draft(make_rec("R-01"), member, progress=10)
    publish(make_rec("R-02"), status="in_progress", progress=90, evidence=EVIDENCE)
    own = draft(rec_by_code("R-02"), chair, status="implemented", progress=100, public_note="Done.")
    third = draft(make_rec("R-03"), member, progress=30)
    login(client, chair)
    response = approve(client, first.id)
    assert response.location == f"/staff/updates#update-{third.id}"  # skips the chair's own
    page = text(client.get(response.location))
    assert "Update approved and published." in page
    assert f'<li id="update-{third.id}">' in page
    assert f'<li id="update-{own.id}">' in page
    assert approve(client, third.id).location == "/staff/updates"
    assert "Update approved and published." in text(client.get("/staff/updates"))


def test_a_refused_approval_returns_to_the_list_at_that_draft(client, users, almost_done):
    update = mark_implemented(client, users["chair"])
    login(client, users["chair"])
    assert approve(client, update.id).location == f"/staff/updates#update-{update.id}"


def test_the_same_chair_cannot_approve_their_implemented_update(client, users, almost_done):
    update = mark_implemented(client, users["chair"])
    login(client, users["chair"])
    response = approve(client, update.id)
    assert "needs a second person" in text(client.get(response.location))
    assert updates_of(rec_by_code())[-1].state is UpdateState.PENDING
    assert rec_by_code().status.value == "in_progress"


@pytest.mark.parametrize("approver", ["admin", "other chair"])
def test_another_approver_signs_off_implemented(client, users, almost_done, approver):
    update = mark_implemented(client, users["chair"])
    other = users["admin"] if approver == "admin" else make_user(["chair"], email="c2@example.org")
    login(client, other)
    approve(client, update.id)
    assert updates_of(rec_by_code())[-1].state is UpdateState.APPROVED
    assert rec_by_code().status.value == "implemented"


def test_members_implemented_update_is_signed_off_by_the_chair(client, users, almost_done):
    update = mark_implemented(client, users["member"])
    login(client, users["chair"])
    approve(client, update.id)
    assert rec_by_code().status.value == "implemented"


@pytest.mark.parametrize("status", ["ongoing", "will_not_proceed"])
def test_closing_as_ongoing_or_will_not_proceed_needs_a_second_person(
    client, users, almost_done, status
):
    update = close_as(client, users["chair"], status, note="It is part of practice now.")
    assert update.state is UpdateState.PENDING
    login(client, users["chair"])
    assert "needs a second person" in text(client.get(approve(client, update.id).location))
    assert rec_by_code().status.value == "in_progress"
    client.post("/logout")
    login(client, users["admin"])
    approve(client, update.id)
    assert rec_by_code().status.value == status


def test_will_not_proceed_needs_a_public_note_giving_the_reason(client, users, almost_done):
    login(client, users["member"])
    response = submit_edit(client, status="will_not_proceed", internal_note="Budget cut.")
    assert response.status_code == 200
    assert "Write a public note giving the reason before marking it Will not proceed." in (
        text(response)
    )
    assert len(updates_of(rec_by_code())) == 2  # created, published: nothing new


def test_will_not_proceed_shows_its_public_reason_beside_the_status(client, users, almost_done):
    reason = "REASON-4d2e: the province now funds this through another program."
    update = close_as(client, users["member"], "will_not_proceed", note=reason)
    login(client, users["chair"])
    approve(client, update.id)
    page = public_page(client)
    status = page.split("<dt>Implementation status</dt>", 1)[1].split("</dd>", 1)[0]
    assert "Will not proceed" in status
    assert reason in status


def test_ongoing_needs_evidence_like_implemented(client, users):
    publish(make_rec(), status="in_progress", progress=90)
    login(client, users["member"])
    response = submit_edit(client, status="ongoing", progress="100")
    assert response.status_code == 200
    assert "Add at least one evidence link before marking it Ongoing" in text(response)
    assert len(updates_of(rec_by_code())) == 2


def test_public_dates_are_the_local_day(client):
    with clock_set_to(datetime(2026, 1, 10, 3, 0, tzinfo=UTC)):  # 9 January in Calgary
        publish(make_rec(), progress=5, public_note="Early start.")
    for path in ("/recommendations/R-01", "/"):
        page = text(client.get(path))
        assert '<time datetime="2026-01-09">9 January 2026</time>' in page, path
