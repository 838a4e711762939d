"""Repeated rows of the edit form: milestones and evidence links, English and French titles."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, Form, StringField, URLField
from wtforms.validators import URL, Length, Optional, StopValidation, ValidationError


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


def english_missing(row: Form, field) -> None:
    """Refuse a French title on a row without an English one (the row would be dropped)."""
    if (field.data or "").strip() and not (row["title"].data or "").strip():
        raise ValidationError(_l("Write the English title too; the French translates it."))


class MilestoneRow(Form):
    """One milestone line; a blank line is ignored (a French title alone is ignored too)."""

    title = StringField(_l("Milestone (English)"), validators=[Optional(), Length(max=200)])
    title_fr = StringField(_l("Milestone (French)"), validators=[Optional(), Length(max=200)])
    due_date = DateField(
        _l("Due date"), validators=[RequiredWith("title", _l("Give the milestone a due date."))]
    )
    done = BooleanField(_l("Done"))
    remove = BooleanField(_l("Remove"))

    def validate_title_fr(self, field) -> None:
        """A French title translates an English one."""
        english_missing(self, field)


class EvidenceRow(Form):
    """One evidence link; a blank line is ignored."""

    title = StringField(
        _l("Evidence title (English)"),
        validators=[RequiredWith("url", _l("Give the evidence a title.")), Length(max=200)],
    )
    title_fr = StringField(_l("Evidence title (French)"), validators=[Optional(), Length(max=200)])
    url = URLField(
        _l("Link"),
        validators=[
            RequiredWith("title", _l("Give the evidence a link.")),
            Length(max=500),
            URL(message=_l("Enter a full web address (https://…).")),
        ],
    )
    remove = BooleanField(_l("Remove"))

    def validate_title_fr(self, field) -> None:
        """A French title translates an English one."""
        english_missing(self, field)

    def validate_url(self, field) -> None:
        """Only web addresses are accepted."""
        if not field.data.lower().startswith(("https://", "http://")):
            raise ValidationError(_l("Links must start with https:// or http://."))
