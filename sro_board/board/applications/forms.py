"""Forms applicants and guardians fill in: the application, the status page, the consent page."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TelField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, ValidationError

from ...core.forms import choices
from ..eligibility import STAFF_ROLES
from ..enums import SELF_ID_QUESTIONS, AgeRange, Category, GradeBand, SchoolBoard, SelfIdAnswer
from ..labels import (
    AGE_RANGES,
    GRADE_BANDS,
    HEARD_ABOUT,
    NO_CHILD_IN_SCHOOL,
    SELF_ID_ANSWERS,
    SELF_ID_WORDING,
    STUDENT_GRADES,
)
from .fields import (
    EMAIL_MESSAGE,
    PARENT,
    PHONE,
    STAFF,
    STUDENT,
    Applies,
    email_field,
    minor_student,
    optional_int,
    strip,
)
from .services import ApplicationInput
from .values import normalize_email


class ApplicationForm(FlaskForm):
    """One application; the category's own section is validated, the others are ignored."""

    intake = HiddenField()
    category = RadioField(
        "Which seat are you applying for?",
        choices=choices((c.value, c.label) for c in Category),
        validators=[InputRequired(message="Choose the seat you are applying for.")],
    )
    name = StringField(
        "Your full name",
        validators=[DataRequired(message="Enter your name."), Length(max=120)],
        filters=[strip],
    )
    email = email_field(
        "Your email address",
        required="Enter your email address.",
        description="We send your confirmation and updates here.",
    )
    phone = TelField(
        "Your phone number (optional)",
        validators=[Optional(), Length(max=40), PHONE],
        filters=[strip],
    )
    school_board = RadioField(
        "School board",
        choices=choices((b.value, b.label) for b in SchoolBoard),
        validators=[InputRequired(message="Choose a school board.")],
    )
    school = StringField(
        "School",
        validators=[DataRequired(message="Enter the name of the school."), Length(max=200)],
        description="Students: your school. Parents and guardians: your child's school. "
        "Staff: the school where you work.",
        filters=[strip],
    )
    # Students only.
    student_grade = SelectField(
        "Your grade",
        coerce=optional_int,
        choices=choices(
            [("", "Choose your grade")] + [(str(g), t) for g, t in STUDENT_GRADES.items()]
        ),
        validators=[Applies(STUDENT, "Choose your grade.")],
    )
    age_range = RadioField(
        "Your age",
        choices=choices((a.value, t) for a, t in AGE_RANGES.items()),
        validators=[Applies(STUDENT, "Choose your age.")],
    )
    guardian_name = StringField(
        "Your parent's or guardian's name",
        validators=[
            Applies(minor_student, "Enter your parent's or guardian's name.", required=True),
            Length(max=120),
        ],
        filters=[strip],
    )
    guardian_email = EmailField(
        "Your parent's or guardian's email address",
        validators=[
            Applies(minor_student, "Enter your parent's or guardian's email address."),
            Email(message=EMAIL_MESSAGE),
            Length(max=254),
        ],
        description="We email them a link to confirm that they agree.",
        filters=[strip],
    )
    consent_full_name = BooleanField(
        "If I am selected, the public roster may show my full name (otherwise it shows "
        "only my first name). If you are under 18, your parent or guardian must agree too."
    )
    # Parents and guardians only.
    child_grade_band = RadioField(
        "Your child's grade",
        choices=choices(
            [(b.value, t) for b, t in GRADE_BANDS.items()]
            + [(NO_CHILD_IN_SCHOOL, "My child is not in school now")]
        ),
        validators=[Applies(PARENT, "Choose your child's grade.")],
        description="If you have more than one child in school, choose any one.",
    )
    # School staff only.
    staff_role = RadioField(
        "Your role",
        choices=choices(STAFF_ROLES.items()),
        validators=[Applies(STAFF, "Choose your role.")],
    )
    motivation = TextAreaField(
        "Why do you want to join the advisory board?",
        validators=[DataRequired(message="Tell us why you want to join."), Length(max=3000)],
        description="A few sentences are enough. Up to 3,000 characters.",
    )
    perspectives = TextAreaField(
        "What perspectives and lived experience would you bring?",
        validators=[
            DataRequired(message="Tell us about the perspectives you would bring."),
            Length(max=3000),
        ],
        description="For example: your community, languages you speak, your or your family's "
        "experience of police in schools. Share only what you are comfortable sharing.",
    )
    availability = TextAreaField(
        "When are you available for meetings?",
        validators=[
            DataRequired(message="Tell us when you are available."),
            Length(max=1000),
        ],
        description="For example: weekday evenings, weekends, after school.",
    )
    accommodations = TextAreaField(
        "Do you need anything to take part fully? (optional)",
        validators=[Optional(), Length(max=2000)],
        description="For example: an interpreter, ASL, an accessible room, transport, "
        "childcare, large print. We will work with you.",
    )
    heard_about = SelectField(
        "How did you hear about the advisory board? (optional)",
        choices=choices([("", "Choose one (optional)")] + [(h, h) for h in HEARD_ABOUT]),
        validators=[Optional()],
    )
    racialized, indigenous, lgbtq, disability, newcomer = (
        RadioField(
            SELF_ID_WORDING[question][1],
            choices=choices((a.value, t) for a, t in SELF_ID_ANSWERS.items()),
            validators=[Optional()],
        )
        for question in SELF_ID_QUESTIONS
    )
    consent_roster = BooleanField(
        "If I am selected, my name may appear on the public list of board members."
    )
    consent_notice = BooleanField(
        "I have read the collection notice and agree to my information being collected "
        "and used as it describes.",
        validators=[DataRequired(message="Agree to the collection notice to apply.")],
    )
    # Honeypot: hidden from people; bots fill it in.
    website = StringField("Leave this field empty")

    def validate_guardian_email(self, field) -> None:
        """The guardian's address is someone else's."""
        if self.email.data and normalize_email(field.data) == normalize_email(self.email.data):
            raise ValidationError("Give your parent's or guardian's own email address.")

    def to_input(self) -> ApplicationInput:
        """The validated answers for the submit service."""
        category = Category(self.category.data)
        band = self.child_grade_band.data
        return ApplicationInput(
            category=category,
            name=self.name.data,
            email=self.email.data,
            phone=self.phone.data or "",
            school_board=SchoolBoard(self.school_board.data),
            school=self.school.data,
            student_grade=self.student_grade.data,
            # Another category's section is not validated, so it is not read either.
            age_range=AgeRange(self.age_range.data)
            if category is Category.STUDENT and self.age_range.data
            else None,
            guardian_name=self.guardian_name.data or "",
            guardian_email=self.guardian_email.data or "",
            consent_full_name=self.consent_full_name.data,
            child_grade_band=GradeBand(band)
            if category is Category.PARENT and band and band != NO_CHILD_IN_SCHOOL
            else None,
            staff_role=self.staff_role.data,
            motivation=self.motivation.data,
            perspectives=self.perspectives.data,
            availability=self.availability.data,
            accommodations=self.accommodations.data or "",
            heard_about=self.heard_about.data or "",
            consent_roster=self.consent_roster.data,
            consent_notice=self.consent_notice.data,
            self_id={
                q: SelfIdAnswer(getattr(self, q).data) if getattr(self, q).data else None
                for q in SELF_ID_QUESTIONS
            },
        )


