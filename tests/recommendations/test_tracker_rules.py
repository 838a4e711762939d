"""The tracker refuses bad input with a clear message and changes nothing; the schedule rule."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.core.clock import today_local
from sro_board.core.extensions import db
from sro_board.recommendations.enums import ImplementationStatus, ScheduleState
from sro_board.recommendations.fields import snapshot
from sro_board.recommendations.models import Recommendation, Update
from sro_board.recommendations.schedule import schedule_filter, schedule_state
from tests.factories import count_rows, login, make_rec
from tests.pages import load_form, text
from tests.recommendations.factories import EVIDENCE, publish, rec_by_code, submit_edit


def tracker_state(code: str = "R-01") -> tuple:
    """Everything an edit could change: values, version, updates and audit entries."""
    rec = rec_by_code(code)
    return snapshot(rec), rec.version, count_rows(Update), count_rows(AuditEntry)


# the edit form


def test_edit_form_is_prefilled_with_the_current_values(client, users):
    rec = make_rec(feasibility_rationale="")
    publish(rec, feasibility="feasible", status="planning", progress=15, evidence=EVIDENCE)
    login(client, users["chair"])
    form = load_form(client, "/staff/recommendations/R-01/edit")
    assert form["feasibility"] == ["feasible"]
    assert form["status"] == ["planning"]
    assert form["progress"] == ["15"]
    assert form["evidence-0-url"] == ["https://example.org/policy"]
    assert form["version"] == [str(rec_by_code().version)]


def test_saving_the_form_unchanged_is_refused_as_nothing_changed(client, users):
    make_rec()
    login(client, users["chair"])
    before = tracker_state()
    response = submit_edit(client)
    assert "Nothing changed: edit a field or write a note." in text(response)
    assert tracker_state() == before


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"progress": "150"}, "Number must be between 0 and 100."),
        ({"progress": "-5"}, "Number must be between 0 and 100."),
        ({"progress": "lots"}, "Not a valid integer value."),
        ({"title": ""}, "Title (English): This field is required."),
        ({"description": "  "}, "Description (English): This field is required."),
        ({"reports": []}, "Choose at least one source report."),
        ({"target_date": "2026-13-45"}, "Not a valid date value."),
        ({"theme": "weather"}, "Not a valid choice."),
        ({"lead_user": "stranger@example.org"}, "Not a valid choice."),
        (
            {"feasibility": "not_feasible", "feasibility_rationale": ""},
            "A rationale is required when feasibility is Not feasible.",
        ),
        (
            {"feasibility": "feasible_modified", "feasibility_rationale": " "},
            "A rationale is required when feasibility is Feasible with modifications.",
        ),
        ({"status": "implemented"}, "Status cannot move from Not started to Implemented."),
        ({"status": "ongoing"}, "Status cannot move from Not started to Ongoing"),
        ({"milestones-0-title": "Draft a plan"}, "Give the milestone a due date."),
        (
            {"evidence-0-title": "Policy", "evidence-0-url": "not a link"},
            "Enter a full web address (https://…).",
        ),
        (
            {"evidence-0-title": "Policy", "evidence-0-url": "javascript:alert(1)"},
            "Links must start with https:// or http://.",
        ),
        (
            {"evidence-0-title": "Policy", "evidence-0-url": "ftp://example.org/policy.pdf"},
            "Links must start with https:// or http://.",
        ),
        ({"evidence-0-url": "https://example.org/a"}, "Give the evidence a title."),
        ({"evidence-0-title": "Policy"}, "Give the evidence a link."),
        ({"version": "one"}, "Invalid input."),
    ],
    ids=lambda v: str(v) if isinstance(v, str) else None,
)
def test_bad_edit_is_refused_with_a_message_and_changes_nothing(client, users, changes, message):
    make_rec()
    login(client, users["chair"])
    before = tracker_state()
    response = submit_edit(client, **changes, public_note="A note.")
    assert response.status_code == 200
    assert message in text(response)
    assert tracker_state() == before


def test_marking_implemented_without_evidence_is_refused(client, users):
    publish(make_rec(), status="in_progress", progress=90)
    login(client, users["chair"])
    before = tracker_state()
    response = submit_edit(client, status="implemented", progress="100")
    assert "Add at least one evidence link before marking it Implemented." in text(response)
    assert tracker_state() == before


def test_a_members_bad_draft_is_refused_too(client, users):
    make_rec()
    login(client, users["member"])
    before = tracker_state()
    response = submit_edit(client, status="implemented")
    assert "Status cannot move from Not started to Implemented." in text(response)
    assert tracker_state() == before


def test_unknown_recommendation_is_404(client, users):
    login(client, users["chair"])
    assert client.get("/staff/recommendations/R-99/edit").status_code == 404
    assert client.get("/staff/recommendations/R-99").status_code == 404


def test_milestones_removed_and_progress_derived_from_them(client, users):
    rec = make_rec()
    due = (today_local() + timedelta(days=30)).isoformat()
    publish(
        rec,
        milestones=[
            {"title": "First", "due_date": due, "done": True},
            {"title": "Second", "due_date": due, "done": False},
            {"title": "Third", "due_date": due, "done": False},
        ],
    )
    login(client, users["chair"])
    response = submit_edit(client, progress_from_milestones="y", **{"milestones-2-remove": "y"})
    assert response.status_code == 302
    rec = rec_by_code()
    assert [m.title for m in rec.milestones] == ["First", "Second"]
    assert rec.progress == 50


# adding a recommendation


def new_form(**changes) -> dict:
    """A valid form for a new recommendation."""
    return {
        "code": "R-02",
        "title": "Review the complaint process",
        "description": "Make complaints about officers in schools easier to raise.",
        "theme": "advisory_accountability",
        "reports": ["final", "roundtable"],
        "lead_unit": "Professional Standards",
        "lead_user": "",
        "target_date": "2027-03-31",
    } | changes


def test_chair_adds_a_recommendation(client, users):
    login(client, users["chair"])
    response = client.post("/staff/recommendations/new", data=new_form())
    assert response.location == "/staff/recommendations/R-02"
    rec = rec_by_code("R-02")
    assert rec.reports == ["final", "roundtable"]
    assert rec.baseline_target_date == rec.target_date == date(2027, 3, 31)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": "R-01"}, "A recommendation with code R-01 already exists."),
        ({"code": "R1"}, "Use the form R-01."),
        ({"code": "r-02"}, "Use the form R-01."),
        ({"code": "R-0002"}, "Use the form R-01."),
        ({"reports": []}, "Choose at least one source report."),
        ({"title": ""}, "This field is required."),
        ({"target_date": ""}, "Enter a date."),
    ],
    ids=["duplicate code", "R1", "lower case", "too long", "no report", "no title", "no date"],
)
def test_bad_new_recommendation_is_refused(client, users, changes, message):
    make_rec("R-01")
    login(client, users["chair"])
    before = count_rows(Recommendation), count_rows(Update), count_rows(AuditEntry)
    response = client.post("/staff/recommendations/new", data=new_form(**changes))
    assert response.status_code == 200
    assert message in text(response)
    assert (count_rows(Recommendation), count_rows(Update), count_rows(AuditEntry)) == before


# the schedule rule

TODAY = date(2026, 3, 1)
OPEN = [s for s in ImplementationStatus if not s.is_closed]


@pytest.mark.parametrize(
    ("status", "days_left", "progress", "expected"),
    [
        ("in_progress", 200, 10, ScheduleState.ON_TRACK),
        ("in_progress", 91, 0, ScheduleState.ON_TRACK),
        ("in_progress", 90, 74, ScheduleState.AT_RISK),
        ("in_progress", 90, 75, ScheduleState.ON_TRACK),
        ("in_progress", 0, 74, ScheduleState.AT_RISK),
        ("in_progress", 0, 100, ScheduleState.ON_TRACK),
        ("in_progress", -1, 100, ScheduleState.OVERDUE),
        ("not_started", -400, 0, ScheduleState.OVERDUE),
        ("deferred", 500, 0, ScheduleState.AT_RISK),
        ("deferred", -1, 0, ScheduleState.OVERDUE),
        ("implemented", -100, 100, ScheduleState.CLOSED),
        ("ongoing", -1, 50, ScheduleState.CLOSED),
        ("will_not_proceed", 10, 0, ScheduleState.CLOSED),
    ],
)
def test_schedule_rule(status, days_left, progress, expected):
    target = TODAY + timedelta(days=days_left)
    assert schedule_state(ImplementationStatus(status), target, progress, TODAY) is expected


def test_schedule_filter_in_sql_agrees_with_the_python_rule(app):
    grid = [
        (status, days_left, progress)
        for status in ImplementationStatus
        for days_left in (-30, -1, 0, 1, 89, 90, 91, 365)
        for progress in (0, 74, 75, 100)
    ]
    for n, (status, days_left, progress) in enumerate(grid):
        rec = Recommendation(
            code=f"R-{n:03d}",
            title="t",
            description="d",
            theme="role",
            lead_unit="u",
            target_date=TODAY + timedelta(days=days_left),
            baseline_target_date=TODAY,
            status=status,
            progress=progress,
        )
        db.session.add(rec)
    db.session.commit()
    recs = db.session.scalars(sa.select(Recommendation)).all()
    for state in ScheduleState:
        in_sql = set(
            db.session.scalars(sa.select(Recommendation.code).where(schedule_filter(state, TODAY)))
        )
        in_python = {
            r.code
            for r in recs
            if schedule_state(r.status, r.target_date, r.progress, TODAY) is state
        }
        assert in_sql == in_python, state
    assert len(OPEN) == 4
