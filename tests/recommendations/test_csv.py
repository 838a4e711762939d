"""CSV export and import: the same format both ways, all or nothing, formulas neutralised."""

import csv
import io

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.core.extensions import db
from sro_board.recommendations.csv.columns import COLUMNS
from sro_board.recommendations.csv.export import export_csv
from sro_board.recommendations.csv.importer import import_csv
from sro_board.recommendations.enums import UpdateState
from sro_board.recommendations.errors import ImportFailed
from sro_board.recommendations.fields import snapshot
from sro_board.recommendations.models import Recommendation, Update
from sro_board.security.spreadsheet import neutralise, restore
from tests.factories import count_rows, login, make_rec
from tests.pages import text
from tests.recommendations.factories import EVIDENCE, publish, rec_by_code, updates_of


def rows_of(csv_text: str) -> list[dict[str, str]]:
    """The CSV's data rows as dicts."""
    return list(csv.DictReader(io.StringIO(csv_text)))


def to_csv(rows: list[dict[str, str]]) -> str:
    """Rows as CSV text with the export's header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def new_row(code: str = "R-09", **cells) -> dict[str, str]:
    """A valid line for a recommendation that is not in the tracker yet."""
    return {
        "code": code,
        "title": "Share data with school boards",
        "title_fr": "",
        "description": "Publish yearly figures.",
        "description_fr": "",
        "theme": "data_evaluation",
        "source_reports": "final;teachers",
        "lead_unit": "Strategic Services",
        "lead_user_email": "",
        "target_date": "2027-06-30",
        "baseline_target_date": "",
        "feasibility": "feasible",
        "feasibility_rationale": "",
        "status": "planning",
        "progress": "10",
        "progress_from_milestones": "no",
    } | cells


def tracker_state() -> tuple:
    """Every recommendation's values and version, and the number of updates and audit entries."""
    db.session.expire_all()
    recs = db.session.scalars(sa.select(Recommendation).order_by(Recommendation.code))
    return [(r.version, snapshot(r)) for r in recs], count_rows(Update), count_rows(AuditEntry)


@pytest.fixture
def tracker(app, users):
    """Two recommendations with published progress, a staff lead and an evidence link."""
    publish(make_rec("R-01", lead_user=users["member"].email), status="planning", progress=20)
    publish(make_rec("R-02"), status="in_progress", progress=60, evidence=EVIDENCE)


def refused(csv_text: str) -> list[str]:
    """Import the text, expecting it to be refused; returns the errors as text."""
    before = tracker_state()
    with pytest.raises(ImportFailed) as failure:
        import_csv(csv_text, None)
    db.session.rollback()
    assert tracker_state() == before
    return [str(e) for e in failure.value.errors]


# export, and the round trip


@pytest.mark.usefixtures("tracker")
def test_export_has_a_header_and_one_line_per_recommendation():
    rows = rows_of(export_csv())
    assert [r["code"] for r in rows] == ["R-01", "R-02"]
    assert rows[0]["lead_user_email"] == "member@example.org"
    assert rows[1] | {"target_date": ""} == new_row(
        "R-02",
        title="Sample recommendation R-02",
        description="A description.",
        theme="role",
        source_reports="final",
        lead_unit="Youth Education Unit",
        target_date="",
        baseline_target_date=rows[1]["target_date"],
        feasibility="not_assessed",
        status="in_progress",
        progress="60",
    )


@pytest.mark.usefixtures("tracker")
def test_export_then_import_changes_nothing():
    before = tracker_state()
    result = import_csv(export_csv(), None)
    db.session.commit()
    assert (result.created, result.updated, result.awaiting_sign_off) == ([], [], [])
    assert result.unchanged == ["R-01", "R-02"]
    assert tracker_state() == before


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formula_cells_are_neutralised_on_export_and_restored_on_import(app, start):
    title = f'{start}HYPERLINK("https://evil.example")'
    make_rec("R-01", title=title, description=f"{start}1+2")
    exported = export_csv()
    row = rows_of(exported)[0]
    assert row["title"] == "'" + title
    assert row["description"] == f"'{start}1+2"
    assert import_csv(exported, None).unchanged == ["R-01"]


