"""Meetings' vocabularies and the one place that says which state may follow which."""

import enum

from flask_babel import lazy_gettext as _l


class Body(enum.StrEnum):
    """Who meets: the external advisory board or the service's working group."""

    ADVISORY_BOARD = "advisory_board"
    WORKING_GROUP = "working_group"

    @property
    def label(self) -> str:
        """The body's name in the page's language."""
        return str(BODY_LABELS[self])


BODY_LABELS = {Body.ADVISORY_BOARD: _l("Advisory board"), Body.WORKING_GROUP: _l("Working group")}
BODY_SLUGS = {"advisory-board": Body.ADVISORY_BOARD, "working-group": Body.WORKING_GROUP}
SLUG_OF = {body: slug for slug, body in BODY_SLUGS.items()}


class MeetingState(enum.StrEnum):
    """Where a meeting stands, from its draft agenda to its published minutes."""

    DRAFT = "draft"
    AGENDA_PUBLISHED = "agenda_published"
    HELD = "held"
    MINUTES_DRAFTED = "minutes_drafted"
    MINUTES_APPROVED = "minutes_approved"
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        """The state's name in the page's language."""
        return str(STATE_LABELS[self])


STATE_LABELS = {
    MeetingState.DRAFT: _l("Draft"),
    MeetingState.AGENDA_PUBLISHED: _l("Agenda published"),
    MeetingState.HELD: _l("Held"),
    MeetingState.MINUTES_DRAFTED: _l("Minutes drafted"),
    MeetingState.MINUTES_APPROVED: _l("Minutes approved"),
    MeetingState.PUBLISHED: _l("Minutes published"),
}

TRANSITIONS: dict[MeetingState, frozenset[MeetingState]] = {
    MeetingState.DRAFT: frozenset({MeetingState.AGENDA_PUBLISHED}),
    MeetingState.AGENDA_PUBLISHED: frozenset({MeetingState.HELD}),
    MeetingState.HELD: frozenset({MeetingState.MINUTES_DRAFTED}),
    MeetingState.MINUTES_DRAFTED: frozenset({MeetingState.MINUTES_APPROVED}),
    MeetingState.MINUTES_APPROVED: frozenset({MeetingState.PUBLISHED}),
    MeetingState.PUBLISHED: frozenset(),
}

# The agenda may change until the meeting is held; the minutes while they are drafted.
AGENDA_OPEN = frozenset({MeetingState.DRAFT, MeetingState.AGENDA_PUBLISHED})
MINUTES_OPEN = frozenset({MeetingState.HELD, MeetingState.MINUTES_DRAFTED})
# States in which the public sees a meeting at all (never a draft).
PUBLIC_STATES = frozenset(MeetingState) - {MeetingState.DRAFT}
# A meeting whose minutes may approve another's: it has taken place.
TOOK_PLACE = frozenset(MeetingState) - AGENDA_OPEN


def move_allowed(old: MeetingState, new: MeetingState) -> bool:
    """True if a meeting in state old may move to new."""
    return new in TRANSITIONS[old]


class Presence(enum.StrEnum):
    """Whether someone attended."""

    PRESENT = "present"
    REGRETS = "regrets"
    ABSENT = "absent"

    @property
    def label(self) -> str:
        """The word in the page's language."""
        return str(PRESENCE_LABELS[self])


PRESENCE_LABELS = {
    Presence.PRESENT: _l("Present"),
    Presence.REGRETS: _l("Regrets"),
    Presence.ABSENT: _l("Absent"),
}


class Outcome(enum.StrEnum):
    """What became of a motion."""

    CARRIED = "carried"
    DEFEATED = "defeated"
    DEFERRED = "deferred"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """The word in the page's language."""
        return str(OUTCOME_LABELS[self])


OUTCOME_LABELS = {
    Outcome.CARRIED: _l("Carried"),
    Outcome.DEFEATED: _l("Defeated"),
    Outcome.DEFERRED: _l("Deferred"),
    Outcome.WITHDRAWN: _l("Withdrawn"),
}


class ActionStatus(enum.StrEnum):
    """Where an action item stands."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """The word in the page's language."""
        return str(ACTION_LABELS[self])


ACTION_LABELS = {
    ActionStatus.OPEN: _l("To do"),
    ActionStatus.DONE: _l("Done"),
    ActionStatus.DROPPED: _l("Dropped"),
}
