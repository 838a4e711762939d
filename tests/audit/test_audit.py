"""The append-only audit log: every change writes an entry; filters; no updates or deletes."""

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from sro_board.audit.guard import AuditLogIsAppendOnly
from sro_board.audit.models import AuditEntry
from sro_board.audit.services import record
from sro_board.auth.services import change_password, update_user
from sro_board.contact.models import MessageState
from sro_board.contact.services import change_state, submit_message
from sro_board.core.clock import clock_set_to
from sro_board.core.extensions import db
from sro_board.recommendations.definitions import find_definition, update_definition
from sro_board.recommendations.services import approve_update, reject_update
from tests.factories import PASSWORD, count_rows, login, make_rec
from tests.pages import text
from tests.recommendations.factories import draft
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures


def latest() -> AuditEntry:
    """The newest audit entry."""
    return db.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id.desc())).first()


# every change is recorded


def test_creating_a_recommendation_is_recorded(app, users):
    make_rec("R-07", title="A title")
    entry = latest()
    assert (entry.action, entry.entity_type, entry.entity_id) == (
        "recommendation.created",
        "recommendation",
        "R-07",
    )
    assert entry.actor_label == "system (command line)"
    assert entry.after["title"] == "A title"


def test_a_draft_is_recorded_as_proposed(app, users):
    draft(make_rec(), users["member"], progress=30)
    entry = latest()
    assert (entry.action, entry.actor_id) == ("update.proposed", users["member"].id)
    assert entry.after == {"changes": {"progress": {"old": 0, "new": 30}}}


def test_publishing_records_before_and_after(app, users):
    update = draft(make_rec(), users["member"], progress=30)
    approve_update(update, users["chair"])
    db.session.commit()
    entry = latest()
    assert (entry.action, entry.actor_id) == ("update.published", users["chair"].id)
    assert (entry.before, entry.after) == ({"progress": 0}, {"progress": 30})


def test_rejecting_records_the_reason(app, users):
    update = draft(make_rec(), users["member"], progress=30)
    reject_update(update, users["chair"], "Which step?")
    db.session.commit()
    assert (latest().action, latest().after) == ("update.rejected", {"reason": "Which step?"})


def test_editing_a_definition_is_recorded(app, users):
    definition = find_definition("feasibility", "feasible")
    old_name = definition.name
    update_definition(users["admin"], definition, "Doable", "It can be done.", "Assessed.")
    db.session.commit()
    entry = latest()
    assert (entry.action, entry.entity_id) == ("definition.updated", "feasibility:feasible")
    assert (entry.before["name"], entry.after["name"]) == (old_name, "Doable")


def test_account_changes_are_recorded_without_the_password(app, users):
    member = users["member"]
    assert [e.action for e in db.session.scalars(sa.select(AuditEntry))].count(
        "user.created"
    ) == len(users)
    update_user(users["admin"], member, name="M", email=member.email, roles={"chair"}, active=True)
    assert (latest().action, latest().after["roles"]) == ("user.updated", ["chair"])
    change_password(member, PASSWORD, "another-long-password")
    db.session.commit()
    assert latest().action == "user.password_changed"
    texts = [str((e.before, e.after, e.summary)) for e in db.session.scalars(sa.select(AuditEntry))]
    assert not [t for t in texts if "another-long-password" in t or PASSWORD in t]


def test_inbox_state_change_is_recorded_without_the_message(app, users):
    msg = submit_message("concern", "A private worry.", "Pat", "pat@example.org")
    change_state(users["chair"], msg, MessageState.CLOSED)
    db.session.commit()
    entry = latest()
    assert (entry.action, entry.before, entry.after) == (
        "contact.state_changed",
        {"state": "open"},
        {"state": "closed"},
    )
    assert "A private worry" not in str((entry.summary, entry.before, entry.after))
    assert "pat@example.org" not in str((entry.summary, entry.before, entry.after))


def test_a_change_through_the_web_is_recorded_with_its_author(client, users):
    login(client, users["admin"])
    client.post(
        "/staff/status-definitions/schedule/overdue",
        data={"name": "Late", "meaning": "Past the target date.", "entry_criteria": "Past it."},
    )
    assert (latest().action, latest().actor_label) == ("definition.updated", "admin@example.org")


