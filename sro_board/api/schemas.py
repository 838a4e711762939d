"""The API's marshmallow schemas: each one serialises responses and is described in OpenAPI.

The views dump every response through these schemas (never a hand-built dict), and spec.py
builds the OpenAPI document from the same classes, so the document cannot drift from what is
served. Text is in the request's language (English or French), the English while a French
text is missing; keys of the vocabularies (`status.key`...) never change with the language.
"""

from marshmallow import Schema, fields, validate

from ..meetings.enums import Body
from ..recommendations.enums import (
    Feasibility,
    ImplementationStatus,
    ScheduleState,
    SourceReport,
    Theme,
)
from ..recommendations.filters import SORTS
from ..recommendations.schedule import TARGET_MOVES

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
MAX_PAGE = 10**6


class Strict(Schema):
    """Output schemas: every field always present (nullable ones as null), nothing else."""


class TermSchema(Strict):
    """A value of a vocabulary: its stable key and its name in the request's language."""

    key = fields.String(required=True)
    label = fields.String(required=True)


class PageLinksSchema(Strict):
    """Links of a paginated list: this page, the first, the last, the next and previous."""

    self = fields.String(required=True)
    first = fields.String(required=True)
    last = fields.String(required=True)
    next = fields.String(required=True, allow_none=True)
    prev = fields.String(required=True, allow_none=True)


class PaginationSchema(Strict):
    """Where a page lies in the whole list."""

    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
    total = fields.Integer(required=True)
    pages = fields.Integer(required=True)


class ItemLinksSchema(Strict):
    """Where to read an item: its API address and its public page."""

    self = fields.String(required=True)
    html = fields.String(required=True)


class RecommendationSummarySchema(Strict):
    """A recommendation in a list: its public fields without milestones, evidence, timeline."""

    code = fields.String(required=True)
    title = fields.String(required=True)
    theme = fields.Nested(TermSchema, required=True)
    reports = fields.List(fields.Nested(TermSchema), required=True)
    lead_unit = fields.String(required=True)
    feasibility = fields.Nested(TermSchema, required=True)
    status = fields.Nested(TermSchema, required=True)
    schedule = fields.Nested(TermSchema, required=True)
    progress = fields.Integer(required=True, metadata={"minimum": 0, "maximum": 100})
    target_date = fields.Date(required=True)
    baseline_target_date = fields.Date(required=True)
    last_public_update_at = fields.DateTime(required=True, allow_none=True)
    links = fields.Nested(ItemLinksSchema, required=True)


class MilestoneSchema(Strict):
    """A step towards implementing a recommendation."""

    title = fields.String(required=True)
    due_date = fields.Date(required=True)
    done = fields.Boolean(required=True)


class EvidenceSchema(Strict):
    """A published link showing what was done."""

    title = fields.String(required=True)
    url = fields.String(required=True)


class ChangeSchema(Strict):
    """One field an approved update changed: its old and new value (as stored)."""

    field = fields.String(required=True)
    label = fields.String(required=True)
    old = fields.Raw(required=True, allow_none=True)
    new = fields.Raw(required=True, allow_none=True)


class TimelineEntrySchema(Strict):
    """An approved update as the public timeline shows it: date, public note, changes."""

    id = fields.Integer(required=True)
    published_at = fields.DateTime(required=True)
    public_note = fields.String(required=True)
    changes = fields.List(fields.Nested(ChangeSchema), required=True)


class AgreedAtSchema(Strict):
    """The board meeting whose vote agreed an assessment (no link when it was closed)."""

    meeting_date = fields.DateTime(required=True)
    meeting_id = fields.Integer(required=True, allow_none=True)


class AssessmentSchema(Strict):
    """One of the advisory board's approved assessments of a recommendation."""

    rating = fields.Nested(TermSchema, required=True)
    assessed_on = fields.Date(required=True)
    commentary = fields.String(required=True)
    agreed_at = fields.Nested(AgreedAtSchema, required=True, allow_none=True)


class RecommendationSchema(RecommendationSummarySchema):
    """One recommendation: everything its public page shows."""

    description = fields.String(required=True)
    feasibility_rationale = fields.String(required=True)
    status_reason = fields.String(required=True, allow_none=True)
    baseline_recorded_at = fields.DateTime(required=True)
    milestones = fields.List(fields.Nested(MilestoneSchema), required=True)
    evidence = fields.List(fields.Nested(EvidenceSchema), required=True)
    timeline = fields.List(
        fields.Nested(TimelineEntrySchema),
        required=True,
        metadata={"description": "The latest approved updates, newest first (see timeline_url)."},
    )
    timeline_total = fields.Integer(required=True)
    timeline_url = fields.String(required=True)
    assessments = fields.List(
        fields.Nested(AssessmentSchema),
        required=True,
        metadata={"description": "The board's approved assessments, newest (current) first."},
    )
    board_disagrees = fields.Boolean(required=True)


