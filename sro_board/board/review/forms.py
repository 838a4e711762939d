"""The reviewer's forms: the conflict-of-interest declaration and the rubric scores."""

from flask_wtf import FlaskForm
from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length

from ...core.forms import choices
from ..models import RubricCriterion
from .services import COMMENT_MAX

SCORE_LABELS = {
    1: "1, weak",
    2: "2, fair",
    3: "3, good",
    4: "4, strong",
    5: "5, excellent",
}


class ConflictForm(FlaskForm):
    """A reviewer's conflict-of-interest declaration."""

    has_conflict = RadioField(
        "Do you have a conflict of interest with this applicant?",
        choices=choices(
            [
                ("no", "No, I have no conflict of interest"),
                ("yes", "Yes, I have a conflict of interest (I will not review this application)"),
            ]
        ),
        validators=[InputRequired(message="Choose yes or no.")],
    )


class ReviewFormBase(FlaskForm):
    """Scores and comments; one pair of fields per rubric criterion is added at runtime."""


def review_form_class(criteria: list[RubricCriterion]) -> type[ReviewFormBase]:
    """A form class with a 1-to-5 radio group and a comment for each criterion."""
    attrs = {}
    for criterion in criteria:
        attrs[f"score_{criterion.id}"] = RadioField(
            f"Score for {criterion.name}",
            choices=choices((str(n), text) for n, text in SCORE_LABELS.items()),
            validators=[InputRequired(message=f"Score “{criterion.name}” from 1 to 5.")],
        )
        attrs[f"comment_{criterion.id}"] = TextAreaField(
            f"Comment on {criterion.name}",
            validators=[Length(max=COMMENT_MAX)],
            description="Optional. Say what the score rests on.",
        )
    return type("ReviewForm", (ReviewFormBase,), attrs)
