"""The settings form: one checkbox per kind that applies to the person."""

from flask_wtf import FlaskForm
from wtforms import BooleanField

from .kinds import Kind


def settings_form(current: dict[Kind, bool]) -> FlaskForm:
    """A form with a checkbox for each kind in current, ticked where it is on."""

    class SettingsForm(FlaskForm):
        pass

    for kind, enabled in current.items():
        field = BooleanField(kind.label, description=kind.hint, default=enabled)
        setattr(SettingsForm, kind.value, field)
    return SettingsForm()
