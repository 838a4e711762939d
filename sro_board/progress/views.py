"""The progress-over-time page."""

from flask import Blueprint, render_template

from ..core.pagecache import public_page
from .chart import layout
from .history import progress_history

bp = Blueprint("progress", __name__)


@bp.get("/progress")
@public_page()
def page():
    """The chart in full, with its table."""
    history = progress_history()
    return render_template("progress/page.html", history=history, chart=layout(history))
