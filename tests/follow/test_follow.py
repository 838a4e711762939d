"""Following: double opt-in, scopes, no duplicates, the manage page, purge, privacy at rest."""

import logging
from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.follow.models import FanOut, Follower, FollowLink
from sro_board.mail.models import OutboxEmail
from sro_board.recommendations.services import approve_update, propose_update
from tests.factories import make_rec, make_user
from tests.follow.helpers import (
    ADDRESS,
    approved_update,
    confirm,
    follow,
    followed,
    followers,
    link,
    sent,
)
from tests.pages import text


def test_an_unconfirmed_follower_receives_nothing_but_the_confirmation(client):
    rec = make_rec()
    assert follow(client).status_code == 302
    assert len(sent(ADDRESS)) == 1
    approved_update(rec)
    assert len(sent(ADDRESS)) == 1
    assert followers()[0].confirmed_at is None


def test_opening_the_confirmation_link_confirms_nothing_until_the_button(client):
    make_rec()
    follow(client)
    path = link(sent(ADDRESS)[-1].body, "confirm")
    for _visit in range(3):  # a mail scanner prefetching the link, several times
        page = client.get(path)
        assert page.status_code == 200
        assert '<form method="post">' in text(page)
    assert followers()[0].confirmed_at is None
    assert client.post(path).status_code == 200
    assert followers()[0].confirmed_at is not None
    assert client.post(path).status_code == 404  # the link worked once


def test_bad_or_unknown_tokens_get_a_clear_404(client):
    for path in (
        "/follow/confirm/nope",
        "/follow/manage/" + "a" * 43,
        "/follow/unsubscribe/" + "b" * 43,
    ):
        response = client.get(path)
        assert response.status_code == 404
        assert "This link no longer works" in text(response)
    assert client.post("/follow/unsubscribe/" + "c" * 43).status_code == 404
    assert client.get("/follow/unsubscribe/%00").status_code in (400, 404)


def test_following_again_makes_no_duplicate_and_answers_the_same(client):
    make_rec()
    first = follow(client)
    confirm(client, sent(ADDRESS)[-1].body)
    again = follow(client, email=ADDRESS.upper())
    other = follow(client, email="someone.else@example.org")
    assert first.location == again.location == other.location
    assert text(client.get(again.location)) == text(client.get(other.location))
    assert len(followers()) == 2
    # The one who already follows is told so, with a link to manage it; no new confirmation.
    assert "already follows" in sent(ADDRESS)[-1].body
    assert link(sent(ADDRESS)[-1].body, "manage")


def test_following_again_before_confirming_sends_a_new_link_and_keeps_one_row(client):
    make_rec()
    follow(client, frequency="instant")
    follow(client, frequency="weekly")
    assert len(followers()) == 1
    assert followers()[0].frequency == "weekly"
    assert confirm(client, sent(ADDRESS)[-1].body).status_code == 200


def test_invalid_form_is_refused_with_messages_and_nothing_kept(client):
    response = client.post("/follow", data={"email": "not-an-address", "scope": "all"})
    assert response.status_code == 200
    assert "Enter an email address like name@example.com." in text(response)
    response = client.post("/follow", data={"email": ADDRESS, "scope": "theme:nope"})
    assert response.status_code == 200
    assert "Not a valid choice" in text(response)
    response = client.post("/follow", data={"email": ADDRESS, "scope": "recommendation:R-99"})
    assert response.status_code == 200
    assert followers() == []
    assert sent() == []


def test_a_bot_filling_the_honeypot_gets_the_same_answer_and_nothing_is_kept(client):
    response = follow(client, website="http://spam.example")
    assert response.status_code == 302
    assert followers() == []
    assert sent() == []


@pytest.mark.parametrize(
    ("scope", "receives"),
    [
        ("all", {"R-01", "R-02", "R-03"}),
        ("theme:role", {"R-01", "R-02"}),
        ("recommendation:R-02", {"R-02"}),
    ],
)
def test_each_scope_hears_of_its_updates_only(client, scope, receives):
    recs = [
        make_rec("R-01", theme="role"),
        make_rec("R-02", theme="role"),
        make_rec("R-03", theme="community"),
    ]
    followed(client, scope=scope)
    for rec in recs:
        approved_update(rec)
    subjects = [m.subject for m in sent(ADDRESS)[1:]]
    assert {s.split(":")[0].removeprefix("Update on ") for s in subjects} == receives
    assert len(subjects) == len(receives)


def test_one_address_following_a_recommendation_and_everything_gets_one_email(client):
    rec = make_rec()
    followed(client, scope="all")
    followed(client, scope="recommendation:R-01")
    before = len(sent(ADDRESS))
    approved_update(rec)
    assert len(sent(ADDRESS)) == before + 1


def test_instant_email_holds_only_public_content_in_the_followers_language(client):
    rec = make_rec(title_fr="Recommandation en français")
    follow(client, prefix="/fr")
    confirm(client, sent(ADDRESS)[-1].body)
    update = propose_update(
        rec,
        make_user(["member"], email="m@example.org"),
        {"progress": 30},
        public_note="Public progress.",
        public_note_fr="Progrès public.",
        internal_note="SECRET internal note",
        based_on_version=rec.version,
    )
    db.session.commit()
    approve_update(update, make_user(["chair"], email="c@example.org"))
    db.session.commit()
    email = sent(ADDRESS)[-1]
    assert "Progrès public." in email.body
    assert "Recommandation en français" in email.subject
    assert "SECRET" not in email.body
    assert "SECRET" not in email.subject
    assert "/fr/follow/unsubscribe/" in dict(email.headers)["List-Unsubscribe"]
    assert "Public progress." not in email.body


