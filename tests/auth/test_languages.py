"""Staff accounts in English and French: each person's email language, chosen and audited.

The emails travel through a real SMTP server on loopback; the French pages are asked for as the
/fr address asks (tests/auth/french.py).
"""

import html
import re
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.auth.models import User
from sro_board.core.extensions import db
from tests.auth.french import in_french
from tests.board.applying import app_mailing_the_mailbox, loopback_mailbox  # noqa: F401
from tests.factories import login
from tests.pages import text

pytestmark = pytest.mark.usefixtures("app")

FR_INVITATION = "Votre compte du personnel pour le suivi de l'examen du programme SRO"
EN_INVITATION = "Your staff account for SRO review progress"
FR_RESET = "Réinitialisez votre mot de passe du suivi de l'examen du programme SRO"
EN_RESET = "Reset your SRO review progress password"


def shown(response) -> str:
    """The page's text with entities decoded (an apostrophe is &#39; in the HTML)."""
    return html.unescape(text(response))


def user_row(email: str) -> User:
    """A user freshly read from the database."""
    db.session.expire_all()
    return db.session.scalars(sa.select(User).where(User.email == email)).one()


def entries(action: str) -> list[AuditEntry]:
    """The audit entries of one action, oldest first."""
    query = sa.select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
    return list(db.session.scalars(query))


def link_in(body: str, path: str) -> str:
    """The path of the first link in an email body whose path contains `path`."""
    for url in re.findall(r"https?://\S+", body):
        if path in urlsplit(url).path:
            return urlsplit(url).path
    raise AssertionError(f"no {path} link in: {body}")


def invite(client, **changes):
    """The admin's invitation form, posted."""
    data = {"name": "Chantal Roy", "email": "chantal.roy@example.org", "roles": ["member"]}
    return client.post("/staff/users/new", data=data | changes)


def test_a_french_invitation_reaches_the_mailbox_in_french(client, users, mailbox):
    login(client, users["admin"])
    response = invite(client, mail_language="fr")
    assert response.location == "/staff/users"  # the admin's English page
    assert user_row("chantal.roy@example.org").language == "fr"
    created = entries("user.created")[-1]
    assert created.after["language"] == "fr"

    (message,) = mailbox.to("chantal.roy@example.org")
    assert message["Subject"] == FR_INVITATION
    body = message.get_content()
    assert body.startswith("Bonjour Chantal Roy,")
    assert "vous a invité à l'espace du personnel" in body
    assert "pendant 48 heures" in body
    assert "Hello" not in body
    assert "link works" not in body
    # The link opens the French page (the /fr address), where the invitee sets a password.
    path = link_in(body, "/invitation/")
    assert path.startswith("/fr/invitation/")
    client.post("/logout")
    page = text(client.get(path))
    assert "Bienvenue, Chantal Roy" in page
    assert "Choisissez le mot de passe de votre compte du personnel." in page


def test_the_email_language_is_the_invitees_not_the_admins_page(client, users, mailbox):
    login(client, users["admin"])
    response = in_french(
        client,
        "POST",
        "/staff/users/new",
        data={
            "name": "Sam Lee",
            "email": "sam@example.org",
            "roles": ["member"],
            "mail_language": "en",
        },
    )
    assert response.status_code == 302
    (message,) = mailbox.to("sam@example.org")
    assert message["Subject"] == EN_INVITATION
    body = message.get_content()
    assert body.startswith("Hello Sam Lee,")
    assert "/fr/" not in body
    assert user_row("sam@example.org").language == "en"


def test_an_invitation_without_a_choice_is_in_english(client, users, mailbox):
    login(client, users["admin"])
    assert invite(client).location == "/staff/users"  # the form's default: English
    assert user_row("chantal.roy@example.org").language == "en"
    assert mailbox.to("chantal.roy@example.org")[0]["Subject"] == EN_INVITATION


def test_a_bad_language_is_refused_with_nothing_sent(client, users, mailbox):
    login(client, users["admin"])
    response = invite(client, mail_language="de")
    assert response.status_code == 200
    assert "Not a valid choice" in text(response)
    assert db.session.scalar(sa.select(User).where(User.email == "chantal.roy@example.org")) is None
    assert mailbox.messages == []


def test_a_reset_asked_from_a_french_page_is_in_french_when_the_user_has_not_chosen(
    client, users, mailbox
):
    member = users["member"]
    assert member.language is None
    response = in_french(client, "POST", "/password-reset", data={"email": member.email})
    assert response.status_code == 302
    (message,) = mailbox.to(member.email)
    assert message["Subject"] == FR_RESET
    body = message.get_content()
    assert "Quelqu'un (vous, nous l'espérons) a demandé" in body
    assert "pendant 60 minutes" in body
    path = link_in(body, "/password-reset/")
    assert path.startswith("/fr/password-reset/")
    page = text(client.get(path))
    assert "Choisissez un nouveau mot de passe" in page


