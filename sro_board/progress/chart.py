"""The chart's geometry, computed here so the template only draws: stacked bars by month and
status, the baseline plan as a dashed line with squares, what is done as a solid line with
circles. Each status has the site's colour (3:1 or more against white) and its own pattern."""

from dataclasses import dataclass, field

from .history import History, Month

# status: (colour, pattern); the same colours as the site's status bars (static/css/app.css).
STYLE = {
    "not_started": ("#6b7280", "solid"),
    "planning": ("#a15c00", "diagonal"),
    "in_progress": ("#1d5fbf", "dots"),
    "implemented": ("#1a7f37", "horizontal"),
    "ongoing": ("#0e6b63", "cross"),
    "deferred": ("#8250df", "vertical"),
    "will_not_proceed": ("#b42318", "backslash"),
}
INK = "#1f2328"


@dataclass(frozen=True)
class Segment:
    """One status's part of a month's bar."""

    status: str
    y: float
    height: float
    count: int


@dataclass(frozen=True)
class Bar:
    """One month's bar: where it is and its segments, bottom first."""

    month: Month
    x: float
    width: float
    centre: float
    segments: list[Segment]
    labelled: bool  # whether its month is written under the axis


@dataclass
class Chart:
    """Everything the SVG draws, in its own coordinates."""

    width: int
    height: int
    left: int
    top: int
    bottom: float  # the y of the axis
    bars: list[Bar] = field(default_factory=list)
    ticks: list[tuple[int, float]] = field(default_factory=list)  # value, y
    planned: list[tuple[float, float]] = field(default_factory=list)
    done: list[tuple[float, float]] = field(default_factory=list)

    @property
    def planned_points(self) -> str:
        """The plan's polyline."""
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.planned)

    @property
    def done_points(self) -> str:
        """The done line's polyline."""
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in self.done)


def _step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def layout(history: History, width: int = 760, height: int = 360, labels: int = 12) -> Chart:
    """Place the bars, lines and ticks for history's months (labels: at most so many months
    written under the axis)."""
    left, top, right, below = 44, 12, 12, 44
    chart = Chart(width, height, left, top, height - below)
    months = history.months
    if not months:
        return chart
    highest = max(max(m.total, m.planned) for m in months) or 1
    step = _step(highest)
    ceiling = -(-highest // step) * step
    plot = chart.bottom - top
    scale = plot / ceiling
    chart.ticks = [(value, chart.bottom - value * scale) for value in range(0, ceiling + 1, step)]
    slot = (width - left - right) / len(months)
    every = -(-len(months) // labels)
    for index, month in enumerate(months):
        x = left + index * slot
        y = chart.bottom
        segments = []
        for status in history.statuses:
            count = month.counts[status]
            if count:
                y -= count * scale
                segments.append(Segment(status, y, count * scale, count))
        centre = x + slot / 2
        chart.bars.append(
            Bar(month, x + slot * 0.15, slot * 0.7, centre, segments, index % every == 0)
        )
        chart.planned.append((centre, chart.bottom - month.planned * scale))
        chart.done.append((centre, chart.bottom - month.done * scale))
    return chart