# append only


def test_an_audit_entry_cannot_be_changed(app, users):
    entry = latest()
    entry.summary = "rewritten"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()


def test_an_audit_entry_cannot_be_deleted(app, users):
    db.session.delete(latest())
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()


@pytest.mark.parametrize(
    "statement",
    [
        sa.update(AuditEntry).values(summary="rewritten"),
        sa.delete(AuditEntry),
        sa.delete(AuditEntry).where(AuditEntry.id == 1),
    ],
    ids=["bulk update", "bulk delete", "delete where"],
)
def test_bulk_statements_on_the_audit_log_are_refused(app, users, statement):
    before = count_rows(AuditEntry)
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.execute(statement)
    db.session.rollback()
    assert count_rows(AuditEntry) == before
    assert "rewritten" not in {e.summary for e in db.session.scalars(sa.select(AuditEntry))}


# the audit page and its filters


@pytest.fixture
def history(app, users):
    """Entries by several people, of several kinds, on several days."""
    with clock_set_to(datetime(2026, 1, 10, 18, 0, tzinfo=UTC)):
        make_rec("R-01")
    with clock_set_to(datetime(2026, 2, 15, 18, 0, tzinfo=UTC)):
        update = draft(make_rec("R-02"), users["member"], progress=10)
        approve_update(update, users["chair"])
        record(users["admin"], "user.updated", "user", users["member"].id, "Renamed")
    db.session.commit()


def summaries(client, query: str = "") -> list[str]:
    """The audit entries' record column shown for a filter."""
    page = text(client.get(f"/staff/audit?{query}"))
    return [
        line.strip()[4:-5]
        for line in page.splitlines()
        if line.strip().startswith("<td>")
        and line.strip()[4:].startswith(("recommendation ", "user "))
    ]


@pytest.mark.usefixtures("history")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("entity_type=recommendation&entity_id=R-01", ["recommendation R-01"]),
        ("entity_id=R-02", ["recommendation R-02"] * 3),
        ("action=published", ["recommendation R-02"]),
        ("action=PUBLISHED", ["recommendation R-02"]),
        ("action=50%25", []),
        ("actor=system&entity_type=recommendation", ["recommendation R-02", "recommendation R-01"]),
        ("date_from=2026-02-01&entity_type=recommendation", ["recommendation R-02"] * 3),
        ("date_to=2026-01-10&entity_type=recommendation", ["recommendation R-01"]),
        ("date_from=2026-01-11&date_to=2026-02-14", []),
    ],
)
def test_audit_filters(client, users, query, expected):
    login(client, users["chair"])
    assert summaries(client, query) == expected


@pytest.mark.usefixtures("history")
def test_audit_filter_by_person(client, users):
    login(client, users["admin"])
    shown = summaries(client, f"actor={users['chair'].id}")
    assert shown == ["recommendation R-02"]
    assert summaries(client, f"actor={users['admin'].id}") == [f"user {users['member'].id}"]


@pytest.mark.usefixtures("history")
@pytest.mark.parametrize(
    "query",
    ["actor=99999", "actor=somebody", "entity_type=planet", "date_from=2026-02-30", "date_to=x"],
)
def test_bad_audit_filter_is_ignored_with_a_message(client, users, query):
    login(client, users["chair"])
    response = client.get(f"/staff/audit?{query}")
    assert response.status_code == 200
    assert "The filter was ignored." in text(response)
    assert len(summaries(client, query)) == len(summaries(client, ""))


@pytest.mark.parametrize("role", ["member", "reviewer", "board_member"])
def test_audit_log_is_for_admins_and_the_chair_only(client, users, role):
    login(client, users[role])
    assert client.get("/staff/audit").status_code == 403


def test_passwords_never_reach_the_audit_page(client, users):
    login(client, users["admin"])
    client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": "secret-new-passphrase",
            "confirm": "secret-new-passphrase",
        },
    )
    assert latest().action == "user.password_changed"
    page = text(client.get("/staff/audit"))
    assert "secret-new-passphrase" not in page
    assert PASSWORD not in page
