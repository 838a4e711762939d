"""The board's assessment: its ratings, its states and the moves between them (the one place)."""

import enum

from flask_babel import lazy_gettext as _l


class Rating(enum.StrEnum):
    """The board's judgement of the service's progress on one recommendation."""

    SATISFIED = "satisfied"
    PARTLY_SATISFIED = "partly_satisfied"
    NOT_SATISFIED = "not_satisfied"
    TOO_EARLY = "too_early"

    @property
    def label(self) -> str:
        """The rating in words, in the page's language."""
        return str(RATING_LABELS[self])


RATING_LABELS = {
    Rating.SATISFIED: _l("Satisfied"),
    Rating.PARTLY_SATISFIED: _l("Partly satisfied"),
    Rating.NOT_SATISFIED: _l("Not satisfied"),
    Rating.TOO_EARLY: _l("Too early to say"),
}

# Ratings that disagree with a service that says the work is done (implemented or ongoing).
DOUBTING_RATINGS = frozenset({Rating.NOT_SATISFIED, Rating.PARTLY_SATISFIED})
DONE_STATUSES = frozenset({"implemented", "ongoing"})


class AssessmentState(enum.StrEnum):
    """Where an assessment stands: drafted by a member, approved (published) by the board chair."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        """The state in words, in the page's language."""
        return str(STATE_LABELS[self])


STATE_LABELS = {
    AssessmentState.DRAFT: _l("Draft"),
    AssessmentState.SUBMITTED: _l("Waiting for the board chair"),
    AssessmentState.RETURNED: _l("Returned for changes"),
    AssessmentState.APPROVED: _l("Approved and published"),
}

# The allowed moves. An approved assessment never changes: a later view is a new assessment.
TRANSITIONS: dict[AssessmentState, frozenset[AssessmentState]] = {
    AssessmentState.DRAFT: frozenset({AssessmentState.SUBMITTED}),
    AssessmentState.RETURNED: frozenset({AssessmentState.SUBMITTED}),
    AssessmentState.SUBMITTED: frozenset({AssessmentState.APPROVED, AssessmentState.RETURNED}),
    AssessmentState.APPROVED: frozenset(),
}
# States in which the drafting member may still edit the text.
EDITABLE = frozenset({AssessmentState.DRAFT, AssessmentState.RETURNED})
OPEN_STATES = frozenset(state for state, onward in TRANSITIONS.items() if onward)


def disagrees(service_status: str, rating: Rating | None) -> bool:
    """True when the service says the work is done and the board is not (fully) satisfied."""
    return rating in DOUBTING_RATINGS and str(service_status) in DONE_STATUSES
