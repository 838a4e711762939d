"""Login, password, two-step login and user-administration forms."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
)
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..core.forms import choices
from .passwords import MAX_PASSWORD, MIN_PASSWORD
from .roles import ROLE_LABELS, Role

NEW_PASSWORD_HINT = _l(
    "At least %(min)d characters; a few unrelated words make a good one. "
    "Any characters; a password manager is welcome.",
    min=MIN_PASSWORD,
)
# The languages a staff member's email can be written in.
LANGUAGE_CHOICES = choices([("en", _l("English")), ("fr", _l("French"))])


def _password(label: str, autocomplete: str, **kwargs) -> PasswordField:
    return PasswordField(
        label,
        validators=[DataRequired(), Length(max=MAX_PASSWORD)],
        render_kw={"autocomplete": autocomplete},
        **kwargs,
    )


def _new_password() -> PasswordField:
    return PasswordField(
        _l("New password"),
        validators=[DataRequired(), Length(min=MIN_PASSWORD, max=MAX_PASSWORD)],
        description=NEW_PASSWORD_HINT,
        render_kw={"autocomplete": "new-password"},
    )


def _confirm() -> PasswordField:
    return PasswordField(
        _l("Repeat the new password"),
        validators=[
            DataRequired(),
            EqualTo("new_password", message=_l("The passwords differ.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )


def _code_field() -> StringField:
    return StringField(
        _l("Code"),
        validators=[DataRequired(), Length(max=20)],
        description=_l(
            "The 6-digit code from your authenticator app, or one of your recovery codes."
        ),
        render_kw={"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false"},
    )


class LoginForm(FlaskForm):
    """Email and password."""

    email = EmailField(
        _l("Email"),
        validators=[DataRequired(), Email(), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )
    password = _password(_l("Password"), "current-password")


class CodeForm(FlaskForm):
    """The second step: a TOTP or recovery code."""

    code = _code_field()


class ReauthForm(FlaskForm):
    """Confirm it is you before a sensitive change (the code only when MFA is on)."""

    password = _password(_l("Password"), "current-password")
    code = _code_field()


class ChangePasswordForm(FlaskForm):
    """Change one's own password."""

    current_password = _password(_l("Current password"), "current-password")
    new_password = _new_password()
    confirm = _confirm()


class SetPasswordForm(FlaskForm):
    """Set a password from an invitation or reset link."""

    new_password = _new_password()
    confirm = _confirm()


class ForgotPasswordForm(FlaskForm):
    """Ask for a reset link."""

    email = EmailField(
        _l("Email"),
        validators=[DataRequired(), Email(), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )


class EnrolForm(FlaskForm):
    """The first code from the newly added authenticator app."""

    code = StringField(
        _l("Code from the app"),
        validators=[DataRequired(), Length(max=20)],
        description=_l("The 6 digits the app shows now."),
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


class ConfirmForm(FlaskForm):
    """A button that only carries the CSRF token."""


class MultiCheckboxField(SelectMultipleField):
    """A set of checkboxes for choosing several values."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def role_choices() -> list[tuple[str, str]]:
    """All roles as (value, label) pairs."""
    return choices((role.value, ROLE_LABELS[role]) for role in Role)


class InviteForm(FlaskForm):
    """Invite a new staff member; they set their own password from the emailed link."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    roles = MultiCheckboxField(_l("Roles"), choices=role_choices())
    # Not named like a User attribute: the edit form reads those from the user, maybe unset.
    mail_language = SelectField(
        _l("Language of their email"),
        choices=LANGUAGE_CHOICES,
        default="en",
        description=_l("Their invitation and every later account email are written in it."),
    )

    def validate_roles(self, field) -> None:
        """A staff account needs at least one role."""
        if not field.data:
            raise ValidationError(_("Choose at least one role."))


class UserForm(InviteForm):
    """Change a staff account's details, roles or active flag."""

    active = BooleanField(_l("Active (can log in)"), default=True)


class LanguageForm(FlaskForm):
    """One's own email language."""

    language = SelectField(
        _l("Language of your email"),
        choices=LANGUAGE_CHOICES,
        description=_l(
            "Account email (password reset links, sign-in changes) is written in this language."
        ),
    )
