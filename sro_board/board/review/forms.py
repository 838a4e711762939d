"""The reviewer's forms: the conflict-of-interest declaration and the rubric scores."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length

from ...core.forms import choices
from ..review_models import RubricCriterion
from .services import COMMENT_MAX

SCORE_LABELS = {
    1: _l("1, weak"),
    2: _l("2, fair"),
    3: _l("3, good"),
    4: _l("4, strong"),
    5: _l("5, excellent"),
}


class ConflictForm(FlaskForm):
    """A reviewer's conflict-of-interest declaration."""

    has_conflict = RadioField(
        _l("Do you have a conflict of interest with this applicant?"),
        choices=choices(
            [
                ("no", _l("No, I have no conflict of interest")),
                (
                    "yes",
                    _l("Yes, I have a conflict of interest (I will not review this application)"),
                ),
            ]
        ),
        validators=[InputRequired(message=_l("Choose yes or no."))],
    )


class ReviewFormBase(FlaskForm):
    """Scores and comments; one pair of fields per rubric criterion is added at runtime."""


def review_form_class(criteria: list[RubricCriterion]) -> type[ReviewFormBase]:
    """A form class with a 1-to-5 radio group and a comment for each criterion."""
    attrs = {}
    for criterion in criteria:
        attrs[f"score_{criterion.id}"] = RadioField(
            _("Score for %(name)s", name=criterion.name),
            choices=choices((str(n), text) for n, text in SCORE_LABELS.items()),
            validators=[
                InputRequired(message=_("Score “%(name)s” from 1 to 5.", name=criterion.name))
            ],
        )
        attrs[f"comment_{criterion.id}"] = TextAreaField(
            _("Comment on %(name)s", name=criterion.name),
            validators=[Length(max=COMMENT_MAX)],
            description=_l("Optional. Say what the score rests on."),
        )
    return type("ReviewForm", (ReviewFormBase,), attrs)
