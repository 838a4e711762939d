"""pytest plugin: `--clock HH:MM` runs the whole suite with the machine's clock at that UTC time.

The app reads "now" and "today" from its own clock (sro_board.core.clock), which reads the
machine's. Between 00:00 and 07:00 UTC the service's day (America/Edmonton) is still yesterday,
so a test that takes "today" from the machine instead of the app fails only at night. CI runs
the suite at 02:30 and 23:30 UTC as well as at the real time (.ci/run), whatever hour it is.
"""

from datetime import UTC, datetime, time

import pytest
import time_machine


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock",
        metavar="HH:MM",
        default=None,
        help="run with the clock at this UTC time of today's date (it keeps ticking)",
    )


def clock_start(value: str) -> datetime:
    """Today's date (UTC) at the given UTC time."""
    hours, minutes = (int(part) for part in value.split(":"))
    return datetime.combine(datetime.now(UTC).date(), time(hours, minutes), tzinfo=UTC)


def pytest_configure(config: pytest.Config) -> None:
    value = config.getoption("--clock")
    if value:
        traveller = time_machine.travel(clock_start(value), tick=True)
        traveller.start()
        config.add_cleanup(traveller.stop)


def pytest_report_header(config: pytest.Config) -> str | None:
    value = config.getoption("--clock")
    return f"clock: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC (--clock {value})" if value else None
