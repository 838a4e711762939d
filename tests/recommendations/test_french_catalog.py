"""The tracker's pages in French with this feature's translations (i18n-parts/i13-rec.po,
compiled here): labels, notes, percentages and the not-yet-translated note are French."""

from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask_babel import refresh

from sro_board.core.extensions import db
from tests.factories import fresh_app, login, make_rec, make_user
from tests.pages import text
from tests.recommendations.factories import publish

PART = Path(__file__).resolve().parents[2] / "i18n-parts" / "i13-rec.po"


@pytest.fixture
def french_app(tmp_path):
    """An app whose French catalog is this feature's part, on a database of its own."""
    messages = tmp_path / "fr" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with PART.open("rb") as po, (messages / "messages.mo").open("wb") as mo:
        write_mo(mo, read_po(po, locale="fr"))
    with fresh_app(BABEL_TRANSLATION_DIRECTORIES=str(tmp_path)) as app:
        # Flask-Babel keeps loaded catalogs by locale on its one domain, shared by every app
        # of the process: load this one afresh, and leave none of it to the next tests.
        cache = app.extensions["babel"].instance.domain_instance.cache
        cache.clear()
        try:
            yield app
        finally:
            cache.clear()


def test_every_entry_of_the_part_is_translated_and_none_is_fuzzy():
    with PART.open("rb") as po:
        catalog = read_po(po)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), message.id
        assert not message.fuzzy, message.id


def test_a_recommendation_page_in_french(french_app):
    rec = make_rec(title_fr="Partager les données")
    publish(rec, progress=45, public_note="Plan agreed.")
    db.session.commit()
    client = french_app.test_client()
    page = text(client.get("/fr/recommendations/R-01"))
    assert "<dt>Avancement</dt>" in page
    assert "<dt>Responsable</dt>" in page
    assert "45\u00a0% terminé pour R-01" in page  # the locale's percentage
    # The description has no French yet: English, marked, with the note in French.
    assert '<div class="bilingual description" lang="en">' in page
    assert '<span class="meta untranslated">(pas encore traduit)</span>' in page
    assert "Pas encore évaluée" in page  # the definition's French name
    # The tests' requests share one app context (and g, where Flask-Babel keeps the locale).
    refresh()
    english = text(client.get("/recommendations/R-01"))
    assert "<dt>Progress</dt>" in english
    assert "45% complete for R-01" in english
    assert "pas encore traduit" not in english


def test_the_edit_form_in_french(french_app):
    make_rec()
    chair = make_user(["chair"])
    client = french_app.test_client()
    login(client, chair)
    page = text(client.get("/fr/staff/recommendations/R-01/edit"))
    assert '<label for="title">Titre (anglais)</label>' in page
    assert '<label for="title_fr">Titre (français)</label>' in page
    assert "Note publique (français)" in page


ROOT = PART.parents[1]
MACROS = ("forms", "progress", "timeline", "bilingual")
# This feature's files whose strings the part translates (the macros folder is named
# explicitly: Babel's directory walk skips folders starting with "_").
SOURCES = [
    *sorted((ROOT / "sro_board" / "recommendations").rglob("*.py")),
    *sorted((ROOT / "templates" / "recommendations").rglob("*.html")),
    *(ROOT / "templates" / "_macros" / f"{name}.html" for name in MACROS),
]


def extracted() -> set:
    """Every msgid marked in this feature's files (plural ones as (singular, plural))."""
    keywords = DEFAULT_KEYWORDS | {"_l": None}
    found = set()
    for path in SOURCES:
        method = "python" if path.suffix == ".py" else "jinja2.ext:babel_extract"
        options = {"extensions": "jinja2.ext.i18n"} if path.suffix == ".html" else {}
        for _line, message, _comments, _context in extract_from_file(
            method, str(path), keywords=keywords, options=options
        ):
            found.add(message if isinstance(message, str) else tuple(message[:2]))
    return found


def test_every_string_marked_in_the_feature_has_its_french():
    with PART.open("rb") as po:
        translated = {m.id for m in read_po(po) if m.id}
    missing = extracted() - translated
    assert not missing, sorted(map(str, missing))
