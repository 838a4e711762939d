"""Forms of the board's staff pages: intakes, reviewers, rubric, stage moves, reviews."""

from datetime import UTC, datetime

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from ..core.clock import as_local, local_zone
from ..core.forms import choices, plausible_year
from .enums import Category
from .intake_services import IntakeValues
from .labels import stage_label
from .models import Intake, RubricCriterion
from .staff_moves import INTERVIEW_FORMATS
from .stages import Stage


def to_utc(value: datetime) -> datetime:
    """A local date-time typed into a form, as an aware UTC datetime."""
    return value.replace(tzinfo=local_zone()).astimezone(UTC)


def to_form_local(value: datetime) -> datetime:
    """A stored datetime as the naive local value a datetime-local input shows."""
    return as_local(value).replace(tzinfo=None)


def _seats_field(category: Category) -> IntegerField:
    return IntegerField(
        f"Seats for {category.label.lower()}s",
        validators=[InputRequired(message="Enter a number of seats."), NumberRange(0, 50)],
    )


class IntakeForm(FlaskForm):
    """Create or edit an intake: window, seats, term and collection notice."""

    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    opens_at = DateTimeLocalField(
        "Opens (date and time)",
        validators=[
            InputRequired(message="Enter the date and time the intake opens."),
            plausible_year,
        ],
    )
    closes_at = DateTimeLocalField(
        "Closes (date and time)",
        validators=[
            InputRequired(message="Enter the date and time the intake closes."),
            plausible_year,
        ],
    )
    seats_parent = _seats_field(Category.PARENT)
    seats_student = _seats_field(Category.STUDENT)
    seats_staff = _seats_field(Category.STAFF)
    term_months = IntegerField(
        "Term length (months)",
        validators=[InputRequired(message="Enter the term length."), NumberRange(1, 60)],
    )
    notice_purpose = TextAreaField(
        "Why the information is collected (purpose)",
        validators=[DataRequired(), Length(max=3000)],
    )
    notice_authority = TextAreaField(
        "Legal authority for the collection",
        validators=[DataRequired(), Length(max=1000)],
        description="For example, the section of the Protection of Privacy Act that applies.",
    )
    notice_contact_title = StringField(
        "Contact for questions: position title",
        validators=[DataRequired(), Length(max=200)],
        description="A position, not a person's name.",
    )
    notice_contact_email = EmailField(
        "Contact email",
        validators=[DataRequired(), Email(message="Enter a valid email address."), Length(max=254)],
    )
    notice_contact_phone = StringField("Contact phone", validators=[DataRequired(), Length(max=40)])

    def validate_closes_at(self, field) -> None:
        """The window closes after it opens."""
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError("The closing date and time must be after the opening.")

    def values(self) -> IntakeValues:
        """The entries as service values (times converted from local to UTC)."""
        return IntakeValues(
            title=self.title.data,
            opens_at=to_utc(self.opens_at.data),
            closes_at=to_utc(self.closes_at.data),
            term_months=self.term_months.data,
            seats={c: getattr(self, f"seats_{c.value}").data for c in Category},
            notice_purpose=self.notice_purpose.data,
            notice_authority=self.notice_authority.data,
            notice_contact_title=self.notice_contact_title.data,
            notice_contact_email=self.notice_contact_email.data,
            notice_contact_phone=self.notice_contact_phone.data,
        )

    @classmethod
    def for_intake(cls, intake: Intake) -> "IntakeForm":
        """A form filled with an intake's current values."""
        form = cls(obj=intake)
        form.opens_at.data = to_form_local(intake.opens_at)
        form.closes_at.data = to_form_local(intake.closes_at)
        for seat in intake.seats:
            getattr(form, f"seats_{seat.category.value}").data = seat.seats
        return form


class AssignReviewerForm(FlaskForm):
    """Pick a reviewer to add to the intake (choices filled by the view)."""

    reviewer = SelectField("Reviewer", choices=[], validators=[DataRequired()])


class CriterionForm(FlaskForm):
    """A rubric criterion and its weight."""

    name = StringField("Criterion", validators=[DataRequired(), Length(max=120)])
    description = TextAreaField(
        "What reviewers look for", validators=[Length(max=1000)], description="Optional."
    )
    weight = IntegerField(
        "Weight (1 to 10)",
        validators=[InputRequired(message="Enter a weight."), NumberRange(1, 10)],
        description="A criterion of weight 2 counts twice as much as one of weight 1.",
    )

    @classmethod
    def for_criterion(cls, criterion: RubricCriterion) -> "CriterionForm":
        """A form filled with a criterion's values."""
        return cls(obj=criterion)


class ConfirmForm(FlaskForm):
    """A button that changes something (CSRF-protected, no fields)."""


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


class DeleteRequestForm(FlaskForm):
    """Delete an applicant's personal data at their request."""

    reason = TextAreaField(
        "Request details",
        validators=[DataRequired(message="Record the request."), Length(max=1000)],
        description="For example: “Request received by email on 3 March 2027.” "
        "Do not add the person's name or contact details.",
    )
    confirm = BooleanField(
        "I understand this cannot be undone",
        validators=[DataRequired(message="Confirm that the data is to be deleted.")],
    )
