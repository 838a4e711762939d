"""What the board adds to the service's public pages (core/sections.py slots)."""

from typing import Any

from ..recommendations.models import Recommendation
from .enums import disagrees
from .queries import approved_of, disagreeing, rating_summary


def recommendation_section(rec: Recommendation, **_page: Any) -> dict[str, Any]:
    """The board's current assessment of rec beside the service's report, and its history."""
    history = approved_of(rec.id)
    current = history[0] if history else None
    return {
        "rec": rec,
        "current": current,
        "history": history,
        "disagrees": current is not None and disagrees(rec.status, current.rating),
    }


def home_section(**_page: Any) -> dict[str, Any]:
    """The board's ratings at a glance, and the recommendations where the two disagree."""
    return {"summary": rating_summary(), "disagreeing": disagreeing()}
