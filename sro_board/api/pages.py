"""The human pages: the open data page (bulk downloads) and the API's documentation."""

import re

import sqlalchemy as sa
from flask import Blueprint, render_template
from flask_babel import lazy_gettext as _l

from ..core.clock import today_local
from ..core.extensions import db
from ..core.pagecache import public_page
from ..meetings.models import Meeting
from ..recommendations.models import Recommendation
from . import licence, queries
from .bulk import DATASETS
from .registry import OPERATIONS

pages = Blueprint("open_data", __name__)

# An example address for each operation's path values (real ones when there are some).
EXAMPLE_VALUES = {"code": "R-01", "meeting_id": "1"}
ERROR_EXAMPLE = '{"error": {"status": 404, "code": "not_found", "message": "…", "details": {}}}'
EXAMPLE_QUERIES = {
    "api.recommendations": "?status=in_progress&theme=training_hiring&per_page=5",
    "api.meetings": "?body=advisory_board&page=1",
}


DATASET_NAMES = {
    "recommendations": _l("Recommendations"),
    "milestones": _l("Milestones"),
    "evidence": _l("Evidence"),
    "timeline": _l("Public timeline"),
    "assessments": _l("Board assessments"),
    "meetings": _l("Meetings"),
    "decisions": _l("Decisions"),
}
DATASET_NOTES = {
    "recommendations": _l(
        "Each recommendation's public fields: status, feasibility, progress, "
        "target date and the first commitment."
    ),
    "milestones": _l("The steps of each recommendation, with their due dates."),
    "evidence": _l("The links that show what was done."),
    "timeline": _l("Every approved update: its date, public note and the changes it made."),
    "assessments": _l("The advisory board's approved assessments of the recommendations."),
    "meetings": _l("The announced meetings of the advisory board and the working group."),
    "decisions": _l("The decisions of public meetings whose minutes are published."),
}


def example_values() -> dict[str, str]:
    """The first recommendation's code and the latest public meeting's id, when there are."""
    code = db.session.scalar(sa.select(Recommendation.code).order_by(Recommendation.code).limit(1))
    meeting = db.session.scalar(
        queries.meetings().where(Meeting.is_public.is_(True)).with_only_columns(Meeting.id).limit(1)
    )
    return (
        EXAMPLE_VALUES
        | ({"code": code} if code else {})
        | ({"meeting_id": str(meeting)} if meeting else {})
    )


def breakable(address: str) -> list[str]:
    """An address in pieces after each / ? and &, so a narrow screen can wrap it there."""
    return [piece for piece in re.split(r"(?<=[/?&])", address) if piece]


def examples() -> list[tuple[list[str], str, list[str], str]]:
    """(path's pieces, example address, its pieces, summary) of every JSON operation but the
    bulk files."""
    values = example_values()
    found = []
    for op in OPERATIONS:
        if op.path.startswith("/api/v1/bulk/"):
            continue
        example = op.path
        for name, value in values.items():
            example = example.replace("{" + name + "}", value)
        example += EXAMPLE_QUERIES.get(f"api.{op.endpoint}", "")
        found.append((breakable(op.path), example, breakable(example), op.summary))
    return found


@pages.get("/open-data")
@public_page()
def open_data():
    """All public data to download, its licence and how to cite it."""
    return render_template(
        "api/open_data.html",
        datasets=DATASETS,
        dataset_names=DATASET_NAMES,
        dataset_notes=DATASET_NOTES,
        licence=licence,
        today=today_local(),
    )


@pages.get("/open-data/api")
@public_page()
def api_docs():
    """How to use the API, each operation with an example."""
    return render_template(
        "api/docs.html",
        operations=examples(),
        licence=licence,
        today=today_local(),
        error_example=ERROR_EXAMPLE,
    )
