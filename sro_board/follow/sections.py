"""What following adds to a recommendation's public page (core/sections.py slot)."""

from typing import Any

from ..recommendations.models import Recommendation


def recommendation_section(rec: Recommendation, **_page: Any) -> dict[str, Any]:
    """A button to follow rec by email (the form, with its notice, is on /follow)."""
    return {"rec": rec}
