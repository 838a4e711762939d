"""The applicant's own changes through the private status link: contact details, withdrawal.

Like services.py: audited without personal data, stage moves through move_to, no commit.
"""

import sqlalchemy as sa

from ...audit.actors import SystemActor
from ...audit.services import record
from ...core.extensions import db
from ...core.urls import public_url
from ...mail.services import queue_email
from ...security.tokens import new_token, token_hash_or_none
from ..emails import email_about
from ..errors import BoardError, DuplicateApplication
from ..models import Application
from ..stages import STAGE_TRANSITIONS, Stage
from ..transitions import move_to
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


def update_contact(application: Application, email: str, phone: str) -> list[str]:
    """Change the email and phone; returns what changed. Both addresses hear of a new email."""
    if not is_active(application):
        raise BoardError("This application is closed, so its contact details cannot change.")
    old_email = application.email
    new_email, new_phone = normalize_email(email), phone.strip() or None
    changed = []
    if new_email != old_email:
        if email_taken(application.intake_id, new_email, exclude_id=application.id):
            raise DuplicateApplication(DUPLICATE_CONTACT_MESSAGE)
        application.email = new_email
        changed.append("email")
    if new_phone != application.phone:
        application.phone = new_phone
        changed.append("phone")
    if not changed:
        return changed
    record(
        SystemActor.STATUS_LINK,
        "application.contact",
        "application",
        application.reference,
        f"{application.reference}: applicant changed {' and '.join(changed)}",
        after={"changed": changed},
    )
    for recipient in dict.fromkeys([old_email, new_email]):
        email_about(application, recipient, "contact_updated", changed=changed)
    db.session.flush()
    return changed


def is_active(application: Application) -> bool:
    """True while the application can still move on (so it can change or be withdrawn)."""
    return bool(STAGE_TRANSITIONS[application.stage])


def withdraw(application: Application) -> None:
    """The applicant withdraws their application."""
    move_to(application, Stage.WITHDRAWN, SystemActor.STATUS_LINK, "Withdrawn by the applicant.")


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
        queue_email(email, "status_link_unknown")
    for application in applications:
        token, application.status_token_hash = new_token()
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
            status_url=public_url("board.status", token=token),
        )
    db.session.flush()
    return len(applications)
