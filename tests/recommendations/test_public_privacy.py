"""No internal note, draft, decision reason or staff-only value ever reaches a public page."""

import pytest

from sro_board.contact.services import submit_message
from sro_board.core.extensions import db
from sro_board.recommendations.services import reject_update
from tests.factories import login, make_rec, make_user
from tests.pages import text
from tests.recommendations.factories import draft, publish, rec_by_code
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures

PUBLIC_PAGES = [
    "/",
    "/recommendations",
    "/recommendations?q=R-0",
    "/recommendations?sort=updated",
    "/recommendations/R-01",
    "/recommendations/R-02",
    "/status-definitions",
    "/about",
    "/contact",
]

# Distinctive strings that must never be on a public page.
SECRETS = {
    "lead staff member's name": "Lead-Name-Qx81",
    "lead staff member's email": "lead.qx81@example.org",
    "former lead's email": "former.lead.qx82@example.org",
    "update author's name": "Author-Name-Qx83",
    "internal note of a published update": "INTERNAL-PUBLISHED-Qx84",
    "pending draft's public note": "DRAFT-PUBLIC-Qx85",
    "pending draft's internal note": "DRAFT-INTERNAL-Qx86",
    "pending draft's title": "DRAFT-TITLE-Qx87",
    "pending draft's rationale": "DRAFT-RATIONALE-Qx88",
    "pending draft's evidence": "DRAFT-EVIDENCE-Qx89",
    "pending draft's milestone": "DRAFT-MILESTONE-Qx90",
    "rejected draft's public note": "REJECTED-PUBLIC-Qx91",
    "rejected draft's internal note": "REJECTED-INTERNAL-Qx92",
    "reason for rejecting": "REJECT-REASON-Qx93",
    "contact message": "CONTACT-MESSAGE-Qx94",
    "contact sender": "CONTACT-SENDER-Qx95",
}
PUBLISHED = {
    "published public note": "PUBLISHED-PUBLIC-Qx96",
    "published evidence": "PUBLISHED-EVIDENCE-Qx97",
}


@pytest.fixture
def tracker_with_secrets(app):
    """Two recommendations with a staff lead, published, pending and rejected updates."""
    former = make_user(["member"], email="former.lead.qx82@example.org", name="Former Lead")
    lead = make_user(["member"], email="lead.qx81@example.org", name="Lead-Name-Qx81")
    author = make_user(["member"], email="author@example.org", name="Author-Name-Qx83")
    chair = make_user(["chair"], email="chair2@example.org", name="Chair")
    rec = make_rec("R-01", lead_user=former.email)
    publish(
        rec,
        public_note=PUBLISHED["published public note"],
        internal_note=SECRETS["internal note of a published update"],
        lead_user=lead.email,
        status="planning",
        evidence=[{"title": PUBLISHED["published evidence"], "url": "https://example.org/e"}],
    )
    draft(
        rec_by_code("R-01"),
        author,
        public_note=SECRETS["pending draft's public note"],
        internal_note=SECRETS["pending draft's internal note"],
        title=SECRETS["pending draft's title"],
        feasibility="not_feasible",
        feasibility_rationale=SECRETS["pending draft's rationale"],
        progress=77,
        evidence=[{"title": SECRETS["pending draft's evidence"], "url": "https://example.org/d"}],
        milestones=[
            {"title": SECRETS["pending draft's milestone"], "due_date": "2030-01-01", "done": False}
        ],
    )
    rejected = draft(
        make_rec("R-02"),
        author,
        public_note=SECRETS["rejected draft's public note"],
        internal_note=SECRETS["rejected draft's internal note"],
        progress=64,
    )
    reject_update(rejected, chair, SECRETS["reason for rejecting"])
    submit_message("concern", SECRETS["contact message"], SECRETS["contact sender"], "")
    db.session.commit()


@pytest.mark.usefixtures("tracker_with_secrets")
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_shows_no_staff_only_information(client, path):
    response = client.get(path)
    assert response.status_code == 200
    page = text(response)
    leaked = [what for what, marker in SECRETS.items() if marker.lower() in page.lower()]
    assert not leaked, f"{path} shows: {leaked}"


@pytest.mark.usefixtures("tracker_with_secrets")
def test_public_page_shows_published_values_only(client):
    page = text(client.get("/recommendations/R-01"))
    for marker in PUBLISHED.values():
        assert marker in page
    assert "Planning" in page
    assert "77%" not in page
    assert "Not feasible" not in page
    assert "64%" not in text(client.get("/recommendations/R-02"))


@pytest.mark.usefixtures("tracker_with_secrets")
def test_public_search_does_not_find_draft_text(client):
    page = text(client.get("/recommendations?q=DRAFT-TITLE-Qx87"))
    assert "0 recommendations shown." in page


@pytest.mark.usefixtures("tracker_with_secrets")
def test_the_markers_are_visible_to_staff(client):
    """The check above means something: the same markers are on the staff pages."""
    login(client, make_user(["chair"]))
    page = text(client.get("/staff/recommendations/R-01"))
    for what in ("internal note of a published update", "pending draft's internal note"):
        assert SECRETS[what] in page
    assert SECRETS["reason for rejecting"] in text(client.get("/staff/recommendations/R-02"))
