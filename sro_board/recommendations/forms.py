"""Forms of the tracker: edit a recommendation, decide an update, filter lists."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.validators import (
    URL,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    StopValidation,
    ValidationError,
)

from ..auth.forms import MultiCheckboxField
from ..core.forms import choices
from .enums import Feasibility, ImplementationStatus, SourceReport, Theme
from .labels import label

BLANK_ROWS = 2


def theme_choices() -> list[tuple[str, str]]:
    """Themes as (value, label)."""
    return choices((t.value, t.label) for t in Theme)


def report_choices() -> list[tuple[str, str]]:
    """Source reports as (value, label)."""
    return choices((r.value, r.label) for r in SourceReport)


def feasibility_choices() -> list[tuple[str, str]]:
    """Feasibility values as (value, published name)."""
    return choices((f.value, label("feasibility", f)) for f in Feasibility)


def status_choices() -> list[tuple[str, str]]:
    """Implementation statuses as (value, published name)."""
    return choices((s.value, label("implementation", s)) for s in ImplementationStatus)


class RequiredWith:
    """Required when another field of the same row is filled in; otherwise optional.

    Replaces Optional(), which would also skip the check of an empty field.
    """

    def __init__(self, other: str, message: str):
        self.other = other
        self.message = message

    def __call__(self, form, field) -> None:
        if field.raw_data and field.raw_data[0].strip():
            return
        field.errors[:] = []
        other = form[self.other].data
        raise StopValidation(self.message if other and str(other).strip() else None)


class MilestoneRow(Form):
    """One milestone line; a blank line is ignored."""

    title = StringField("Milestone", validators=[Optional(), Length(max=200)])
    due_date = DateField(
        "Due date", validators=[RequiredWith("title", "Give the milestone a due date.")]
    )
    done = BooleanField("Done")
    remove = BooleanField("Remove")


class EvidenceRow(Form):
    """One evidence link; a blank line is ignored."""

    title = StringField(
        "Evidence title",
        validators=[RequiredWith("url", "Give the evidence a title."), Length(max=200)],
    )
    url = URLField(
        "Link",
        validators=[
            RequiredWith("title", "Give the evidence a link."),
            Length(max=500),
            URL(message="Enter a full web address (https://…)."),
        ],
    )
    remove = BooleanField("Remove")

    def validate_url(self, field) -> None:
        """Only web addresses are accepted."""
        if not field.data.lower().startswith(("https://", "http://")):
            raise ValidationError("Links must start with https:// or http://.")


class RecommendationFields(FlaskForm):
    """The descriptive fields, shared by the create and edit forms."""

    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description", validators=[DataRequired(), Length(max=5000)])
    theme = SelectField("Theme", choices=theme_choices, validators=[DataRequired()])
    reports = MultiCheckboxField("Source reports", choices=report_choices)
    lead_unit = StringField("Responsible lead (unit)", validators=[DataRequired(), Length(max=120)])
    lead_user = SelectField("Lead staff member (staff only)", choices=[], validate_choice=True)
    target_date = DateField("Target date", validators=[InputRequired(message="Enter a date.")])

    def validate_reports(self, field) -> None:
        """Every recommendation comes from at least one report."""
        if not field.data:
            raise ValidationError("Choose at least one source report.")


class NewRecommendationForm(RecommendationFields):
    """Add a recommendation to the tracker."""

    code = StringField(
        "Code",
        validators=[
            DataRequired(),
            Regexp(r"^R-\d{2,3}$", message="Use the form R-01."),
        ],
    )


class EditRecommendationForm(RecommendationFields):
    """Everything an update can change, plus its notes and the version it was loaded at."""

    feasibility = SelectField("Feasibility", choices=feasibility_choices)
    feasibility_rationale = TextAreaField(
        "Feasibility rationale (public)",
        validators=[Length(max=5000)],
        description="Required for “feasible with modifications” and “not feasible”.",
    )
    status = SelectField("Implementation status", choices=status_choices)
    progress = IntegerField(
        "Progress (%)",
        validators=[InputRequired(message="Enter a number from 0 to 100."), NumberRange(0, 100)],
    )
    progress_from_milestones = BooleanField("Work out progress from the milestones done")
    milestones = FieldList(FormField(MilestoneRow), min_entries=BLANK_ROWS)
    evidence = FieldList(FormField(EvidenceRow), min_entries=BLANK_ROWS)
    public_note = TextAreaField(
        "Public note",
        validators=[Length(max=5000)],
        description="Shown on the public timeline once approved. Required when marking it "
        "“will not proceed”: it gives the reason.",
    )
    internal_note = TextAreaField(
        "Internal note (working group only)",
        validators=[Length(max=5000)],
        description="Never shown to the public.",
    )
    version = HiddenField(validators=[DataRequired(), Regexp(r"^\d{1,9}$")])  # fits an INTEGER
    # Sent by the save button that was pressed: what its label promised (see SaveOutcome).
    outcome = HiddenField()


class DecisionForm(FlaskForm):
    """Approve or reject a pending update."""

    reason = TextAreaField("Reason (needed to reject)", validators=[Length(max=2000)])


class DefinitionForm(FlaskForm):
    """Edit a published status definition."""

    name = StringField("Name", validators=[DataRequired(), Length(max=80)])
    meaning = TextAreaField("Meaning", validators=[DataRequired(), Length(max=2000)])
    entry_criteria = TextAreaField("Entry criteria", validators=[DataRequired(), Length(max=2000)])
