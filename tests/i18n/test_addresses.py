"""Language by address: /fr/... is French, everything else English; links keep the language."""

import re

import pytest

from sro_board.core.addresses import local_path
from tests.board.factories import make_intake

LANG = re.compile(r'<html lang="(\w+)">')


def html_lang(response) -> str:
    """The lang attribute of the page's <html>."""
    return LANG.search(response.get_data(as_text=True)).group(1)


@pytest.mark.parametrize("path", ["/", "/about", "/recommendations", "/status-definitions"])
def test_each_page_has_an_english_and_a_french_address(client, path):
    english, french = client.get(path), client.get("/fr" + path)
    assert english.status_code == french.status_code == 200
    assert html_lang(english) == "en"
    assert html_lang(french) == "fr"


def test_links_on_a_french_page_stay_french_and_static_files_do_not(client):
    page = client.get("/fr/about").get_data(as_text=True)
    links = re.findall(r'<a [^>]*href="(/[^"]*)"', page)
    assert "/fr/recommendations" in links
    assert all(link.startswith(("/fr/", "/language/")) for link in links), links
    assert 'href="/static/css/app.css"' in page
    assert "/fr/static" not in page


def test_links_on_an_english_page_have_no_prefix(client):
    page = client.get("/about").get_data(as_text=True)
    assert 'href="/recommendations"' in page
    assert 'href="/fr/' not in page


def test_fr_alone_goes_to_the_french_home(client):
    response = client.get("/fr?x=1")
    assert response.status_code == 308
    assert response.headers["Location"] == "/fr/?x=1"


def test_a_french_form_posts_and_redirects_under_fr(client):
    page = client.get("/fr/contact").get_data(as_text=True)
    assert (
        'action="/fr/contact"' in page
        or '<form method="post" novalidate>' in page
        or ('action=""' in page)
    )
    response = client.post("/fr/contact", data={"topic": "question", "message": "A question."})
    assert response.status_code == 302
    assert response.headers["Location"] == "/fr/contact/thanks"
    assert html_lang(client.get(response.headers["Location"])) == "fr"


def test_a_french_form_with_errors_comes_back_in_french(client):
    response = client.post("/fr/contact", data={"topic": "question", "message": ""})
    assert response.status_code == 200
    assert html_lang(response) == "fr"


def test_login_redirects_stay_under_fr(client):
    response = client.get("/fr/staff/recommendations")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/fr/login")


def test_an_unknown_french_page_is_a_french_404(client):
    response = client.get("/fr/no-such-page")
    assert response.status_code == 404
    assert html_lang(response) == "fr"


def test_the_application_form_has_a_french_address(client, app):
    make_intake()
    response = client.get("/fr/advisory-board/apply")
    assert response.status_code == 200
    assert html_lang(response) == "fr"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/about", "/about"),
        ("/recommendations?q=R-1&page=2", "/recommendations?q=R-1&page=2"),
        ("/fr/about", "/about"),
        ("/fr", "/"),
        ("/fr?x=1", "/?x=1"),
        ("/free", "/free"),
        ("//evil.example/", None),
        ("/\\evil.example/", None),
        ("https://evil.example/", None),
        ("about", None),
        ("", None),
        (None, None),
        ("/a\r\nSet-Cookie: x=1", None),
    ],
)
def test_only_local_paths_are_followed(value, expected):
    assert local_path(value) == expected
