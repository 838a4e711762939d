"""`flask recommendations export|import`: files, messages and exit codes."""

import pytest

from sro_board.recommendations.csv.export import export_csv
from tests.factories import make_rec
from tests.recommendations.factories import rec_by_code, updates_of
from tests.recommendations.test_csv import new_row, rows_of, to_csv, tracker, tracker_state  # noqa: F401


@pytest.mark.usefixtures("tracker")
def test_cli_export_to_a_file_and_to_stdout(runner, tmp_path):
    target = tmp_path / "recs.csv"
    result = runner.invoke(args=["recommendations", "export", str(target)])
    assert result.exit_code == 0
    assert "Wrote 2 recommendations" in result.output
    assert target.read_bytes().decode() == export_csv()
    result = runner.invoke(args=["recommendations", "export"])
    assert result.stdout_bytes.decode() == export_csv()


def test_cli_round_trip_keeps_multi_line_text(runner, tmp_path):
    make_rec("R-01", description='First paragraph.\r\n\r\nSecond, with "quotes".\nThird.')
    target = tmp_path / "recs.csv"
    runner.invoke(args=["recommendations", "export", str(target)])
    before = tracker_state()
    result = runner.invoke(args=["recommendations", "import", str(target)])
    assert "0 created, 0 updated, 1 unchanged" in result.output
    assert tracker_state() == before


@pytest.mark.usefixtures("tracker")
def test_cli_import(runner, tmp_path):
    rows = rows_of(export_csv())
    rows[0] |= {"progress": "45"}
    source = tmp_path / "recs.csv"
    source.write_text(to_csv([*rows, new_row()]), encoding="utf-8")
    result = runner.invoke(args=["recommendations", "import", str(source)])
    assert result.exit_code == 0, result.output
    assert "Imported: 1 created, 1 updated, 1 unchanged, 0 awaiting sign-off." in result.output
    assert rec_by_code("R-01").progress == 45


@pytest.mark.usefixtures("tracker")
def test_cli_import_records_the_named_staff_member(runner, tmp_path, users):
    rows = rows_of(export_csv())
    rows[0] |= {"progress": "45"}
    source = tmp_path / "recs.csv"
    source.write_text(to_csv(rows), encoding="utf-8")
    result = runner.invoke(
        args=["recommendations", "import", str(source), "--as", "chair@example.org"]
    )
    assert result.exit_code == 0, result.output
    assert updates_of(rec_by_code("R-01"))[-1].author_id == users["chair"].id


@pytest.mark.usefixtures("tracker")
def test_cli_import_error_exits_with_an_error_and_imports_nothing(runner, tmp_path):
    rows = rows_of(export_csv())
    rows[0] |= {"progress": "45"}
    source = tmp_path / "recs.csv"
    source.write_text(to_csv([rows[0], new_row(theme="weather", progress="x")]), encoding="utf-8")
    before = tracker_state()
    result = runner.invoke(args=["recommendations", "import", str(source)])
    assert result.exit_code == 1
    assert "Error: line 3, column theme: must be one of" in result.stderr
    assert "Error: line 3, column progress: must be a whole number" in result.stderr
    assert "2 errors; nothing was imported." in result.stderr
    assert tracker_state() == before


def test_cli_import_refuses_a_file_that_is_not_utf8(runner, tmp_path):
    source = tmp_path / "recs.csv"
    source.write_bytes("code,title\nR-01,Caf\xe9\n".encode("latin-1"))
    result = runner.invoke(args=["recommendations", "import", str(source)])
    assert result.exit_code == 1
    assert "The file is not UTF-8 text; nothing was imported." in result.stderr
