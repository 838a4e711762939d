"""Selection forms: a stage move with its reason, the search of applications by name."""

from flask_wtf import FlaskForm
from wtforms import DateField, DateTimeLocalField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ...core.forms import choices, plausible_year
from ..checks import GuardianCheckMethod
from ..labels import stage_label
from ..privacy.models import CATEGORIES, SensitiveAction
from ..stages import Stage
from .guardian_checks import NOTE_MAX
from .services import INTERVIEW_FORMATS

# What the admin reads after moving an application: a written sentence per stage.
MOVED: dict[Stage, str] = {
    Stage.AWAITING_GUARDIAN: (
        "Application {reference} is waiting for a parent's or guardian's consent; "
        "we emailed them the link."
    ),
    Stage.ELIGIBLE: "Application {reference} is now eligible.",
    Stage.INELIGIBLE: "Application {reference} is now marked not eligible, with your reason.",
    Stage.IN_REVIEW: "Application {reference} is now in review.",
    Stage.SHORTLISTED: "Application {reference} is now on the shortlist.",
    Stage.INTERVIEW: "Application {reference} is invited to an interview.",
    Stage.OFFERED: "Application {reference} has been offered a seat.",
    Stage.ACCEPTED: "Application {reference} accepted a seat and is now a board member.",
    Stage.DECLINED: "Application {reference} declined the offer of a seat.",
    Stage.WAITLISTED: "Application {reference} is now on the waiting list.",
    Stage.NOT_SELECTED: "Application {reference} is now marked not selected.",
    Stage.WITHDRAWN: "Application {reference} is now withdrawn.",
    Stage.EXPIRED: "Application {reference} has expired.",
}


def moved_message(reference: str, stage: Stage) -> str:
    """The sentence for a move just made, and that the applicant was emailed."""
    return f"{MOVED[stage].format(reference=reference)} We emailed the applicant."


class MoveForm(FlaskForm):
    """Move an application to another stage, with a reason (and the interview's details)."""

    stage = SelectField("New stage", choices=[], validators=[DataRequired()])
    reason = TextAreaField(
        "Reason",
        validators=[DataRequired(message="Give a reason for the move."), Length(max=2000)],
        description="Kept in the application's history. Do not add personal details. "
        "For a move to ineligible, the applicant reads it as the reason.",
    )
    category = SelectField(
        "Why the eligibility rules are overridden",
        choices=choices(
            [("", "Choose why")]
            + [(c.value, c.label) for c in CATEGORIES[SensitiveAction.OVERRIDE]]
        ),
        validators=[Optional()],
        description="Only when an ineligible application goes on. The audit log keeps this "
        "category; the reason above stays in the application's history.",
    )
    interview_at = DateTimeLocalField(
        "Interview date and time",
        validators=[Optional(), plausible_year],
        description="For an interview only.",
    )
    interview_format = SelectField(
        "Interview format",
        choices=choices([("", "Choose a format"), *((f, f) for f in INTERVIEW_FORMATS)]),
        validators=[Optional()],
    )

    def set_stages(self, stages: list[Stage]) -> "MoveForm":
        """Offer the stages the application may move to."""
        self.stage.choices = choices(
            [("", "Choose a stage")] + [(s.value, stage_label(s)) for s in stages]
        )
        return self

    def validate(self, extra_validators=None) -> bool:
        """An interview needs its date and time and its format (checked after the fields)."""
        valid = super().validate(extra_validators)
        if self.stage.data == Stage.INTERVIEW.value:
            if not self.interview_at.data and not self.interview_at.errors:
                self.interview_at.errors = [
                    *self.interview_at.errors,
                    "Enter the interview's date and time.",
                ]
                valid = False
            if not self.interview_format.data:
                self.interview_format.errors = [
                    *self.interview_format.errors,
                    "Choose the interview's format.",
                ]
                valid = False
        return valid


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class NameSearchForm(FlaskForm):
    """Find applications by the applicant's name (posted, so that it stays out of URLs)."""

    name = StringField(
        "Name contains",
        validators=[
            DataRequired(message="Enter all or part of a name."),
            Length(max=120, message="Enter at most 120 characters."),
        ],
        filters=[_strip],
        description="Every word must appear in the name, in any order.",
    )


class GuardianCheckForm(FlaskForm):
    """How staff confirmed a minor's parent or guardian, before an offer."""

    method = SelectField(
        "How the guardian was confirmed",
        choices=choices([("", "Choose how")] + [(m.value, m.label) for m in GuardianCheckMethod]),
        validators=[DataRequired(message="Choose how the guardian was confirmed.")],
    )
    confirmed_on = DateField(
        "Date of the confirmation",
        validators=[DataRequired(message="Enter the date of the confirmation."), plausible_year],
    )
    note = TextAreaField(
        "Note (optional)",
        validators=[Optional(), Length(max=NOTE_MAX)],
        filters=[_strip],
        description="For example: “Called the number on the school's records.” No names, "
        "phone numbers or addresses.",
    )
