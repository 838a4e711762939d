"""Who made a change when no logged-in staff member did: a typed name stored with the entry."""

import enum
from typing import Protocol

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l


class SystemActor(enum.StrEnum):
    """The non-staff actors that change things, each named in plain words."""

    COMMAND_LINE = "command_line"
    APPLICATION_FORM = "application_form"
    STATUS_LINK = "status_link"
    NEW_STATUS_LINK_FORM = "new_status_link_form"
    CONSENT_LINK = "consent_link"
    ELIGIBILITY_RULES = "eligibility_rules"

    @property
    def label(self) -> str:
        """The words the audit log and the application history show, in the page's language."""
        return str(LABELS[self])

    @property
    def stored_label(self) -> str:
        """The English words stored with an entry (the record does not change with the reader)."""
        with force_locale("en"):
            return str(LABELS[self])


LABELS = {
    SystemActor.COMMAND_LINE: _l("system (command line)"),
    SystemActor.APPLICATION_FORM: _l("applicant (application form)"),
    SystemActor.STATUS_LINK: _l("applicant (status link)"),
    SystemActor.NEW_STATUS_LINK_FORM: _l("anyone (new status link form)"),
    SystemActor.CONSENT_LINK: _l("guardian (consent link)"),
    SystemActor.ELIGIBILITY_RULES: _l("eligibility rules"),
}


class StaffActor(Protocol):
    """A staff member (auth's User; the audit log sits below auth and does not import it)."""

    id: int
    email: str


# A staff member, a named non-staff actor, or None: a command-line command.
Actor = StaffActor | SystemActor | None


def split_actor(actor: Actor) -> tuple[StaffActor | None, SystemActor | None]:
    """(the staff member, None) or (None, the system actor); None stands for the command line."""
    if actor is None:
        return None, SystemActor.COMMAND_LINE
    if isinstance(actor, SystemActor):
        return None, actor
    return actor, None
