"""The audit log's filters."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField
from wtforms.validators import Length, Optional

from ..core.forms import plausible_year


class AuditFilterForm(FlaskForm):
    """Filters for the audit log, sent by GET."""

    class Meta:
        csrf = False

    actor = SelectField(_l("Who"), choices=[], validate_choice=True)
    entity_type = SelectField(_l("Kind of record"), choices=[], validate_choice=True)
    entity_id = StringField(_l("Record (e.g. R-07)"), validators=[Optional(), Length(max=40)])
    action = StringField(_l("Action contains"), validators=[Optional(), Length(max=60)])
    date_from = DateField(_l("From"), validators=[Optional(), plausible_year])
    date_to = DateField(_l("To"), validators=[Optional(), plausible_year])


class RetryEmailForm(FlaskForm):
    """The button that queues a dead email again (CSRF-protected)."""
