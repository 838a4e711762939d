"""The month-by-month history: exact counts on known histories, at the hours when Edmonton's
day (and month) is not UTC's; pending and rejected updates never move it; two queries."""

from datetime import UTC, date, datetime

from sro_board.core.clock import clock_set_to
from sro_board.core.extensions import db
from sro_board.progress.history import progress_history
from sro_board.recommendations.models import Recommendation
from sro_board.recommendations.services import approve_update, reject_update
from tests.board.factories import count_queries
from tests.factories import make_rec, make_user
from tests.recommendations.factories import draft
from tests.recommendations.factories import publish as publish_now

EVIDENCE = [{"title": "Report", "url": "https://example.org/report"}]


def at(text: str) -> datetime:
    """A UTC moment from '2026-11-01 02:30'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def added(code: str, when: str, target: str):
    """A recommendation added at that moment, first committed to be done by target."""
    with clock_set_to(at(when)):
        return make_rec(code, target_date=target)


def publish(rec, when: str, **changes):
    """An update published at that moment."""
    with clock_set_to(at(when)):
        return publish_now(rec, public_note="Progress.", **changes)


def signed_off(rec, when: str, approver, **changes):
    """A closing update, saved and then signed off by an approver at that moment."""
    update = publish_now(rec, public_note="Done.", **changes)
    with clock_set_to(at(when)):
        approve_update(update, approver)
        db.session.commit()
    return update


def table(history) -> dict[str, dict]:
    """{"2026-10": {status: count, ..., "planned": n, "done": n}} for the non-zero values."""
    return {
        m.month.strftime("%Y-%m"): {k: v for k, v in m.counts.items() if v}
        | {"total": m.total, "planned": m.planned, "done": m.done}
        for m in history.months
    }


def known_history(users) -> None:
    """Three recommendations whose changes fall either side of Edmonton's month ends."""
    first = added("R-01", "2026-10-15 18:00", "2026-11-15")
    # 02:30 UTC on 1 November is 20:30 on 31 October in Edmonton: October's.
    publish(first, "2026-11-01 02:30", status="planning")
    # 23:30 UTC on 30 November is 16:30 the same day in Edmonton: November's.
    publish(first, "2026-11-30 23:30", status="in_progress")
    # 06:30 UTC on 1 December is still 30 November (23:30) in Edmonton: November's.
    signed_off(first, "2026-12-01 06:30", users["admin"], status="implemented", evidence=EVIDENCE)
    # Added at 23:30 on 31 October, Edmonton time (05:30 UTC on 1 November): from October.
    second = added("R-02", "2026-11-01 05:30", "2026-12-31")
    # 07:30 UTC on 1 December is 00:30 on 1 December in Edmonton: December's.
    publish(second, "2026-12-01 07:30", status="deferred")
    # Added at 20:00 on 30 November, Edmonton time: from November.
    added("R-03", "2026-12-01 03:00", "2027-03-01")


def test_known_history_gives_the_exact_counts_by_edmonton_month(app, users):
    known_history(users)
    # 02:30 UTC on 1 January 2027 is still 31 December 2026 in Edmonton: no January yet.
    with clock_set_to(at("2027-01-01 02:30")):
        history = progress_history()
    assert table(history) == {
        "2026-10": {"planning": 1, "not_started": 1, "total": 2, "planned": 0, "done": 0},
        "2026-11": {"implemented": 1, "not_started": 2, "total": 3, "planned": 1, "done": 1},
        "2026-12": {
            "implemented": 1,
            "not_started": 1,
            "deferred": 1,
            "total": 3,
            "planned": 2,
            "done": 1,
        },
    }


def test_the_history_runs_to_this_month_by_the_apps_clock(app, users):
    known_history(users)
    with clock_set_to(at("2027-01-01 07:30")):  # 00:30 on 1 January in Edmonton
        months = progress_history().months
    assert [m.month for m in months][-1] == date(2027, 1, 1)
    assert months[-1].counts == months[-2].counts


def test_pending_and_rejected_updates_never_move_the_history(app, users):
    known_history(users)
    with clock_set_to(at("2027-01-01 02:30")):
        before = progress_history()
    member = make_user(["member"], email="progress-member@example.org")
    rec = db.session.scalar(db.select(Recommendation).where(Recommendation.code == "R-03"))
    with clock_set_to(at("2026-12-10 12:00")):
        draft(rec, member, public_note="Soon.", status="planning")
        turned_down = draft(rec, member, public_note="Later.", status="in_progress")
        reject_update(turned_down, users["chair"], "Not yet.")
        db.session.commit()
    with clock_set_to(at("2027-01-01 02:30")):
        assert progress_history() == before


def test_the_history_takes_two_queries_whatever_the_data(app, users):
    known_history(users)
    with clock_set_to(at("2027-01-01 02:30")), count_queries() as few:
        progress_history()
    for n in range(20):
        rec = added(f"S-{n:02d}", "2026-10-20 12:00", "2026-12-01")
        publish(rec, "2026-11-10 12:00", status="planning")
    with clock_set_to(at("2027-01-01 02:30")), count_queries() as many:
        history = progress_history()
    assert len(few) == len(many) == 2
    assert history.months[-1].total == 23


def test_no_recommendation_no_months(app):
    assert progress_history().months == []


def test_the_history_is_plain_data(app, users):
    known_history(users)
    with clock_set_to(at("2027-01-01 02:30")):
        data = progress_history().as_dict()
    assert data["months"][0]["month"] == "2026-10-01"
    assert data["done_statuses"] == ["implemented", "ongoing"]
    assert all(isinstance(v, int) for v in data["months"][1]["counts"].values())