def test_manage_page_changes_frequency_stops_one_and_stops_all(client):
    rec = make_rec()
    followed(client, scope="all")
    followed(client, scope="theme:role")
    approved_update(rec)
    manage = link(sent(ADDRESS)[-1].body, "manage")
    page = text(client.get(manage))
    assert ADDRESS in page  # the owner's own page, reached by the link in their email
    ids = [f.id for f in followers()]
    response = client.post(
        manage, data={"action": "frequency", "follower_id": ids[1], "frequency": "weekly"}
    )
    assert response.status_code == 200
    assert "Saved" in text(response)
    assert followers()[1].frequency == "weekly"
    # Someone else's follow cannot be touched with this link.
    follow(client, email="other@example.org")
    other = followers()[-1].id
    response = client.post(manage, data={"action": "stop", "follower_id": other})
    assert response.status_code == 404
    response = client.post(manage, data={"action": "stop", "follower_id": ids[1]})
    assert response.status_code == 200
    assert [f.id for f in followers()] == [ids[0], other]
    response = client.post(manage, data={"action": "stop_all"})
    assert response.status_code == 200
    assert "your address is deleted" in text(response)
    assert [f.id for f in followers()] == [other]


def test_manage_page_refuses_a_bad_action_without_a_500(client):
    rec = make_rec()
    followed(client)
    approved_update(rec)
    manage = link(sent(ADDRESS)[-1].body, "manage")
    follower_id = followers()[0].id
    assert (
        client.post(manage, data={"action": "explode", "follower_id": follower_id}).status_code
        == 400
    )
    assert (
        client.post(manage, data={"action": "frequency", "follower_id": follower_id}).status_code
        == 400
    )
    assert client.post(manage, data={}).status_code == 200  # the form again, nothing changed
    assert len(followers()) == 1


def test_unconfirmed_follows_are_purged_after_7_days_by_the_cli(client, runner):
    make_rec()
    follow(client)
    followed(client, email="kept@example.org")
    with clock_set_to(now_utc() + timedelta(days=6, hours=23)):
        assert "0 unconfirmed" in runner.invoke(args=["follow", "purge"]).output
    with clock_set_to(now_utc() + timedelta(days=7, minutes=1)):
        assert "1 unconfirmed" in runner.invoke(args=["follow", "purge"]).output
    assert [f.confirmed_at is not None for f in followers()] == [True]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(FollowLink)) == 0 or all(
        link_.follower_id == followers()[0].id
        for link_ in db.session.scalars(sa.select(FollowLink))
    )


def test_addresses_are_encrypted_at_rest(client):
    rec = make_rec()
    followed(client)
    approved_update(rec)
    db.session.commit()
    for table in ("follower", "follow_link", "outbox_email"):
        rows = db.session.execute(sa.text(f"SELECT * FROM {table}")).all()  # noqa: S608
        assert rows
        assert all("parent.follower" not in repr(tuple(row)) for row in rows), table
    raw = db.session.execute(sa.text("SELECT address FROM follower")).scalar()
    assert raw.startswith("gAAAA")  # Fernet ciphertext


def test_sent_emails_keep_no_headers(client):
    rec = make_rec()
    followed(client)
    approved_update(rec)
    db.session.expire_all()
    assert all(e.headers is None for e in db.session.scalars(sa.select(OutboxEmail)))


def test_the_address_is_never_logged_nor_in_a_url(client, caplog):
    caplog.set_level(logging.DEBUG)
    rec = make_rec()
    response = follow(client)
    assert ADDRESS not in response.location
    confirm(client, sent(ADDRESS)[-1].body)
    approved_update(rec)
    manage = link(sent(ADDRESS)[-1].body, "manage")
    client.post(manage, data={"action": "stop_all"})
    assert ADDRESS not in caplog.text
    assert "parent.follower" not in caplog.text
    for message in sent(ADDRESS):
        for url in [w for w in message.body.split() if w.startswith("http")]:
            assert "parent.follower" not in url
            assert "%40" not in url


def test_publishing_records_a_fan_out_done_by_the_task(client):
    rec = make_rec()
    followed(client)
    update = approved_update(rec)
    record = db.session.get(FanOut, update.id)
    assert record is not None
    assert record.done_at is not None
    assert db.session.scalar(sa.select(Follower.id)) == record.last_follower_id


def test_links_older_than_a_year_are_purged_and_then_no_longer_work(client, runner):
    rec = make_rec()
    followed(client)
    approved_update(rec)
    manage = link(sent(ADDRESS)[-1].body, "manage")
    with clock_set_to(now_utc() + timedelta(days=366)):
        runner.invoke(args=["follow", "purge"])
    assert client.get(manage).status_code == 404
    assert len(followers()) == 1  # the follow itself stays
