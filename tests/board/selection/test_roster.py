"""Members and the public roster: consent to be listed, students' names, terms ending."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from sro_board.board.enums import AgeRange, Category
from sro_board.board.errors import BoardError
from sro_board.board.models import BoardMember
from sro_board.board.selection.members import make_member, roster_name, term_for
from sro_board.board.selection.services import move_application
from sro_board.board.stages import Stage
from sro_board.core.clock import today_local
from sro_board.core.extensions import db
from tests.board.factories import make_application, make_guardian, make_intake
from tests.factories import count_rows, login


def _student(intake, age=AgeRange.AGE_16_17, **values):
    return make_application(
        intake, Category.STUDENT, Stage.OFFERED, name="Maya Lin Okafor", age_range=age, **values
    )


@pytest.mark.parametrize(
    ("own", "guardian", "expected"),
    [
        (False, None, "Maya"),
        (True, None, "Maya"),  # guardian never asked: first name only
        (True, {"confirmed": True, "full_name": False}, "Maya"),
        (False, {"confirmed": True, "full_name": True}, "Maya"),
        (True, {"confirmed": False, "full_name": True}, "Maya"),
        (True, {"confirmed": True, "full_name": True}, "Maya Lin Okafor"),
    ],
)
def test_a_minor_is_named_in_full_only_with_their_and_their_guardians_consent(
    app, own, guardian, expected
):
    application = _student(make_intake(), consent_roster=True, consent_full_name=own)
    if guardian:
        make_guardian(application, guardian["confirmed"], guardian["full_name"])
    assert roster_name(application) == expected


def test_an_adult_student_decides_alone(app):
    application = _student(
        make_intake(), AgeRange.AGE_18_PLUS, consent_roster=True, consent_full_name=True
    )
    assert roster_name(application) == "Maya Lin Okafor"


def test_nobody_is_listed_without_roster_consent(app):
    intake = make_intake()
    parent = make_application(intake, Category.PARENT, consent_roster=False)
    staff = make_application(intake, Category.STAFF, consent_roster=True)
    assert roster_name(parent) is None
    assert roster_name(staff) == staff.name


def test_a_term_runs_for_the_intakes_months():
    assert term_for(date(2027, 3, 1), 24) == (date(2027, 3, 1), date(2029, 2, 28))
    assert term_for(date(2027, 1, 31), 1) == (date(2027, 1, 31), date(2027, 2, 27))


def test_accepting_adds_a_member_once(app, users):
    application = make_application(make_intake(term_months=24), Category.STAFF, Stage.OFFERED)
    move_application(users["admin"], application, Stage.ACCEPTED, "Accepted by email.")
    db.session.commit()
    member = db.session.scalars(sa.select(BoardMember)).one()
    assert member.term_start == today_local()
    assert member.full_name == application.name
    with pytest.raises(BoardError, match="already a board member"):
        make_member(users["admin"], application)


def test_the_public_roster_lists_consenting_current_members_by_category(client, users):
    intake = make_intake()
    listed_student = _student(intake, consent_roster=True, consent_full_name=True)
    make_guardian(listed_student, confirmed=True, full_name=False)
    hidden_parent = make_application(
        intake, Category.PARENT, Stage.OFFERED, name="Private Parent", consent_roster=False
    )
    listed_staff = make_application(
        intake, Category.STAFF, Stage.OFFERED, name="Sam Teacher", consent_roster=True
    )
    for application in (listed_student, hidden_parent, listed_staff):
        move_application(users["admin"], application, Stage.ACCEPTED, "Accepted.")
    db.session.add(
        BoardMember(
            category=Category.PARENT,
            full_name="Past Member",
            roster_name="Past Member",
            term_start=date(2020, 1, 1),
            term_end=date(2021, 12, 31),
        )
    )
    db.session.commit()

    page = client.get("/advisory-board/members").get_data(as_text=True)
    assert "<li>Maya</li>" in page
    assert "Okafor" not in page
    assert "Sam Teacher" in page
    assert "Private Parent" not in page
    assert "Past Member" not in page
    assert page.index("Students") < page.index("Maya") < page.index("School staff")
    assert count_rows(BoardMember) == 4


def test_admin_sees_terms_ending_within_60_days(client, users):
    today = today_local()
    for name, ends in [("Ending Soon", 30), ("Ending Later", 200)]:
        db.session.add(
            BoardMember(
                category=Category.STAFF,
                full_name=name,
                roster_name=None,
                term_start=today - timedelta(days=300),
                term_end=today + timedelta(days=ends),
            )
        )
    db.session.commit()
    login(client, users["admin"])
    page = client.get("/staff/board/members").get_data(as_text=True)
    soon = page[page.index("Terms ending within 60 days") : page.index("All members")]
    assert "Ending Soon" in soon
    assert "Ending Later" not in soon
    assert "Ending Later" in page
    assert "Not listed (no consent)" in page
