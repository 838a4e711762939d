"""The form for deleting an applicant's personal data at their request."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, TextAreaField
from wtforms.validators import DataRequired, Length


class DeleteRequestForm(FlaskForm):
    """Delete an applicant's personal data at their request."""

    reason = TextAreaField(
        "Request details",
        validators=[DataRequired(message="Record the request."), Length(max=1000)],
        description="For example: “Request received by email on 3 March 2027.” "
        "Do not add the person's name or contact details.",
    )
    confirm = BooleanField(
        "I understand this cannot be undone",
        validators=[DataRequired(message="Confirm that the data is to be deleted.")],
    )
