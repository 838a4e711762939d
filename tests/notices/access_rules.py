"""Who may use the notices' endpoints (merged into the route x role matrix by routes.py)."""

from tests.security.access import EVERYONE, Access

STAFF = EVERYONE - {"anonymous"}

NOTICES_ACCESS = {
    "notices.settings": Access("/account/notifications", STAFF),
    "notices.settings POST": Access(
        "/account/notifications", STAFF, method="POST", data={"drafts_waiting": "y"}
    ),
}
