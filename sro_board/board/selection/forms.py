"""Selection forms: a stage move with its reason, the search of applications by name."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, DateTimeLocalField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ...core.forms import choices, plausible_year
from ..checks import METHOD_LABELS
from ..labels import stage_label
from ..privacy.models import CATEGORIES, CATEGORY_LABELS, SensitiveAction
from ..stages import Stage
from .guardian_checks import NOTE_MAX
from .services import INTERVIEW_FORMATS

# What the admin reads after moving an application: a written sentence per stage.
MOVED: dict[Stage, str] = {
    Stage.AWAITING_GUARDIAN: _l(
        "Application %(reference)s is waiting for a parent's or guardian's consent; "
        "we emailed them the link. We emailed the applicant."
    ),
    Stage.ELIGIBLE: _l("Application %(reference)s is now eligible. We emailed the applicant."),
    Stage.INELIGIBLE: _l(
        "Application %(reference)s is now marked not eligible, with your reason. "
        "We emailed the applicant."
    ),
    Stage.IN_REVIEW: _l("Application %(reference)s is now in review. We emailed the applicant."),
    Stage.SHORTLISTED: _l(
        "Application %(reference)s is now on the shortlist. We emailed the applicant."
    ),
    Stage.INTERVIEW: _l(
        "Application %(reference)s is invited to an interview. We emailed the applicant."
    ),
    Stage.OFFERED: _l(
        "Application %(reference)s has been offered a seat. We emailed the applicant."
    ),
    Stage.ACCEPTED: _l(
        "Application %(reference)s accepted a seat and is now a board member. "
        "We emailed the applicant."
    ),
    Stage.DECLINED: _l(
        "Application %(reference)s declined the offer of a seat. We emailed the applicant."
    ),
    Stage.WAITLISTED: _l(
        "Application %(reference)s is now on the waiting list. We emailed the applicant."
    ),
    Stage.NOT_SELECTED: _l(
        "Application %(reference)s is now marked not selected. We emailed the applicant."
    ),
    Stage.WITHDRAWN: _l("Application %(reference)s is now withdrawn. We emailed the applicant."),
    Stage.EXPIRED: _l("Application %(reference)s has expired. We emailed the applicant."),
}


def moved_message(reference: str, stage: Stage) -> str:
    """The sentence for a move just made, and that the applicant was emailed."""
    return str(MOVED[stage]) % {"reference": reference}


class MoveForm(FlaskForm):
    """Move an application to another stage, with a reason (and the interview's details)."""

    stage = SelectField(_l("New stage"), choices=[], validators=[DataRequired()])
    reason = TextAreaField(
        _l("Reason"),
        validators=[DataRequired(message=_l("Give a reason for the move.")), Length(max=2000)],
        description=_l(
            "Kept in the application's history. Do not add personal details. "
            "For a move to ineligible, the applicant reads it as the reason."
        ),
    )
    category = SelectField(
        _l("Why the eligibility rules are overridden"),
        choices=choices(
            [("", _l("Choose why"))]
            + [(c.value, CATEGORY_LABELS[c]) for c in CATEGORIES[SensitiveAction.OVERRIDE]]
        ),
        validators=[Optional()],
        description=_l(
            "Only when an ineligible application goes on. The audit log keeps this "
            "category; the reason above stays in the application's history."
        ),
    )
    interview_at = DateTimeLocalField(
        _l("Interview date and time"),
        validators=[Optional(), plausible_year],
        description=_l("For an interview only."),
    )
    interview_format = SelectField(
        _l("Interview format"),
        choices=choices([("", _l("Choose a format")), *((f, _l(f)) for f in INTERVIEW_FORMATS)]),
        validators=[Optional()],
    )

    def set_stages(self, stages: list[Stage]) -> "MoveForm":
        """Offer the stages the application may move to."""
        self.stage.choices = choices(
            [("", _("Choose a stage"))] + [(s.value, stage_label(s)) for s in stages]
        )
        return self

    def validate(self, extra_validators=None) -> bool:
        """An interview needs its date and time and its format (checked after the fields)."""
        valid = super().validate(extra_validators)
        if self.stage.data == Stage.INTERVIEW.value:
            if not self.interview_at.data and not self.interview_at.errors:
                self.interview_at.errors = [
                    *self.interview_at.errors,
                    _("Enter the interview's date and time."),
                ]
                valid = False
            if not self.interview_format.data:
                self.interview_format.errors = [
                    *self.interview_format.errors,
                    _("Choose the interview's format."),
                ]
                valid = False
        return valid


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class NameSearchForm(FlaskForm):
    """Find applications by the applicant's name (posted, so that it stays out of URLs)."""

    name = StringField(
        _l("Name contains"),
        validators=[
            DataRequired(message=_l("Enter all or part of a name.")),
            Length(max=120, message=_l("Enter at most 120 characters.")),
        ],
        filters=[_strip],
        description=_l("Every word must appear in the name, in any order."),
    )


class GuardianCheckForm(FlaskForm):
    """How staff confirmed a minor's parent or guardian, before an offer."""

    method = SelectField(
        _l("How the guardian was confirmed"),
        choices=choices([("", _l("Choose how")), *METHOD_LABELS.items()]),
        validators=[DataRequired(message=_l("Choose how the guardian was confirmed."))],
    )
    confirmed_on = DateField(
        _l("Date of the confirmation"),
        validators=[
            DataRequired(message=_l("Enter the date of the confirmation.")),
            plausible_year,
        ],
    )
    note = TextAreaField(
        _l("Note (optional)"),
        validators=[Optional(), Length(max=NOTE_MAX)],
        filters=[_strip],
        description=_l(
            "For example: “Called the number on the school's records.” No names, "
            "phone numbers or addresses."
        ),
    )


class ResignationForm(FlaskForm):
    """Record a member's early resignation: the day it took effect and the (internal) reason."""

    resigned_on = DateField(
        _l("Resigned on"), validators=[DataRequired(_l("Enter a date.")), plausible_year]
    )
    reason = TextAreaField(
        _l("Reason (internal)"),
        validators=[DataRequired(message=_l("Give the reason.")), Length(max=2000)],
        description=_l("Staff only: never shown on the public roster or to the board."),
    )


class ChairForm(FlaskForm):
    """Make a member board chair, or a member again."""

    chair = SelectField(
        _l("Board chair"),
        choices=choices([("yes", _l("Board chair")), ("no", _l("Member (not chair)"))]),
        validators=[DataRequired()],
    )
