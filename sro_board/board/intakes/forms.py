"""Forms of the board's staff pages: intakes, reviewers, rubric, stage moves, reviews."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
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
    Optional,
    ValidationError,
)

from ...core.forms import plausible_year
from ..enums import Category
from ..forms import to_form_local, to_utc
from ..models import Intake
from ..review_models import RubricCriterion
from .services import IntakeValues

SEATS_LABELS = {
    Category.PARENT: _l("Seats for parents or guardians"),
    Category.STUDENT: _l("Seats for students"),
    Category.STAFF: _l("Seats for school staff"),
}


def _seats_field(category: Category) -> IntegerField:
    return IntegerField(
        SEATS_LABELS[category],
        validators=[InputRequired(message=_l("Enter a number of seats.")), NumberRange(0, 50)],
    )


def _french(label, max_length: int, area: bool = False):
    """The optional French beside an English text field (empty: not yet translated)."""
    field = TextAreaField if area else StringField
    return field(label, validators=[Optional(), Length(max=max_length)])


class IntakeForm(FlaskForm):
    """Create or edit an intake: window, seats, term and collection notice."""

    title = StringField(_l("Title (English)"), validators=[DataRequired(), Length(max=200)])
    title_fr = _french(_l("Title (French)"), 200)
    opens_at = DateTimeLocalField(
        _l("Opens (date and time)"),
        validators=[
            InputRequired(message=_l("Enter the date and time the intake opens.")),
            plausible_year,
        ],
    )
    closes_at = DateTimeLocalField(
        _l("Closes (date and time)"),
        validators=[
            InputRequired(message=_l("Enter the date and time the intake closes.")),
            plausible_year,
        ],
    )
    seats_parent = _seats_field(Category.PARENT)
    seats_student = _seats_field(Category.STUDENT)
    seats_staff = _seats_field(Category.STAFF)
    term_months = IntegerField(
        _l("Term length (months)"),
        validators=[InputRequired(message=_l("Enter the term length.")), NumberRange(1, 60)],
    )
    notice_purpose = TextAreaField(
        _l("Why the information is collected (purpose, English)"),
        validators=[DataRequired(), Length(max=3000)],
    )
    notice_purpose_fr = _french(
        _l("Why the information is collected (purpose, French)"), 3000, True
    )
    notice_authority = TextAreaField(
        _l("Legal authority for the collection (English)"),
        validators=[DataRequired(), Length(max=1000)],
        description=_l("For example, the section of the Protection of Privacy Act that applies."),
    )
    notice_authority_fr = _french(
        _l("Legal authority for the collection (French)"), 1000, area=True
    )
    notice_contact_title = StringField(
        _l("Contact for questions: position title (English)"),
        validators=[DataRequired(), Length(max=200)],
        description=_l("A position, not a person's name."),
    )
    notice_contact_title_fr = _french(_l("Contact for questions: position title (French)"), 200)
    notice_contact_email = EmailField(
        _l("Contact email"),
        validators=[
            DataRequired(),
            Email(message=_l("Enter a valid email address.")),
            Length(max=254),
        ],
    )
    notice_contact_phone = StringField(
        _l("Contact phone"), validators=[DataRequired(), Length(max=40)]
    )

    def validate_closes_at(self, field) -> None:
        """The window closes after it opens."""
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError(_("The closing date and time must be after the opening."))

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
            title_fr=self.title_fr.data or "",
            notice_purpose_fr=self.notice_purpose_fr.data or "",
            notice_authority_fr=self.notice_authority_fr.data or "",
            notice_contact_title_fr=self.notice_contact_title_fr.data or "",
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

    reviewer = SelectField(_l("Reviewer"), choices=[], validators=[DataRequired()])


class CriterionForm(FlaskForm):
    """A rubric criterion and its weight."""

    name = StringField(_l("Criterion"), validators=[DataRequired(), Length(max=120)])
    description = TextAreaField(
        _l("What reviewers look for"), validators=[Length(max=1000)], description=_l("Optional.")
    )
    weight = IntegerField(
        _l("Weight (1 to 10)"),
        validators=[InputRequired(message=_l("Enter a weight.")), NumberRange(1, 10)],
        description=_l("A criterion of weight 2 counts twice as much as one of weight 1."),
    )

    @classmethod
    def for_criterion(cls, criterion: RubricCriterion) -> "CriterionForm":
        """A form filled with a criterion's values."""
        return cls(obj=criterion)