class ContactDetailsForm(FlaskForm):
    """The applicant changes their email or phone."""

    email = email_field("Email address", required="Enter your email address.")
    phone = TelField("Phone number (optional)", validators=[Optional(), Length(max=40), PHONE])


class ConfirmEmailForm(FlaskForm):
    """The button that confirms a new contact email (CSRF-protected, no fields)."""


class WithdrawForm(FlaskForm):
    """The applicant withdraws, after ticking a confirmation."""

    confirm = BooleanField(
        "Yes, withdraw my application. I understand this cannot be undone.",
        validators=[DataRequired(message="Tick the box to confirm that you want to withdraw.")],
    )


class GuardianResendForm(FlaskForm):
    """A student asks for the guardian's link to be sent again, perhaps to a corrected address."""

    guardian_email = email_field(
        "Your parent's or guardian's email address",
        required="Enter your parent's or guardian's email address.",
    )


class GuardianConsentForm(FlaskForm):
    """The guardian agrees (or does not) to the student's application."""

    agree = BooleanField(
        "I am this student's parent or guardian, and I agree to them applying to the "
        "advisory board and to their information being used as the notice describes."
    )
    full_name = BooleanField(
        "If they are selected, the public list of board members may show their full name "
        "(otherwise it shows only their first name)."
    )
    confirm = SubmitField("Give consent")
    decline = SubmitField("I do not give consent")

    def validate_agree(self, field) -> None:
        """Consent needs the box ticked."""
        if self.confirm.data and not field.data:
            raise ValidationError("Tick the box to give your consent.")


class LostLinkForm(FlaskForm):
    """Ask for a new status link by email."""

    email = email_field("The email address you applied with", required="Enter your email address.")
