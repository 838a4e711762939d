"""The audit log and the email delivery page in French; what the log stores stays as recorded."""

import html

import pytest
import sqlalchemy as sa
from flask_babel import refresh

from sro_board.audit.actors import SystemActor
from sro_board.audit.services import record
from sro_board.core.extensions import db
from sro_board.core.i18n import ENVIRON_KEY
from sro_board.mail.models import EmailState, OutboxEmail
from sro_board.mail.services import queue_email
from tests.auth.french import in_french
from tests.factories import login, make_rec
from tests.pages import text

pytestmark = pytest.mark.usefixtures("app")


def shown(response) -> str:
    """The page's text with entities decoded."""
    return html.unescape(text(response))


def test_an_entry_written_during_a_french_request_stores_english_words(app):
    with app.test_request_context(environ_base={ENVIRON_KEY: "fr"}):
        refresh()
        assert SystemActor.ELIGIBILITY_RULES.label == "règles d'admissibilité"
        entry = record(SystemActor.ELIGIBILITY_RULES, "application.checked", "application", 1, "x")
        assert entry.actor_label == "eligibility rules"
    refresh()


def test_the_audit_log_in_french(client, users):
    make_rec("R-07", title="A title")  # recorded by the command line
    record(SystemActor.ELIGIBILITY_RULES, "application.checked", "application", "A-1", "Checked")
    db.session.commit()
    login(client, users["admin"])
    page = shown(in_french(client, "GET", "/staff/audit"))
    assert "<h1>Journal d'audit</h1>" in page
    assert "<td>système (ligne de commande)</td>" in page
    assert "<td>règles d'admissibilité</td>" in page
    assert "<td>recommandation R-07</td>" in page
    assert '<option value="recommendation">Recommandation</option>' in page
    assert '<th scope="row" lang="en">Checked</th>' in page  # kept as recorded, marked English
    english = shown(client.get("/staff/audit"))
    assert "<td>eligibility rules</td>" in english
    assert '<th scope="row">Checked</th>' in english


def test_the_email_delivery_page_in_french(client, users):
    queue_email("someone@example.net", "account_changed", name="Someone", change="A change.")
    db.session.flush()
    email = db.session.scalars(sa.select(OutboxEmail)).one()
    email.state, email.attempts = EmailState.DEAD, 3
    db.session.commit()
    login(client, users["admin"])
    page = shown(in_french(client, "GET", "/staff/email"))
    assert "<h1>Envoi des courriels</h1>" in page
    assert "Abandonnés (1)" in page
    assert "<td>compte modifié</td>" in page
    assert "<td>abandonné</td>" in page
    assert "1 courriel." in page
    retried = in_french(client, "POST", f"/staff/email/{email.id}/retry", follow_redirects=True)
    assert f"Le courriel {email.id} est de nouveau en file d'attente." in shown(retried)
    again = in_french(client, "POST", f"/staff/email/{email.id}/retry", follow_redirects=True)
    assert "seul un courriel abandonné peut être renvoyé" in shown(again)
