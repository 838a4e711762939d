"""Bulk downloads of all public data, as CSV and JSON, from one row schema per dataset.

Each dataset is a flat table: English and French text side by side (`title`, `title_fr`) and
the vocabularies' keys, so one file serves both languages. The JSON and the CSV come from the
same schema's dump (CSV cells that a spreadsheet would run are neutralised).
"""

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import Response, current_app
from marshmallow import Schema, fields
from sqlalchemy.orm import lazyload, selectinload

from ..core.extensions import db
from ..meetings.models import Decision, Meeting
from ..recommendations.fields import STAFF_ONLY_FIELDS
from ..recommendations.models import Evidence, Milestone, Recommendation
from ..security.spreadsheet import neutralise
from . import queries
from .licence import LICENCE_NAME
from .registry import operation
from .schemas import Strict
from .serialise import absolute, minutes_published

BULK = "Bulk downloads"
BATCH = 500


class RecommendationRow(Strict):
    """A recommendation's public fields."""

    code = fields.String(required=True)
    title = fields.String(required=True)
    title_fr = fields.String(required=True)
    description = fields.String(required=True)
    description_fr = fields.String(required=True)
    theme = fields.String(required=True)
    reports = fields.String(required=True, metadata={"description": "Report keys, ';' between."})
    lead_unit = fields.String(required=True)
    feasibility = fields.String(required=True)
    feasibility_rationale = fields.String(required=True)
    status = fields.String(required=True)
    progress = fields.Integer(required=True)
    target_date = fields.Date(required=True)
    baseline_target_date = fields.Date(required=True)
    baseline_recorded_at = fields.DateTime(required=True)
    last_public_update_at = fields.DateTime(required=True, allow_none=True)
    url = fields.String(required=True)


class MilestoneRow(Strict):
    """A milestone of a recommendation."""

    recommendation = fields.String(required=True)
    title = fields.String(required=True)
    title_fr = fields.String(required=True)
    due_date = fields.Date(required=True)
    done = fields.Boolean(required=True)


class EvidenceRow(Strict):
    """An evidence link of a recommendation."""

    recommendation = fields.String(required=True)
    title = fields.String(required=True)
    title_fr = fields.String(required=True)
    url = fields.String(required=True)


class TimelineRow(Strict):
    """An approved update on a recommendation's public timeline."""

    recommendation = fields.String(required=True)
    update_id = fields.Integer(required=True)
    published_at = fields.DateTime(required=True)
    public_note = fields.String(required=True)
    public_note_fr = fields.String(required=True)
    changes = fields.String(
        required=True,
        metadata={"description": 'The public changes as JSON: {"field": {"old": .., "new": ..}}'},
    )


class AssessmentRow(Strict):
    """One of the advisory board's approved assessments."""

    recommendation = fields.String(required=True)
    rating = fields.String(required=True)
    assessed_on = fields.Date(required=True)
    commentary = fields.String(required=True)
    commentary_fr = fields.String(required=True)
    agreed_at_meeting_date = fields.DateTime(required=True, allow_none=True)
    agreed_at_meeting_id = fields.Integer(required=True, allow_none=True)


class MeetingRow(Strict):
    """A public meeting; a closed one with its body, date and time only."""

    id = fields.Integer(required=True)
    body = fields.String(required=True)
    starts_at = fields.DateTime(required=True)
    closed = fields.Boolean(required=True)
    title = fields.String(required=True, allow_none=True)
    title_fr = fields.String(required=True, allow_none=True)
    state = fields.String(required=True, allow_none=True)
    duration_minutes = fields.Integer(required=True, allow_none=True)
    minutes_published = fields.Boolean(required=True, allow_none=True)


