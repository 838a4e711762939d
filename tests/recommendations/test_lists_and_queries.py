"""Lists, filters and the dashboard; the number of SQL statements does not grow with the data."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask import g

from sro_board.auth.models import User
from sro_board.core.clock import now_utc, today_local
from sro_board.core.extensions import db
from sro_board.recommendations.enums import ImplementationStatus, Theme, UpdateState
from sro_board.recommendations.models import (
    Evidence,
    Milestone,
    Recommendation,
    RecommendationReport,
    Update,
)
from tests.factories import login, make_rec, make_user
from tests.pages import text
from tests.recommendations.factories import draft, publish, publish_closing
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures

IGNORED = "that value is not one of the choices, so it was ignored."


def codes_on(page: str) -> list[str]:
    """Recommendation codes in the list's first column, in order."""
    return [
        line.strip()[4:-5]
        for line in page.splitlines()
        if line.strip().startswith("<td>R-") and line.strip().endswith("</td>")
    ]


@pytest.fixture
def three(app):
    """Three published recommendations that differ in every filterable value."""
    soon = (today_local() + timedelta(days=30)).isoformat()
    late = (today_local() - timedelta(days=10)).isoformat()
    publish(
        make_rec("R-01", title="Plain-language role description", theme="role"),
        feasibility="feasible",
        status="in_progress",
        progress=80,
    )
    publish_closing(
        make_rec("R-02", title="Hiring panel", theme="training_hiring", reports=["teachers"]),
        feasibility="not_feasible",
        feasibility_rationale="No budget.",
        status="will_not_proceed",
    )
    publish(
        make_rec("R-03", title="Community forum", theme="community", description="Meet twice."),
        status="planning",
        progress=20,
        target_date=soon,
    )
    publish(make_rec("R-04", title="Annual data report", theme="data_evaluation"), target_date=late)


@pytest.mark.usefixtures("three")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["R-01", "R-02", "R-03", "R-04"]),
        ("theme=community", ["R-03"]),
        ("status=will_not_proceed", ["R-02"]),
        ("feasibility=feasible", ["R-01"]),
        ("report=teachers", ["R-02"]),
        ("report=final", ["R-01", "R-03", "R-04"]),
        ("q=hiring", ["R-02"]),
        ("q=TWICE", ["R-03"]),
        ("q=r-01", ["R-01"]),
        ("q=50%25", []),
        ("q=%25", []),
        ("q=_", []),
        ("q=%20r-0%20", ["R-01", "R-02", "R-03", "R-04"]),
        ("schedule=overdue", ["R-04"]),
        ("schedule=at_risk", ["R-03"]),
        ("schedule=on_track", ["R-01"]),
        ("schedule=closed", ["R-02"]),
        ("theme=role&status=planning", []),
    ],
)
def test_public_list_filters(client, query, expected):
    response = client.get(f"/recommendations?{query}")
    assert response.status_code == 200
    assert codes_on(text(response)) == expected
    assert IGNORED not in text(response)


@pytest.mark.usefixtures("three")
@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("code", ["R-01", "R-02", "R-03", "R-04"]),
        ("title", ["R-04", "R-03", "R-02", "R-01"]),
        ("progress", ["R-01", "R-03", "R-02", "R-04"]),
        ("target_date", ["R-04", "R-03", "R-01", "R-02"]),
    ],
)
def test_staff_list_sorts(client, users, sort, expected):
    login(client, users["member"])
    assert codes_on(text(client.get(f"/staff/recommendations?sort={sort}"))) == expected


@pytest.mark.usefixtures("three")
@pytest.mark.parametrize("path", ["/recommendations", "/staff/recommendations"])
@pytest.mark.parametrize(
    "query",
    [
        "theme=weather",
        "status=finished",
        "feasibility=maybe",
        "report=gazette",
        "schedule=someday",
        "sort=drop+table",
        "theme=%00",
        "q=" + "x" * 101,
    ],
)
def test_unknown_filter_values_are_ignored_with_a_message(client, users, path, query):
    login(client, users["member"])
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    page = text(response)
    assert IGNORED in page
    assert codes_on(page) == ["R-01", "R-02", "R-03", "R-04"]


# the dashboard


def test_dashboard_sections(client, users, app):
    member = users["member"]
    make_rec("R-01", lead_user=member.email)
    make_rec("R-02", target_date=(today_local() - timedelta(days=1)).isoformat())
    stale = make_rec("R-03")
    stale.last_public_update_at = now_utc() - timedelta(days=app.config["STALE_AFTER_DAYS"] + 1)
    db.session.commit()
    draft(make_rec("R-04"), member, progress=10)
    login(client, member)
    page = text(client.get("/staff/"))
    assert "Your drafts awaiting approval (1)" in page
    assert "Recommendations you lead (1)" in page
    assert "Overdue (1)" in page
    assert "no approved update for 60 days (1)" in page


