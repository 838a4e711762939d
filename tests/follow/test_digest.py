"""The weekly digest: from Monday 07:00 in Edmonton, once a week, only the week's updates."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from sro_board.core.clock import clock_set_to
from sro_board.follow.digest import send_digests, week_start
from tests.factories import make_rec
from tests.follow.helpers import ADDRESS, approved_update, followed, link, sent

EDMONTON = ZoneInfo("America/Edmonton")


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    """A moment in Edmonton in December 2026 (Monday 7 December is a Monday), in UTC."""
    return datetime(2026, month, day, hour, minute, tzinfo=EDMONTON).astimezone(UTC)


def digests() -> list:
    """Digests received by the follower."""
    return [m for m in sent(ADDRESS) if "This week" in m.subject]


@pytest.mark.parametrize(
    ("moment", "start"),
    [
        (at(7, 7), at(7, 7)),
        (at(7, 6, 59), at(30, 7, month=11)),
        (at(9, 23), at(7, 7)),
        (at(13, 23, 59), at(7, 7)),
        (at(14, 0, 30), at(7, 7)),  # just after midnight Monday, local: still last week
    ],
)
def test_the_week_starts_on_monday_at_7_in_edmonton(app, moment, start):
    assert week_start(moment) == start


def test_weekly_follower_gets_one_digest_a_week_with_the_weeks_updates(client):
    with clock_set_to(at(2, 12)):  # Wednesday
        rec = make_rec()
        other = make_rec("R-02", theme="community")
        followed(client, frequency="weekly", scope="theme:role")
    with clock_set_to(at(3, 12)):
        approved_update(rec, note="Thursday's news.", internal="SECRET internal")
        approved_update(other, note="Another theme.")
    assert digests() == []  # weekly: nothing at once
    with clock_set_to(at(4, 12)):
        assert send_digests() == 0  # Friday: the week has not turned
    with clock_set_to(at(7, 6, 59)):
        assert send_digests() == 0
    with clock_set_to(at(7, 7, 5)):
        assert send_digests() == 1
    with clock_set_to(at(7, 15)):
        assert send_digests() == 0  # at most once a week, whatever the hour
    (digest,) = digests()
    assert "Thursday's news." in digest.body
    assert "Another theme." not in digest.body
    assert "SECRET" not in digest.body
    assert dict(digest.headers)["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link(digest.body, "unsubscribe") in dict(digest.headers)["List-Unsubscribe"]
    with clock_set_to(at(8, 12)):
        approved_update(rec, note="Tuesday's news.")
    with clock_set_to(at(14, 8)):
        assert send_digests() == 1
    latest = digests()[-1]
    assert "Tuesday's news." in latest.body
    assert "Thursday's news." not in latest.body


def test_an_empty_week_sends_nothing(client):
    with clock_set_to(at(2, 12)):
        make_rec()
        followed(client, frequency="weekly")
    with clock_set_to(at(7, 8)):
        assert send_digests() == 0
    assert digests() == []


def test_a_missed_run_still_sends_one_digest_later_in_the_week(client):
    with clock_set_to(at(2, 12)):
        rec = make_rec()
        followed(client, frequency="weekly")
    with clock_set_to(at(3, 12)):
        approved_update(rec, note="News.")
    with clock_set_to(at(10, 22)):  # the worker was down from Monday to Thursday night
        assert send_digests() == 1
    with clock_set_to(at(11, 9)):
        assert send_digests() == 0
