"""The contact form and the inbox state form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional

from ..core.forms import choices
from .labels import STATE_LABELS, TOPIC_LABELS
from .models import MessageState, Topic


class ContactForm(FlaskForm):
    """Questions, comments, concerns and suggestions for the team."""

    topic = SelectField(
        _l("What is it about?"),
        choices=choices((t.value, TOPIC_LABELS[t]) for t in Topic),
        validators=[DataRequired()],
    )
    message = TextAreaField(
        _l("Your message"),
        validators=[DataRequired(), Length(min=5, max=5000)],
        description=_l(
            "Up to 5,000 characters. Do not include anyone else's personal information."
        ),
    )
    name = StringField(_l("Your name (optional)"), validators=[Optional(), Length(max=120)])
    email = EmailField(
        _l("Your email (optional)"),
        validators=[
            Optional(),
            Email(message=_l("Enter an email address like name@example.com.")),
            Length(max=254),
        ],
        description=_l("Only if you would like a reply."),
    )
    # Honeypot: hidden from people; bots fill it in.
    website = StringField(_l("Leave this field empty"), validators=[Optional()])


class StateForm(FlaskForm):
    """Move a message to another state."""

    state = SelectField(
        _l("Mark as"),
        choices=choices((s.value, STATE_LABELS[s]) for s in MessageState),
    )
