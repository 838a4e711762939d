"""Who may use each follow endpoint (merged into the route x role matrix by routes.py).

Every follow page is public: no account is needed, and the secret link in an email is what
opens a follower's own pages (its rows give each role a link of its own to open).
"""

from sro_board.core.extensions import db
from sro_board.follow.links import new_link
from sro_board.follow.models import LinkPurpose
from tests.follow.helpers import make_follower
from tests.security.access import EVERYONE, Access

FOLLOW_FORM = {"email": "matrix.follower@example.org", "scope": "all", "frequency": "instant"}


def a_follower(users: dict) -> dict:
    """A confirmed follower with a manage link, and an unconfirmed one with a confirm link."""
    rows = [
        make_follower(f"matrix.{number}.{len(users)}@example.org", confirmed)
        for number, confirmed in enumerate((True, False))
    ]
    manage = new_link(rows[0], LinkPurpose.MANAGE)
    confirm = new_link(rows[1], LinkPurpose.CONFIRM)
    db.session.commit()
    return {"manage": manage, "confirm": confirm, "follower_id": rows[0].id}


FOLLOW_ACCESS: dict[str, Access] = {
    "follow.follow": Access("/follow", EVERYONE),
    "follow.follow POST": Access("/follow", EVERYONE, method="POST", data=FOLLOW_FORM),
    "follow.sent": Access("/follow/check-your-email", EVERYONE),
    "follow.confirm": Access("/follow/confirm/{confirm}", EVERYONE, setup=a_follower),
    "follow.confirm POST": Access(
        "/follow/confirm/{confirm}", EVERYONE, method="POST", setup=a_follower
    ),
    "follow.manage": Access("/follow/manage/{manage}", EVERYONE, setup=a_follower),
    "follow.manage POST": Access(
        "/follow/manage/{manage}",
        EVERYONE,
        method="POST",
        data={"action": "frequency", "follower_id": "{follower_id}", "frequency": "weekly"},
        setup=a_follower,
    ),
    "follow.unsubscribe": Access("/follow/unsubscribe/{manage}", EVERYONE, setup=a_follower),
    "follow.unsubscribe POST": Access(
        "/follow/unsubscribe/{manage}",
        EVERYONE,
        method="POST",
        data={"List-Unsubscribe": "One-Click"},
        setup=a_follower,
    ),
}
