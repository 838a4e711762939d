"""The assessment's forms: the draft (rating, commentary in English and French, date), the steps."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..core.forms import choices, plausible_year
from .enums import RATING_LABELS
from .services import COMMENTARY_MAX, NOTE_MAX, Draft, Rating


class AssessmentForm(FlaskForm):
    """A member's draft of the board's assessment."""

    rating = SelectField(
        _l("The board's rating"),
        choices=choices(
            [("", _l("Choose a rating"))] + [(r.value, name) for r, name in RATING_LABELS.items()]
        ),
        validators=[DataRequired(_l("Choose a rating."))],
    )
    commentary = TextAreaField(
        _l("Public commentary (English)"),
        validators=[
            DataRequired(_l("Write the board's commentary in English.")),
            Length(max=COMMENTARY_MAX),
        ],
        description=_l("Published beside the service's report once the board chair approves it."),
    )
    commentary_fr = TextAreaField(
        _l("Public commentary (French)"), validators=[Optional(), Length(max=COMMENTARY_MAX)]
    )
    assessed_on = DateField(
        _l("Date of the assessment"), validators=[DataRequired(_l("Enter a date.")), plausible_year]
    )
    version = HiddenField()

    def draft(self) -> Draft:
        """The form's values as a Draft for the services."""
        return Draft(
            Rating(self.rating.data),
            self.commentary.data or "",
            self.commentary_fr.data or "",
            self.assessed_on.data,
        )


class StepForm(FlaskForm):
    """Submit or approve: only the version the person saw."""

    version = HiddenField()


class ReturnForm(FlaskForm):
    """Return a submitted assessment to its drafter, saying what should change."""

    note = TextAreaField(
        _l("What should change"),
        validators=[DataRequired(_l("Say what should change.")), Length(max=NOTE_MAX)],
        description=_l("Seen by the board only; never published."),
    )
    version = HiddenField()


def version_of(form) -> int | None:
    """The version the form was loaded at, or None when it did not say."""
    value = (form.version.data or "").strip()
    return int(value) if value.isdigit() else None
