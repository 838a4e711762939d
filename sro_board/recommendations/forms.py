"""Forms of the tracker: add and edit a recommendation, decide an update, edit a definition.

The recommendation forms convert themselves: for_recommendation() fills one from tracked
values, values() reads the tracked values (snapshot form) back. Public text has an English
field and an optional French one (`title` / `title_fr`), shown side by side.
"""

from datetime import date
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    Field,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Regexp,
    ValidationError,
)

from ..auth.forms import MultiCheckboxField
from ..core.forms import choices
from .enums import Feasibility, ImplementationStatus, SaveOutcome, SourceReport, Theme
from .fields import french, snapshot
from .form_rows import EvidenceRow, MilestoneRow
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
        [("", _("Nobody named"))]
        + [
            (
                u.email,
                _("%(name)s (%(email)s)", name=u.name, email=u.email)
                if u.active
                else _("%(name)s (%(email)s), deactivated", name=u.name, email=u.email),
            )
            for u in lead_candidates()
        ]
    )


class RecommendationFields(FlaskForm):
    """The descriptive fields, shared by the create and edit forms."""

    title = StringField(_l("Title (English)"), validators=[DataRequired(), Length(max=200)])
    title_fr = StringField(_l("Title (French)"), validators=[Length(max=200)])
    description = TextAreaField(
        _l("Description (English)"), validators=[DataRequired(), Length(max=5000)]
    )
    description_fr = TextAreaField(_l("Description (French)"), validators=[Length(max=5000)])
    theme = SelectField(_l("Theme"), choices=theme_choices, validators=[DataRequired()])
    reports = MultiCheckboxField(_l("Source reports"), choices=report_choices)
    lead_unit = StringField(
        _l("Responsible lead (unit)"), validators=[DataRequired(), Length(max=120)]
    )
    lead_user = SelectField(
        _l("Lead staff member (staff only)"), choices=lead_user_choices, validate_choice=True
    )
    target_date = DateField(
        _l("Target date"), validators=[InputRequired(message=_l("Enter a date."))]
    )

    def validate_reports(self, field) -> None:
        """Every recommendation comes from at least one report."""
        if not field.data:
            raise ValidationError(_("Choose at least one source report."))

    def values(self) -> dict[str, Any]:
        """The descriptive fields as tracked values."""
        return {
            "title": stripped(self.title),
            "title_fr": stripped(self.title_fr),
            "description": stripped(self.description),
            "description_fr": stripped(self.description_fr),
            "theme": self.theme.data,
            "reports": sorted(self.reports.data),
            "lead_unit": stripped(self.lead_unit),
            "lead_user": self.lead_user.data or None,
            "target_date": self.target_date.data.isoformat(),
        }


class NewRecommendationForm(RecommendationFields):
    """Add a recommendation to the tracker."""

    code = StringField(
        _l("Code"),
        validators=[
            DataRequired(),
            Regexp(r"^R-\d{2,3}$", message=_l("Use the form R-01.")),
        ],
    )

    def values(self) -> dict[str, Any]:
        """The new recommendation's code and descriptive fields."""
        return {"code": self.code.data} | super().values()


class EditRecommendationForm(RecommendationFields):
    """Everything an update can change, plus its notes and the version it was loaded at."""

    feasibility = SelectField(_l("Feasibility"), choices=feasibility_choices)
    feasibility_rationale = TextAreaField(
        _l("Feasibility rationale (public)"),
        validators=[Length(max=5000)],
        description=_l("Required for “feasible with modifications” and “not feasible”."),
    )
    status = SelectField(_l("Implementation status"), choices=status_choices)
    progress = IntegerField(
        _l("Progress (%)"),
        validators=[
            InputRequired(message=_l("Enter a number from 0 to 100.")),
            NumberRange(0, 100),
        ],
    )
    progress_from_milestones = BooleanField(_l("Work out progress from the milestones done"))
    milestones = FieldList(FormField(MilestoneRow), min_entries=BLANK_ROWS)
    evidence = FieldList(FormField(EvidenceRow), min_entries=BLANK_ROWS)
    public_note = TextAreaField(
        _l("Public note (English)"),
        validators=[Length(max=5000)],
        description=_l(
            "Shown on the public timeline once approved. Required when marking it "
            "“will not proceed”: it gives the reason."
        ),
    )
    public_note_fr = TextAreaField(
        _l("Public note (French)"),
        validators=[Length(max=5000)],
        description=_l("Optional. French pages show the English note until there is one."),
    )
    internal_note = TextAreaField(
        _l("Internal note (working group only)"),
        validators=[Length(max=5000)],
        description=_l("Never shown to the public."),
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
                    | french(stripped(row.title_fr))
                    for row in self.milestones
                    if row.title.data and stripped(row.title) and not row.remove.data
                ),
                key=lambda m: m["due_date"],
            ),
            "evidence": [
                {"title": stripped(row.title), "url": stripped(row.url)}
                | french(stripped(row.title_fr))
                for row in self.evidence
                if row.url.data and not row.remove.data
            ],
        }

    def notes(self) -> dict[str, str]:
        """The notes as written, to carry over into a reloaded form."""
        return {
            "public_note": self.public_note.data,
            "public_note_fr": self.public_note_fr.data,
            "internal_note": self.internal_note.data,
        }

    def promised_outcome(self) -> SaveOutcome | None:
        """What the pressed save button promised (browsers send it; None if it is missing)."""
        try:
            return SaveOutcome(self.outcome.data)
        except ValueError:
            return None


class DecisionForm(FlaskForm):
    """Approve or reject a pending update."""

    reason = TextAreaField(_l("Reason (needed to reject)"), validators=[Length(max=2000)])


class DefinitionForm(FlaskForm):
    """Edit a published status definition, in English and (optionally) French."""

    name = StringField(_l("Name (English)"), validators=[DataRequired(), Length(max=80)])
    name_fr = StringField(_l("Name (French)"), validators=[Length(max=80)])
    meaning = TextAreaField(_l("Meaning (English)"), validators=[DataRequired(), Length(max=2000)])
    meaning_fr = TextAreaField(_l("Meaning (French)"), validators=[Length(max=2000)])
    entry_criteria = TextAreaField(
        _l("Entry criteria (English)"), validators=[DataRequired(), Length(max=2000)]
    )
    entry_criteria_fr = TextAreaField(_l("Entry criteria (French)"), validators=[Length(max=2000)])

    def english(self) -> tuple[str, str, str]:
        """Name, meaning and entry criteria in English, without surrounding space."""
        return stripped(self.name), stripped(self.meaning), stripped(self.entry_criteria)

    def french(self) -> tuple[str, str, str]:
        """Name, meaning and entry criteria in French ("" where not translated)."""
        return stripped(self.name_fr), stripped(self.meaning_fr), stripped(self.entry_criteria_fr)