class DecisionRow(Strict):
    """A decision of a public meeting whose minutes are published."""

    meeting_id = fields.Integer(required=True)
    meeting_starts_at = fields.DateTime(required=True)
    body = fields.String(required=True)
    agenda_item = fields.String(required=True, allow_none=True)
    agenda_item_fr = fields.String(required=True, allow_none=True)
    motion = fields.String(required=True)
    motion_fr = fields.String(required=True)
    outcome = fields.String(required=True)
    votes_for = fields.Integer(required=True, allow_none=True)
    votes_against = fields.Integer(required=True, allow_none=True)
    votes_abstaining = fields.Integer(required=True, allow_none=True)


def _recommendations() -> Iterable[dict[str, Any]]:
    query = queries.without_staff(sa.select(Recommendation)).order_by(Recommendation.code)
    for rec in db.session.scalars(query.execution_options(yield_per=BATCH)):
        yield {
            "code": rec.code,
            "title": rec.title,
            "title_fr": rec.title_fr,
            "description": rec.description,
            "description_fr": rec.description_fr,
            "theme": str(rec.theme),
            "reports": ";".join(str(r) for r in rec.reports),
            "lead_unit": rec.lead_unit,
            "feasibility": str(rec.feasibility),
            "feasibility_rationale": rec.feasibility_rationale,
            "status": str(rec.status),
            "progress": rec.progress,
            "target_date": rec.target_date,
            "baseline_target_date": rec.baseline_target_date,
            "baseline_recorded_at": rec.baseline_recorded_at,
            "last_public_update_at": rec.last_public_update_at,
            "url": absolute("recommendations.public_detail", code=rec.code),
        }


def _codes() -> dict[int, str]:
    return dict(db.session.execute(sa.select(Recommendation.id, Recommendation.code)).all())


def _milestones() -> Iterable[dict[str, Any]]:
    codes = _codes()
    query = sa.select(Milestone).order_by(
        Milestone.recommendation_id, Milestone.due_date, Milestone.id
    )
    for m in db.session.scalars(query.execution_options(yield_per=BATCH)):
        yield {
            "recommendation": codes[m.recommendation_id],
            "title": m.title,
            "title_fr": m.title_fr,
            "due_date": m.due_date,
            "done": m.done,
        }


def _evidence() -> Iterable[dict[str, Any]]:
    codes = _codes()
    query = sa.select(Evidence).order_by(Evidence.recommendation_id, Evidence.id)
    for e in db.session.scalars(query.execution_options(yield_per=BATCH)):
        yield {
            "recommendation": codes[e.recommendation_id],
            "title": e.title,
            "title_fr": e.title_fr,
            "url": e.url,
        }


def _timeline() -> Iterable[dict[str, Any]]:
    codes = _codes()
    for u in db.session.scalars(queries.approved_updates().execution_options(yield_per=BATCH)):
        changes = {k: v for k, v in u.changes.items() if k not in STAFF_ONLY_FIELDS}
        yield {
            "recommendation": codes[u.recommendation_id],
            "update_id": u.id,
            "published_at": u.decided_at,
            "public_note": u.public_note,
            "public_note_fr": u.public_note_fr,
            "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
        }


def _assessments() -> Iterable[dict[str, Any]]:
    codes = _codes()
    for a in db.session.scalars(queries.approved_assessments()).unique():
        meeting = a.decision.meeting if a.decision is not None else None
        yield {
            "recommendation": codes[a.recommendation_id],
            "rating": str(a.rating),
            "assessed_on": a.assessed_on,
            "commentary": a.commentary,
            "commentary_fr": a.commentary_fr,
            "agreed_at_meeting_date": meeting.starts_at if meeting else None,
            "agreed_at_meeting_id": meeting.id if meeting and meeting.is_public else None,
        }


def _meetings() -> Iterable[dict[str, Any]]:
    for m in db.session.scalars(queries.meetings().execution_options(yield_per=BATCH)):
        public = m.is_public
        yield {
            "id": m.id,
            "body": str(m.body),
            "starts_at": m.starts_at,
            "closed": not public,
            "title": m.title if public else None,
            "title_fr": m.title_fr if public else None,
            "state": str(m.state) if public else None,
            "duration_minutes": m.duration_minutes if public else None,
            "minutes_published": minutes_published(m) if public else None,
        }


