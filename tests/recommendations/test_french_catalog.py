"""The tracker's pages in French: labels, notes, percentages and the not-yet-translated note
(the catalog's completeness is tests/i18n/test_catalog.py's)."""

import pytest
from flask_babel import refresh

from sro_board.core.extensions import db
from tests.factories import login, make_rec, make_user
from tests.pages import text
from tests.recommendations.factories import publish


@pytest.fixture
def french_app(app):
    """The app (its French catalog)."""
    return app


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
