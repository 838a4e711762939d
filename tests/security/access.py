"""The route x role access matrix: one row per endpoint, shared by every feature's tests.

A feature lists its endpoints in a dict of endpoint name -> Access. test_access_matrix.py
checks that every endpoint in app.url_map is listed somewhere, then requests each one as
every role (and as nobody) and compares the outcome with `allowed`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ANONYMOUS = "anonymous"
EVERYONE = frozenset(
    {"anonymous", "admin", "chair", "member", "reviewer", "board_member", "board_chair"}
)


@dataclass(frozen=True)
class Access:
    """Who may use one endpoint.

    path: URL with {placeholders} filled from the ids that `setup` returns.
    allowed: role names (and "anonymous") that get through; others are refused:
        anonymous -> redirect to the login page, logged-in without the role -> 403.
    method: "GET" or "POST"; POSTs send `data` (CSRF is off in the test config).
    setup: called inside the app context with the users dict; returns {placeholder: value}.
    """

    path: str
    allowed: frozenset[str]
    method: str = "GET"
    data: dict = field(default_factory=dict)
    setup: Callable[[dict], dict] | None = None
