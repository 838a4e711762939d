"""Home and about-the-review pages."""

from flask import Blueprint, render_template

from ..core.pagecache import public_page
from ..recommendations.enums import REPORT_INFO
from ..recommendations.queries import latest_public_updates, summary

bp = Blueprint("public", __name__)

TOTAL_PARTICIPANTS = 2898


@bp.get("/")
@public_page()
def home():
    """Overall progress as a picture and in words, and the latest public updates."""
    return render_template(
        "public/home.html",
        summary=summary(),
        latest=latest_public_updates(),
        total_participants=TOTAL_PARTICIPANTS,
    )


@bp.get("/about")
@public_page()
def about():
    """The review: its phases, reports and participants."""
    return render_template(
        "public/about.html", reports=REPORT_INFO, total_participants=TOTAL_PARTICIPANTS
    )
