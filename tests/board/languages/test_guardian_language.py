"""The guardian's language: chosen on the form, their request in it with the other language's
link, and the link they open recording their choice for the emails after it."""

import re

import sqlalchemy as sa

from sro_board.board.models import Application, GuardianConsent, Intake
from sro_board.core.extensions import db
from tests.board.applying import STUDENT_15, link_path, open_intake
from tests.factories import login
from tests.pages import text

GUARDIAN = STUDENT_15["guardian_email"]
STUDENT = STUDENT_15["email"]


def send_form(client, path: str, **changes):
    """Post a 15-year-old student's application at this address."""
    intake_id = db.session.scalar(sa.select(Intake.id))
    data = {"intake": str(intake_id)} | STUDENT_15 | changes
    return client.post(path, data={k: v for k, v in data.items() if v is not None})


def the_consent() -> GuardianConsent:
    """The one guardian record, freshly read."""
    db.session.expire_all()
    return db.session.scalar(sa.select(GuardianConsent))


def consent_links(body: str) -> list[str]:
    """The paths of the consent links in an email, in order."""
    return [line.split("5000", 1)[1] for line in body.splitlines() if "/consent/" in line]


def test_the_form_offers_the_guardians_language_defaulting_to_the_page(client):
    open_intake()
    english = client.get("/advisory-board/apply").get_data(as_text=True)
    assert "The language of our emails to your parent or guardian" in english
    assert 'name="guardian_language"' in english
    french = client.get("/fr/advisory-board/apply").get_data(as_text=True)
    assert "La langue de nos courriels à votre parent ou tuteur" in french


def test_an_english_student_chooses_french_for_the_guardian(client, mailbox):
    open_intake()
    assert send_form(client, "/advisory-board/apply", guardian_language="fr").status_code == 201
    application = db.session.scalar(sa.select(Application))
    assert application.language == "en"
    assert the_consent().language == "fr"

    # The student hears in English, the guardian in French.
    assert mailbox.to(STUDENT)[0]["Subject"].startswith("We received your advisory board")
    (request,) = mailbox.to(GUARDIAN)
    assert request["Subject"] == (
        "Veuillez confirmer votre consentement à la candidature d'un élève au Conseil "
        f"consultatif ({application.reference})"
    )
    body = request.get_content()
    assert body.startswith(f"Bonjour {STUDENT_15['guardian_name']},")
    assert "Comme cet élève a moins de 18 ans" in body
    # Its link is the French page; the same link in English follows, said in English.
    french, english = consent_links(body)
    assert french.startswith("/fr/advisory-board/consent/")
    assert english == french.removeprefix("/fr")
    assert "To read the page in English, open this link" in body
    assert link_path(body, "consent") == french
    page = client.get(french)
    assert page.status_code == 200
    assert "Acceptez-vous la candidature de cet élève?" in text(page)
    assert the_consent().language == "fr"  # opening the link in its own language keeps it


def test_without_a_choice_the_guardian_gets_the_students_language(client, mailbox):
    open_intake()
    send_form(client, "/fr/advisory-board/apply", guardian_language=None)
    assert the_consent().language == "fr"
    (request,) = mailbox.to(GUARDIAN)
    assert request["Subject"].startswith("Veuillez confirmer votre consentement")
    body = request.get_content()
    assert "Pour lire la page en français" not in body  # no link to the language it is in
    french, english = consent_links(body)
    assert french.startswith("/fr/")
    assert not english.startswith("/fr/")


def test_opening_the_other_language_switches_the_guardians_later_emails(client, mailbox):
    open_intake()
    send_form(client, "/fr/advisory-board/apply", guardian_language="fr")
    _french, english = consent_links(mailbox.body(GUARDIAN))
    page = client.get(english)
    assert "Do you agree to this student's application?" in text(page)
    assert the_consent().language == "en"

    # The student asks for the link to be sent again: it goes in English now.
    status = link_path(mailbox.body(STUDENT), "status")
    response = client.post(f"{status}/guardian", data={"guardian_email": GUARDIAN})
    assert response.status_code == 302
    again = mailbox.to(GUARDIAN)[-1]
    assert again["Subject"].startswith("Please confirm consent for a student's advisory board")
    body = again.get_content()
    first, second = consent_links(body)
    assert not first.startswith("/fr/")
    assert second.startswith("/fr/")
    assert "Pour lire la page en français, ouvrez ce lien" in body
    # The student's own messages stay French.
    assert "Nous avons envoyé un nouveau lien à votre parent ou tuteur." in text(client.get(status))


def test_the_guardian_consents_in_french_and_the_student_hears_in_their_language(client, mailbox):
    open_intake()
    send_form(client, "/advisory-board/apply", guardian_language="fr")
    french, _english = consent_links(mailbox.body(GUARDIAN))
    response = client.post(french, data={"agree": "y", "confirm": "Donner mon consentement"})
    assert response.status_code == 302
    assert response.location.startswith("/fr/advisory-board/consent/done")
    assert "Merci d'avoir donné votre consentement" in text(client.get(response.location))
    confirmed = mailbox.to(STUDENT)[-1]
    assert confirmed["Subject"].startswith("Your parent or guardian gave consent")


def test_the_guardians_language_starts_on_the_pages_language(client):
    open_intake()
    for path, language in (("/advisory-board/apply", "en"), ("/fr/advisory-board/apply", "fr")):
        page = client.get(path).get_data(as_text=True)
        radios = re.findall(r'<input[^>]*name="guardian_language"[^>]*>', page)
        assert len(radios) == 2, path
        (checked,) = [radio for radio in radios if "checked" in radio]
        assert f'value="{language}"' in checked, path


def test_staff_see_each_persons_email_language(client, mailbox, users):
    open_intake()
    send_form(client, "/fr/advisory-board/apply", guardian_language="en")
    application = db.session.scalar(sa.select(Application))
    login(client, users["admin"])
    page = text(client.get(f"/staff/board/applications/{application.id}"))
    assert page.count("Language of their emails") == 2
    student, guardian = re.findall(r"Language of their emails</dt><dd>(\w+)</dd>", page)
    assert (student, guardian) == ("French", "English")
