"""Dates and numbers in the page's language: '30 novembre 2026', '45 %'."""

from datetime import UTC, date, datetime

import pytest
from flask import render_template_string
from flask_babel import force_locale

from sro_board.core.filters import format_date, format_datetime
from tests.public.helpers import add_recommendation

WHEN = datetime(2026, 11, 30, 21, 5, tzinfo=UTC)  # 14:05 in Edmonton (MST, UTC-7)


@pytest.mark.parametrize(
    ("path", "day", "moment"),
    [
        ("/", "30 November 2026", "30 November 2026, 14:05"),
        ("/fr/", "30 novembre 2026", "30 novembre 2026, 14:05"),
    ],
)
def test_dates_follow_the_request_s_language(app, path, day, moment):
    with app.test_request_context(path, environ_overrides=_environ(path)):
        assert format_date(date(2026, 11, 30)) == day
        assert format_date("2026-11-30") == day
        assert format_date(WHEN) == day
        assert format_datetime(WHEN) == moment
        assert render_template_string("{{ d | date }}", d=date(2026, 11, 30)) == day
        assert render_template_string("{{ w | datetime }}", w=WHEN) == moment


def test_a_local_evening_keeps_its_local_date(app):
    late = datetime(2026, 12, 1, 4, 30, tzinfo=UTC)  # 21:30 on 30 November in Edmonton
    with app.test_request_context("/"), force_locale("fr"):
        assert format_date(late) == "30 novembre 2026"
        assert format_datetime(late) == "30 novembre 2026, 21:30"


def test_email_rendering_uses_the_forced_language(app):
    with app.app_context(), force_locale("fr"):
        assert format_date(date(2026, 3, 1)) == "1 mars 2026"
    with app.app_context(), force_locale("en"):
        assert format_date(date(2026, 3, 1)) == "1 March 2026"


def test_missing_dates_show_a_dash(app):
    with app.test_request_context("/"):
        assert format_date(None) == format_date("") == format_datetime(None) == "—"


@pytest.mark.parametrize(
    ("language", "percent", "decimal"),
    [("en", "45%", "1,234.5"), ("fr", "45\u00a0%", "1\u202f234,5")],
)
def test_flask_babel_s_number_filters(app, language, percent, decimal):
    with app.test_request_context("/"), force_locale(language):
        assert render_template_string("{{ 0.45 | percentformat }}") == percent
        assert render_template_string("{{ 1234.5 | decimalformat }}") == decimal


def test_french_pages_show_french_dates(client):
    """The real page: a French public page writes its dates in French."""
    rec = add_recommendation("R-01", target_date="2027-06-30")
    assert rec.code == "R-01"
    french = client.get("/fr/recommendations/R-01").get_data(as_text=True)
    english = client.get("/recommendations/R-01").get_data(as_text=True)
    assert "30 juin 2027" in french
    assert "30 June 2027" in english


def _environ(path: str) -> dict:
    """The environ the address middleware sets for path (test_request_context skips it)."""
    return {"sro_board.language": "fr" if path.startswith("/fr/") else "en"}
