"""Each application's stored review results equal a fresh recomputation from its scores, after
every kind of change: a first score, an edit, a conflict that drops scores, a reweighted or added
criterion, a reviewer removed, and the privacy deletion and retention purge."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.board.enums import Category
from sro_board.board.intakes.rubric import add_criterion, update_criterion
from sro_board.board.intakes.services import unassign_reviewer
from sro_board.board.models import Application
from sro_board.board.privacy.models import ReasonCategory
from sro_board.board.privacy.services import delete_on_request, purge_expired
from sro_board.board.review.aggregates import COLUMNS
from sro_board.board.review.services import (
    blind_application,
    declaration_of,
    declare_conflict,
    save_scores,
)
from sro_board.board.review_models import RubricCriterion, Score
from sro_board.board.selection.summary import build_selection
from sro_board.board.stages import Stage
from sro_board.core.clock import now_utc
from sro_board.core.extensions import db
from tests.board.factories import add_criteria, assign, make_application, make_intake
from tests.factories import make_user


def recomputed() -> dict[int, dict]:
    """Every application's results worked out here, from the Score rows and the weights."""
    weights = dict(db.session.execute(sa.select(RubricCriterion.id, RubricCriterion.weight)).all())
    per_reviewer: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for score in db.session.scalars(sa.select(Score)):
        mine = per_reviewer.setdefault(score.application_id, {})
        mine.setdefault(score.reviewer_id, []).append((score.score, weights[score.criterion_id]))
    results = {}
    for application_id in db.session.scalars(sa.select(Application.id)):
        means = [
            sum(s * w for s, w in pairs) / sum(w for _s, w in pairs)
            for pairs in per_reviewer.get(application_id, {}).values()
        ]
        if not means:
            results[application_id] = (0, 0.0, None, None, None)
            continue
        n = len(means)
        squares = sum(m * m for m in means) / n
        results[application_id] = (n, sum(means) / n, min(means), max(means), squares)
    return results


def assert_stored_equal_recomputed() -> None:
    """The stored columns of every application match the recomputation."""
    db.session.expire_all()
    stored = {
        row[0]: tuple(row[1:])
        for row in db.session.execute(
            sa.select(Application.id, *(getattr(Application, c) for c in COLUMNS))
        )
    }
    expected = recomputed()
    assert stored.keys() == expected.keys()
    for application_id, values in expected.items():
        got = stored[application_id]
        assert [v is None for v in got] == [v is None for v in values], application_id
        pairs = [(g, v) for g, v in zip(got, values, strict=True) if v is not None]
        assert [g for g, _v in pairs] == pytest.approx([v for _g, v in pairs], rel=1e-12)


@pytest.fixture
def board(app, users):
    """An intake with a weighted rubric, two reviewers and three applications in review."""
    intake = make_intake()
    criteria = add_criteria(intake, 1, 3)
    second = make_user(["reviewer"], email="second-reviewer@example.org")
    for reviewer in (users["reviewer"], second):
        assign(intake, reviewer)
    applications = [make_application(intake, Category.PARENT, Stage.IN_REVIEW) for _ in range(3)]
    return {
        "intake": intake,
        "criteria": criteria,
        "reviewers": [users["reviewer"], second],
        "applications": applications,
        "admin": users["admin"],
    }


def review(reviewer, application, criteria, values) -> None:
    """Declare no conflict (once) and save the scores through the services, then commit."""
    blind = blind_application(reviewer, application.id)
    if declaration_of(reviewer, application.id) is None:
        declare_conflict(reviewer, blind, False)
    entries = {c.id: (v, "") for c, v in zip(criteria, values, strict=True)}
    save_scores(reviewer, blind, entries)
    db.session.commit()


def test_results_follow_every_change(board):
    first, second = board["reviewers"]
    one, two, three = board["applications"]
    criteria, admin = board["criteria"], board["admin"]
    assert_stored_equal_recomputed()  # nothing scored: the defaults

    review(first, one, criteria, [5, 2])  # submit
    assert_stored_equal_recomputed()
    assert db.session.get(Application, one.id).review_count == 1
    review(second, one, criteria, [3, 4])
    review(first, two, criteria, [4, 2])
    assert_stored_equal_recomputed()

    review(first, one, criteria, [1, 2])  # edit
    assert_stored_equal_recomputed()

    declare_conflict(second, blind_application(second, one.id), True)  # drops their scores
    db.session.commit()
    assert_stored_equal_recomputed()
    assert db.session.get(Application, one.id).review_count == 1

    update_criterion(admin, criteria[0], "Criterion 1", "", 7)  # reweight
    db.session.commit()
    assert_stored_equal_recomputed()

    add_criterion(admin, board["intake"], "Criterion 3", "", 2)  # nobody has scored it yet
    db.session.commit()
    assert_stored_equal_recomputed()

    unassign_reviewer(admin, board["intake"], first.id)  # their scores are kept
    db.session.commit()
    assert_stored_equal_recomputed()

    delete_on_request(admin, db.session.get(Application, two.id), ReasonCategory.LEGAL, "Test.")
    db.session.commit()
    assert_stored_equal_recomputed()
    assert db.session.get(Application, three.id).review_count == 0


def test_results_survive_the_retention_purge(board, app):
    first, second = board["reviewers"]
    one = board["applications"][0]
    review(first, one, board["criteria"], [5, 5])
    review(second, one, board["criteria"], [2, 3])
    application = db.session.get(Application, one.id)
    application.stage = Stage.NOT_SELECTED
    application.decided_at = now_utc() - timedelta(days=app.config["RETENTION_DAYS"] + 1)
    db.session.commit()
    report = purge_expired()
    db.session.commit()
    assert report.count == 1
    assert_stored_equal_recomputed()
    assert db.session.get(Application, one.id).review_count == 2


def test_ranking_reads_the_stored_results(board):
    """The ranking shows the stored results: means from the weights, spread across reviewers."""
    first, second = board["reviewers"]
    one, two, _three = board["applications"]
    review(first, one, board["criteria"], [5, 1])  # (5 + 3) / 4 = 2.0
    review(second, one, board["criteria"], [1, 5])  # (1 + 15) / 4 = 4.0
    review(first, two, board["criteria"], [3, 3])  # 3.0
    ranked = build_selection(board["intake"]).ranked[Category.PARENT]
    assert [(c.application_id, c.mean, c.reviews) for c in ranked[:2]] == [
        (one.id, 3.0, 2),
        (two.id, 3.0, 1),
    ]
    assert (ranked[0].low, ranked[0].high, ranked[0].spread) == (2.0, 4.0, 1.0)
    assert (ranked[2].mean, ranked[2].reviews) == (None, 0)
