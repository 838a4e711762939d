"""The statements a list page runs do not grow with the data: the same at 1x and at 10x."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.auth import passwords
from sro_board.auth.roles import Role
from sro_board.board.enums import Category, SelfIdAnswer
from sro_board.board.models import Intake
from sro_board.contact.models import ContactMessage, Topic
from sro_board.core.clock import now_utc
from sro_board.core.extensions import db, limiter
from sro_board.core.pagination import position
from sro_board.mail.models import OutboxEmail
from sro_board.recommendations.enums import UpdateState
from sro_board.recommendations.models import Update
from tests.board.factories import (
    add_criteria,
    assign,
    count_queries,
    make_application,
    make_intake,
    make_self_id,
    score,
)
from tests.database import ensure_schema, rolled_back
from tests.factories import CHEAP_HASHER, login, make_rec, make_user
from tests.recommendations.factories import draft

PATHS = [
    ("chair", "/recommendations/R-01"),
    ("chair", "/recommendations/R-01?older={older}"),
    ("chair", "/staff/recommendations/R-01"),
    ("chair", "/staff/audit"),
    ("chair", "/staff/audit?entity_type=widget"),
    ("chair", "/staff/inbox"),
    ("chair", "/staff/updates"),
    ("admin", "/staff/email"),
    ("admin", "/staff/board/intakes/{intake}/applications"),
    ("admin", "/staff/board/intakes/{intake}/applications?page=2&stage=in_review"),
    ("admin", "/staff/board/intakes/{intake}/selection"),
    ("admin", "/staff/board/intakes/{intake}/selection?student_page=2"),
    ("reviewer", "/staff/reviews"),
]


def grow(count: int, users) -> None:
    """count more of everything the list pages show."""
    rec = db.session.scalar(sa.select(Update.recommendation_id).limit(1))
    intake = db.session.scalar(sa.select(Intake))
    criteria = intake.criteria
    start = now_utc() - timedelta(days=1)
    for n in range(count):
        when = start + timedelta(seconds=n)
        db.session.add_all(
            [
                Update(
                    recommendation_id=rec,
                    state=UpdateState.APPROVED,
                    changes={"progress": {"old": 0, "new": n % 100}},
                    public_note=f"Step {n}",
                    based_on_version=1,
                    resulting_version=2,
                    decided_at=when,
                    decided_by_id=users["chair"].id,
                ),
                AuditEntry(
                    actor_label="system (command line)",
                    action="test.made",
                    entity_type="widget",
                    entity_id=str(n),
                    summary=f"Entry {n}",
                ),
                ContactMessage(topic=Topic.COMMENT, message=f"Message {n}"),
                OutboxEmail(
                    template="account_changed",
                    recipient_hash="0" * 64,
                    recipient="someone@example.org",
                    subject=f"Email {n}",
                    body="Hi.",
                ),
            ]
        )
        category = list(Category)[n % len(Category)]
        application = make_application(intake, category=category)
        make_self_id(application, racialized=SelfIdAnswer.YES)
        if n % 2:
            score(application, users["reviewer"], criteria, [1 + n % 5, 2])
        if n % 5 == 0:
            draft(make_rec(f"R-{application.id + 100}"), users["member"], progress=5)
    db.session.commit()


def statements_for(client, path: str) -> int:
    """How many statements one GET of path runs, from an emptied session and a fresh `g` (the
    clients of several roles take turns)."""
    with client.application.app_context(), count_queries() as statements:
        response = client.get(path)
    assert response.status_code == 200, (path, response.location)
    return len(statements)


def first_data(users) -> tuple[int, object]:
    """One recommendation with an approved update, one intake with criteria and a reviewer."""
    rec = make_rec("R-01")
    intake = make_intake()
    add_criteria(intake, 2, 1)
    assign(intake, users["reviewer"])
    db.session.add(
        Update(
            recommendation_id=rec.id,
            state=UpdateState.APPROVED,
            changes={},
            public_note="First",
            based_on_version=1,
            decided_at=now_utc() - timedelta(days=2),
        )
    )
    db.session.commit()
    return intake.id


@pytest.fixture(scope="module")
def measured(worker_app):
    """Each page's statements at 1x and at 10x the data: the data built once for the module,
    in a transaction rolled back at its end; {(role, path): (at 1x, at 10x)}."""
    with worker_app.app_context(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "hasher", CHEAP_HASHER)
        patch.setitem(worker_app.config, "PAGE_SIZE", 10)
        limiter.reset()
        ensure_schema()
        with rolled_back():
            users = {role.value: make_user([role.value]) for role in Role}
            intake = first_data(users)
            grow(5, users)
            clients = {}
            for role in {role for role, _path in PATHS}:
                clients[role] = worker_app.test_client()
                with worker_app.app_context():
                    login(clients[role], users[role])
            step = db.session.scalar(sa.select(Update).where(Update.public_note == "Step 4"))
            older = position(step.decided_at, step.id)
            targets = {row: row[1].format(intake=intake, older=older) for row in PATHS}
            small = {}
            for row, target in targets.items():
                with worker_app.app_context():  # the app's first request fills caches
                    clients[row[0]].get(target)
                small[row] = statements_for(clients[row[0]], target)
            grow(45, users)
            large = {}
            for row, target in targets.items():
                # Again after the growth: the selection's self-identification tables are kept
                # per worker until the intake changes (test_selection_queries.py counts their
                # recomputation at 1x and 10x).
                with worker_app.app_context():
                    clients[row[0]].get(target)
                large[row] = statements_for(clients[row[0]], target)
            yield {row: (targets[row], small[row], large[row]) for row in targets}


@pytest.mark.parametrize(("role", "path"), PATHS)
def test_list_pages_run_as_many_statements_at_10x_the_data(measured, role, path):
    target, small, large = measured[(role, path)]
    assert large == small, f"{target}: {small} statements at 1x, {large} at 10x"