def test_closed_recommendations_are_never_stale(client, users, app):
    long_ago = now_utc() - timedelta(days=app.config["STALE_AFTER_DAYS"] + 30)
    for code, status in (("R-01", "will_not_proceed"), ("R-02", "in_progress")):
        rec = make_rec(code)
        rec.status = ImplementationStatus(status)
        rec.last_public_update_at = long_ago
    db.session.commit()
    login(client, users["member"])
    page = text(client.get("/staff/"))
    assert "no approved update for 60 days (1)" in page


def test_a_member_sees_only_their_own_drafts_and_the_chair_sees_all(client, users):
    rec = make_rec()
    draft(rec, users["member"], progress=10)
    draft(rec, make_user(["member"], email="other@example.org"), progress=20)
    login(client, users["member"])
    assert "Your drafts awaiting approval (1)" in text(client.get("/staff/"))
    client.post("/logout")
    login(client, users["chair"])
    assert "Awaiting your approval (2)" in text(client.get("/staff/"))


# query counts


def add_recommendations(start: int, count: int, lead_id: int, author_id: int) -> None:
    """Recommendations with reports, milestones, evidence, published and pending updates."""
    today = today_local()
    lead, author = db.session.get(User, lead_id), db.session.get(User, author_id)
    for n in range(start, start + count):
        decided = now_utc() - timedelta(days=n % 90)
        published = Update(
            author=author,
            state=UpdateState.APPROVED,
            changes={"progress": {"old": 0, "new": n % 100}},
            public_note=f"Step {n} done.",
            based_on_version=1,
            resulting_version=2,
            decided_by=lead,
            decided_at=decided,
        )
        pending = Update(
            author=author,
            state=UpdateState.PENDING,
            changes={"progress": {"old": n % 100, "new": 100}},
            public_note="Finished?",
            based_on_version=2,
        )
        db.session.add(
            Recommendation(
                code=f"R-{n:03d}",
                title=f"Recommendation {n}",
                description="Text.",
                theme=list(Theme)[n % len(Theme)],
                lead_unit="Youth Education Unit",
                lead_user=lead if n % 2 else None,
                target_date=today + timedelta(days=(n % 7 - 2) * 60),
                baseline_target_date=today,
                status=list(ImplementationStatus)[n % len(ImplementationStatus)],
                progress=n % 100,
                last_public_update_at=decided,
                report_rows=[RecommendationReport(report="final")],
                milestones=[
                    Milestone(title="Plan", due_date=today),
                    Milestone(title="Do", due_date=today),
                ],
                evidence=[Evidence(title="Link", url="https://example.org/")],
                updates=[published, pending],
            )
        )
    db.session.commit()


@contextmanager
def counting_statements():
    """Count the SQL statements sent to the database inside the block."""
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)


def statements_for(client, path: str) -> int:
    """How many statements one GET of path runs, starting afresh as in production.

    The app fixture keeps one app context for the whole test, so requests share its session
    and `g`; empty both so nothing loaded earlier saves a query.
    """
    db.session.remove()
    for key in list(g):
        g.pop(key)
    with counting_statements() as statements:
        response = client.get(path)
    assert response.status_code == 200
    return len(statements)


@pytest.mark.parametrize(
    ("path", "shows"),
    [
        ("/", "all 50 recommendations"),
        ("/recommendations", "50 recommendations shown"),
        ("/recommendations?report=final&sort=updated", "50 recommendations shown"),
        ("/recommendations?target=later", "28 recommendations shown"),
        ("/staff/", "Awaiting your approval (50)"),
        ("/staff/recommendations", "50 recommendations shown"),
        ("/staff/recommendations?target=later&sort=target_date", "28 recommendations shown"),
        ("/staff/updates", "Updates awaiting approval (50)"),
        ("/recommendations/R-001", "Step 1 done."),
        ("/staff/recommendations/R-001", "Finished?"),
        ("/staff/?mine_page=2&stale_page=2", "Recommendations you lead (25)"),
    ],
)
def test_query_count_does_not_grow_with_the_data(client, users, path, shows):
    chair, author = users["chair"].id, users["member"].id
    add_recommendations(1, 5, chair, author)
    login(client, users["chair"])
    client.get(path)  # the app's first request fills caches
    small = statements_for(client, path)
    add_recommendations(6, 45, chair, author)
    large = statements_for(client, path)
    assert large == small, f"{path}: {small} statements with 5 recommendations, {large} with 50"
    assert shows in text(client.get(path))
