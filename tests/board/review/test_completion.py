"""Each declaration keeps whether its reviewer has scored every criterion, through every change
that can alter it, and the reviewer's queue splits its lists by it."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.board.intakes.rubric import add_criterion, delete_criterion
from sro_board.board.review.completion import refresh_intake_completion
from sro_board.board.review.queue import queue_pages
from sro_board.board.review.services import blind_application, declare_conflict, save_scores
from sro_board.board.review_models import ConflictDeclaration
from sro_board.core.extensions import db
from tests.board.factories import (
    add_criteria,
    assign,
    completion_disagreements,
    make_application,
    make_intake,
)
from tests.migration_runs import drop_everything, on_postgresql, on_sqlite, postgresql_only
from tests.perf.test_migration_0015 import insert, seed


@pytest.fixture
def review(app, users):
    """An intake with two criteria, the demo reviewer assigned, two applications in review."""
    intake = make_intake()
    criteria = add_criteria(intake, 1, 3)
    assign(intake, users["reviewer"])
    first, second = make_application(intake), make_application(intake)
    return {"intake": intake, "criteria": criteria, "apps": [first, second]}


def flag(application, reviewer) -> bool | None:
    """The stored flag of the reviewer's declaration on the application (None: none made)."""
    db.session.expire_all()
    declaration = db.session.get(ConflictDeclaration, (application.id, reviewer.id))
    return None if declaration is None else declaration.scores_complete


def scores(criteria, *values) -> dict[int, tuple[int, str]]:
    return {c.id: (v, "") for c, v in zip(criteria, values, strict=True)}


def test_the_flag_follows_declarations_scores_and_the_rubric(users, review):
    reviewer, admin = users["reviewer"], users["admin"]
    first, second = review["apps"]
    blind = blind_application(reviewer, first.id)
    declare_conflict(reviewer, blind, has_conflict=False)
    assert flag(first, reviewer) is False  # declared, nothing scored yet
    save_scores(reviewer, blind, scores(review["criteria"], 4, 5))
    assert flag(first, reviewer) is True
    added = add_criterion(admin, review["intake"], "Listening", "", 2)
    assert flag(first, reviewer) is False  # the new criterion has no score from them
    delete_criterion(admin, added)
    assert flag(first, reviewer) is True
    declare_conflict(reviewer, blind, has_conflict=True)
    assert flag(first, reviewer) is False  # a conflict removes the scores
    declare_conflict(reviewer, blind_application(reviewer, second.id), has_conflict=True)
    assert flag(second, reviewer) is False
    assert completion_disagreements() == 0


def test_the_queue_lists_and_counts_by_the_flag(app, users, review):
    reviewer = users["reviewer"]
    first, second = review["apps"]
    blind = blind_application(reviewer, first.id)
    declare_conflict(reviewer, blind, has_conflict=False)
    save_scores(reviewer, blind, scores(review["criteria"], 2, 3))
    db.session.commit()
    with app.test_request_context("/staff/reviews"):
        to_do, done = queue_pages(reviewer)
    assert ([r.application_id for r in to_do.items], to_do.total) == ([second.id], 1)
    assert ([r.application_id for r in done.items], done.total) == ([first.id], 1)
    assert (done.items[0].scored, done.items[0].criteria, done.items[0].complete) == (2, 2, True)


