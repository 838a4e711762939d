"""The selection view: seats, weighted ranking with spread, suppressed self-identification."""

import pytest

from sro_board.board.enums import Category, SelfIdAnswer
from sro_board.board.models import BoardMember
from sro_board.board.review_models import Score
from sro_board.board.selection.summary import Cell, build_selection, suppress
from sro_board.board.stages import Stage
from sro_board.board.transitions import move_to
from sro_board.core.extensions import db
from sro_board.sample.applicants import load_board_sample
from sro_board.sample.reviews import load_board_reviews
from tests.board.factories import (
    add_criteria,
    count_queries,
    make_application,
    make_intake,
    make_self_id,
    score,
)
from tests.factories import count_rows, login, make_user


@pytest.mark.parametrize(
    ("counts", "hidden"),
    [
        ([10, 20, 6, 5], [False, False, False, False]),
        ([3, 30, 6, 5], [True, False, False, True]),  # the complement of 3 is hidden too
        ([0, 30, 6, 7], [True, False, True, False]),  # zero is under 5 as well
        ([2, 30, 1, 7], [True, False, True, False]),  # two hidden already: enough
        ([4, 4, 4, 4], [True, True, True, True]),
    ],
)
def test_suppression_hides_small_counts_and_the_count_that_would_reveal_them(counts, hidden):
    cells = suppress(counts, sum(counts))
    assert [c.hidden for c in cells] == hidden
    assert [c.value for c in cells] == counts


def test_a_group_under_5_is_hidden_entirely():
    assert all(c.hidden for c in suppress([3, 1, 0, 0], 4))
    assert str(Cell(3, True)) == "fewer than 5"
    assert str(Cell(12, False)) == "12"


def test_seats_count_accepted_and_open_offers(app, users):
    intake = make_intake(seats=3)
    make_application(intake, Category.STUDENT, Stage.ACCEPTED)
    make_application(intake, Category.STUDENT, Stage.OFFERED)
    make_application(intake, Category.PARENT, Stage.ACCEPTED)
    seats = {line.category: line for line in build_selection(intake).seats}
    assert (seats[Category.STUDENT].accepted, seats[Category.STUDENT].offered) == (1, 1)
    assert seats[Category.STUDENT].to_fill == 1
    assert seats[Category.PARENT].to_fill == 2
    assert seats[Category.STAFF].to_fill == 3


def test_ranking_uses_the_rubric_weights_and_shows_the_spread(app, users):
    intake = make_intake()
    criteria = add_criteria(intake, 1, 3)
    first, second = users["reviewer"], make_user(["reviewer"], email="r2@example.org")
    # Weighted means: (5*1 + 1*3)/4 = 2.0 and (1*1 + 5*3)/4 = 4.0.
    low = make_application(intake, Category.PARENT, Stage.IN_REVIEW)
    score(low, first, criteria, [5, 1])
    score(low, second, criteria, [5, 1])
    high = make_application(intake, Category.PARENT, Stage.SHORTLISTED)
    score(high, first, criteria, [1, 5])
    score(high, second, criteria, [5, 5])  # 5.0: mean 4.5, spread 0.5, range 4.0 to 5.0
    unscored = make_application(intake, Category.PARENT, Stage.IN_REVIEW)
    make_application(intake, Category.PARENT, Stage.ELIGIBLE)  # not a candidate yet
    ranked = build_selection(intake).ranked[Category.PARENT]
    assert [c.application_id for c in ranked] == [high.id, low.id, unscored.id]
    assert ranked[0].mean == pytest.approx(4.5)
    assert ranked[0].spread == pytest.approx(0.5)
    assert (ranked[0].low, ranked[0].high) == (pytest.approx(4.0), pytest.approx(5.0))
    assert ranked[1].mean == pytest.approx(2.0)
    assert ranked[1].spread == pytest.approx(0.0)
    assert ranked[2].mean is None
    assert ranked[2].reviews == 0


def _answer(n: int) -> dict:
    return {"racialized": SelfIdAnswer.YES if n < 3 else SelfIdAnswer.NO}


def test_self_identification_is_shown_in_aggregate_with_small_groups_suppressed(client, users):
    intake = make_intake()
    applications = [make_application(intake, Category.PARENT, Stage.IN_REVIEW) for _ in range(12)]
    for n, application in enumerate(applications):
        make_self_id(application, **_answer(n))
    for application in applications[:6]:
        move_to(application, Stage.SHORTLISTED, users["admin"], "Shortlisted.")
    move_to(applications[0], Stage.OFFERED, users["admin"], "Offered.")
    db.session.commit()

    groups = {g.label: g for g in build_selection(intake).groups}
    everyone = groups["Applicants"]
    assert (everyone.total.value, everyone.total.hidden) == (12, False)
    # Racialized: 3 yes (hidden), 9 no, 0 prefer not (hidden), 0 unanswered (hidden).
    assert [c.hidden for c in everyone.rows["racialized"]] == [True, False, True, True]
    assert everyone.rows["racialized"][1].value == 9
    shortlist = groups["Shortlist (ever shortlisted)"]
    assert shortlist.total.value == 6
    assert shortlist.total.hidden is False
    # 3 yes and 3 no of 6: both hidden.
    assert all(c.hidden for c in shortlist.rows["racialized"])
    selection = groups["Selection (offered or accepted)"]
    assert selection.total.hidden
    assert all(c.hidden for row in selection.rows.values() for c in row)

    login(client, users["chair"])
    page = client.get(f"/staff/board/intakes/{intake.id}/selection").get_data(as_text=True)
    assert "fewer than 5" in page
    assert "Applicants: 12 people" in page
    assert "Selection (offered or accepted): fewer than 5 people" in page
    assert applications[0].name in page  # the chair sees the ranked names


def test_the_selection_page_runs_a_fixed_number_of_queries(client, users):
    intake = make_intake()
    criteria = add_criteria(intake, 1, 2)
    second = make_user(["reviewer"], email="r2@example.org")

    def add(count):
        stages = [Stage.IN_REVIEW, Stage.SHORTLISTED, Stage.OFFERED, Stage.ACCEPTED]
        for n in range(count):
            application = make_application(intake, list(Category)[n % 3], stages[n % 4])
            make_self_id(application, **_answer(n))
            score(application, users["reviewer"], criteria, [3, 4])
            score(application, second, criteria, [5, 2])

    url = f"/staff/board/intakes/{intake.id}/selection"
    login(client, users["admin"])
    add(3)
    with count_queries() as few:
        assert client.get(url).status_code == 200
    add(30)
    with count_queries() as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_the_sample_intake_has_reviews_a_ranking_and_members(client, users):
    intake = load_board_sample(users["admin"]).intake
    counts = load_board_reviews(intake, users["reviewer"], users["admin"]).counts
    db.session.commit()
    assert counts["applications in review"] > 30
    assert counts["sample reviews"] > 10
    assert counts["board members"] == 3
    assert count_rows(BoardMember) == 3
    assert count_rows(Score) > 40
    view = build_selection(intake)
    assert all(view.ranked[c] for c in Category)
    assert any(c.spread is not None for c in view.ranked[Category.PARENT])
    login(client, users["reviewer"])
    queue = client.get("/staff/reviews").get_data(as_text=True)
    assert "Declare conflicts first" in queue
    assert "Scored" in queue
    assert client.get("/advisory-board/members").status_code == 200
