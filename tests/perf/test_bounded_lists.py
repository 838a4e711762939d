"""Every staff list shows at most a page of rows, links to the next and back, and keeps filters."""

import re
from datetime import timedelta
from html import unescape

import pytest

from sro_board.audit.models import AuditEntry
from sro_board.board.enums import Category
from sro_board.board.stages import Stage
from sro_board.contact.models import ContactMessage, MessageState, Topic
from sro_board.core.clock import now_utc
from sro_board.core.extensions import db
from sro_board.mail.models import OutboxEmail
from sro_board.recommendations.views.staff import DASHBOARD_ROWS
from tests.board.factories import add_criteria, assign, make_application, make_intake, score
from tests.factories import login, make_rec
from tests.pages import text
from tests.recommendations.factories import draft

PAGE = 3
MORE = 2 * PAGE + 1  # three pages' worth


def link(page: str, rel: str) -> str | None:
    """The href of the page's rel=next or rel=prev link."""
    found = re.search(rf'<a href="([^"]+)" rel="{rel}">', page)
    return unescape(found.group(1)) if found else None


def ids(pattern: str, page: str) -> list[str]:
    """The ids a pattern's group finds in the page, in order."""
    return re.findall(pattern, page)


@pytest.fixture(autouse=True)
def small_pages(app):
    """Three rows a page."""
    app.config["PAGE_SIZE"] = PAGE


def add_audit(count: int, entity_type: str, start: int = 0) -> None:
    """Audit entries, a second apart, numbered from start."""
    base = now_utc() - timedelta(hours=1)
    for n in range(start, start + count):
        db.session.add(
            AuditEntry(
                created_at=base + timedelta(seconds=n),
                actor_label="system (command line)",
                action="test.made",
                entity_type=entity_type,
                entity_id=str(n),
                summary=f"Entry {n:03d}",
            )
        )
    db.session.commit()


def entries(page: str) -> list[str]:
    return ids(r"<th scope=\"row\">(Entry \d+)</th>", page)


def test_the_audit_log_is_paged_by_position_and_keeps_its_filters(client, users):
    add_audit(MORE, "widget")
    add_audit(MORE, "gadget", start=100)
    login(client, users["chair"])
    first = text(client.get("/staff/audit?entity_type=widget"))
    assert entries(first) == ["Entry 006", "Entry 005", "Entry 004"]
    older = link(first, "next")
    assert "entity_type=widget" in older
    second = text(client.get(older))
    assert entries(second) == ["Entry 003", "Entry 002", "Entry 001"]
    add_audit(2, "widget", start=50)  # newer entries do not shift an older page
    assert entries(text(client.get(older))) == ["Entry 003", "Entry 002", "Entry 001"]
    third = text(client.get(link(second, "next")))
    assert entries(third) == ["Entry 000"]
    assert link(third, "next") is None
    assert entries(text(client.get(link(third, "prev")))) == ["Entry 003", "Entry 002", "Entry 001"]


def test_the_inbox_is_paged_per_state(client, users):
    for n in range(MORE):
        for state in (MessageState.OPEN, MessageState.CLOSED):
            db.session.add(
                ContactMessage(
                    topic=Topic.QUESTION,
                    message=f"{state.value} message {n}",
                    state=state,
                    created_at=now_utc() - timedelta(minutes=n),
                )
            )
    db.session.commit()
    login(client, users["chair"])
    first = text(client.get("/staff/inbox?state=closed"))
    assert ids(r"(closed message \d)", first) == [f"closed message {n}" for n in range(3)]
    assert "Inbox: closed messages (7)" in first
    assert "state=closed" in link(first, "next")
    second = text(client.get(link(first, "next")))
    assert ids(r"(\w+ message \d)", second) == [f"closed message {n}" for n in range(3, 6)]


def test_the_outbox_is_paged(client, users):
    for n in range(MORE):
        db.session.add(
            OutboxEmail(
                template=f"kind{n}",
                recipient_hash="0" * 64,
                recipient=f"person{n}@example.org",
                subject=f"Email {n}",
                body="Hello.",
                created_at=now_utc() - timedelta(minutes=n),
            )
        )
    db.session.commit()
    login(client, users["admin"])
    first = text(client.get("/staff/email"))
    assert ids(r"<td>(kind\d)</td>", first) == ["kind0", "kind1", "kind2"]
    assert "Page 1 of 3" in first
    assert ids(r"<td>(kind\d)</td>", text(client.get(link(first, "next")))) == [
        "kind3",
        "kind4",
        "kind5",
    ]