def _decisions() -> Iterable[dict[str, Any]]:
    query = (
        sa.select(Decision)
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .where(Decision.meeting_id.in_(queries.published_minutes()))
        .options(
            sa.orm.contains_eager(Decision.meeting),
            selectinload(Decision.item),
            lazyload(Decision.approves),
        )
        .order_by(Meeting.starts_at.desc(), Decision.id)
    )
    for d in db.session.scalars(query):
        yield {
            "meeting_id": d.meeting_id,
            "meeting_starts_at": d.meeting.starts_at,
            "body": str(d.meeting.body),
            "agenda_item": d.item.title if d.item else None,
            "agenda_item_fr": d.item.title_fr if d.item else None,
            "motion": d.motion,
            "motion_fr": d.motion_fr,
            "outcome": str(d.outcome),
            "votes_for": d.votes_for,
            "votes_against": d.votes_against,
            "votes_abstaining": d.votes_abstaining,
        }


@dataclass(frozen=True)
class Dataset:
    """One bulk dataset: its name, row schema and rows."""

    name: str
    schema: type[Schema]
    rows: Callable[[], Iterable[dict[str, Any]]]


DATASETS = (
    Dataset("recommendations", RecommendationRow, _recommendations),
    Dataset("milestones", MilestoneRow, _milestones),
    Dataset("evidence", EvidenceRow, _evidence),
    Dataset("timeline", TimelineRow, _timeline),
    Dataset("assessments", AssessmentRow, _assessments),
    Dataset("meetings", MeetingRow, _meetings),
    Dataset("decisions", DecisionRow, _decisions),
)


def envelope_schema(dataset: Dataset) -> type[Schema]:
    """The JSON file's schema: the dataset's name, the licence and its rows."""
    return Strict.from_dict(
        {
            "dataset": fields.String(required=True),
            "licence": fields.String(required=True),
            "data": fields.List(fields.Nested(dataset.schema), required=True),
        },
        name=f"{dataset.schema.__name__}File",
    )


def dumped(dataset: Dataset) -> list[dict[str, Any]]:
    """The dataset's rows through its schema."""
    return dataset.schema(many=True).dump(list(dataset.rows()))


def as_csv(dataset: Dataset) -> str:
    """The dataset as CSV: a header of the schema's fields, then one line per row."""
    out = io.StringIO()
    names = list(dataset.schema().fields)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for row in dumped(dataset):
        writer.writerow([_cell(row[name]) for name in names])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise(str(value))


def _download(dataset: Dataset, extension: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="sro-{dataset.name}.{extension}"'}


def _mount(dataset: Dataset) -> None:
    schema = envelope_schema(dataset)

    @operation(
        f"/bulk/{dataset.name}.json",
        summary=f"All {dataset.name} as JSON",
        tag=BULK,
        response=schema,
        media_type="application/json",
        endpoint=f"bulk_{dataset.name}_json",
    )
    def as_json_file(args: dict[str, Any]):
        body = {"dataset": dataset.name, "licence": str(LICENCE_NAME), "data": list(dataset.rows())}
        response = current_app.json.response(schema().dump(body))
        response.headers.update(_download(dataset, "json"))
        return response

    @operation(
        f"/bulk/{dataset.name}.csv",
        summary=f"All {dataset.name} as CSV (UTF-8, a header line)",
        tag=BULK,
        response=dataset.schema,
        media_type="text/csv",
        endpoint=f"bulk_{dataset.name}_csv",
    )
    def as_csv_file(args: dict[str, Any]):
        return Response(
            as_csv(dataset),
            content_type="text/csv; charset=utf-8",
            headers=_download(dataset, "csv"),
        )


for _dataset in DATASETS:
    _mount(_dataset)
