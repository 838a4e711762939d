"""The contact form and the inbox state form."""

from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional

from ..core.forms import choices
from .models import MessageState, Topic

TOPIC_LABELS = {
    Topic.QUESTION: "A question",
    Topic.COMMENT: "A comment",
    Topic.CONCERN: "A concern",
    Topic.SUGGESTION: "A suggestion",
}


class ContactForm(FlaskForm):
    """Questions, comments, concerns and suggestions for the team."""

    topic = SelectField(
        "What is it about?",
        choices=choices((t.value, TOPIC_LABELS[t]) for t in Topic),
        validators=[DataRequired()],
    )
    message = TextAreaField(
        "Your message",
        validators=[DataRequired(), Length(min=5, max=5000)],
        description="Up to 5,000 characters. Do not include anyone else's personal information.",
    )
    name = StringField("Your name (optional)", validators=[Optional(), Length(max=120)])
    email = EmailField(
        "Your email (optional)",
        validators=[
            Optional(),
            Email(message="Enter an email address like name@example.com."),
            Length(max=254),
        ],
        description="Only if you would like a reply.",
    )
    # Honeypot: hidden from people; bots fill it in.
    website = StringField("Leave this field empty", validators=[Optional()])


class StateForm(FlaskForm):
    """Move a message to another state."""

    state = SelectField(
        "Mark as",
        choices=choices((s.value, s.value.capitalize()) for s in MessageState),
    )
