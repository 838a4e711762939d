"""The first guess (cookie, then Accept-Language) and the remembered choice (the switch link)."""

import re

import pytest

from sro_board import create_app
from tests.i18n.test_addresses import html_lang

SWITCH = re.compile(
    r'<a class="language-switch" href="([^"]+)" lang="(\w+)" hreflang="\w+">([^<]+)</a>'
)


def switch_link(response) -> tuple[str, str, str]:
    """(href, lang, text) of the page's language switch."""
    found = SWITCH.search(response.get_data(as_text=True))
    assert found, "no language switch on the page"
    return found.group(1).replace("&amp;", "&"), found.group(2), found.group(3)


def test_english_pages_offer_french_in_french(client):
    href, lang, text = switch_link(client.get("/recommendations?sort=code"))
    assert (lang, text) == ("fr", "Français")
    assert href == "/language/fr?next=%2Frecommendations%3Fsort%3Dcode"


def test_french_pages_offer_english_in_english(client):
    href, lang, text = switch_link(client.get("/fr/about"))
    assert (lang, text) == ("en", "English")
    assert href == "/language/en?next=%2Fabout"


def test_error_pages_have_the_switch_too(client):
    assert switch_link(client.get("/fr/no-such-page"))[1] == "en"


def test_the_switch_remembers_the_choice_and_keeps_the_page(client, app):
    href, _lang, _text = switch_link(client.get("/recommendations?sort=code"))
    response = client.get(href)
    assert response.status_code == 303
    assert response.headers["Location"] == "/fr/recommendations?sort=code"
    assert response.headers["Cache-Control"] == "private, no-store"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("lang=fr;")
    for part in ("Max-Age=31536000", "HttpOnly", "SameSite=Lax", "Path=/"):
        assert part in cookie
    assert "Secure" not in cookie  # the test config does not use HTTPS cookies
    # Remembered: the English address now sends this reader to the French one.
    again = client.get("/about")
    assert again.status_code == 302
    assert again.headers["Location"] == "/fr/about"
    # And back: English chosen, English kept even though the browser would prefer French.
    back = client.get(switch_link(client.get("/fr/about"))[0])
    assert back.headers["Location"] == "/about"
    english = client.get("/about", headers={"Accept-Language": "fr-CA,fr"})
    assert english.status_code == 200
    assert html_lang(english) == "en"


def test_the_cookie_is_secure_when_the_config_uses_https_cookies():
    app = create_app("testing", SESSION_COOKIE_SECURE=True)
    response = app.test_client().get("/language/en?next=/about")
    assert "Secure" in response.headers["Set-Cookie"]


@pytest.mark.parametrize(
    "next_value", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "", "about"]
)
def test_a_non_local_next_goes_home(client, next_value):
    response = client.get("/language/fr", query_string={"next": next_value})
    assert response.status_code == 303
    assert response.headers["Location"] == "/fr/"


def test_an_unknown_language_is_not_found(client):
    assert client.get("/language/de?next=/about").status_code == 404
    assert "Set-Cookie" not in client.get("/language/de?next=/about").headers


@pytest.mark.parametrize(
    ("accept", "language"),
    [
        ("fr-CA,fr;q=0.9,en;q=0.8", "fr"),
        ("fr-CA,en;q=0.5", "fr"),
        ("fr", "fr"),
        ("en-CA,en;q=0.9,fr;q=0.8", "en"),
        ("de-DE,fr;q=0.5", "fr"),
        ("de-DE", "en"),
        ("fr;q=0,en", "en"),
        ("", "en"),
    ],
)
def test_the_first_guess_follows_accept_language(client, accept, language):
    response = client.get("/recommendations?sort=code", headers={"Accept-Language": accept})
    if language == "fr":
        assert response.status_code == 302
        assert response.headers["Location"] == "/fr/recommendations?sort=code"
        assert response.headers["Cache-Control"] == "private, no-store"
        assert response.headers["Vary"] == "Accept-Language, Cookie"
    else:
        assert response.status_code == 200
        assert html_lang(response) == "en"
        assert {"Accept-Language", "Cookie"} <= {
            v.strip() for v in response.headers["Vary"].split(",")
        }


@pytest.mark.parametrize("path", ["/static/css/app.css", "/healthz", "/language/en?next=/"])
def test_files_and_machine_endpoints_are_never_redirected(client, path):
    with client.get(path, headers={"Accept-Language": "fr"}) as response:
        assert response.status_code in (200, 303)
        assert not response.headers.get("Location", "").startswith("/fr")


def test_a_french_reader_s_post_is_not_redirected(client):
    response = client.post("/contact", data={}, headers={"Accept-Language": "fr"})
    assert response.status_code == 200


def test_a_french_address_stays_french_whatever_the_cookie(client):
    client.get("/language/en?next=/")
    assert html_lang(client.get("/fr/about")) == "fr"


@pytest.mark.parametrize("path", ["/about", "/fr/about"])
def test_hreflang_alternates_on_every_page(client, path):
    page = client.get(path).get_data(as_text=True)
    base = "http://127.0.0.1:5000"  # PUBLIC_BASE_URL in the test config
    assert f'<link rel="alternate" hreflang="en" href="{base}/about">' in page
    assert f'<link rel="alternate" hreflang="fr" href="{base}/fr/about">' in page
    assert f'<link rel="alternate" hreflang="x-default" href="{base}/about">' in page


def test_alternates_never_come_from_the_host_header(client):
    page = client.get("/about", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "evil.example" not in page
