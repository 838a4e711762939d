"""The follow form and the forms of the confirm, manage and unsubscribe pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, IntegerField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional

from ..core.forms import choices
from ..recommendations.enums import THEME_LABELS
from .models import Frequency

FREQUENCY_LABELS = {
    Frequency.INSTANT: _l("An email each time an update is published"),
    Frequency.WEEKLY: _l("One email a week (Monday morning) listing the week's updates"),
}


def scope_choices(rec=None) -> list:
    """'all', each theme, and the recommendation when the form is for one."""
    pairs = [("all", _l("Every recommendation"))]
    if rec is not None:
        pairs.insert(0, (f"recommendation:{rec.code}", _l("This recommendation only")))
    pairs += [(f"theme:{theme.value}", label) for theme, label in THEME_LABELS.items()]
    return choices(pairs)


class FollowForm(FlaskForm):
    """Follow a recommendation, a theme or everything by email."""

    email = EmailField(
        _l("Your email address"),
        validators=[
            DataRequired(message=_l("Enter your email address.")),
            Email(message=_l("Enter an email address like name@example.com.")),
            Length(max=254),
        ],
    )
    scope = SelectField(_l("What to follow"), validators=[DataRequired()])
    frequency = RadioField(
        _l("How often"),
        choices=choices((f.value, label) for f, label in FREQUENCY_LABELS.items()),
        default=Frequency.INSTANT.value,
        validators=[InputRequired(message=_l("Choose how often you want email."))],
    )
    # Honeypot: hidden from people; bots fill it in.
    website = StringField(_l("Leave this field empty"), validators=[Optional()])


class ConfirmForm(FlaskForm):
    """The button that confirms a follow (a POST, so that link scanners confirm nothing)."""


class ManageForm(FlaskForm):
    """One change on the manage page: a follow's frequency, stop one, or stop all."""

    action = HiddenField(validators=[DataRequired()])
    follower_id = IntegerField(validators=[Optional()])
    frequency = RadioField(
        _l("How often"),
        choices=choices((f.value, label) for f, label in FREQUENCY_LABELS.items()),
        validators=[Optional()],
    )
