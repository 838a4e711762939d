"""A minor's parent or guardian: the consent request, their answer, resending, expiry.

A guardian hears from us only about an application the eligibility rules accept (or an admin
overrode them for): the request goes out after the rules have decided, never before. Audited
without personal data, stage moves through move_to, and nothing here commits.
"""

import enum
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from ...audit.actors import Actor, SystemActor
from ...audit.services import record
from ...core.clock import now_utc
from ...core.extensions import db
from ...security.tokens import new_token, token_hash_or_none
from ..bilingual import N_
from ..emails import email_about, known_language, page_url
from ..errors import BoardError
from ..models import Application, GuardianConsent
from ..stages import Stage
from ..transitions import move_to
from .values import normalize_email


class LinkState(enum.StrEnum):
    """What a guardian-consent link can still do."""

    VALID = "valid"
    USED = "used"
    EXPIRED = "expired"
    CLOSED = "closed"  # withdrawn, or consent declined


def keep_guardian(
    application: Application, name: str, email: str, language: str = "en"
) -> GuardianConsent:
    """Store the guardian's details with the application, without contacting them yet."""
    consent = GuardianConsent(
        guardian_name=name.strip(),
        guardian_email=normalize_email(email),
        language=known_language(language),
    )
    application.guardian = consent
    return consent


def _new_link(consent: GuardianConsent) -> str:
    """A fresh single-use link for the guardian (earlier ones stop working); returns its token."""
    token, consent.token_hash = new_token()
    consent.expires_at = now_utc() + timedelta(days=current_app.config["GUARDIAN_CONSENT_DAYS"])
    return token


def _email_guardian(application: Application, consent: GuardianConsent, token: str) -> None:
    """The request in the guardian's language, with the link in both languages."""
    other = "en" if consent.language == "fr" else "fr"
    with force_locale(other):  # said in the other language, for a reader of that language
        other_note = _(
            "To read the page in English, open this link (we will then write to you in English):"
        )
    email_about(
        application,
        consent.guardian_email,
        "guardian_request",
        language=consent.language,
        consent=consent,
        consent_url=page_url(consent.language, "board.consent", token=token),
        other_url=page_url(other, "board.consent", token=token),
        other_note=other_note,
    )


def choose_guardian_language(consent: GuardianConsent, language: str) -> bool:
    """Keep the language the guardian opened their link in; True when it changed."""
    language = known_language(language)
    if consent_state(consent) is not LinkState.VALID or consent.language == language:
        return False
    consent.language = language
    db.session.flush()
    return True


def ask_guardian(application: Application, actor: Actor, reason: str, **email) -> None:
    """Email the guardian their consent link and wait for their answer (eligible minors only).

    `email` goes to move_to: the applicant's email for this move (template and its context).
    """
    consent = application.guardian
    if consent is None:
        raise BoardError(_("This student gave no parent's or guardian's details to ask."))
    if consent.confirmed_at is not None:
        raise BoardError(_("Their parent or guardian has already given consent."))
    token = _new_link(consent)
    move_to(application, Stage.AWAITING_GUARDIAN, actor, reason, **email)
    _email_guardian(application, consent, token)


def find_consent(token: str) -> GuardianConsent | None:
    """The consent request a guardian's link belongs to (None for unknown links)."""
    token_hash = token_hash_or_none(token)
    if token_hash is None:
        return None
    return db.session.scalar(
        sa.select(GuardianConsent)
        .where(GuardianConsent.token_hash == token_hash)
        .options(selectinload(GuardianConsent.application))
    )


def consent_state(consent: GuardianConsent, moment: datetime | None = None) -> LinkState:
    """Whether the link can still be used, and if not, why."""
    moment = moment or now_utc()
    stage = consent.application.stage
    if consent.confirmed_at is not None:
        return LinkState.USED
    if stage is Stage.EXPIRED or (
        stage is Stage.AWAITING_GUARDIAN and consent.expires_at <= moment
    ):
        return LinkState.EXPIRED
    if stage is not Stage.AWAITING_GUARDIAN:
        return LinkState.CLOSED
    return LinkState.VALID


def _check_link(consent: GuardianConsent) -> Application:
    if consent_state(consent) is not LinkState.VALID:
        raise BoardError(_("This consent link can no longer be used."))
    return consent.application


def confirm_guardian_consent(consent: GuardianConsent, full_name: bool) -> None:
    """The guardian consents (once); the application, found eligible before, goes ahead."""
    application = _check_link(consent)
    consent.confirmed_at = now_utc()
    consent.consent_full_name = bool(full_name and application.consent_full_name)
    record(
        SystemActor.CONSENT_LINK,
        "application.guardian_consent",
        "application",
        application.reference,
        f"{application.reference}: guardian consent confirmed",
        after={"consent_full_name": consent.consent_full_name},
    )
    move_to(
        application,
        Stage.ELIGIBLE,
        SystemActor.CONSENT_LINK,
        N_("A parent or guardian gave consent."),
        template="guardian_confirmed",
    )


def decline_guardian_consent(consent: GuardianConsent) -> None:
    """The guardian does not consent: the application is withdrawn."""
    application = _check_link(consent)
    move_to(
        application,
        Stage.WITHDRAWN,
        SystemActor.CONSENT_LINK,
        N_("A parent or guardian did not give consent."),
    )


def resend_guardian_request(application: Application, guardian_email: str) -> None:
    """Send the guardian a new link (to a corrected address if given); the old link stops."""
    consent = application.guardian
    if application.stage is not Stage.AWAITING_GUARDIAN or consent is None:
        raise BoardError(_("This application is not waiting for a guardian's consent."))
    if consent_state(consent) is not LinkState.VALID:
        raise BoardError(_("The time for a guardian's consent has run out."))
    new_email = normalize_email(guardian_email) or consent.guardian_email
    if new_email == application.email:
        raise BoardError(_("Give your parent's or guardian's own email address."))
    changed = new_email != consent.guardian_email
    consent.guardian_email = new_email
    _email_guardian(application, consent, _new_link(consent))
    record(
        SystemActor.STATUS_LINK,
        "application.guardian_request",
        "application",
        application.reference,
        f"{application.reference}: guardian consent request sent again",
        after={"guardian_email_changed": changed},
    )
    db.session.flush()


def expire_overdue_consents(moment: datetime | None = None) -> list[str]:
    """Expire applications whose guardian did not consent in time; returns their references."""
    moment = moment or now_utc()
    overdue = db.session.scalars(
        sa.select(Application)
        .join(GuardianConsent)
        .where(
            Application.stage == Stage.AWAITING_GUARDIAN,
            GuardianConsent.confirmed_at.is_(None),
            GuardianConsent.expires_at <= moment,
        )
        .order_by(Application.id)
        .options(selectinload(Application.events))
    ).all()
    days = current_app.config["GUARDIAN_CONSENT_DAYS"]
    for application in overdue:
        move_to(
            application,
            Stage.EXPIRED,
            None,
            f"No parent or guardian consent within {days} days.",  # history: staff read it
        )
    return [application.reference for application in overdue]
