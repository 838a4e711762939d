"""What progress adds to the home page (the core/sections.py "home" slot): the chart in small."""

from typing import Any

from .chart import layout
from .history import History, progress_history

HOME_MONTHS = 12


def home_section(**_page: Any) -> dict[str, Any]:
    """The last twelve months, drawn small."""
    full = progress_history()
    history = History(full.statuses, full.done_statuses, full.months[-HOME_MONTHS:])
    return {"history": history, "chart": layout(history, width=480, height=240, labels=4)}
