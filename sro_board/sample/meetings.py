"""Sample meetings (invented, like all the sample data): the advisory board's last three
meetings with their minutes, its next one, and a working-group meeting, in English and French.

They go through the services, with the clock set back, so states, audit entries and the
notice rule are what real use would leave. Board members come from the sample roster; while
it has fewer than three members in term, invented sample members are added.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa

from ..auth.models import User
from ..board.enums import Category
from ..board.models import BoardMember
from ..core.clock import clock_set_to, local_zone, now_utc
from ..core.extensions import db
from ..meetings import services
from ..meetings import services_minutes as minutes
from ..meetings.enums import ActionStatus, Body, Presence
from ..meetings.models import Meeting
from ..recommendations.models import Recommendation

SAMPLE_MEMBERS = [
    ("Avery Thompson (sample)", "Avery T. (sample)", Category.PARENT),
    ("Jordan Whitehorse (sample)", "Jordan W. (sample)", Category.STUDENT),
    ("Sam Okafor (sample)", None, Category.STUDENT),  # not on the public roster
    ("Dana Leblanc (sample)", "Dana L. (sample)", Category.STAFF),
]

# Each past board meeting: (days ago, title, French title, items: (title, French, codes)).
PAST = [
    (
        95,
        "Advisory board: first meeting",
        "Conseil consultatif : première réunion",
        [
            ("Welcome and terms of reference", "Accueil et mandat", []),
            ("How progress is reported", "Comment les progrès sont publiés", ["R-01", "R-02"]),
        ],
    ),
    (
        60,
        "Advisory board: training and complaints",
        "Conseil consultatif : formation et plaintes",
        [
            ("Approval of the last minutes", "Approbation du dernier procès-verbal", []),
            ("Officer training", "Formation des agents", ["R-03", "R-05"]),
            ("Complaints process", "Processus de plainte", ["R-10"]),
        ],
    ),
    (
        25,
        "Advisory board: student voice",
        "Conseil consultatif : la voix des élèves",
        [
            ("Approval of the last minutes", "Approbation du dernier procès-verbal", []),
            ("Student survey results", "Résultats du sondage auprès des élèves", ["R-12"]),
        ],
    ),
]
SUMMARY = (
    "The board discussed the item and asked questions. Staff answered them.",
    "Le conseil a discuté du point et a posé des questions. Le personnel y a répondu.",
)
MOTION = (
    "That the board ask for a written update at its next meeting.",
    "Que le conseil demande une mise à jour écrite à sa prochaine réunion.",
)


@dataclass
class MeetingSample:
    """What was made, for the loader's counts."""

    counts: dict[str, int]


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A local time on a day, in UTC."""
    return datetime.combine(day, time(hour, minute), local_zone()).astimezone(UTC)


def roster(today: date) -> list[BoardMember]:
    """The board's members in term, with invented sample members added if there are too few."""
    members = list(
        db.session.scalars(
            sa.select(BoardMember)
            .where(BoardMember.term_start <= today, BoardMember.term_end >= today)
            .order_by(BoardMember.id)
            .limit(8)
        )
    )
    if len(members) >= 3:
        return members
    for full_name, roster_name, category in SAMPLE_MEMBERS:
        member = BoardMember(
            category=category,
            full_name=full_name,
            roster_name=roster_name,
            term_start=today - timedelta(days=200),
            term_end=today + timedelta(days=530),
        )
        db.session.add(member)
        members.append(member)
    db.session.flush()
    return members


def codes(wanted: list[str]) -> list[str]:
    """The codes that exist among those wanted."""
    found = db.session.scalars(
        sa.select(Recommendation.code).where(Recommendation.code.in_(wanted))
    )
    return list(found)


