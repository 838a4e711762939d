"""CSV import and export carry the French columns; files without them still import."""

import csv
import io

import pytest

from sro_board.core.extensions import db
from sro_board.recommendations.csv.columns import COLUMNS
from sro_board.recommendations.csv.export import export_csv
from sro_board.recommendations.csv.importer import import_csv
from sro_board.recommendations.errors import ImportFailed
from tests.factories import make_rec
from tests.recommendations.factories import publish, rec_by_code, updates_of

FRENCH_COLUMNS = ["title_fr", "description_fr"]


def rows_of(csv_text: str) -> list[dict[str, str]]:
    """The CSV's data rows as dicts."""
    return list(csv.DictReader(io.StringIO(csv_text)))


def to_csv(rows: list[dict[str, str]], columns: list[str]) -> str:
    """Rows as CSV text with the given header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@pytest.fixture
def bilingual(app):
    """R-01 translated, R-02 not yet."""
    publish(
        make_rec(
            "R-01",
            title_fr="Partager les données",
            description_fr="Publier les chiffres.\n\nChaque année.",
        ),
        progress=20,
    )
    make_rec("R-02")


@pytest.mark.usefixtures("bilingual")
def test_export_writes_the_french_beside_the_english():
    header = export_csv().splitlines()[0].split(",")
    assert header.index("title_fr") == header.index("title") + 1
    assert header.index("description_fr") == header.index("description") + 1
    first, second = rows_of(export_csv())
    assert (first["title_fr"], first["description_fr"]) == (
        "Partager les données",
        "Publier les chiffres.\n\nChaque année.",
    )
    assert (second["title_fr"], second["description_fr"]) == ("", "")


@pytest.mark.usefixtures("bilingual")
def test_the_round_trip_with_french_changes_nothing_then_imports_the_french():
    assert import_csv(export_csv(), None).unchanged == ["R-01", "R-02"]
    rows = rows_of(export_csv())
    rows[1] |= {"title_fr": "Former les agents", "description_fr": "Une description."}
    rows[0] |= {"title_fr": "Partager les données scolaires"}
    result = import_csv(to_csv(rows, COLUMNS), None)
    db.session.commit()
    assert result.updated == ["R-01", "R-02"]
    assert rec_by_code("R-02").title_fr == "Former les agents"
    assert rec_by_code("R-02").description_fr == "Une description."
    assert rec_by_code("R-01").title_fr == "Partager les données scolaires"
    assert updates_of(rec_by_code("R-02"))[-1].changes == {
        "title_fr": {"old": "", "new": "Former les agents"},
        "description_fr": {"old": "", "new": "Une description."},
    }
    assert rows_of(export_csv())[1]["title_fr"] == "Former les agents"


@pytest.mark.usefixtures("bilingual")
def test_a_file_without_the_french_columns_imports_and_keeps_the_french():
    old_columns = [c for c in COLUMNS if c not in FRENCH_COLUMNS]
    rows = rows_of(export_csv())
    rows[0]["progress"] = "40"
    result = import_csv(to_csv(rows, old_columns), None)
    db.session.commit()
    assert result.updated == ["R-01"]
    rec = rec_by_code("R-01")
    assert (rec.progress, rec.title_fr) == (40, "Partager les données")


def test_a_new_recommendation_is_created_with_its_french(app):
    make_rec("R-01")
    row = rows_of(export_csv())[0] | {
        "code": "R-05",
        "title": "Share data",
        "title_fr": "Partager les données",
        "baseline_target_date": "",
    }
    result = import_csv(to_csv([row], COLUMNS), None)
    db.session.commit()
    assert result.created == ["R-05"]
    rec = rec_by_code("R-05")
    assert rec.title_fr == "Partager les données"
    assert rec.updates[-1].public_note_fr == "Recommandation importée d'un fichier CSV."


def test_a_french_title_too_long_is_refused_like_the_english(app):
    make_rec("R-01")
    row = rows_of(export_csv())[0] | {"title_fr": "x" * 201}
    with pytest.raises(ImportFailed) as failure:
        import_csv(to_csv([row], COLUMNS), None)
    assert [str(e) for e in failure.value.errors] == [
        "line 2, column title_fr: is longer than 200 characters"
    ]
