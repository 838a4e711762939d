"""Sections: a higher package adds to a lower package's page through a named slot."""

from flask import Flask, render_template_string
from jinja2 import DictLoader

from sro_board.core import sections

PAGE = (
    "{% for section in sections('page.slot', code='R1') %}"
    "{% include section.template %}{% endfor %}"
)


def make_app() -> Flask:
    app = Flask(__name__)
    app.jinja_loader = DictLoader(
        {
            "first.html": "<p>first {{ section.values.code }}</p>",
            "second.html": "<p>second {{ section.values.shown }}</p>",
        }
    )
    sections.register(app)
    return app


def test_sections_are_included_in_registration_order_with_values_from_the_page():
    app = make_app()
    sections.add_section(app, "page.slot", "first.html", lambda code: {"code": code})
    sections.add_section(app, "page.slot", "second.html", lambda code: {"shown": f"<{code}>"})
    with app.app_context():
        html = render_template_string(PAGE)
    assert html == "<p>first R1</p><p>second &lt;R1&gt;</p>"


def test_a_slot_without_sections_renders_nothing_and_other_apps_are_untouched():
    app, other = make_app(), make_app()
    sections.add_section(app, "page.slot", "first.html", lambda code: {"code": code})
    with other.app_context():
        assert render_template_string("[" + PAGE + "]") == "[]"
    with app.app_context():
        assert sections.sections_for("unknown") == []