def announce(actor: User, body: Body, starts: datetime, titles: tuple[str, str], items) -> Meeting:
    """A meeting with its agenda, published 14 days before it starts."""
    with clock_set_to(starts - timedelta(days=14)):
        meeting = services.create_meeting(
            actor,
            body,
            {
                "title": titles[0],
                "title_fr": titles[1],
                "starts_at": starts,
                "duration_minutes": 120,
                "place": "Board room, 1 Sample Street (sample)",
                "place_fr": "Salle du conseil, 1 rue Exemple (exemple)",
                "online": "",
                "is_public": True,
            },
        )
        for title, title_fr, linked in items:
            minutes.add_item(
                actor,
                meeting,
                {
                    "title": title,
                    "title_fr": title_fr,
                    "presenter": actor.name,
                    "minutes_allowed": 30,
                },
                codes(linked),
            )
        services.publish_agenda(actor, meeting)
    return meeting


def hold(actor: User, meeting: Meeting, members: list[BoardMember], staff: list[User]) -> None:
    """Hold a meeting and write its minutes: attendance, summaries, a decision, an action."""
    with clock_set_to(meeting.ends_at):
        services.mark_held(actor, meeting)
        presence = [Presence.PRESENT, Presence.PRESENT, Presence.REGRETS, Presence.PRESENT]
        minutes.record_attendance(
            actor,
            meeting,
            {m.id: presence[i % len(presence)] for i, m in enumerate(members)},
            {u.id: Presence.PRESENT for u in staff},
        )
        for item in meeting.items:
            minutes.write_summary(actor, item, *SUMMARY)
        last = meeting.items[-1]
        minutes.add_decision(
            actor,
            last,
            {
                "motion": MOTION[0],
                "motion_fr": MOTION[1],
                "outcome": "carried",
                "votes_for": 5,
                "votes_against": 0,
                "votes_abstaining": 1,
            },
        )
        rec = last.recommendations[0] if last.recommendations else None
        action = minutes.add_action(
            actor,
            meeting,
            {
                "description": "Send the board a written update.",
                "description_fr": "Envoyer au conseil une mise à jour écrite.",
                "owner_board_member_id": None,
                "owner_user_id": staff[0].id,
                "due_date": meeting.starts_at.date() + timedelta(days=21),
                "recommendation_id": rec.id if rec else None,
            },
        )
        services.draft_minutes(actor, meeting)
    if meeting.starts_at < now_utc() - timedelta(days=40):
        minutes.set_action_status(actor, action, ActionStatus.DONE)


def load_meetings(admin: User, chair: User) -> MeetingSample:
    """The board's three past meetings, its next one, and a working group's meeting."""
    today = now_utc().astimezone(local_zone()).date()
    members = roster(today)
    held = []
    for days_ago, title, title_fr, items in PAST:
        meeting = announce(
            admin,
            Body.ADVISORY_BOARD,
            local(today - timedelta(days=days_ago), 18, 30),
            (title, title_fr),
            items,
        )
        hold(admin, meeting, members, [chair])
        if held:  # the previous meeting's minutes are approved at this one, then published
            with clock_set_to(meeting.ends_at):
                services.approve_minutes(
                    admin,
                    held[-1],
                    meeting,
                    {"votes_for": 5, "votes_against": 0, "votes_abstaining": 0},
                )
                services.publish_minutes(admin, held[-1])
        held.append(meeting)
    announce(
        admin,
        Body.ADVISORY_BOARD,
        local(today + timedelta(days=12), 18, 30),
        ("Advisory board: winter meeting", "Conseil consultatif : réunion d'hiver"),
        [
            ("Approval of the last minutes", "Approbation du dernier procès-verbal", []),
            (
                "Progress on mental-health supports",
                "Progrès des soutiens en santé mentale",
                ["R-20", "R-21"],
            ),
        ],
    )
    announce(
        chair,
        Body.WORKING_GROUP,
        local(today + timedelta(days=9), 13, 0),
        ("Working group: quarterly review", "Groupe de travail : revue trimestrielle"),
        [("Overdue recommendations", "Recommandations en retard", ["R-04", "R-07"])],
    )
    db.session.flush()
    return MeetingSample({"meetings": len(PAST) + 2})
