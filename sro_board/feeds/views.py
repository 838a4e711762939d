"""The Atom feeds: all published updates, one recommendation's, one theme's, the meetings."""

from flask import Blueprint, Response, abort, render_template
from flask_babel import gettext as _

from ..core.i18n import current_language
from ..core.pagecache import public_page
from ..core.urls import public_url
from ..meetings.enums import MeetingState
from ..meetings.models import Meeting
from ..recommendations.enums import Theme
from ..recommendations.fields import FIELD_LABELS, STAFF_ONLY_FIELDS
from ..recommendations.models import Update
from ..recommendations.queries import find_by_code
from .atom import CONTENT_TYPE, LATEST, Entry, Feed, tag
from .queries import announced_meetings, published_updates

bp = Blueprint("feeds", __name__)


def atom(feed: Feed) -> Response:
    """The feed as an Atom document."""
    body = render_template("feeds/atom.xml", feed=feed, author=_("SRO review working group"))
    return Response(body, headers={"Content-Type": CONTENT_TYPE})


def title_of(update: Update) -> str:
    """An update's entry title: the recommendation's code and title in the page's language."""
    rec = update.recommendation
    title = rec.title_fr if current_language() == "fr" and rec.title_fr else rec.title
    return _("%(code)s: %(title)s", code=rec.code, title=title)


def update_entries(updates: list[Update]) -> list[Entry]:
    """Entries for published updates: what the recommendation's public timeline shows."""
    language = current_language()
    return [
        Entry(
            id=tag(f"update/{u.id}", language),
            title=title_of(u),
            updated=u.decided_at,
            link=public_url("recommendations.public_detail", code=u.recommendation.code),
            html=render_template(
                "feeds/_update.html",
                update=u,
                field_labels=FIELD_LABELS,
                hidden_fields=STAFF_ONLY_FIELDS,
            ),
        )
        for u in updates
    ]


def updates_feed(specific: str, title: str, link: str, self_link: str, updates: list) -> Feed:
    """A feed of published updates."""
    return Feed(
        id=tag(f"feed/{specific}", current_language()),
        title=title,
        subtitle=_("Published updates on the SRO program review's recommendations."),
        link=link,
        self_link=self_link,
        language=current_language(),
        entries=update_entries(updates),
    )


@bp.get("/feed.atom")
@public_page()
def updates():
    """Every recommendation's published updates, newest first."""
    return atom(
        updates_feed(
            "updates",
            _("SRO review progress: all updates"),
            public_url("public.home"),
            public_url("feeds.updates"),
            published_updates(),
        )
    )


@bp.get("/recommendations/<code>/feed.atom")
@public_page()
def recommendation(code: str):
    """One recommendation's published updates."""
    rec = find_by_code(code)
    title = rec.title_fr if current_language() == "fr" and rec.title_fr else rec.title
    return atom(
        updates_feed(
            f"recommendation/{rec.id}",
            _("Updates on %(code)s: %(title)s", code=rec.code, title=title),
            public_url("recommendations.public_detail", code=rec.code),
            public_url("feeds.recommendation", code=rec.code),
            published_updates(recommendation_id=rec.id),
        )
    )


@bp.get("/themes/<theme>/feed.atom")
@public_page()
def theme(theme: str):
    """The published updates of one theme's recommendations."""
    if theme not in {each.value for each in Theme}:
        abort(404)
    chosen = Theme(theme)
    return atom(
        updates_feed(
            f"theme/{chosen.value}",
            _("Updates on the theme %(theme)s", theme=chosen.label),
            public_url("recommendations.public_list", theme=chosen.value),
            public_url("feeds.theme", theme=chosen.value),
            published_updates(theme=chosen),
        )
    )


def meeting_entries(meetings: list[Meeting]) -> list[Entry]:
    """An entry per published agenda and one per published minutes, as the public page shows
    them: a closed meeting only says when it is and that it is closed."""
    language = current_language()
    entries = []
    for meeting in meetings:
        link = public_url("meetings.public_detail", meeting_id=meeting.id)
        name = (
            meeting.public("title")
            if meeting.is_public
            else _("%(body)s: closed meeting", body=meeting.body.label)
        )
        entries.append(
            Entry(
                id=tag(f"meeting/{meeting.id}/agenda", language),
                title=_("Agenda: %(name)s", name=name),
                updated=meeting.agenda_changed_at or meeting.agenda_published_at,
                link=link,
                html=render_template("feeds/_agenda.html", meeting=meeting),
            )
        )
        if (
            meeting.is_public
            and meeting.state == MeetingState.PUBLISHED
            and meeting.minutes_published_at
        ):
            entries.append(
                Entry(
                    id=tag(f"meeting/{meeting.id}/minutes", language),
                    title=_("Minutes: %(name)s", name=name),
                    updated=meeting.minutes_published_at,
                    link=link,
                    html=render_template("feeds/_minutes.html", meeting=meeting),
                )
            )
    entries.sort(key=lambda entry: entry.updated, reverse=True)
    return entries[:LATEST]


@bp.get("/meetings/feed.atom")
@public_page()
def meetings():
    """Published agendas and minutes of both bodies' meetings."""
    return atom(
        Feed(
            id=tag("feed/meetings", current_language()),
            title=_("SRO review meetings: agendas and minutes"),
            subtitle=_("Agendas and minutes of the advisory board and the working group."),
            link=public_url("meetings.public_list"),
            self_link=public_url("feeds.meetings"),
            language=current_language(),
            entries=meeting_entries(announced_meetings()),
        )
    )
