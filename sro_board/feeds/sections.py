"""The feeds a page offers (<link rel="alternate"> in its head), from its endpoint alone."""

from typing import Any

from flask import request, url_for
from flask_babel import gettext as _

from ..recommendations.enums import Theme

ALL_UPDATES = ("public.home", "recommendations.public_list")
MEETINGS = ("meetings.public_list", "meetings.public_detail")


def head_section(**_page: Any) -> dict[str, Any]:
    """The feeds of this page: (title, address) pairs; none on other pages (no query)."""
    endpoint = request.endpoint or ""
    args = request.view_args or {}
    feeds: list[tuple[str, str]] = []
    if endpoint in ALL_UPDATES:
        theme = request.args.get("theme", "")
        if endpoint == "recommendations.public_list" and theme in {t.value for t in Theme}:
            feeds.append(
                (
                    _("Updates on the theme %(theme)s", theme=Theme(theme).label),
                    url_for("feeds.theme", theme=theme),
                )
            )
        feeds.append((_("All updates"), url_for("feeds.updates")))
    elif endpoint == "recommendations.public_detail" and "code" in args:
        feeds.append(
            (
                _("Updates on %(code)s", code=args["code"]),
                url_for("feeds.recommendation", code=args["code"]),
            )
        )
    elif endpoint in MEETINGS:
        feeds.append((_("Meetings: agendas and minutes"), url_for("feeds.meetings")))
    return {"feeds": feeds}
