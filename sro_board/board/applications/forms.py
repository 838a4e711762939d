"""Forms applicants and guardians fill in: the application, the status page, the consent page."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, ValidationError

from ...core.forms import choices
from ...core.i18n import current_language
from ..eligibility import STAFF_ROLES
from ..emails import LANGUAGE_NAMES
from ..enums import (
    CATEGORY_LABELS,
    SCHOOL_BOARD_LABELS,
    SELF_ID_QUESTIONS,
    AgeRange,
    Category,
    GradeBand,
    SchoolBoard,
    SelfIdAnswer,
)
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
from .services import GUARDIAN_OWN_EMAIL, ApplicationInput
from .values import normalize_email


class ApplicationForm(FlaskForm):
    """One application; the category's own section is validated, the others are ignored."""

    intake = HiddenField()
    category = RadioField(
        _l("Which seat are you applying for?"),
        choices=choices(CATEGORY_LABELS.items()),
        validators=[InputRequired(message=_l("Choose the seat you are applying for."))],
    )
    name = StringField(
        _l("Your full name"),
        validators=[DataRequired(message=_l("Enter your name.")), Length(max=120)],
        filters=[strip],
    )
    email = email_field(
        _l("Your email address"),
        required=_l("Enter your email address."),
        description=_l("We send your confirmation and updates here."),
    )
    phone = TelField(
        _l("Your phone number (optional)"),
        validators=[Optional(), Length(max=40), PHONE],
        filters=[strip],
    )
    school_board = RadioField(
        _l("School board"),
        choices=choices(SCHOOL_BOARD_LABELS.items()),
        validators=[InputRequired(message=_l("Choose a school board."))],
    )
    school = StringField(
        _l("School"),
        validators=[DataRequired(message=_l("Enter the name of the school.")), Length(max=200)],
        description=_l(
            "Students: your school. Parents and guardians: your child's school. "
            "Staff: the school where you work."
        ),
        filters=[strip],
    )
    # Students only.
    student_grade = SelectField(
        _l("Your grade"),
        coerce=optional_int,
        choices=choices(
            [("", _l("Choose your grade"))] + [(str(g), t) for g, t in STUDENT_GRADES.items()]
        ),
        validators=[Applies(STUDENT, _l("Choose your grade."))],
    )
    age_range = RadioField(
        _l("Your age"),
        choices=choices((a.value, t) for a, t in AGE_RANGES.items()),
        validators=[Applies(STUDENT, _l("Choose your age."))],
    )
    guardian_name = StringField(
        _l("Your parent's or guardian's name"),
        validators=[
            Applies(minor_student, _l("Enter your parent's or guardian's name."), required=True),
            Length(max=120),
        ],
        filters=[strip],
    )
    guardian_email = EmailField(
        _l("Your parent's or guardian's email address"),
        validators=[
            Applies(minor_student, _l("Enter your parent's or guardian's email address.")),
            Email(message=EMAIL_MESSAGE),
            Length(max=254),
        ],
        description=_l("We email them a link to confirm that they agree."),
        filters=[strip],
    )
    guardian_language = RadioField(
        _l("The language of our emails to your parent or guardian"),
        choices=choices(LANGUAGE_NAMES.items()),
        default=current_language,  # the applicant's own (the page's), unless they choose
        validators=[Optional()],
        description=_l("Each email also has a link to the other language."),
    )
    consent_full_name = BooleanField(
        _l(
            "If I am selected, the public roster may show my full name (otherwise it shows "
            "only my first name). If you are under 18, your parent or guardian must agree too."
        )
    )
    # Parents and guardians only.
    child_grade_band = RadioField(
        _l("Your child's grade"),
        choices=choices(
            [(b.value, t) for b, t in GRADE_BANDS.items()]
            + [(NO_CHILD_IN_SCHOOL, _l("My child is not in school now"))]
        ),
        validators=[Applies(PARENT, _l("Choose your child's grade."))],
        description=_l("If you have more than one child in school, choose any one."),
    )
    # School staff only.
    staff_role = RadioField(
        _l("Your role"),
        choices=choices(STAFF_ROLES.items()),
        validators=[Applies(STAFF, _l("Choose your role."))],
    )
    motivation = TextAreaField(
        _l("Why do you want to join the advisory board?"),
        validators=[DataRequired(message=_l("Tell us why you want to join.")), Length(max=3000)],
        description=_l("A few sentences are enough. Up to 3,000 characters."),
    )
    perspectives = TextAreaField(
        _l("What perspectives and lived experience would you bring?"),
        validators=[
            DataRequired(message=_l("Tell us about the perspectives you would bring.")),
            Length(max=3000),
        ],
        description=_l(
            "For example: your community, languages you speak, your or your family's "
            "experience of police in schools. Share only what you are comfortable sharing."
        ),
    )
    availability = TextAreaField(
        _l("When are you available for meetings?"),
        validators=[
            DataRequired(message=_l("Tell us when you are available.")),
            Length(max=1000),
        ],
        description=_l("For example: weekday evenings, weekends, after school."),
    )
    accommodations = TextAreaField(
        _l("Do you need anything to take part fully? (optional)"),
        validators=[Optional(), Length(max=2000)],
        description=_l(
            "For example: an interpreter, ASL, an accessible room, transport, "
            "childcare, large print. We will work with you."
        ),
    )
    heard_about = SelectField(
        _l("How did you hear about the advisory board? (optional)"),
        choices=choices([("", _l("Choose one (optional)"))] + [(h, _l(h)) for h in HEARD_ABOUT]),
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
        _l("If I am selected, my name may appear on the public list of board members.")
    )
    consent_notice = BooleanField(
        _l(
            "I have read the collection notice and agree to my information being collected "
            "and used as it describes."
        ),
        validators=[DataRequired(message=_l("Agree to the collection notice to apply."))],
    )
    # Honeypot: hidden from people; bots fill it in.
    website = StringField(_l("Leave this field empty"))

    def validate_guardian_email(self, field) -> None:
        """The guardian's address is someone else's."""
        if self.email.data and normalize_email(field.data) == normalize_email(self.email.data):
            raise ValidationError(str(GUARDIAN_OWN_EMAIL))

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
            guardian_language=self.guardian_language.data or None,
            language=current_language(),
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
