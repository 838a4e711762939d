"""Forms of the pages reached by a private link: status, email change, consent, lost link."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SubmitField, TelField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from .fields import PHONE, email_field


class ContactDetailsForm(FlaskForm):
    """The applicant changes their email or phone."""

    email = email_field(_l("Email address"), required=_l("Enter your email address."))
    phone = TelField(_l("Phone number (optional)"), validators=[Optional(), Length(max=40), PHONE])


class ConfirmEmailForm(FlaskForm):
    """The button that confirms a new contact email (CSRF-protected, no fields)."""


class WithdrawForm(FlaskForm):
    """The applicant withdraws, after ticking a confirmation."""

    confirm = BooleanField(
        _l("Yes, withdraw my application. I understand this cannot be undone."),
        validators=[DataRequired(message=_l("Tick the box to confirm that you want to withdraw."))],
    )


class GuardianResendForm(FlaskForm):
    """A student asks for the guardian's link to be sent again, perhaps to a corrected address."""

    guardian_email = email_field(
        _l("Your parent's or guardian's email address"),
        required=_l("Enter your parent's or guardian's email address."),
    )


class GuardianConsentForm(FlaskForm):
    """The guardian agrees (or does not) to the student's application."""

    agree = BooleanField(
        _l(
            "I am this student's parent or guardian, and I agree to them applying to the "
            "advisory board and to their information being used as the notice describes."
        )
    )
    full_name = BooleanField(
        _l(
            "If they are selected, the public list of board members may show their full name "
            "(otherwise it shows only their first name)."
        )
    )
    confirm = SubmitField(_l("Give consent"))
    decline = SubmitField(_l("I do not give consent"))

    def validate_agree(self, field) -> None:
        """Consent needs the box ticked."""
        if self.confirm.data and not field.data:
            raise ValidationError(_("Tick the box to give your consent."))


class LostLinkForm(FlaskForm):
    """Ask for a new status link by email."""

    email = email_field(
        _l("The email address you applied with"), required=_l("Enter your email address.")
    )
