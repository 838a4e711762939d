"""Who may read each feed (merged into the route x role matrix by tests/security/routes.py)."""

from tests.factories import make_rec
from tests.security.access import EVERYONE, Access


def a_recommendation(users: dict) -> dict:
    """A published recommendation."""
    return {"code": make_rec("R-01").code}


FEEDS_ACCESS: dict[str, Access] = {
    "feeds.updates": Access("/feed.atom", EVERYONE),
    "feeds.recommendation": Access(
        "/recommendations/{code}/feed.atom", EVERYONE, setup=a_recommendation
    ),
    "feeds.theme": Access("/themes/role/feed.atom", EVERYONE),
    "feeds.meetings": Access("/meetings/feed.atom", EVERYONE),
}
