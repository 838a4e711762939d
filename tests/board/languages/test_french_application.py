"""Applying in French: the form at /fr, the language stored, every email to the applicant in it.

Through the language middleware (/fr/... is French) and a real SMTP server on loopback.
"""

import sqlalchemy as sa

from sro_board.board.enums import SchoolBoard
from sro_board.board.models import Application, Intake
from sro_board.board.stages import Stage
from sro_board.board.transitions import move_to
from sro_board.core.extensions import db
from sro_board.sample.applicants import load_board_sample
from tests.board.applying import PARENT, TEACHER, link_path, open_intake
from tests.pages import text

APPLY_FR = "/fr/advisory-board/apply"


def send_form(client, path: str, answers: dict, **changes):
    """Post the application form at this address, as a browser would."""
    intake_id = db.session.scalar(sa.select(Intake.id))
    data = {"intake": str(intake_id)} | answers | changes
    return client.post(path, data={k: v for k, v in data.items() if v is not None})


def the_application() -> Application:
    """The one application, freshly read."""
    db.session.expire_all()
    return db.session.scalar(sa.select(Application))


def test_the_form_at_fr_is_in_french(client):
    open_intake()
    page = client.get(APPLY_FR).get_data(as_text=True)
    assert '<html lang="fr"' in page
    assert "Posez votre candidature au Conseil consultatif" in page
    assert "Avis de collecte" in page
    assert "Pour quel siège posez-vous votre candidature?" in page  # a form label (lazy)
    assert "Apply to join the advisory board" not in page
    assert 'action="/fr/advisory-board/apply"' in page  # url_for keeps the language


def test_applying_in_french_stores_fr_and_the_received_email_is_french(client, mailbox):
    open_intake()
    response = send_form(client, APPLY_FR, PARENT)
    assert response.status_code == 201
    assert "Merci, nous avons reçu votre candidature" in text(response)
    application = the_application()
    assert application.language == "fr"

    (message,) = mailbox.to(PARENT["email"])
    assert message["Subject"] == (
        f"Nous avons reçu votre candidature au Conseil consultatif ({application.reference})"
    )
    body = message.get_content()
    assert body.startswith(f"Bonjour {PARENT['name']},")
    assert f"Votre numéro de référence : {application.reference}" in body
    assert "Votre candidature respecte les règles du siège que vous avez choisi." in body
    assert "Thank you" not in body
    assert "Your reference" not in body
    # The status link is the French address of the page, which answers in French.
    status = link_path(body, "status")
    assert status.startswith("/fr/advisory-board/status/")
    page = client.get(status).get_data(as_text=True)
    assert '<html lang="fr"' in page
    assert "Votre candidature au Conseil consultatif" in page
    assert "Reçue et admissible" in page


def test_applying_in_english_stores_en_and_writes_in_english(client, mailbox):
    open_intake()
    assert send_form(client, "/advisory-board/apply", PARENT).status_code == 201
    assert the_application().language == "en"
    (message,) = mailbox.to(PARENT["email"])
    assert message["Subject"].startswith("We received your advisory board application")
    assert "/advisory-board/status/" in message.get_content()
    assert "/fr/" not in message.get_content()


def test_an_ineligible_reason_reaches_a_french_applicant_in_french(client, mailbox):
    open_intake()
    # A staff member who works at the central office, not at a school: not eligible.
    send_form(client, APPLY_FR, TEACHER, staff_role="not_at_school")
    application = the_application()
    assert application.stage is Stage.INELIGIBLE
    # Stored in English (the staff read it; it is data), shown to the applicant in French.
    assert application.eligibility_reason.startswith("School staff seats are for people")
    body = mailbox.body(TEACHER["email"])
    assert (
        "Les sièges du personnel scolaire sont réservés aux personnes qui travaillent dans "
        "une école." in body
    )
    page = client.get(link_path(body, "status")).get_data(as_text=True)
    assert "Les sièges du personnel scolaire sont réservés" in page


def test_later_emails_follow_the_stored_language_not_the_request(app, client, mailbox):
    open_intake()
    send_form(client, APPLY_FR, PARENT)
    application = the_application()
    # A staff move made outside any French page (here, with no request at all).
    move_to(application, Stage.IN_REVIEW, None, "Review started.")
    db.session.commit()
    message = mailbox.to(PARENT["email"])[-1]
    assert message["Subject"] == (
        f"Votre candidature au Conseil consultatif est à l'étude ({application.reference})"
    )
    assert "un comité lit maintenant les candidatures" in message.get_content()


def test_a_new_status_link_goes_out_in_the_applications_language(client, mailbox):
    open_intake()
    send_form(client, APPLY_FR, PARENT)
    # Asked for from the English page: the link still goes in the applicant's language.
    client.post("/advisory-board/new-status-link", data={"email": PARENT["email"]})
    message = mailbox.to(PARENT["email"])[-1]
    assert message["Subject"].startswith("Votre nouveau lien de suivi")
    assert link_path(message.get_content(), "status").startswith("/fr/advisory-board/status/")


def test_the_unknown_address_answer_is_in_the_language_of_the_request(client, mailbox):
    client.post("/fr/advisory-board/new-status-link", data={"email": "nobody@example.net"})
    (message,) = mailbox.to("nobody@example.net")
    assert message["Subject"] == "Votre demande de lien de suivi du Conseil consultatif"


def test_the_sample_intake_and_its_francosud_families_are_french(app, client, users):
    sample = load_board_sample(users["admin"])
    db.session.commit()
    intake = sample.intake
    assert intake.title_fr
    assert intake.notice_purpose_fr
    assert intake.notice_authority_fr
    assert intake.notice_contact_title_fr
    page = client.get("/fr/advisory-board/apply").get_data(as_text=True)
    assert "Conseil consultatif : premier appel de candidatures (2027-2029)" in page
    assert "(pas encore traduit)" not in page
    languages = dict(
        db.session.execute(
            sa.select(Application.school_board, sa.func.min(Application.language))
            .where(Application.purged_at.is_(None))
            .group_by(Application.school_board)
        ).all()
    )
    assert languages[SchoolBoard.FRANCOSUD] == "fr"
    assert languages[SchoolBoard.CBE] == "en"