def test_the_applications_list_keeps_its_filters_across_pages(client, users):
    intake = make_intake()
    made = [make_application(intake, stage=Stage.IN_REVIEW) for _ in range(MORE)]
    make_application(intake, stage=Stage.DECLINED)
    login(client, users["admin"])
    first = text(client.get(f"/staff/board/intakes/{intake.id}/applications?stage=in_review"))
    shown = ids(r'href="/staff/board/applications/(\d+)"', first)
    assert shown == [str(a.id) for a in made[:PAGE]]
    assert "stage=in_review" in link(first, "next")
    last = text(client.get(link(text(client.get(link(first, "next"))), "next")))
    assert ids(r'href="/staff/board/applications/(\d+)"', last) == [str(made[-1].id)]


def test_the_reviewer_queue_pages_to_do_and_scored_apart(client, users):
    intake = make_intake()
    criteria = add_criteria(intake, 1)
    assign(intake, users["reviewer"])
    waiting = [make_application(intake) for _ in range(MORE)]
    scored = [make_application(intake) for _ in range(PAGE + 1)]
    for application in scored:
        score(application, users["reviewer"], criteria, [4])
    login(client, users["reviewer"])
    first = text(client.get("/staff/reviews"))
    assert "To review (7)" in first
    assert "(4)</caption>" in first
    to_do = ids(r'href="/staff/reviews/(\d+)/conflict"', first)
    assert to_do == [str(a.id) for a in waiting[:PAGE]]
    done = ids(r'href="/staff/reviews/(\d+)"', first)
    assert done == [str(a.id) for a in scored[:PAGE]]
    assert "done_page=2" in first
    second = text(client.get("/staff/reviews?page=3&done_page=2"))
    assert ids(r'href="/staff/reviews/(\d+)/conflict"', second) == [str(waiting[-1].id)]
    assert ids(r'href="/staff/reviews/(\d+)"', second) == [str(scored[-1].id)]


def test_the_selection_view_pages_each_category_and_counts_them_all(client, users):
    intake = make_intake()
    criteria = add_criteria(intake, 1)
    best_first = []
    for value in (5, 5, 4, 4, 3, 2, 1):
        application = make_application(intake, category=Category.PARENT)
        score(application, users["reviewer"], criteria, [value])
        best_first.append(application)
    student = make_application(intake, category=Category.STUDENT)
    login(client, users["admin"])
    path = f"/staff/board/intakes/{intake.id}/selection"
    first = text(client.get(path))
    shown = ids(r'href="/staff/board/applications/(\d+)"', first)
    assert shown[:PAGE] == [str(a.id) for a in best_first[:PAGE]]
    assert str(student.id) in shown
    assert f"{Category.PARENT.label} (7; page 1 of 3)</caption>" in first
    second = text(client.get(f"{path}?parent_page=2"))
    rows = re.findall(
        r"<td>(\d+)</td>\s*<th scope=\"row\"><a href=\"/staff/board/applications/(\d+)\"", second
    )
    assert rows[:PAGE] == [
        (str(n + 4), str(a.id)) for n, a in enumerate(best_first[PAGE : 2 * PAGE])
    ]


def test_the_dashboard_sections_and_pending_list_are_bounded(client, users):
    member = users["member"]
    for n in range(DASHBOARD_ROWS + 2):
        make_rec(f"R-{n:02d}", lead_user=member.email)
    for n in range(PAGE + 1):
        draft(make_rec(f"R-9{n}"), member, progress=10)
    login(client, member)
    page = text(client.get("/staff/"))
    assert "Recommendations you lead (12)" in page
    mine = page.split('id="mine-heading"')[1].split("</section>")[0]
    assert len(re.findall(r"<td>R-\d+</td>", mine)) == DASHBOARD_ROWS
    assert "mine_page=2" in mine
    client.post("/logout")
    login(client, users["chair"])
    pending = text(client.get("/staff/updates"))
    assert "Updates awaiting approval (4)" in pending
    assert pending.count('<li id="update-') == PAGE
    assert ids(r'<li id="update-(\d+)"', text(client.get(link(pending, "next"))))


def test_cards_and_the_shortlist_have_pages_of_their_own_size(app, client, users):
    app.config.update(PAGE_SIZE=10, QUEUE_PAGE_SIZE=2, SHORTLIST_PAGE_SIZE=2)
    for n in range(3):
        draft(make_rec(f"R-8{n}"), users["member"], progress=10)
    intake = make_intake()
    criteria = add_criteria(intake, 1)
    for value in (5, 4, 3):
        score(
            make_application(intake, category=Category.PARENT), users["reviewer"], criteria, [value]
        )
    login(client, users["admin"])
    pending = text(client.get("/staff/updates"))
    assert "Updates awaiting approval (3)" in pending
    assert pending.count('<li id="update-') == 2  # QUEUE_PAGE_SIZE, under PAGE_SIZE
    selection = text(client.get(f"/staff/board/intakes/{intake.id}/selection"))
    assert f"{Category.PARENT.label} (3; page 1 of 2)</caption>" in selection
    app.config["PAGE_SIZE"] = 1  # the smaller of the two wins
    assert text(client.get("/staff/updates")).count('<li id="update-') == 1
