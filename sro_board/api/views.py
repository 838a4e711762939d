"""The JSON operations under /api/v1: thin views over queries.py and serialise.py."""

from typing import Any

from flask import abort, current_app, request
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from ..meetings.enums import Body
from ..oversight.queries import rating_summary
from ..progress.history import progress_history
from ..recommendations.filters import FilterForm, filter_recommendations
from ..recommendations.queries import status_reason, summary
from . import queries, schemas, serialise, spec
from .registry import operation
from .serialise import absolute

RECOMMENDATIONS = "Recommendations"
VOCABULARIES = "Vocabularies and figures"
MEETINGS = "Meetings"
NOT_FOUND = True
# The public list's filters (recommendations/filters.py FilterForm), by the same names.
FILTERS = ("q", "theme", "status", "feasibility", "report", "schedule", "target", "sort")
LARGEST_ID = 2**31 - 1


def page_envelope(
    sliced: queries.Slice, args: dict[str, Any], rows: list[dict[str, Any]]
) -> dict[str, Any]:
    """A page's rows with where it lies and links to its neighbours (other arguments kept)."""
    page, per_page = args["page"], args["per_page"]
    pages = max(-(-sliced.total // per_page), 1)

    def link(number: int) -> str:
        kept = {k: v for k, v in request.args.items() if k not in ("page", "per_page")}
        return absolute(
            request.endpoint,
            **(request.view_args or {}),
            **kept,
            page=number,
            per_page=per_page,
        )

    return {
        "data": rows,
        "pagination": {"page": page, "per_page": per_page, "total": sliced.total, "pages": pages},
        "links": {
            "self": link(page),
            "first": link(1),
            "last": link(pages),
            "next": link(page + 1) if page < pages else None,
            "prev": link(min(page - 1, pages)) if page > 1 else None,
        },
    }


@operation(
    "/recommendations",
    summary=_l("List recommendations, with the public list's filters"),
    tag=RECOMMENDATIONS,
    args=schemas.RecommendationArgsSchema,
    response=schemas.RecommendationPageSchema,
)
def recommendations(args: dict[str, Any]):
    """A page of recommendations matching the filters."""
    filters = {k: v for k, v in args.items() if k in FILTERS}
    form = FilterForm(formdata=MultiDict({k: str(v) for k, v in filters.items()}))
    form.validate()
    query = queries.without_staff(filter_recommendations(form))
    sliced = queries.page_of(query, args["page"], args["per_page"])
    rows = [serialise.recommendation_summary(rec) for rec in sliced.items]
    return page_envelope(sliced, args, rows)


@operation(
    "/recommendations/<code>",
    summary=_l("One recommendation: milestones, evidence, latest timeline, board assessments"),
    tag=RECOMMENDATIONS,
    args=schemas.LangArgsSchema,
    response=schemas.RecommendationOneSchema,
    not_found=NOT_FOUND,
)
def recommendation(args: dict[str, Any], code: str):
    """Everything the recommendation's public page shows."""
    rec = queries.recommendation(code)
    if rec is None:
        abort(404)
    timeline = queries.page_of(queries.approved_updates(rec.id), 1, queries.TIMELINE_IN_DETAIL)
    data = serialise.recommendation(
        rec,
        timeline.items,
        timeline.total,
        status_reason(rec),
        queries.assessments_of(rec.id),
    )
    return {"data": data}


@operation(
    "/recommendations/<code>/timeline",
    summary=_l("A recommendation's public timeline (approved updates), newest first"),
    tag=RECOMMENDATIONS,
    args=schemas.PageArgsSchema,
    response=schemas.TimelinePageSchema,
    not_found=NOT_FOUND,
)
def timeline(args: dict[str, Any], code: str):
    """A page of the public timeline."""
    rec = queries.recommendation(code)
    if rec is None:
        abort(404)
    sliced = queries.page_of(queries.approved_updates(rec.id), args["page"], args["per_page"])
    return page_envelope(sliced, args, [serialise.timeline_entry(u) for u in sliced.items])


@operation(
    "/status-definitions",
    summary=_l("What each feasibility, status and schedule value means"),
    tag=VOCABULARIES,
    args=schemas.LangArgsSchema,
    response=schemas.DefinitionListSchema,
)
def definitions(args: dict[str, Any]):
    """Every published definition."""
    return {"data": [serialise.definition(d) for d in queries.definitions()]}


@operation(
    "/themes",
    summary=_l("The themes, with how many recommendations each holds"),
    tag=VOCABULARIES,
    args=schemas.LangArgsSchema,
    response=schemas.ThemeListSchema,
)
def themes(args: dict[str, Any]):
    """Every theme with its count and average progress."""
    return {"data": [serialise.theme(t, n, avg) for t, n, avg in summary().by_theme]}


@operation(
    "/aggregates",
    summary=_l("The home page's figures: counts by status, feasibility, theme; board ratings"),
    tag=VOCABULARIES,
    args=schemas.LangArgsSchema,
    response=schemas.AggregatesOneSchema,
)
def aggregates(args: dict[str, Any]):
    """Counts and averages."""
    return {"data": serialise.aggregates(summary(), rating_summary())}


@operation(
    "/progress",
    summary=_l("Progress over time: recommendations by status month by month, and the plan"),
    tag=VOCABULARIES,
    args=schemas.LangArgsSchema,
    response=schemas.ProgressOneSchema,
)
def progress(args: dict[str, Any]):
    """The figures of the chart on /progress."""
    return {"data": serialise.progress(progress_history())}


@operation(
    "/meetings",
    summary=_l("Public meetings (never drafts), newest first; closed ones in brief"),
    tag=MEETINGS,
    args=schemas.MeetingArgsSchema,
    response=schemas.MeetingPageSchema,
)
def meetings(args: dict[str, Any]):
    """A page of meetings of one body or both."""
    body = Body(args["body"]) if args.get("body") else None
    sliced = queries.page_of(queries.meetings(body), args["page"], args["per_page"])
    return page_envelope(sliced, args, [serialise.meeting_summary(m) for m in sliced.items])


@operation(
    "/meetings/<int:meeting_id>",
    summary=_l("A meeting: its agenda; minutes, decisions and actions once published"),
    tag=MEETINGS,
    args=schemas.LangArgsSchema,
    response=schemas.MeetingOneSchema,
    not_found=NOT_FOUND,
    path_params={"meeting_id": {"type": "integer", "minimum": 0, "maximum": LARGEST_ID}},
)
def meeting(args: dict[str, Any], meeting_id: int):
    """One meeting as its public page shows it."""
    found = queries.meeting(meeting_id) if meeting_id <= LARGEST_ID else None
    if found is None:
        abort(404)
    approvals = queries.approvals_of([found.id])[found.id]
    return {"data": serialise.meeting(found, approvals)}


@operation(
    "/openapi.json",
    summary=_l("This API's OpenAPI 3.1 document (generated from the code)"),
    tag="About",
    endpoint="openapi",
)
def openapi(args: dict[str, Any]):
    """The OpenAPI document."""
    return current_app.json.response(spec.document())
