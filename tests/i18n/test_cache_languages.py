"""The page cache keys pages by language: /fr/x is never served for /x, nor /x for /fr/x."""

import pytest

from tests.i18n.test_addresses import html_lang
from tests.public.helpers import add_recommendation, start_app, stop_app, stored_pages

PAGES = ["/", "/about", "/recommendations", "/recommendations/R-01", "/status-definitions"]


@pytest.fixture
def app():
    """An app with the page cache on (no app context held, as in production)."""
    app = start_app()
    with app.app_context():
        add_recommendation("R-01")
    yield app
    stop_app(app)


@pytest.mark.parametrize("french_first", [True, False], ids=["french-first", "english-first"])
def test_each_language_has_its_own_cached_page(app, french_first):
    client = app.test_client()
    order = ["fr", "en"] if french_first else ["en", "fr"]
    for _round in range(3):  # the second and third rounds come from the cache
        for path in PAGES:
            for language in order:
                response = client.get(("/fr" + path) if language == "fr" else path)
                assert response.status_code == 200, path
                assert html_lang(response) == language, (language, path)
    pages = stored_pages(app)
    assert len(pages) == 2 * len(PAGES)
    assert sum(b'<html lang="fr">' in page for page in pages) == len(PAGES)


def test_the_workers_own_copy_is_keyed_by_language_too(app):
    """The WSGI middleware (pageserve.py) answers from this worker's copies before Flask."""
    client = app.test_client()
    client.get("/fr/about")
    client.get("/fr/about")  # now this worker holds it
    assert html_lang(client.get("/about")) == "en"
    assert html_lang(client.get("/about")) == "en"
    assert html_lang(client.get("/fr/about")) == "fr"


def test_cached_english_pages_still_vary_on_language(app):
    """A shared cache must not give the English page to a reader who would be redirected."""
    client = app.test_client()
    first, cached = client.get("/about"), client.get("/about")
    for response in (first, cached):
        vary = {v.strip() for v in response.headers["Vary"].split(",")}
        assert {"Accept-Language", "Cookie"} <= vary
    assert cached.get_data() in stored_pages(app)
