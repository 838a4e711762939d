"""Meetings' forms; each converts itself to the values its service takes."""

from datetime import UTC, datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from ..core.clock import as_local, local_zone
from ..core.forms import choices, plausible_year
from .enums import ACTION_LABELS, BODY_LABELS, OUTCOME_LABELS, ActionStatus, Body, Outcome

VOTES = [Optional(), NumberRange(min=0, max=10000)]


class ActionForm(FlaskForm):
    """A form with no fields of its own: a button (CSRF only)."""


class MeetingForm(FlaskForm):
    """A meeting's details."""

    body = SelectField(_l("Body"), choices=choices((b.value, BODY_LABELS[b]) for b in Body))
    title = StringField(_l("Title (English)"), validators=[DataRequired(), Length(max=200)])
    title_fr = StringField(_l("Title (French)"), validators=[Optional(), Length(max=200)])
    day = DateField(_l("Date"), validators=[DataRequired(), plausible_year])
    time = TimeField(
        _l("Start time"), validators=[DataRequired()], description=_l("Edmonton time.")
    )
    duration_minutes = IntegerField(
        _l("Length in minutes"), default=120, validators=[DataRequired(), NumberRange(5, 720)]
    )
    place = StringField(_l("Place (English)"), validators=[Optional(), Length(max=300)])
    place_fr = StringField(_l("Place (French)"), validators=[Optional(), Length(max=300)])
    online = StringField(
        _l("Online details"),
        validators=[Optional(), Length(max=500)],
        description=_l("Shown publicly for public meetings."),
    )
    is_public = BooleanField(_l("Public meeting"), default=True)
    version = HiddenField()

    def limit_bodies(self, bodies: list[Body]) -> None:
        """Offer only the bodies the user may manage."""
        self.body.choices = choices((b.value, BODY_LABELS[b]) for b in bodies)

    def fill(self, meeting) -> None:
        """Show a meeting's current values."""
        local = as_local(meeting.starts_at)
        for key in ("title", "title_fr", "duration_minutes", "place", "place_fr", "online"):
            getattr(self, key).data = getattr(meeting, key)
        self.body.data = meeting.body.value
        self.day.data, self.time.data = local.date(), local.time().replace(tzinfo=None)
        self.is_public.data = meeting.is_public
        self.version.data = str(meeting.version)

    def values(self) -> dict[str, Any]:
        """The values for create_meeting / edit_meeting (the start in UTC)."""
        local = datetime.combine(self.day.data, self.time.data, tzinfo=local_zone())
        return {
            "title": self.title.data.strip(),
            "title_fr": (self.title_fr.data or "").strip(),
            "starts_at": local.astimezone(UTC),
            "duration_minutes": self.duration_minutes.data,
            "place": (self.place.data or "").strip(),
            "place_fr": (self.place_fr.data or "").strip(),
            "online": (self.online.data or "").strip(),
            "is_public": bool(self.is_public.data),
        }

    def version_number(self) -> int | None:
        """The version the form was opened at."""
        return int(self.version.data) if (self.version.data or "").isdigit() else None


class ItemForm(FlaskForm):
    """An agenda item."""

    title = StringField(_l("Title (English)"), validators=[DataRequired(), Length(max=200)])
    title_fr = StringField(_l("Title (French)"), validators=[Optional(), Length(max=200)])
    presenter = StringField(_l("Presenter"), validators=[Optional(), Length(max=120)])
    minutes_allowed = IntegerField(
        _l("Minutes allowed"), validators=[Optional(), NumberRange(1, 600)]
    )
    codes = StringField(
        _l("Recommendations discussed"),
        validators=[Optional(), Length(max=500)],
        description=_l("Their codes, separated by commas, for example R-01, R-12."),
    )

    def fill(self, item) -> None:
        """Show an item's current values."""
        for key in ("title", "title_fr", "presenter", "minutes_allowed"):
            getattr(self, key).data = getattr(item, key)
        self.codes.data = ", ".join(r.code for r in item.recommendations)

    def values(self) -> dict[str, Any]:
        """The values for add_item / edit_item."""
        return {
            "title": self.title.data.strip(),
            "title_fr": (self.title_fr.data or "").strip(),
            "presenter": (self.presenter.data or "").strip(),
            "minutes_allowed": self.minutes_allowed.data,
        }

    def code_list(self) -> list[str]:
        """The recommendation codes typed in."""
        return (self.codes.data or "").split(",")


