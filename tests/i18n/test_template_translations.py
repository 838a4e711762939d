"""Templates translate with the catalog of the language being written, which is looked up once."""

from flask import render_template_string
from flask_babel import force_locale, refresh

from sro_board.core import i18n

PAGE = "{{ _('Nothing waiting.') }}"


def test_a_template_follows_the_request_language_and_force_locale(app):
    with app.test_request_context("/"):
        assert render_template_string(PAGE) == "Nothing waiting."
        with force_locale("fr"):
            assert render_template_string(PAGE) == "Rien en attente."
        assert render_template_string(PAGE) == "Nothing waiting."
    with app.test_request_context("/", environ_base={i18n.ENVIRON_KEY: "fr"}):
        assert render_template_string(PAGE) == "Rien en attente."
        with force_locale("en"):
            assert render_template_string(PAGE) == "Nothing waiting."
        assert render_template_string(PAGE) == "Rien en attente."


def test_the_catalog_is_looked_up_once_until_the_locale_changes(app, monkeypatch):
    looked_up = []
    found = i18n.get_translations
    monkeypatch.setattr(i18n, "get_translations", lambda: looked_up.append(1) or found())
    with app.test_request_context("/"):
        for _ in range(5):
            render_template_string(PAGE)
        assert len(looked_up) == 1
        refresh()
        render_template_string(PAGE)
        assert len(looked_up) == 2
