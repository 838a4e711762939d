"""The settings page: the kinds that apply to one's roles, switched off and on, audited."""

import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.core.extensions import db
from sro_board.notices.models import NoticePreference
from tests.factories import login, make_user


def entries() -> list[AuditEntry]:
    """The audit entries of changed notification choices."""
    query = sa.select(AuditEntry).where(AuditEntry.action == "user.notices_changed")
    return list(db.session.scalars(query.order_by(AuditEntry.id)))


def test_an_admin_sees_the_kinds_for_their_role_all_on(app, client):
    login(client, make_user(["admin"]))
    page = client.get("/account/notifications").get_data(as_text=True)
    assert "<h1>Staff notifications</h1>" in page
    for name in ("drafts_waiting", "terms", "email_failed"):
        assert f'name="{name}"' in page
    assert page.count("checked") == 3
    assert "reviewer_assigned" not in page
    assert 'href="/account/notifications"' in page  # linked from the account pages


def test_a_reviewer_sees_only_their_kind_and_a_member_none(app, client):
    login(client, make_user(["reviewer"]))
    page = client.get("/account/notifications").get_data(as_text=True)
    assert 'name="reviewer_assigned"' in page
    assert 'name="drafts_waiting"' not in page
    client.post("/logout")
    login(client, make_user(["member"]))
    page = client.get("/account/notifications").get_data(as_text=True)
    assert "No staff notifications apply to your roles" in page
    assert "<form" not in page.split("<main", 1)[1].split("account-links")[0]


def test_switching_a_kind_off_saves_confirms_and_is_audited(app, client):
    admin = login(client, make_user(["admin"]))
    response = client.post(
        "/account/notifications",
        data={"drafts_waiting": "y", "email_failed": "y"},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "Your notification choices are saved." in page
    assert page.count("checked") == 2
    stored = dict(
        db.session.execute(sa.select(NoticePreference.kind, NoticePreference.enabled)).all()
    )
    assert stored == {"drafts_waiting": True, "terms": False, "email_failed": True}
    (entry,) = entries()
    assert (entry.actor_id, entry.entity_id) == (admin.id, str(admin.id))
    assert entry.before == {"drafts_waiting": True, "terms": True, "email_failed": True}
    assert entry.after == {"drafts_waiting": True, "terms": False, "email_failed": True}
    # The same choices again change nothing and are not audited again.
    client.post("/account/notifications", data={"drafts_waiting": "y", "email_failed": "y"})
    assert len(entries()) == 1
    # A kind that is not the admin's is ignored.
    client.post("/account/notifications", data={"reviewer_assigned": "y", "terms": "y"})
    stored = dict(
        db.session.execute(sa.select(NoticePreference.kind, NoticePreference.enabled)).all()
    )
    assert stored == {"drafts_waiting": False, "terms": True, "email_failed": False}


def test_the_page_in_french(app, client):
    login(client, make_user(["chair"]))
    page = client.get("/fr/account/notifications").get_data(as_text=True)
    assert "<h1>Avis au personnel</h1>" in page
    assert "Les brouillons qui attendent mon approbation" in page


def test_a_post_with_nothing_for_a_member_changes_nothing(app, client):
    login(client, make_user(["member"]))
    response = client.post("/account/notifications", data={"drafts_waiting": "y"})
    assert response.status_code == 200
    assert db.session.scalar(sa.select(sa.func.count()).select_from(NoticePreference)) == 0
    assert entries() == []
