"""Forms for sensitive actions on an applicant's data: each asks why, in a category and words."""

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from ...core.forms import choices
from ...security.inputs import strip_bidi
from .models import CATEGORIES, SensitiveAction
from .reasons import DETAILS_MAX


def _clean(value):
    value = strip_bidi(value)
    return value.strip() if isinstance(value, str) else value


class ReasonForm(FlaskForm):
    """Why: a category from the list (kept in the audit log) and details (kept for a while)."""

    category = SelectField(
        _l("Why"), choices=[], validators=[DataRequired(message=_l("Choose why."))]
    )
    reason = TextAreaField(
        _l("Details of the request or decision"),
        validators=[
            DataRequired(message=_l("Record the request.")),
            Length(
                max=DETAILS_MAX,
                message=_l("Keep the details under %(max)d characters.", max=DETAILS_MAX),
            ),
        ],
        filters=[_clean],
    )

    def for_action(self, action: SensitiveAction) -> "ReasonForm":
        """Offer the categories that fit the action."""
        self.category.choices = choices(
            [("", _("Choose why"))] + [(c.value, c.label) for c in CATEGORIES[action]]
        )
        days = current_app.config["REASON_RETENTION_DAYS"]
        self.reason.description = _(
            "For example: “Request received by email on 3 March 2027.” Do not add anyone's "
            "name or contact details. The details are kept for %(days)d days, then emptied; "
            "the audit log keeps only the category.",
            days=days,
        )
        return self


class ExportRequestForm(ReasonForm):
    """Download a copy of an applicant's data (their right of access)."""


class DeleteRequestForm(ReasonForm):
    """Delete an applicant's personal data at their request."""

    confirm = BooleanField(
        _l("I understand this cannot be undone"),
        validators=[DataRequired(message=_l("Confirm that the data is to be deleted."))],
    )