class RecommendationPageSchema(Strict):
    """A page of recommendations."""

    data = fields.List(fields.Nested(RecommendationSummarySchema), required=True)
    pagination = fields.Nested(PaginationSchema, required=True)
    links = fields.Nested(PageLinksSchema, required=True)


class RecommendationOneSchema(Strict):
    """One recommendation."""

    data = fields.Nested(RecommendationSchema, required=True)


class TimelinePageSchema(Strict):
    """A page of a recommendation's public timeline, newest first."""

    data = fields.List(fields.Nested(TimelineEntrySchema), required=True)
    pagination = fields.Nested(PaginationSchema, required=True)
    links = fields.Nested(PageLinksSchema, required=True)


class DefinitionSchema(Strict):
    """A published definition of one feasibility, status or schedule value."""

    axis = fields.String(required=True)
    key = fields.String(required=True)
    name = fields.String(required=True)
    meaning = fields.String(required=True)
    entry_criteria = fields.String(required=True)


class DefinitionListSchema(Strict):
    """Every status definition, in their published order."""

    data = fields.List(fields.Nested(DefinitionSchema), required=True)


class ThemeSchema(Strict):
    """A theme, how many recommendations it holds and their average progress."""

    key = fields.String(required=True)
    label = fields.String(required=True)
    count = fields.Integer(required=True)
    average_progress = fields.Integer(required=True)
    recommendations_url = fields.String(required=True)


class ThemeListSchema(Strict):
    """Every theme."""

    data = fields.List(fields.Nested(ThemeSchema), required=True)


class CountSchema(Strict):
    """How many recommendations have one value."""

    key = fields.String(required=True)
    label = fields.String(required=True)
    count = fields.Integer(required=True)


class RatingSummarySchema(Strict):
    """The board's current ratings at a glance."""

    by_rating = fields.List(fields.Nested(CountSchema), required=True)
    assessed = fields.Integer(required=True)
    disagreements = fields.Integer(
        required=True,
        metadata={"description": "Done (implemented or ongoing) but the board is not satisfied."},
    )


class AggregatesSchema(Strict):
    """The home page's figures: counts by status and feasibility, themes, board ratings."""

    total = fields.Integer(required=True)
    by_status = fields.List(fields.Nested(CountSchema), required=True)
    by_feasibility = fields.List(fields.Nested(CountSchema), required=True)
    by_theme = fields.List(fields.Nested(ThemeSchema), required=True)
    board_ratings = fields.Nested(RatingSummarySchema, required=True)


class AggregatesOneSchema(Strict):
    """The aggregates."""

    data = fields.Nested(AggregatesSchema, required=True)


class ProgressMonthSchema(Strict):
    """One month of progress over time: counts by status at its end, the plan, what is done."""

    month = fields.Date(required=True, metadata={"description": "The month's first day."})
    by_status = fields.List(fields.Nested(CountSchema), required=True)
    total = fields.Integer(required=True, metadata={"description": "In the tracker by then."})
    planned = fields.Integer(
        required=True,
        metadata={"description": "Of them, first committed to be done by then (baseline)."},
    )
    done = fields.Integer(
        required=True, metadata={"description": "Of them, implemented or ongoing then."}
    )


class ProgressSchema(Strict):
    """Recommendations by status month by month since the tracker started, and the plan."""

    done_statuses = fields.List(fields.String(), required=True)
    months = fields.List(fields.Nested(ProgressMonthSchema), required=True)


class ProgressOneSchema(Strict):
    """Progress over time."""

    data = fields.Nested(ProgressSchema, required=True)


class DecisionSchema(Strict):
    """A motion put at a meeting and its outcome (published with the minutes)."""

    motion = fields.String(required=True)
    outcome = fields.Nested(TermSchema, required=True)
    votes_for = fields.Integer(required=True, allow_none=True)
    votes_against = fields.Integer(required=True, allow_none=True)
    votes_abstaining = fields.Integer(required=True, allow_none=True)


class AgendaItemSchema(Strict):
    """An agenda item; its minutes and decisions once the minutes are published."""

    position = fields.Integer(required=True)
    title = fields.String(required=True)
    presenter = fields.String(required=True)
    minutes_allowed = fields.Integer(required=True, allow_none=True)
    recommendations = fields.List(fields.String(), required=True)
    summary = fields.String(required=True, allow_none=True)
    decisions = fields.List(fields.Nested(DecisionSchema), required=True)


