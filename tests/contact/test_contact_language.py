"""Contact messages in English and French: each keeps the language of its page; a reply uses it."""

import html
from urllib.parse import parse_qs, urlsplit

import pytest
import sqlalchemy as sa

from sro_board.contact.models import ContactMessage
from sro_board.core.extensions import db
from tests.auth.french import in_french
from tests.factories import login
from tests.pages import text

pytestmark = pytest.mark.usefixtures("app")

QUESTION = {
    "topic": "question",
    "message": "Quand le prochain rapport d'étape sera-t-il publié?",
    "name": "Dominique",
    "email": "dominique@example.org",
}


def shown(response) -> str:
    """The page's text with entities decoded."""
    return html.unescape(text(response))


def messages() -> list[ContactMessage]:
    """Every stored message, oldest first."""
    db.session.expire_all()
    return list(db.session.scalars(sa.select(ContactMessage).order_by(ContactMessage.id)))


def reply_subject(page: str) -> str:
    """The subject of the page's "Reply by email" link."""
    start = page.index('href="mailto:') + len('href="')
    link = html.unescape(page[start : page.index('"', start)])
    return parse_qs(urlsplit(link).query)["subject"][0]


def test_the_contact_page_in_french(client):
    page = shown(in_french(client, "GET", "/contact"))
    assert '<html lang="fr"' in page
    assert "<h1>Questions, commentaires, préoccupations</h1>" in page
    assert "Ce formulaire n'est pas pour les urgences." in page
    assert '<option value="question">Une question</option>' in page
    assert "Votre courriel (facultatif)" in page
    assert "Send message" not in page


def test_a_french_page_refuses_bad_input_in_french(client):
    bad = in_french(client, "POST", "/contact", data=QUESTION | {"email": "pas-un-courriel"})
    assert bad.status_code == 200
    assert "Entrez une adresse courriel comme nom@exemple.com." in shown(bad)
    assert messages() == []


def test_a_message_keeps_the_language_of_its_page(client):
    sent = in_french(client, "POST", "/contact", data=QUESTION)
    assert sent.status_code == 302
    thanks = shown(in_french(client, "GET", "/contact/thanks"))
    assert "Merci, votre message a été envoyé" in thanks
    client.post("/contact", data=QUESTION | {"message": "When is the next progress report?"})
    assert [m.language for m in messages()] == ["fr", "en"]


def test_a_reply_is_offered_in_the_senders_language(client, users):
    in_french(client, "POST", "/contact", data=QUESTION)
    client.post("/contact", data=QUESTION | {"message": "When is the next progress report?"})
    french, english = messages()
    login(client, users["chair"])

    page = shown(client.get(f"/staff/inbox/{french.id}"))  # the staff member reads English
    assert "<dt>Language</dt><dd>French</dd>" in page
    assert '<blockquote class="message" lang="fr">' in page
    assert "Write the reply in French" in page
    assert (
        reply_subject(page)
        == "Votre message à l'équipe de l'examen du programme SRO : une question"
    )

    page = shown(client.get(f"/staff/inbox/{english.id}"))
    assert "<dt>Language</dt><dd>English</dd>" in page
    assert reply_subject(page) == "Your message to the SRO review team: a question"

    # A staff member on the French pages reads the same facts in French; the subject stays
    # the sender's.
    page = shown(in_french(client, "GET", f"/staff/inbox/{english.id}"))
    assert "<dt>Langue</dt><dd>Anglais</dd>" in page
    assert "Rédigez la réponse en anglais" in page
    assert reply_subject(page) == "Your message to the SRO review team: a question"


def test_a_message_without_an_address_offers_no_reply(client, users):
    in_french(client, "POST", "/contact", data=QUESTION | {"email": ""})
    login(client, users["chair"])
    page = shown(client.get(f"/staff/inbox/{messages()[0].id}"))
    assert "mailto:" not in page


def test_the_inbox_in_french(client, users):
    in_french(client, "POST", "/contact", data=QUESTION)
    login(client, users["chair"])
    inbox = shown(in_french(client, "GET", "/staff/inbox"))
    assert "<h1>Boîte de réception : messages ouverts (1)</h1>" in inbox
    assert "Une question" in inbox
    empty = shown(in_french(client, "GET", "/staff/inbox?state=closed"))
    assert "Aucun message fermé." in empty
    msg = messages()[0]
    marked = in_french(
        client, "POST", f"/staff/inbox/{msg.id}", data={"state": "answered"}, follow_redirects=True
    )
    assert "Message marqué « répondu »." in shown(marked)
    refused = in_french(client, "POST", f"/staff/inbox/{msg.id}", data={"state": "answered"})
    assert "Un message à l'état « répondu » ne peut pas être marqué « répondu »." in shown(refused)
