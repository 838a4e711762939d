"""The assessment's steps: a member drafts and submits, the board chair approves or returns.

Independence: only the board acts here. Every step asks access.py who may take it (board roles
only, never a service role), so an administrator, working-group chair or member, or reviewer is
refused even if a view let them through; there is no step that hides or deletes an assessment.
Each step is audited; an approved assessment is never changed (a new view is a new assessment).
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from ..audit.services import record
from ..auth.models import User
from ..core.clock import now_utc, today_local
from ..core.extensions import db
from ..meetings.queries import carried_board_decision
from ..recommendations.models import Recommendation
from .access import approval_refusal, drafting_refusal
from .enums import EDITABLE, OPEN_STATES, TRANSITIONS, AssessmentState, Rating
from .errors import AssessmentError, ChangedMeanwhile
from .models import Assessment

COMMENTARY_MAX = 4000
NOTE_MAX = 2000


@dataclass(frozen=True)
class Draft:
    """What a member writes: the rating, the public commentary (English, French), the date."""

    rating: Rating
    commentary: str
    commentary_fr: str
    assessed_on: date


def _check(draft: Draft) -> Draft:
    commentary, commentary_fr = draft.commentary.strip(), draft.commentary_fr.strip()
    if not isinstance(draft.rating, Rating):
        raise AssessmentError(_("Choose a rating."))
    if not commentary:
        raise AssessmentError(_("Write the board's commentary in English."))
    if len(commentary) > COMMENTARY_MAX or len(commentary_fr) > COMMENTARY_MAX:
        raise AssessmentError(
            _("Keep each commentary under %(max)d characters.", max=COMMENTARY_MAX)
        )
    if draft.assessed_on > today_local():
        raise AssessmentError(_("The assessment date cannot be in the future."))
    if draft.assessed_on.year < 2000:
        raise AssessmentError(_("Enter the date the board assessed the recommendation."))
    return Draft(draft.rating, commentary, commentary_fr, draft.assessed_on)


def open_assessment(recommendation: Recommendation) -> Assessment | None:
    """The recommendation's assessment still being drafted or agreed, if any (at most one)."""
    return db.session.scalar(
        sa.select(Assessment).where(
            Assessment.recommendation_id == recommendation.id,
            Assessment.state.in_(OPEN_STATES),
        )
    )


def _move(actor: User, assessment: Assessment, to: AssessmentState, action: str, **after) -> None:
    before = assessment.state
    if to not in TRANSITIONS[before]:
        raise AssessmentError(
            _("This assessment is %(state)s; it cannot be changed that way.", state=before.label)
        )
    assessment.state = to
    record(
        actor,
        action,
        "assessment",
        assessment.id,
        f"Assessment of {assessment.recommendation.code}: {before.value} to {to.value}",
        before={"state": before.value},
        after={"state": to.value, **after},
    )


def _check_version(assessment: Assessment, version: int | None) -> None:
    if version is not None and version != assessment.version:
        raise ChangedMeanwhile(
            _("Someone changed this assessment meanwhile; nothing was saved. Check it again.")
        )


def start_draft(actor: User, recommendation: Recommendation, draft: Draft) -> Assessment:
    """A board member starts the board's assessment of a recommendation."""
    if refusal := drafting_refusal(actor):
        raise AssessmentError(refusal)
    if open_assessment(recommendation) is not None:
        raise AssessmentError(
            _("An assessment of %(code)s is already being prepared.", code=recommendation.code)
        )
    draft = _check(draft)
    assessment = Assessment(
        recommendation=recommendation,
        rating=draft.rating,
        commentary=draft.commentary,
        commentary_fr=draft.commentary_fr,
        assessed_on=draft.assessed_on,
        state=AssessmentState.DRAFT,
        drafted_by_id=actor.id,
    )
    db.session.add(assessment)
    db.session.flush()
    record(
        actor,
        "assessment.drafted",
        "assessment",
        assessment.id,
        f"Assessment of {recommendation.code} drafted",
        after={"rating": draft.rating.value, "assessed_on": draft.assessed_on.isoformat()},
    )
    return assessment


def _own_editable(actor: User, assessment: Assessment) -> None:
    if refusal := drafting_refusal(actor):
        raise AssessmentError(refusal)
    if assessment.drafted_by_id != actor.id:
        raise AssessmentError(_("Only the member who drafted this assessment can change it."))
    if assessment.state not in EDITABLE:
        raise AssessmentError(
            _(
                "This assessment is %(state)s; it can no longer be edited.",
                state=assessment.state.label,
            )
        )


def edit_draft(actor: User, assessment: Assessment, draft: Draft, version: int | None) -> None:
    """The drafting member changes their draft (or a returned one) before submitting it."""
    _own_editable(actor, assessment)
    _check_version(assessment, version)
    draft = _check(draft)
    before = {"rating": assessment.rating.value, "assessed_on": assessment.assessed_on.isoformat()}
    assessment.rating, assessment.assessed_on = draft.rating, draft.assessed_on
    assessment.commentary, assessment.commentary_fr = draft.commentary, draft.commentary_fr
    record(
        actor,
        "assessment.edited",
        "assessment",
        assessment.id,
        f"Assessment of {assessment.recommendation.code} edited",
        before=before,
        after={"rating": draft.rating.value, "assessed_on": draft.assessed_on.isoformat()},
    )
    db.session.flush()


def submit(actor: User, assessment: Assessment, version: int | None) -> None:
    """The drafting member sends the draft to the board chair."""
    _own_editable(actor, assessment)
    _check_version(assessment, version)
    assessment.submitted_at = now_utc()
    _move(actor, assessment, AssessmentState.SUBMITTED, "assessment.submitted")
    db.session.flush()


def approve(
    actor: User, assessment: Assessment, version: int | None, decision_id: int | None = None
) -> None:
    """The board chair approves a submitted assessment: it is published and becomes current.

    When the board agreed it by a vote, decision_id names the motion it carried at a meeting.
    """
    if refusal := approval_refusal(actor, assessment):
        raise AssessmentError(refusal)
    _check_version(assessment, version)
    if decision_id is not None and carried_board_decision(decision_id) is None:
        raise AssessmentError(
            _("Choose a motion the advisory board carried at one of its meetings.")
        )
    assessment.approved_by_id, assessment.approved_at = actor.id, now_utc()
    assessment.decision_id = decision_id
    _move(
        actor,
        assessment,
        AssessmentState.APPROVED,
        "assessment.approved",
        rating=assessment.rating.value,
        decision_id=decision_id,
    )
    db.session.flush()


def return_draft(actor: User, assessment: Assessment, note: str, version: int | None) -> None:
    """The board chair sends a submitted assessment back to its drafter, with a note."""
    if refusal := approval_refusal(actor, assessment):
        raise AssessmentError(refusal)
    _check_version(assessment, version)
    note = note.strip()
    if not note or len(note) > NOTE_MAX:
        raise AssessmentError(
            _("Say what should change, in at most %(max)d characters.", max=NOTE_MAX)
        )
    assessment.return_note = note
    _move(actor, assessment, AssessmentState.RETURNED, "assessment.returned")
    db.session.flush()