class PublishForm(FlaskForm):
    """Publish the agenda, late if need be."""

    late = BooleanField(_l("This is a late publication"))
    late_reason = TextAreaField(
        _l("Why it is late (English)"), validators=[Optional(), Length(max=1000)]
    )
    late_reason_fr = TextAreaField(
        _l("Why it is late (French)"), validators=[Optional(), Length(max=1000)]
    )


class SummaryForm(FlaskForm):
    """An item's minutes."""

    summary = TextAreaField(_l("Summary (English)"), validators=[DataRequired(), Length(max=10000)])
    summary_fr = TextAreaField(_l("Summary (French)"), validators=[Optional(), Length(max=10000)])


class DecisionForm(FlaskForm):
    """A motion and its outcome."""

    motion = TextAreaField(_l("Motion (English)"), validators=[DataRequired(), Length(max=2000)])
    motion_fr = TextAreaField(_l("Motion (French)"), validators=[Optional(), Length(max=2000)])
    outcome = SelectField(
        _l("Outcome"), choices=choices((o.value, OUTCOME_LABELS[o]) for o in Outcome)
    )
    votes_for = IntegerField(_l("Votes for"), validators=VOTES)
    votes_against = IntegerField(_l("Votes against"), validators=VOTES)
    votes_abstaining = IntegerField(_l("Abstentions"), validators=VOTES)

    def values(self) -> dict[str, Any]:
        """The values for add_decision."""
        return {
            "motion": self.motion.data.strip(),
            "motion_fr": (self.motion_fr.data or "").strip(),
            "outcome": self.outcome.data,
            "votes_for": self.votes_for.data,
            "votes_against": self.votes_against.data,
            "votes_abstaining": self.votes_abstaining.data,
        }


class ApproveForm(FlaskForm):
    """Approve the minutes at a later meeting."""

    at = SelectField(_l("Approved at the meeting of"), validators=[DataRequired()])
    votes_for = IntegerField(_l("Votes for"), validators=VOTES)
    votes_against = IntegerField(_l("Votes against"), validators=VOTES)
    votes_abstaining = IntegerField(_l("Abstentions"), validators=VOTES)

    def votes(self) -> dict[str, int | None]:
        """The votes, where taken."""
        return {
            k: getattr(self, k).data for k in ("votes_for", "votes_against", "votes_abstaining")
        }


class ActionItemForm(FlaskForm):
    """An action item."""

    description = TextAreaField(
        _l("What is to be done (English)"), validators=[DataRequired(), Length(max=2000)]
    )
    description_fr = TextAreaField(
        _l("What is to be done (French)"), validators=[Optional(), Length(max=2000)]
    )
    owner = SelectField(_l("Owner"), validators=[DataRequired()])
    due_date = DateField(_l("Due date"), validators=[Optional(), plausible_year])
    code = StringField(
        _l("Recommendation (code, optional)"), validators=[Optional(), Length(max=12)]
    )

    def values(self, recommendation_id: int | None) -> dict[str, Any]:
        """The values for add_action."""
        kind, _sep, number = (self.owner.data or "").partition("-")
        return {
            "description": self.description.data.strip(),
            "description_fr": (self.description_fr.data or "").strip(),
            "owner_board_member_id": int(number) if kind == "m" else None,
            "owner_user_id": int(number) if kind == "u" else None,
            "due_date": self.due_date.data,
            "recommendation_id": recommendation_id,
        }


class ActionStatusForm(FlaskForm):
    """Mark an action item open, done or dropped."""

    status = SelectField(
        _l("Status"), choices=choices((s.value, ACTION_LABELS[s]) for s in ActionStatus)
    )
