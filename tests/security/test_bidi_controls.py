"""Bidirectional controls (visual spoofing) are dropped from every single-line form field."""

import csv
import importlib
import io
import pkgutil

import pytest
import sqlalchemy as sa
from werkzeug.datastructures import MultiDict
from wtforms import FieldList, Form, FormField, PasswordField

import sro_board
from sro_board.auth.models import User
from sro_board.core.extensions import db
from sro_board.recommendations.csv.columns import COLUMNS
from sro_board.recommendations.csv.export import export_csv
from sro_board.recommendations.csv.importer import import_csv
from sro_board.security.inputs import is_single_line
from tests.factories import login, make_rec
from tests.recommendations.factories import rec_by_code, submit_edit
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures

# Every control of U+202A to U+202E and U+2066 to U+2069, around and inside the words.
SPOOFED = "\u202aJane\u202b \u202cDoe\u202d\u202e (txt.exe)\u2066\u2067x\u2068\u2069"
CLEAN = "Jane Doe (txt.exe)x"


def _form_classes() -> list[type[Form]]:
    """Every WTForms form class the application defines (FlaskForm or sub-form)."""
    for module in pkgutil.walk_packages(sro_board.__path__, "sro_board."):
        importlib.import_module(module.name)
    found, todo = set(), [Form]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("sro_board."):
                found.add(sub)
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


FORMS = _form_classes()


def _leaves(fields):
    for field in fields:
        if isinstance(field, FormField):
            yield from _leaves(field.form)
        elif isinstance(field, FieldList):
            yield from _leaves(field.entries)
        else:
            yield field


def test_the_walk_reaches_the_forms_of_every_feature():
    modules = {form.__module__ for form in FORMS}
    assert {
        "sro_board.auth.forms",
        "sro_board.admin.forms",
        "sro_board.board.applications.forms",
        "sro_board.board.intakes.forms",
        "sro_board.board.privacy.forms",
        "sro_board.board.review.forms",
        "sro_board.board.selection.forms",
        "sro_board.contact.forms",
        "sro_board.recommendations.forms",
        "sro_board.recommendations.filters",
    } <= modules


@pytest.mark.parametrize("form_class", FORMS, ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_every_single_line_field_drops_bidi_controls(app, form_class):
    with app.test_request_context("/", method="POST"):
        form = form_class(formdata=None, meta={"csrf": False})
        for field in _leaves(form):
            field.process(MultiDict({field.name: SPOOFED}))
            if is_single_line(field):
                assert field.data == CLEAN, field.name
            elif isinstance(field, PasswordField):
                assert field.data == SPOOFED, f"{field.name}: a password is never altered"


def test_the_walk_checks_single_line_fields_of_every_kind(app):
    with app.test_request_context("/", method="POST"):
        kinds = {
            type(field).__name__
            for form_class in FORMS
            for field in _leaves(form_class(formdata=None, meta={"csrf": False}))
            if is_single_line(field)
        }
    assert {"StringField", "EmailField", "SearchField", "URLField", "HiddenField"} <= kinds


def test_a_spoofed_title_is_stored_without_the_controls(client, users):
    make_rec()
    login(client, users["chair"])
    assert submit_edit(client, title=SPOOFED, public_note="Renamed.").status_code == 302
    assert rec_by_code().title == CLEAN


def test_the_command_line_and_the_csv_import_drop_them_too(app, runner):
    result = runner.invoke(
        args=["users", "create", "--email", "s@example.org", "--name", SPOOFED, "--role", "chair"],
        input="a-long-cli-password\na-long-cli-password\n",
    )
    assert result.exit_code == 0, result.output
    assert db.session.scalars(sa.select(User.name)).one() == CLEAN
    make_rec()
    rows = list(csv.DictReader(io.StringIO(export_csv())))
    rows[0] |= {"title": SPOOFED, "lead_unit": f"Unit {SPOOFED}"}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    import_csv(out.getvalue(), None)
    db.session.commit()
    assert (rec_by_code().title, rec_by_code().lead_unit) == (CLEAN, f"Unit {CLEAN}")
