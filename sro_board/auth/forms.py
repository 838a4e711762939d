"""Login, password and user-administration forms."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ..formutil import choices
from .roles import Role

MIN_PASSWORD = 12


class LoginForm(FlaskForm):
    """Email and password."""

    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=128)])


class ChangePasswordForm(FlaskForm):
    """Change one's own password."""

    current_password = PasswordField("Current password", validators=[DataRequired()])
    new_password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD, max=128)],
        description=f"At least {MIN_PASSWORD} characters.",
    )
    confirm = PasswordField(
        "Repeat the new password",
        validators=[DataRequired(), EqualTo("new_password", message="The passwords differ.")],
    )


class MultiCheckboxField(SelectMultipleField):
    """A set of checkboxes for choosing several values."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def role_choices() -> list[tuple[str, str]]:
    """All roles as (value, label) pairs."""
    return choices((role.value, role.label) for role in Role)


class UserForm(FlaskForm):
    """Create a staff account or change its roles."""

    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=254)])
    roles = MultiCheckboxField("Roles", choices=role_choices())
    active = BooleanField("Active (can log in)", default=True)
    password = PasswordField(
        "Initial password",
        validators=[Length(max=128)],
        description=f"At least {MIN_PASSWORD} characters; the person changes it after logging in.",
    )

    def validate_roles(self, field) -> None:
        """A staff account needs at least one role."""
        if not field.data:
            raise ValidationError("Choose at least one role.")
