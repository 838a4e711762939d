"""The pieces core owns read in French on French pages: the frame, error pages, pagination,
and WTForms' own messages."""

import pytest
from flask import render_template_string
from flask_babel import force_locale

from sro_board.core.pagination import Page


def test_the_frame_is_french_on_french_pages(client):
    page = client.get("/fr/about").get_data(as_text=True)
    for french in (
        "Passer au contenu principal",
        "Accueil",
        "Connexion du personnel",
        "En cas d'urgence, composez immédiatement le 9-1-1",
        'href="/fr/status-definitions">Ce que signifient les statuts</a>',
    ):
        assert french in page, french
    assert "Skip to main content" not in page


def test_the_frame_stays_english_on_english_pages(client):
    page = client.get("/about").get_data(as_text=True)
    assert "Skip to main content" in page
    assert "Passer au contenu principal" not in page


@pytest.mark.parametrize(
    ("path", "status", "title", "message"),
    [
        ("/fr/no-such-page", 404, "Page introuvable", "Nous n&#39;avons pas trouvé cette page."),
        ("/no-such-page", 404, "Page not found", "We could not find that page."),
    ],
)
def test_error_pages_in_the_page_s_language(client, path, status, title, message):
    response = client.get(path)
    assert response.status_code == status
    page = response.get_data(as_text=True)
    assert f"<h1>{title}</h1>" in page
    assert f"<title>{title} · " in page
    assert message in page


def test_a_french_405_is_french(client):
    response = client.post("/fr/about")
    assert response.status_code == 405
    assert "Cette action n&#39;est pas disponible ici." in response.get_data(as_text=True)


def test_json_errors_carry_the_translated_message(client):
    response = client.get("/fr/no-such-page", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert response.json["message"] == "Nous n'avons pas trouvé cette page."


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Previous page", "Page 2 of 3", "Next page"]),
        ("fr", ["Page précédente", "Page 2 sur 3", "Page suivante"]),
    ],
)
def test_pagination_in_both_languages(app, language, expected):
    page = Page([], 2, 10, 25, "page")
    source = (
        "{% from '_macros/pagination.html' import pages %}{{ pages(page, _('Recommendations')) }}"
    )
    with app.test_request_context("/recommendations"), force_locale(language):
        html = render_template_string(source, page=page)
    for text in expected:
        assert text in html
    label = "Recommandations\u00a0: pages" if language == "fr" else "Recommendations: pages"
    assert f'aria-label="{label}"' in html


def test_wtforms_own_messages_are_french_on_a_french_form(client):
    """Flask-WTF's WTF_I18N_ENABLED (on by default) with Flask-Babel: WTForms' catalog."""
    french = client.post("/fr/contact", data={"topic": "question", "message": ""})
    english = client.post("/contact", data={"topic": "question", "message": ""})
    assert "Ce champ est requis." in french.get_data(as_text=True)
    assert "This field is required." not in french.get_data(as_text=True)
    assert "This field is required." in english.get_data(as_text=True)
