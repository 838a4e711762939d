"""Email about an application, in its recipient's language, linked to it for access and purge."""

from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from ..core.extensions import db
from ..core.i18n import DEFAULT_LANGUAGE, LANGUAGES
from ..mail.models import OutboxEmail
from ..mail.services import queue_email
from .bilingual import stored_words
from .models import Application, ApplicationEmail

# The languages offered for email, each named in its own language (the same on every page).
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def known_language(value: str | None) -> str:
    """A supported language code; English for anything else."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def page_url(language: str, endpoint: str, **values) -> str:
    """An absolute link under PUBLIC_BASE_URL to a page in this language (French under /fr)."""
    base = urlsplit(current_app.config["PUBLIC_BASE_URL"].rstrip("/"))
    prefix = "/fr" if known_language(language) == "fr" else ""
    adapter = current_app.url_map.bind(
        base.netloc, script_name=f"{base.path}{prefix}" or "/", url_scheme=base.scheme or "https"
    )
    return adapter.build(endpoint, values, force_external=True)


def queue_in(language: str, recipient: str, template: str, **context) -> OutboxEmail:
    """Queue templates/email/<template>.txt rendered (subject and body) in this language."""
    language = known_language(language)
    with force_locale(language):
        return queue_email(recipient, template, language=language, words=stored_words, **context)


def email_about(
    application: Application,
    recipient: str,
    template: str,
    language: str | None = None,
    **context,
) -> OutboxEmail:
    """Queue an email about (and with) the application, in the applicant's language by default."""
    email = queue_in(
        language or application.language, recipient, template, application=application, **context
    )
    db.session.add(ApplicationEmail(application=application, email=email))
    return email


def applications_of(email_ids: list[int]) -> dict[int, tuple[str, str]]:
    """For the outbox page: the application each email is about, with its staff page."""
    rows = db.session.execute(
        sa.select(ApplicationEmail.email_id, ApplicationEmail.application_id).where(
            ApplicationEmail.email_id.in_(email_ids)
        )
    )
    return {
        email_id: (_("application"), url_for("board.application_detail", application_id=app_id))
        for email_id, app_id in rows
    }