def fill_on_upgrade(app) -> None:
    """At 0016 the seed's declarations have no flag; 0017 works it out from their scores."""
    runner = app.test_cli_runner()
    with app.app_context():
        drop_everything()
    assert runner.invoke(args=["db", "upgrade", "0008_mail_queue"]).exit_code == 0
    with app.app_context(), db.engine.begin() as connection:
        seed(connection)  # application 1 fully scored by reviewers 1 and 2
        insert(  # application 2: reviewer 1 declared a conflict, reviewer 2 scored one of two
            connection,
            "INSERT INTO conflict_declaration (application_id, reviewer_id, has_conflict,"
            " declared_at) VALUES (2, 1, true, :now), (2, 2, false, :now)",
        )
        insert(
            connection,
            "INSERT INTO score (application_id, reviewer_id, criterion_id, score, comment,"
            " scored_at) VALUES (2, 2, 1, 3, '', :now)",
        )
    result = runner.invoke(args=["db", "upgrade", "0017_review_completion"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        rows = db.session.execute(
            sa.text(
                "SELECT application_id, reviewer_id, scores_complete FROM conflict_declaration"
                " ORDER BY application_id, reviewer_id"
            )
        ).all()
        assert [(a, r, bool(c)) for a, r, c in rows] == [
            (1, 1, True),
            (1, 2, True),
            (2, 1, False),
            (2, 2, False),
        ]
        db.session.remove()
    result = runner.invoke(args=["db", "downgrade", "0016_pending_updates_index"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        columns = {c["name"] for c in sa.inspect(db.engine).get_columns("conflict_declaration")}
        assert "scores_complete" not in columns
        assert db.session.execute(sa.text("SELECT count(*) FROM score")).scalar() == 5
        db.session.remove()
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0


@pytest.mark.usefixtures("keep_logging")  # Alembic's logging setup would silence the app's
def test_0017_on_sqlite(tmp_path):
    on_sqlite(tmp_path, fill_on_upgrade)


@pytest.mark.usefixtures("keep_logging")
@postgresql_only
def test_0017_on_postgresql():
    on_postgresql(fill_on_upgrade)


def test_each_declaration_gets_its_own_flag_when_many_are_worked_out_at_once(users, review):
    reviewer, admin = users["reviewer"], users["admin"]
    first, second = review["apps"]
    for application, values in ((first, (4, 5)), (second, (3, 3))):
        blind = blind_application(reviewer, application.id)
        declare_conflict(reviewer, blind, has_conflict=False)
        save_scores(reviewer, blind, scores(review["criteria"], *values))
    third = add_criterion(admin, review["intake"], "Listening", "", 2)
    # The first application gets a score on the new criterion too; the second does not.
    criteria = [*review["criteria"], third]
    save_scores(reviewer, blind_application(reviewer, first.id), scores(criteria, 4, 5, 4))
    refresh_intake_completion(review["intake"].id)  # both declarations in one statement
    assert (flag(first, reviewer), flag(second, reviewer)) == (True, False)
    assert completion_disagreements() == 0


def test_a_page_that_spans_two_intakes_lists_newest_intake_first_then_by_application(app, users):
    reviewer = users["reviewer"]
    newer = make_intake("Newer intake")
    older = make_intake("Older intake", opens_at=newer.opens_at - timedelta(days=400))
    listed = {}
    for intake in (older, newer):  # the older intake's applications have the lower ids
        criteria = add_criteria(intake, 1)
        assign(intake, reviewer)
        apps = [make_application(intake) for _ in range(5)]
        blind = blind_application(reviewer, apps[0].id)  # one scored in each intake
        declare_conflict(reviewer, blind, has_conflict=False)
        save_scores(reviewer, blind, scores(criteria, 3))
        declare_conflict(reviewer, blind_application(reviewer, apps[1].id), has_conflict=True)
        listed[intake.id] = [a.id for a in apps[2:]]  # conflicts are on neither list
    db.session.commit()
    expected = listed[newer.id] + listed[older.id]
    app.config["PAGE_SIZE"] = 2
    seen, totals = [], set()
    for number in (1, 2, 3):
        with app.test_request_context(f"/staff/reviews?page={number}"):
            to_do, done = queue_pages(reviewer)
        seen += [row.application_id for row in to_do.items]
        totals.add((to_do.total, done.total))
        assert [row.intake_title for row in done.items] == ["Newer intake", "Older intake"]
    assert seen == expected  # pages 1-3: 2 + 2 + 2, across the intakes' boundary
    assert totals == {(6, 2)}
