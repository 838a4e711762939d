"""Forms of the board's staff pages: intakes, reviewers, rubric, stage moves, reviews."""

from flask_wtf import FlaskForm
from wtforms import (
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
    ValidationError,
)

from ...core.forms import plausible_year
from ..enums import Category
from ..forms import to_form_local, to_utc
from ..models import Intake, RubricCriterion
from .services import IntakeValues


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