class ActionItemSchema(Strict):
    """Something agreed at a meeting (who owns it is not published here)."""

    description = fields.String(required=True)
    status = fields.Nested(TermSchema, required=True)
    due_date = fields.Date(required=True, allow_none=True)
    recommendation = fields.String(required=True, allow_none=True)


class AttendanceSchema(Strict):
    """How many attended (counts only: no names in the open data)."""

    present = fields.Integer(required=True)
    regrets = fields.Integer(required=True)
    absent = fields.Integer(required=True)


class MeetingSummarySchema(Strict):
    """A meeting in a list. A closed meeting shows only its body, date and time, and `closed`:
    every other field is null."""

    id = fields.Integer(required=True)
    body = fields.Nested(TermSchema, required=True)
    starts_at = fields.DateTime(required=True)
    closed = fields.Boolean(required=True)
    title = fields.String(required=True, allow_none=True)
    state = fields.Nested(TermSchema, required=True, allow_none=True)
    minutes_published = fields.Boolean(required=True, allow_none=True)
    links = fields.Nested(ItemLinksSchema, required=True)


class MeetingSchema(MeetingSummarySchema):
    """A meeting: its agenda; minutes, decisions, actions and attendance once published."""

    duration_minutes = fields.Integer(required=True, allow_none=True)
    place = fields.String(required=True, allow_none=True)
    online = fields.String(required=True, allow_none=True)
    late_reason = fields.String(required=True, allow_none=True)
    agenda_changed_at = fields.DateTime(required=True, allow_none=True)
    items = fields.List(fields.Nested(AgendaItemSchema), required=True, allow_none=True)
    other_decisions = fields.List(fields.Nested(DecisionSchema), required=True, allow_none=True)
    actions = fields.List(fields.Nested(ActionItemSchema), required=True, allow_none=True)
    attendance = fields.Nested(AttendanceSchema, required=True, allow_none=True)
    minutes_approved_on = fields.List(fields.DateTime(), required=True, allow_none=True)


class MeetingPageSchema(Strict):
    """A page of meetings, newest first."""

    data = fields.List(fields.Nested(MeetingSummarySchema), required=True)
    pagination = fields.Nested(PaginationSchema, required=True)
    links = fields.Nested(PageLinksSchema, required=True)


class MeetingOneSchema(Strict):
    """One meeting."""

    data = fields.Nested(MeetingSchema, required=True)


class ErrorBodySchema(Strict):
    """What went wrong."""

    status = fields.Integer(required=True)
    code = fields.String(required=True, metadata={"description": "Stable, e.g. not_found."})
    message = fields.String(required=True)
    details = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        required=True,
        metadata={"description": "For a bad query: each parameter and its problems."},
    )


class ErrorSchema(Strict):
    """Every error under /api/ has this shape."""

    error = fields.Nested(ErrorBodySchema, required=True)


# --- query strings -----------------------------------------------------------------------------


def _choice(values, description: str) -> fields.String:
    return fields.String(
        validate=validate.OneOf([str(v) for v in values]), metadata={"description": description}
    )


class PageArgsSchema(Schema):
    """Which page: numbered pages of per_page rows."""

    page = fields.Integer(
        load_default=1,
        validate=validate.Range(min=1, max=MAX_PAGE),
        metadata={"description": "The page number, from 1."},
    )
    per_page = fields.Integer(
        load_default=DEFAULT_PER_PAGE,
        validate=validate.Range(min=1, max=MAX_PER_PAGE),
        metadata={"description": f"Rows per page (at most {MAX_PER_PAGE})."},
    )
    lang = _choice(("en", "fr"), "The language of the text (same as the /fr/api/v1 prefix).")


class LangArgsSchema(Schema):
    """The language only."""

    lang = _choice(("en", "fr"), "The language of the text (same as the /fr/api/v1 prefix).")


class RecommendationArgsSchema(PageArgsSchema):
    """The public list's filters (recommendations/filters.py), by the same names and values."""

    q = fields.String(
        validate=validate.Length(max=100),
        metadata={"description": "Words in the code, title or description (either language)."},
    )
    theme = _choice(Theme, "Only this theme.")
    status = _choice(ImplementationStatus, "Only this implementation status.")
    feasibility = _choice(Feasibility, "Only this feasibility decision.")
    report = _choice(SourceReport, "Only those from this source report.")
    schedule = _choice(ScheduleState, "Only those on this schedule (today's, in Edmonton).")
    target = _choice(TARGET_MOVES, "How the target date moved from the baseline.")
    sort = fields.String(
        load_default="code",
        validate=validate.OneOf(list(SORTS)),
        metadata={"description": "The order, as on the public list."},
    )


class MeetingArgsSchema(PageArgsSchema):
    """Meetings of one body or both."""

    body = _choice(Body, "Only this body's meetings.")
