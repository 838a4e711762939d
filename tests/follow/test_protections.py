"""CSRF (exempt only for the one-click POST), rate limits, and the durable fan-out."""

import sqlalchemy as sa

from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import csrf, db
from sro_board.follow import fanout
from sro_board.follow.models import FanOut
from sro_board.recommendations.services import approve_update, propose_update
from tests.factories import make_rec, make_user
from tests.follow.helpers import ADDRESS, approved_update, follow, followed, followers, link, sent
from tests.pages import text
from tests.security.sweep import csrf_exempt_endpoints


def test_only_the_one_click_endpoint_is_exempt_from_csrf(app):
    exempt = {name for name in csrf._exempt_views if name.startswith("sro_board.follow")}
    assert exempt == {"sro_board.follow.views.unsubscribe"}
    assert {e for e in csrf_exempt_endpoints(app) if e.startswith("follow.")} == {
        "follow.unsubscribe"
    }


def test_with_csrf_on_every_other_follow_post_is_refused_without_a_token(app, client):
    make_rec()
    followed(client)
    follow(client)  # already following: the email links to the manage page
    manage = link(sent(ADDRESS)[-1].body, "manage")
    follow(client, email="second@example.org")
    confirm = link(sent("second@example.org")[-1].body, "confirm")
    app.config["WTF_CSRF_ENABLED"] = True
    bare = app.test_client(use_cookies=False)
    assert follow(bare, email="third@example.org").status_code == 400
    assert bare.post(confirm).status_code == 400
    assert bare.post(manage, data={"action": "stop_all"}).status_code == 400
    assert len(followers()) == 2
    # The one-click POST goes through with no cookie and no token.
    unsubscribe = manage.replace("/manage/", "/unsubscribe/")
    response = bare.post(unsubscribe, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert len(followers()) == 1


def test_the_form_is_limited_per_address_with_a_clear_message(app, client):
    app.config["FOLLOW_ADDRESS_RATE_LIMIT"] = "2 per hour"
    assert follow(client).status_code == 302
    assert follow(client, scope="theme:role").status_code == 302
    response = follow(client, email=ADDRESS.upper(), scope="theme:community")
    assert response.status_code == 429
    assert "Too many follow requests" in text(response)
    assert response.headers["Retry-After"]
    assert len(sent(ADDRESS)) + len(sent(ADDRESS.upper())) == 2
    # Another address from the same client is not held back by this one.
    assert follow(client, email="other@example.org").status_code == 302


def test_the_form_is_limited_per_client_address(app, client):
    app.config["FOLLOW_RATE_LIMIT"] = "3 per hour"
    for number in range(3):
        assert follow(client, email=f"p{number}@example.org").status_code == 302
    response = follow(client, email="p9@example.org")
    assert response.status_code == 429
    assert "Too many follow requests" in text(response)
    assert len(followers()) == 3
    assert client.get("/follow").status_code == 200  # reading the page is never limited


def test_a_lost_enqueue_is_picked_up_by_the_sweep(app, client, monkeypatch):
    rec = make_rec()
    followed(client)
    update = propose_update(
        rec,
        make_user(["member"], email="m@example.org"),
        {"progress": 40},
        public_note="Swept.",
        internal_note="",
        based_on_version=rec.version,
    )
    db.session.commit()
    monkeypatch.setattr(fanout, "run_after_commit", lambda *_args: None)  # the enqueue is lost
    approve_update(update, make_user(["chair"], email="c@example.org"))
    db.session.commit()
    assert "Swept." not in sent(ADDRESS)[-1].body
    record = db.session.get(FanOut, update.id)
    assert record.done_at is None
    assert fanout.sweep() == 0  # too recent: its enqueue may still be on its way
    with clock_set_to(now_utc() + fanout.SWEEP_GRACE * 2):
        assert fanout.sweep() == 1
    assert "Swept." in sent(ADDRESS)[-1].body
    assert db.session.scalar(sa.select(FanOut.done_at).where(FanOut.update_id == update.id))
    with clock_set_to(now_utc() + fanout.CLAIM_TIMEOUT * 2):
        assert fanout.sweep() == 0  # done: never sent twice
    assert fanout.fan_out(update.id) == 0


def test_the_recommendation_page_offers_to_follow_it(client):
    make_rec()
    page = text(client.get("/recommendations/R-01"))
    assert "Follow R-01 by email" in page
    form = text(client.get("/follow?recommendation=R-01"))
    assert "Collection notice" in form
    assert 'value="recommendation:R-01" selected' in form or "recommendation:R-01" in form
    french = text(client.get("/fr/follow?theme=community"))
    assert 'lang="fr"' in french


def test_fan_out_writes_in_batches_and_resumes_after_the_last_follower_written(
    app, client, monkeypatch
):
    monkeypatch.setattr(fanout, "BATCH", 2)
    monkeypatch.setattr(fanout, "DELIVERY_CHUNK", 2)
    rec = make_rec()
    addresses = [f"reader{n}@example.org" for n in range(5)]
    for address in addresses:
        followed(client, email=address)
    approved_update(rec, note="Batched.")
    assert [len([m for m in sent(a) if "Batched." in m.body]) for a in addresses] == [1] * 5
    # A worker that stopped after the first batch: the sweep's run writes only the rest.
    monkeypatch.setattr(fanout, "run_after_commit", lambda *_args: None)
    update = approved_update(rec, note="Resumed.")
    record = db.session.get(FanOut, update.id)
    record.last_follower_id = sorted(f.id for f in followers())[1]
    record.claimed_at = now_utc()
    db.session.commit()
    with clock_set_to(now_utc() + fanout.CLAIM_TIMEOUT * 2):
        assert fanout.sweep() == 1
    received = [len([m for m in sent(a) if "Resumed." in m.body]) for a in addresses]
    assert received == [0, 0, 1, 1, 1]
