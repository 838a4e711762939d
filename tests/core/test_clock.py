"""The app's clock: "today" is the service's day, and it follows the app's clock helpers."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from sro_board.core.clock import clock_set_to, today_local


@pytest.mark.parametrize(
    ("utc_moment", "service_day"),
    [
        (datetime(2026, 11, 30, 2, 30, tzinfo=UTC), date(2026, 11, 29)),  # 19:30 the day before
        (datetime(2026, 11, 30, 6, 59, tzinfo=UTC), date(2026, 11, 29)),
        (datetime(2026, 11, 30, 7, 0, tzinfo=UTC), date(2026, 11, 30)),  # midnight in Edmonton
        (datetime(2026, 11, 30, 23, 30, tzinfo=UTC), date(2026, 11, 30)),
        (datetime(2026, 7, 1, 5, 59, tzinfo=UTC), date(2026, 6, 30)),  # summer time: UTC-6
        (datetime(2026, 7, 1, 6, 0, tzinfo=UTC), date(2026, 7, 1)),
    ],
)
def test_today_is_the_service_day_whatever_the_machine_hour(app, utc_moment, service_day):
    with time_machine.travel(utc_moment, tick=False):
        assert today_local() == service_day


def test_today_follows_the_app_clock(app):
    with clock_set_to(datetime(2030, 1, 1, 3, 0, tzinfo=UTC)):
        assert today_local() == date(2029, 12, 31)
