"""The intake's public text in English and French: entered side by side, shown in the page's
language, and the English (marked lang="en", with a note) while the French is missing."""

import re

import sqlalchemy as sa

from sro_board.board.models import Intake
from sro_board.core.extensions import db
from tests.board.applying import open_intake
from tests.factories import login

FORM = {
    "title": "Spring 2027 intake",
    "title_fr": "Appel du printemps 2027",
    "opens_at": "2027-03-01T09:00",
    "closes_at": "2027-04-01T17:00",
    "seats_parent": "5",
    "seats_student": "4",
    "seats_staff": "3",
    "term_months": "24",
    "notice_purpose": "To recruit the advisory board.",
    "notice_purpose_fr": "Pour recruter le Conseil consultatif.",
    "notice_authority": "Protection of Privacy Act.",
    "notice_authority_fr": "",
    "notice_contact_title": "Board coordinator",
    "notice_contact_title_fr": "Coordination du Conseil",
    "notice_contact_email": "board@example.org",
    "notice_contact_phone": "403-555-0100",
}
PAIRS = ("title", "notice_purpose", "notice_authority", "notice_contact_title")


def pair_of(page: str, name: str) -> str:
    """The side-by-side block that holds a text's English field."""
    for block in re.findall(r'<div class="bilingual-pair">.*?</div>\s*</div>', page, re.S):
        if f'name="{name}"' in block:
            return block
    raise AssertionError(f"{name} is not in a bilingual pair")


def test_the_staff_form_shows_english_and_french_side_by_side(client, users):
    login(client, users["admin"])
    page = client.get("/staff/board/intakes/new").get_data(as_text=True)
    for name in PAIRS:
        block = pair_of(page, name)
        assert f'name="{name}_fr"' in block
        french = re.search(rf'<(input|textarea)[^>]*name="{name}_fr"[^>]*>', block).group(0)
        assert 'lang="fr"' in french
        assert "required" not in french  # the French is optional
    assert "Title (English)" in page
    assert "Title (French)" in page


def test_the_french_is_saved_beside_the_english_and_may_stay_empty(client, users):
    login(client, users["admin"])
    response = client.post("/staff/board/intakes/new", data=FORM)
    assert response.status_code == 302
    intake = db.session.scalar(sa.select(Intake))
    assert (intake.title, intake.title_fr) == ("Spring 2027 intake", "Appel du printemps 2027")
    assert intake.notice_purpose_fr == "Pour recruter le Conseil consultatif."
    assert intake.notice_authority_fr == ""
    edit = client.get(f"/staff/board/intakes/{intake.id}/edit").get_data(as_text=True)
    assert "Appel du printemps 2027" in pair_of(edit, "title")


def test_public_pages_show_the_french_text_in_french(client):
    open_intake(title="2027 intake", title_fr="Appel 2027", notice_purpose_fr="Pour choisir.")
    page = client.get("/fr/advisory-board").get_data(as_text=True)
    assert "Appel 2027 : l'appel de candidatures est ouvert" in page
    form = client.get("/fr/advisory-board/apply").get_data(as_text=True)
    assert "<p>Pour choisir.</p>" in form
    assert "To choose the advisory board's members." not in form


def test_untranslated_text_shows_the_english_marked_and_noted(client):
    open_intake(title="2027 intake")  # no French at all
    form = client.get("/fr/advisory-board/apply").get_data(as_text=True)
    assert '<span lang="en">2027 intake</span>' in form
    assert re.search(r'<div class="bilingual" lang="en">\s*<p>To choose the advisory', form)
    assert '<span lang="en">Advisory board coordinator</span>' in form
    assert form.count("(pas encore traduit)") >= 4  # title, purpose, authority, contact


def test_english_pages_show_the_english_without_a_note(client):
    open_intake(title="2027 intake", title_fr="Appel 2027")
    page = client.get("/advisory-board/apply").get_data(as_text=True)
    assert "2027 intake" in page
    assert "Appel 2027" not in page
    assert 'lang="en"' not in page.split("<body", 1)[1]
    assert "(not yet translated)" not in page


def test_emails_use_the_intakes_french_contact_title(client, mailbox):
    open_intake(notice_contact_title_fr="Coordination du Conseil")
    intake_id = db.session.scalar(sa.select(Intake.id))
    from_form = {
        "intake": str(intake_id),
        "category": "parent",
        "name": "Amélie Tremblay",
        "email": "amelie@example.net",
        "school_board": "francosud",
        "school": "École Sainte-Marguerite-Bourgeoys",
        "child_grade_band": "junior_high",
        "motivation": "Pour que chaque élève se sente en sécurité.",
        "perspectives": "Parent francophone.",
        "availability": "Le soir.",
        "consent_notice": "y",
    }
    assert client.post("/fr/advisory-board/apply", data=from_form).status_code == 201
    body = mailbox.body("amelie@example.net")
    assert "personne responsable (Coordination du Conseil)" in body
