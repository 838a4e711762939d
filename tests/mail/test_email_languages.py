"""An email is written in the language it is queued in, whatever the page that caused it."""

import pytest

from sro_board.core.extensions import db
from sro_board.core.i18n import ENVIRON_KEY
from sro_board.mail.services import queue_email
from tests.board.applying import open_intake, outbox, submit

pytestmark = pytest.mark.usefixtures("app")


def test_an_email_queued_in_french_is_french_on_an_english_page(app):
    with app.test_request_context("/"):
        queue_email("a@example.org", "account_changed", language="fr", name="Alex", change="X.")
        queue_email("b@example.org", "account_changed", name="Blair", change="Y.")
        db.session.commit()
    french, english = outbox("a@example.org")[0], outbox("b@example.org")[0]
    assert french.subject == "Un changement à votre compte du suivi de l'examen du programme SRO"
    assert french.body.startswith("Bonjour Alex,\n\nX.\n\nSi c'était vous,")
    assert english.subject == "A change to your SRO review progress account"
    assert english.body.startswith("Hello Blair,\n\nY.\n\nIf this was you,")


def test_an_email_without_a_language_follows_the_french_page(app):
    # A request as the /fr address makes it (test_request_context skips the WSGI middleware).
    with app.test_request_context("/", environ_base={ENVIRON_KEY: "fr"}):
        app.preprocess_request()  # core's hook: this request's locale
        queue_email("a@example.org", "account_changed", name="Alex", change="X.")
        queue_email("b@example.org", "account_changed", language="en", name="Blair", change="Y.")
        db.session.commit()
    assert outbox("a@example.org")[0].subject.startswith("Un changement")
    assert outbox("b@example.org")[0].subject.startswith("A change")


@pytest.mark.parametrize(
    ("changed", "sentence"),
    [
        (["phone"], "Le numéro de téléphone de la candidature"),
        (["email"], "L'adresse courriel de la candidature"),
        (["phone", "email"], "L'adresse courriel et le numéro de téléphone de la candidature"),
    ],
)
def test_the_contact_update_email_in_french_is_whole_sentences(app, changed, sentence):
    application = submit(open_intake()).application
    queue_email(
        "c@example.org", "contact_updated", language="fr", application=application, changed=changed
    )
    db.session.commit()
    (email,) = outbox("c@example.org")
    assert email.subject == (
        "Les coordonnées de votre candidature au Conseil consultatif ont changé "
        f"({application.reference})"
    )
    paragraphs = email.body.split("\n\n")
    assert paragraphs[0] == "Bonjour,"
    assert paragraphs[1].startswith(sentence)
    assert paragraphs[1].endswith("au moyen de son lien de suivi privé.")
    assert paragraphs[2].startswith("Si vous avez fait ce changement")
