"""The selection view and the reviewer queue run as many statements at 10x the data, whether the
self-identification tables are worked out or kept; the kept tables follow every change."""

import pytest

from sro_board.board.enums import Category, SelfIdAnswer
from sro_board.board.selection.services import move_application
from sro_board.board.selection.summary import SELF_ID_KEPT, build_selection
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from tests.board.factories import (
    add_criteria,
    assign,
    count_queries,
    make_application,
    make_intake,
    make_self_id,
    score,
)
from tests.factories import login


def grow(intake, criteria, reviewer, count: int) -> None:
    """count more applications in review, half of them scored, all with self-identification."""
    for n in range(count):
        category = list(Category)[n % len(Category)]
        application = make_application(intake, category=category)
        make_self_id(application, racialized=SelfIdAnswer.YES)
        if n % 2:
            score(application, reviewer, criteria, [1 + n % 5, 2])


def statements(app, client, path: str, kept: bool) -> int:
    """Statements of one GET; kept=False forgets the kept tables first."""
    if not kept:
        app.extensions.pop(SELF_ID_KEPT, None)
    with count_queries() as run:
        assert client.get(path).status_code == 200
    return len(run)


@pytest.fixture
def board(app, users):
    intake = make_intake()
    criteria = add_criteria(intake, 2, 1)
    assign(intake, users["reviewer"])
    grow(intake, criteria, users["reviewer"], 5)
    return intake, criteria


@pytest.mark.parametrize("kept", [False, True], ids=["worked-out", "kept"])
def test_selection_statements_do_not_grow(app, client, users, board, kept):
    app.config["PAGE_SIZE"] = 3
    intake, criteria = board
    login(client, users["admin"])
    path = f"/staff/board/intakes/{intake.id}/selection?parent_page=2"
    client.get(path)
    small = statements(app, client, path, kept)
    grow(intake, criteria, users["reviewer"], 45)
    client.get(path)
    large = statements(app, client, path, kept)
    assert large == small
    if kept:
        assert small == statements(app, client, path, False) - 2  # the two it saves


def test_reviewer_queue_statements_do_not_grow(app, client, users, board):
    app.config["PAGE_SIZE"] = 1  # 3 to review and 2 scored: both second pages exist
    intake, criteria = board
    login(client, users["reviewer"])
    client.get("/staff/reviews?page=2")
    small = statements(app, client, "/staff/reviews?page=2&done_page=2", True)
    grow(intake, criteria, users["reviewer"], 45)
    assert statements(app, client, "/staff/reviews?page=2&done_page=2", True) == small


def test_kept_tables_follow_changes(app, users, board):
    """A new application, a stage move and a purge each show at once."""
    intake, _criteria = board
    first = build_selection(intake).groups
    again = build_selection(intake).groups
    assert again is first  # kept
    application = make_application(intake, category=Category.PARENT)
    make_self_id(application, racialized=SelfIdAnswer.YES)
    grown = build_selection(intake).groups
    assert grown is not first
    assert str(grown[0].total) == "6"
    move_application(users["admin"], application, Stage.SHORTLISTED, "Strong.")
    db.session.commit()
    moved = build_selection(intake).groups
    assert moved is not grown
    assert str(moved[1].total) == "fewer than 5"
    assert moved[1].total.value == 1
