"""The applicant's own changes through the private status link: contact details, withdrawal.

Like services.py: audited without personal data, stage moves through move_to, no commit.
"""

from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from ...audit.actors import SystemActor
from ...audit.services import record
from ...core.clock import now_utc
from ...core.extensions import db
from ...core.i18n import current_language
from ...security.tokens import new_token, token_hash_or_none
from ..bilingual import N_
from ..emails import email_about, page_url, queue_in
from ..errors import BoardError, DuplicateApplication
from ..models import Application
from ..stages import STAGE_TRANSITIONS, Stage
from ..transitions import move_to
from .email_change import EMAIL_PENDING, request_email_change
from .services import DUPLICATE_CONTACT_MESSAGE, email_taken
from .values import normalize_email


def find_by_status_token(token: str) -> Application | None:
    """The application a status link belongs to (None for unknown links and purged data)."""
    token_hash = token_hash_or_none(token)
    if token_hash is None:
        return None
    return db.session.scalar(
        sa.select(Application).where(
            Application.status_token_hash == token_hash, Application.purged_at.is_(None)
        )
    )


def status_link_expired(application: Application) -> bool:
    """True when the status link was sent more than STATUS_LINK_DAYS ago."""
    sent = application.status_link_sent_at or application.created_at
    return now_utc() > sent + timedelta(days=current_app.config["STATUS_LINK_DAYS"])


def update_contact(application: Application, email: str, phone: str) -> list[str]:
    """Change the phone now; a new email waits for the link sent to it (EMAIL_PENDING).

    Returns what changed. The old address is told that a change was asked for.
    """
    if not is_active(application):
        raise BoardError(_("This application is closed, so its contact details cannot change."))
    old_email = application.email
    new_email, new_phone = normalize_email(email), phone.strip() or None
    changed = []
    asked = new_email not in (old_email, application.pending_email)
    if asked and email_taken(application.intake_id, new_email, exclude_id=application.id):
        raise DuplicateApplication(str(DUPLICATE_CONTACT_MESSAGE))
    if new_phone != application.phone:
        application.phone = new_phone
        changed.append("phone")
    if asked:
        request_email_change(application, new_email)
    if not changed:
        return [EMAIL_PENDING] if asked else changed
    record(
        SystemActor.STATUS_LINK,
        "application.contact",
        "application",
        application.reference,
        f"{application.reference}: applicant changed {' and '.join(changed)}",
        after={"changed": changed},
    )
    email_about(application, old_email, "contact_updated", changed=changed)
    db.session.flush()
    return [*changed, EMAIL_PENDING] if asked else changed


def is_active(application: Application) -> bool:
    """True while the application can still move on (so it can change or be withdrawn)."""
    return bool(STAGE_TRANSITIONS[application.stage])


def withdraw(application: Application) -> None:
    """The applicant withdraws their application."""
    reason = N_("Withdrawn by the applicant.")
    move_to(application, Stage.WITHDRAWN, SystemActor.STATUS_LINK, reason)


def send_new_status_links(email: str) -> int:
    """Email a new status link (old ones stop) per application with this address, or say none."""
    applications = db.session.scalars(
        sa.select(Application)
        .where(
            Application.email == normalize_email(email),
            Application.purged_at.is_(None),
            Application.status_token_hash.is_not(None),
        )
        .order_by(Application.id)
        .options(sa.orm.lazyload(Application.intake))  # not needed: no intake, no seats loaded
    ).all()
    if not applications:
        # The same work as for a known address (an audit entry, one queued email), so the
        # answer takes the same time and says nothing about who applied.
        new_token()
        record(
            SystemActor.NEW_STATUS_LINK_FORM,
            "application.status_link_unknown",
            "application",
            "-",
            "New status link asked for an address with no application",
        )
        queue_in(current_language(), email, "status_link_unknown")
    for application in applications:
        token, application.status_token_hash = new_token()
        application.status_link_sent_at = now_utc()
        record(
            SystemActor.NEW_STATUS_LINK_FORM,
            "application.status_link",
            "application",
            application.reference,
            f"{application.reference}: new status link sent",
        )
        email_about(
            application,
            application.email,
            "status_link",
            status_url=page_url(application.language, "board.status", token=token),
        )
    db.session.flush()
    return len(applications)
