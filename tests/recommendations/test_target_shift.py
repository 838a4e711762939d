"""How far the target moved from the first commitment: shown beside the target, and a filter."""

from datetime import date, timedelta

import pytest

from sro_board.recommendations.schedule import target_shift
from tests.factories import login, make_rec
from tests.pages import text
from tests.recommendations.factories import publish, rec_by_code
from tests.recommendations.test_lists_and_queries import codes_on
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures

FIRST = date(2027, 3, 31)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, None),
        (1, "1 day later than first committed"),
        (-10, "10 days earlier than first committed"),
        (31, "31 days later than first committed"),
        (32, "1 month later than first committed"),
        (91, "3 months later than first committed"),
        (-183, "6 months earlier than first committed"),
        (365, "12 months later than first committed"),
    ],
)
def test_target_shift_in_words(days, expected):
    assert target_shift(FIRST, FIRST + timedelta(days=days)) == expected


@pytest.fixture
def moved(app):
    """R-01 moved 3 months later, R-02 as first committed, R-03 moved 10 days earlier."""
    for code in ("R-01", "R-02", "R-03"):
        make_rec(code, target_date=FIRST.isoformat())
    publish(rec_by_code("R-01"), target_date="2027-06-30")
    publish(rec_by_code("R-03"), target_date="2027-03-21")


@pytest.mark.usefixtures("moved")
def test_lists_and_pages_show_how_far_the_target_moved(client, users):
    later = "3 months later than first committed"
    public_list = text(client.get("/recommendations"))
    assert later in public_list
    assert "10 days earlier than first committed" in public_list
    assert public_list.count("than first committed</span>") == 2  # R-02 kept its date
    assert f"{later} (31 March 2027)" in text(client.get("/recommendations/R-01"))
    assert "than first committed</span>" not in text(client.get("/recommendations/R-02"))
    login(client, users["member"])
    assert later in text(client.get("/staff/recommendations"))
    assert f"{later} (31 March 2027)" in text(client.get("/staff/recommendations/R-01"))


@pytest.mark.usefixtures("moved")
@pytest.mark.parametrize("path", ["/recommendations", "/staff/recommendations"])
@pytest.mark.parametrize(
    ("move", "expected"),
    [
        ("later", ["R-01"]),
        ("earlier", ["R-03"]),
        ("kept", ["R-02"]),
        ("", ["R-01", "R-02", "R-03"]),
    ],
)
def test_filter_by_how_the_target_moved(client, users, path, move, expected):
    login(client, users["member"])
    page = text(client.get(f"{path}?target={move}"))
    assert "Moved later than first committed" in page  # the filter's choice
    assert codes_on(page) == expected