@pytest.mark.parametrize(
    "value", ["=1", "'=1", "''=1", "'plain", "plain", "-", "'", "", "\t=1", "a=b"]
)
def test_neutralise_and_restore_are_inverse(value):
    assert restore(neutralise(value)) == value
    assert not neutralise(value).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_staff_download_is_the_export(client, users, tracker):
    login(client, users["member"])
    response = client.get("/staff/recommendations/export.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    assert text(response) == export_csv()


# import


@pytest.mark.usefixtures("tracker")
def test_import_creates_and_updates_through_the_services():
    rows = rows_of(export_csv())
    rows[0] |= {"progress": "45", "status": "in_progress"}
    result = import_csv(to_csv([*rows, new_row("R-09")]), None)
    db.session.commit()
    assert (result.created, result.updated, result.unchanged) == (["R-09"], ["R-01"], ["R-02"])
    r01 = rec_by_code("R-01")
    assert (r01.status.value, r01.progress) == ("in_progress", 45)
    latest = updates_of(r01)[-1]
    assert latest.state is UpdateState.APPROVED
    assert latest.changes["progress"] == {"old": 20, "new": 45}
    assert latest.internal_note == "Changed by CSV import."
    r09 = rec_by_code("R-09")
    assert (r09.status.value, r09.progress, r09.reports) == ("planning", 10, ["final", "teachers"])
    assert r09.baseline_target_date.isoformat() == "2027-06-30"
    assert len(updates_of(r09)) == 2  # created, then its values


@pytest.mark.usefixtures("tracker")
def test_import_keeps_a_new_recommendations_baseline():
    result = import_csv(
        to_csv([new_row(target_date="2028-01-31", baseline_target_date="2027-06-30")]), None
    )
    db.session.commit()
    assert result.created == ["R-09"]
    r09 = rec_by_code("R-09")
    assert (r09.baseline_target_date.isoformat(), r09.target_date.isoformat()) == (
        "2027-06-30",
        "2028-01-31",
    )


@pytest.mark.usefixtures("tracker")
@pytest.mark.parametrize("status", ["implemented", "ongoing"])
def test_import_closing_a_recommendation_waits_for_sign_off(status):
    rows = rows_of(export_csv())
    rows[1] |= {"status": status, "progress": "100"}
    result = import_csv(to_csv(rows), None)
    db.session.commit()
    assert result.awaiting_sign_off == ["R-02"]
    assert rec_by_code("R-02").status.value == "in_progress"
    assert updates_of(rec_by_code("R-02"))[-1].state is UpdateState.PENDING


@pytest.mark.usefixtures("tracker")
def test_import_cannot_mark_will_not_proceed_without_a_public_reason():
    rows = rows_of(export_csv())
    rows[1] |= {"status": "will_not_proceed"}
    assert refused(to_csv(rows)) == [
        "line 3, column status: Write a public note giving the reason before marking it "
        "Will not proceed."
    ]


@pytest.mark.usefixtures("tracker")
@pytest.mark.parametrize(
    ("cells", "error"),
    [
        ({"theme": "weather"}, "line 3, column theme: must be one of role, "),
        ({"target_date": "31/12/2027"}, "line 3, column target_date: must be a date as YYYY-MM-DD"),
        ({"progress": "150"}, "line 3, column progress: must be a whole number from 0 to 100"),
        ({"progress": "²"}, "line 3, column progress: must be a whole number from 0 to 100"),
        ({"title": ""}, "line 3, column title: is required"),
        ({"source_reports": "final;gazette"}, "line 3, column source_reports: use one or more"),
        ({"lead_user_email": "x@example.org"}, "column lead_user_email: no staff account has"),
        ({"code": "R1"}, "line 3, column code: must look like R-01"),
        ({"code": "R-01"}, "line 3, column code: R-01 is also on line 2"),
        ({"progress_from_milestones": "maybe"}, "column progress_from_milestones: must be yes"),
        ({"title": "x" * 201}, "line 3, column title: is longer than 200 characters"),
        ({"status": "implemented"}, "line 3, column status: Status cannot move from Not started"),
        (
            {"feasibility": "not_feasible"},
            "line 3, column feasibility_rationale: A rationale is required",
        ),
    ],
)
def test_bad_line_names_line_column_and_reason_and_nothing_is_imported(cells, error):
    rows = rows_of(export_csv())
    rows[0] |= {"progress": "45"}  # a good change before the bad line
    errors = refused(to_csv([rows[0], new_row(**cells), rows[1]]))
    assert any(e.startswith(error) or error in e for e in errors), errors


@pytest.mark.usefixtures("tracker")
def test_an_error_found_while_applying_undoes_the_lines_before_it():
    rows = rows_of(export_csv())
    rows[0] |= {"progress": "45"}
    rows[1] |= {"status": "not_started"}  # in progress -> not started is not allowed
    errors = refused(to_csv([rows[0], new_row("R-09"), rows[1]]))
    assert errors == ["line 4, column status: Status cannot move from In progress to Not started."]


@pytest.mark.usefixtures("tracker")
def test_changing_the_baseline_is_refused():
    rows = rows_of(export_csv())
    rows[0]["baseline_target_date"] = "2020-01-01"
    errors = refused(to_csv(rows))
    assert errors == [
        "line 2, column baseline_target_date: the baseline target date cannot be changed"
    ]


@pytest.mark.usefixtures("tracker")
@pytest.mark.parametrize(
    ("csv_text", "error"),
    [
        ("", "line 1, column -: the file is empty"),
        ("code,title\nR-01,x\n", "line 1, column -: missing columns: description"),
        (",".join(COLUMNS) + ",colour\n", "line 1, column -: unknown columns: colour"),
        (",".join(COLUMNS) + "\nR-01,too few\n", "line 2, column -: has 2 cells, expected 16"),
    ],
)
def test_a_malformed_file_is_refused(csv_text, error):
    errors = refused(csv_text)
    assert errors[0].startswith(error), errors
