"""The words the administration pages show for kinds of record, kinds of email and states."""

from flask_babel import lazy_gettext as _l

from ..mail.models import EmailState

# The audit log's kinds of record (AuditEntry.entity_type); an unknown kind shows as stored.
ENTITY_LABELS = {
    "application": _l("application"),
    "board_member": _l("board member"),
    "contact_message": _l("contact message"),
    "email": _l("email"),
    "intake": _l("intake"),
    "recommendation": _l("recommendation"),
    "status_definition": _l("status definition"),
    "update": _l("update"),
    "user": _l("user"),
}

# The outbox's kinds of email (one per template in templates/email/).
TEMPLATE_LABELS = {
    "account_changed": _l("account changed"),
    "awaiting_guardian": _l("awaiting guardian"),
    "confirm_email": _l("confirm email"),
    "contact_updated": _l("contact updated"),
    "decision": _l("decision"),
    "eligible": _l("eligible"),
    "email_change_requested": _l("email change requested"),
    "expired": _l("expired"),
    "guardian_confirmed": _l("guardian confirmed"),
    "guardian_request": _l("guardian request"),
    "in_review": _l("in review"),
    "ineligible": _l("ineligible"),
    "interview": _l("interview"),
    "invitation": _l("invitation"),
    "offer": _l("offer"),
    "password_reset": _l("password reset"),
    "received": _l("received"),
    "shortlisted": _l("shortlisted"),
    "status_link": _l("status link"),
    "status_link_unknown": _l("status link unknown"),
    "withdrawn": _l("withdrawn"),
}

EMAIL_STATE_LABELS = {
    EmailState.QUEUED: _l("Queued"),
    EmailState.SENDING: _l("Sending"),
    EmailState.SENT: _l("Sent"),
    EmailState.DEAD: _l("Dead"),
}

# Inside a sentence.
STATE_WORDS = {
    EmailState.QUEUED: _l("queued"),
    EmailState.SENDING: _l("sending"),
    EmailState.SENT: _l("sent"),
    EmailState.DEAD: _l("dead"),
}


def entity_label(kind: str) -> str:
    """A kind of record in words."""
    return str(ENTITY_LABELS.get(kind, kind.replace("_", " ")))


def template_label(template: str) -> str:
    """A kind of email in words."""
    return str(TEMPLATE_LABELS.get(template, template.replace("_", " ")))
