"""The assessment's forms: the draft (rating, commentary in English and French, date), the steps."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..core.filters import format_date
from ..core.forms import choices, plausible_year
from ..meetings.queries import carried_board_decisions
from .enums import RATING_LABELS
from .services import COMMENTARY_MAX, NOTE_MAX, Draft, Rating

MOTION_SHOWN = 90  # characters of a motion in the list of decisions


class AssessmentForm(FlaskForm):
    """A member's draft of the board's assessment."""

    rating = SelectField(
        _l("The board's rating"),
        choices=choices(
            [("", _l("Choose a rating"))] + [(r.value, name) for r, name in RATING_LABELS.items()]
        ),
        validators=[DataRequired(_l("Choose a rating."))],
    )
    commentary = TextAreaField(
        _l("Public commentary (English)"),
        validators=[
            DataRequired(_l("Write the board's commentary in English.")),
            Length(max=COMMENTARY_MAX),
        ],
        description=_l("Published beside the service's report once the board chair approves it."),
    )
    commentary_fr = TextAreaField(
        _l("Public commentary (French)"), validators=[Optional(), Length(max=COMMENTARY_MAX)]
    )
    assessed_on = DateField(
        _l("Date of the assessment"), validators=[DataRequired(_l("Enter a date.")), plausible_year]
    )
    version = HiddenField()

    def draft(self) -> Draft:
        """The form's values as a Draft for the services."""
        return Draft(
            Rating(self.rating.data),
            self.commentary.data or "",
            self.commentary_fr.data or "",
            self.assessed_on.data,
        )


class StepForm(FlaskForm):
    """Submit or approve: only the version the person saw."""

    version = HiddenField()


class ApproveForm(StepForm):
    """Approve, saying which motion carried at a board meeting agreed it (if it went to a vote)."""

    decision = SelectField(
        _l("Agreed by a vote of the board"),
        default="",  # a post without the field: no vote
        validate_choice=True,
        description=_l(
            "If the board voted on it at a meeting, choose the motion it carried. "
            "The public page will say so."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        motions = [(str(d.id), decision_label(d)) for d in carried_board_decisions()]
        self.decision.choices = choices([("", _l("No vote: the board chair approves"))] + motions)

    def decision_id(self) -> int | None:
        """The chosen decision's id, or None."""
        return int(self.decision.data) if (self.decision.data or "").isdigit() else None


def decision_label(decision) -> str:
    """A carried motion as the approver chooses it: the meeting's date, then the motion."""
    motion = decision.public("motion")
    motion = motion if len(motion) <= MOTION_SHOWN else motion[: MOTION_SHOWN - 1] + "…"
    return f"{format_date(decision.meeting.starts_at)}: {motion}"


class ReturnForm(FlaskForm):
    """Return a submitted assessment to its drafter, saying what should change."""

    note = TextAreaField(
        _l("What should change"),
        validators=[DataRequired(_l("Say what should change.")), Length(max=NOTE_MAX)],
        description=_l("Seen by the board only; never published."),
    )
    version = HiddenField()


def version_of(form) -> int | None:
    """The version the form was loaded at, or None when it did not say."""
    value = (form.version.data or "").strip()
    return int(value) if value.isdigit() else None