def test_a_reset_follows_the_users_choice_over_the_page(client, users, mailbox):
    member = users["member"]
    member.language = "en"
    db.session.commit()
    in_french(client, "POST", "/password-reset", data={"email": member.email})
    assert mailbox.to(member.email)[-1]["Subject"] == EN_RESET
    member.language = "fr"
    db.session.commit()
    client.post("/password-reset", data={"email": member.email})  # an English page
    assert mailbox.to(member.email)[-1]["Subject"] == FR_RESET


def test_one_chooses_ones_email_language_and_the_change_is_audited(client, users, mailbox):
    member = users["member"]
    login(client, member)
    page = text(client.get("/account/language"))
    assert "You have not chosen yet" in page
    response = client.post("/account/language", data={"language": "fr"})
    assert response.location == "/account/language"
    assert user_row(member.email).language == "fr"
    (entry,) = entries("user.language_changed")
    assert (entry.actor_id, entry.entity_id) == (member.id, str(member.id))
    assert (entry.before, entry.after) == ({"language": None}, {"language": "fr"})
    assert "Your email language is saved." in text(client.get("/account/language"))
    # Saving the same choice again changes nothing and records nothing.
    client.post("/account/language", data={"language": "fr"})
    assert len(entries("user.language_changed")) == 1
    # From now on the account's email is French, asked from an English page too.
    client.post("/logout")
    client.post("/password-reset", data={"email": member.email})
    assert mailbox.to(member.email)[-1]["Subject"] == FR_RESET


def test_a_language_that_is_not_offered_is_refused(client, users):
    member = users["member"]
    login(client, member)
    response = client.post("/account/language", data={"language": "de"})
    assert response.status_code == 200
    assert "Not a valid choice" in text(response)
    assert user_row(member.email).language is None
    assert entries("user.language_changed") == []


def test_account_change_email_follows_the_users_language(client, users, mailbox):
    admin = users["admin"]  # two-step login on: new recovery codes send an account email
    admin.language = "fr"
    db.session.commit()
    login(client, admin)
    response = client.post("/account/mfa/recovery-codes")
    assert response.status_code == 200
    (message,) = mailbox.to(admin.email)
    assert (
        message["Subject"] == "Un changement à votre compte du suivi de l'examen du programme SRO"
    )
    body = message.get_content()
    assert "De nouveaux codes de récupération ont été créés pour votre compte" in body
    assert "If this was you" not in body


def test_an_admin_changes_someones_email_language_audited(client, users):
    member = users["member"]
    login(client, users["admin"])
    form = {"name": member.name, "email": member.email, "roles": ["member"], "active": "y"}
    response = client.post(f"/staff/users/{member.id}", data=form | {"mail_language": "fr"})
    assert response.location == "/staff/users"
    assert user_row(member.email).language == "fr"
    entry = entries("user.updated")[-1]
    assert (entry.before["language"], entry.after["language"]) == (None, "fr")
    # Saving the form unchanged leaves the language, and the log, alone.
    client.post(f"/staff/users/{member.id}", data=form | {"mail_language": "fr"})
    assert "language" not in entries("user.updated")[-1].after


def test_the_login_pages_in_french(client, users):
    page = text(in_french(client, "GET", "/login"))
    assert '<html lang="fr"' in page
    assert "<h1>Connexion du personnel</h1>" in page
    assert "Mot de passe" in page
    assert "Mot de passe oublié?" in page
    wrong = in_french(client, "POST", "/login", data={"email": "x@example.org", "password": "no"})
    assert "Le courriel ou le mot de passe n'est pas le bon." in shown(wrong)
    forgot = text(in_french(client, "GET", "/password-reset"))
    assert "Réinitialiser votre mot de passe" in forgot
    english = text(client.get("/login"))
    assert "<h1>Staff login</h1>" in english
    assert "Connexion" not in english


def test_the_account_pages_in_french(client, users):
    login(client, users["admin"])
    language = text(in_french(client, "GET", "/account/language"))
    assert "La langue de vos courriels" in language
    # Not chosen yet: the French page suggests French.
    assert '<option selected value="fr">Français</option>' in language
    mfa = text(in_french(client, "GET", "/account/mfa"))
    assert "Authentification à deux étapes" in mfa
    assert "Il vous reste 10 codes de récupération inutilisés." in mfa
    staff = text(in_french(client, "GET", "/staff/users"))
    assert "Comptes du personnel" in staff
    assert "Administrateur ou administratrice" in staff  # a role's label
