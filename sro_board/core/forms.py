"""Form helpers shared by the features."""

from collections.abc import Iterable

from flask_babel import gettext as _
from wtforms import SelectChoice
from wtforms.validators import ValidationError


def choices(pairs: Iterable[tuple[str, str]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms choices."""
    return [SelectChoice(value, label) for value, label in pairs]


def plausible_year(form, field) -> None:
    """Dates from 1900 to 2999: time zones and day arithmetic stay inside datetime's range."""
    if field.data and not 1900 <= field.data.year <= 2999:
        raise ValidationError(_("Enter a date between 1900 and 2999."))
