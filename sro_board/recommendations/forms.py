"""Forms of the tracker: add and edit a recommendation, decide an update, edit a definition.

The recommendation forms convert themselves: for_recommendation() fills one from tracked
values, values() reads the tracked values (snapshot form) back.
"""

from datetime import date
from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    Field,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectChoice,
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
from .enums import Feasibility, ImplementationStatus, SaveOutcome, SourceReport, Theme
from .fields import snapshot
from .labels import label
from .models import Recommendation
from .queries import lead_candidates

BLANK_ROWS = 2


def stripped(field: Field) -> str:
    """The field's text without surrounding space; "" when the field was not posted at all."""
    return (field.data or "").strip()


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


def lead_user_choices() -> list[SelectChoice]:
    """Lead candidates, with 'nobody' first.

    A lead who left keeps their place in the list, so saving another change does not
    silently drop them (the browser would send the first choice, 'nobody').
    """
    return choices(
        [("", "Nobody named")]
        + [
            (u.email, f"{u.name} ({u.email}){'' if u.active else ', deactivated'}")
            for u in lead_candidates()
        ]
    )


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
    lead_user = SelectField(
        "Lead staff member (staff only)", choices=lead_user_choices, validate_choice=True
    )
    target_date = DateField("Target date", validators=[InputRequired(message="Enter a date.")])

    def validate_reports(self, field) -> None:
        """Every recommendation comes from at least one report."""
        if not field.data:
            raise ValidationError("Choose at least one source report.")

    def values(self) -> dict[str, Any]:
        """The descriptive fields as tracked values."""
        return {
            "title": stripped(self.title),
            "description": stripped(self.description),
            "theme": self.theme.data,
            "reports": sorted(self.reports.data),
            "lead_unit": stripped(self.lead_unit),
            "lead_user": self.lead_user.data or None,
            "target_date": self.target_date.data.isoformat(),
        }


class NewRecommendationForm(RecommendationFields):
    """Add a recommendation to the tracker."""

    code = StringField(
        "Code",
        validators=[
            DataRequired(),
            Regexp(r"^R-\d{2,3}$", message="Use the form R-01."),
        ],
    )

    def values(self) -> dict[str, Any]:
        """The new recommendation's code and descriptive fields."""
        return {"code": self.code.data} | super().values()


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

    @classmethod
    def for_recommendation(
        cls,
        rec: Recommendation,
        values: dict[str, Any] | None = None,
        notes: dict[str, str] | None = None,
    ) -> "EditRecommendationForm":
        """The form at rec's current version, filled with its values or the given ones."""
        v = values if values is not None else snapshot(rec)
        data = v | {
            "reports": list(v["reports"]),
            "lead_user": v["lead_user"] or "",
            "target_date": date.fromisoformat(v["target_date"]),
            "milestones": [
                m | {"due_date": date.fromisoformat(m["due_date"])} for m in v["milestones"]
            ]
            + [{}] * BLANK_ROWS,
            "evidence": list(v["evidence"]) + [{}] * BLANK_ROWS,
            "version": str(rec.version),
        }
        return cls(formdata=None, data=data | (notes or {}))

    def values(self) -> dict[str, Any]:
        """Every tracked value the submitted form asks for (blank and removed rows left out)."""
        return super().values() | {
            "feasibility": self.feasibility.data,
            "feasibility_rationale": stripped(self.feasibility_rationale),
            "status": self.status.data,
            "progress": self.progress.data,
            "progress_from_milestones": self.progress_from_milestones.data,
            "milestones": sorted(
                (
                    {
                        "title": stripped(row.title),
                        "due_date": row.due_date.data.isoformat(),
                        "done": row.done.data,
                    }
                    for row in self.milestones
                    if row.title.data and stripped(row.title) and not row.remove.data
                ),
                key=lambda m: m["due_date"],
            ),
            "evidence": [
                {"title": stripped(row.title), "url": stripped(row.url)}
                for row in self.evidence
                if row.url.data and not row.remove.data
            ],
        }

    def notes(self) -> dict[str, str]:
        """The notes as written, to carry over into a reloaded form."""
        return {"public_note": self.public_note.data, "internal_note": self.internal_note.data}

    def promised_outcome(self) -> SaveOutcome | None:
        """What the pressed save button promised (browsers send it; None if it is missing)."""
        try:
            return SaveOutcome(self.outcome.data)
        except ValueError:
            return None


class DecisionForm(FlaskForm):
    """Approve or reject a pending update."""

    reason = TextAreaField("Reason (needed to reject)", validators=[Length(max=2000)])


class DefinitionForm(FlaskForm):
    """Edit a published status definition."""

    name = StringField("Name", validators=[DataRequired(), Length(max=80)])
    meaning = TextAreaField("Meaning", validators=[DataRequired(), Length(max=2000)])
    entry_criteria = TextAreaField("Entry criteria", validators=[DataRequired(), Length(max=2000)])
