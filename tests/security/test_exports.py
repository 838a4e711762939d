"""Exports: role-checked, logged as security events, safe to open in a spreadsheet.

ASVS 5.0: 1.2.10 (CSV and formula injection), 8.2.1 (function-level access to exports),
16.3.3 (exports logged), 3.2.1 (downloads as attachments, not rendered).
"""

import csv
import io
import logging

import pytest

from sro_board.board.privacy.export import to_csv
from sro_board.security.spreadsheet import FORMULA_START, neutralise, restore
from tests.board.factories import make_application, make_intake
from tests.factories import login, make_rec, make_user
from tests.security.shared_app import emptied_app, module_app  # noqa: F401 - fixtures

EXPORT_REASON = {"category": "applicant_request", "reason": "Asked by email."}

HOSTILE_CELLS = [
    '=HYPERLINK("https://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\x00=1+1",
]


@pytest.mark.parametrize("value", HOSTILE_CELLS)
def test_a_formula_cell_is_neutralised_and_restored(value):
    cell = neutralise(value)
    assert cell.startswith("'")
    assert restore(cell) == value


def test_the_formula_characters_are_those_asvs_lists():
    assert set(FORMULA_START) >= {"=", "+", "-", "@", "\t", "\r", "\x00"}


def test_the_applicant_csv_export_neutralises_formulas(app):
    application = make_application(
        make_intake(), motivation=HOSTILE_CELLS[0], school="@school", phone="+1 403 555 0100"
    )
    from sro_board.board.privacy.export import applicant_data

    rows = list(csv.reader(io.StringIO(to_csv(applicant_data(application)))))
    values = {row[2]: row[3] for row in rows[1:] if row[0] == "application"}
    assert values["motivation"] == "'" + HOSTILE_CELLS[0]
    assert values["school"] == "'@school"
    assert values["phone"] == "'+1 403 555 0100"
    for row in rows:
        assert not row[3].startswith(FORMULA_START)


def test_the_recommendations_csv_neutralises_formulas(app, client):
    make_rec("R-01", title="=cmd|' /C calc'!A0", lead_unit="@unit")
    login(client, make_user(["member"]))
    body = client.get("/staff/recommendations/export.csv").get_data(as_text=True)
    for row in csv.reader(io.StringIO(body)):
        for cell in row:
            assert not cell.startswith(FORMULA_START), cell


@pytest.mark.parametrize(
    ("role", "status"),
    [("member", 200), ("chair", 200), ("admin", 200), ("reviewer", 403), ("board_member", 403)],
)
def test_the_recommendations_export_is_for_the_working_group(app, client, role, status):
    login(client, make_user([role]))
    assert client.get("/staff/recommendations/export.csv").status_code == status


def test_the_public_is_sent_to_log_in_for_an_export(app, client):
    response = client.get("/staff/recommendations/export.csv")
    assert response.status_code == 302
    assert response.location.startswith("/login")
    application = make_application(make_intake())
    response = client.post(
        f"/staff/board/applications/{application.id}/export/csv", data=EXPORT_REASON
    )
    assert response.status_code == 302
    assert response.location.startswith("/login")


@pytest.mark.parametrize(
    ("role", "status"),
    [("admin", 200), ("chair", 403), ("member", 403), ("reviewer", 403)],
)
def test_an_applicants_export_is_for_the_admin_only(app, client, role, status, caplog):
    application = make_application(make_intake())
    login(client, make_user([role]))
    with caplog.at_level(logging.INFO, logger="sro_board.security"):
        response = client.post(
            f"/staff/board/applications/{application.id}/export/csv", data=EXPORT_REASON
        )
    assert response.status_code == status
    exported = [r for r in caplog.records if getattr(r, "event", None) == "export.applicant"]
    assert len(exported) == (status == 200)
    if status == 200:
        assert response.headers["Content-Disposition"].startswith("attachment;")
        assert response.headers["Cache-Control"] == "no-store"
        assert exported[0].application_id == application.id
        assert exported[0].format == "csv"
