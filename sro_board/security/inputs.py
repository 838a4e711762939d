"""Input the database cannot store is made safe before any view runs (never a 500).

PostgreSQL refuses NUL characters in text and integers past its column range; SQLite raises
on integers past 64 bits. So a NUL in the query or form becomes U+FFFD (as undecodable bytes
already do) and then fails validation like any odd character; a NUL in the path is a 404; an
id in a URL past PostgreSQL's INTEGER range is a 404 (no such record can exist); and a page
number past that range is read as the last possible page (an empty page, or a 404).

Bidirectional embedding, override and isolate controls (U+202A to U+202E, U+2066 to U+2069)
redraw text in another order, so a name or title can pose as something else in a staff
table. Every single-line field of every form drops them (install_form_hygiene); multi-line
text keeps them (right-to-left writing may need them there) and passwords are never altered.
"""

from flask import Flask, abort, request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.routing import IntegerConverter
from wtforms import Field, PasswordField, StringField, TextAreaField
from wtforms.meta import DefaultMeta

MAX_ID = 2**31 - 1  # PostgreSQL INTEGER, the type of every id column
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# Flask-SQLAlchemy's paginate() reads these itself; a huge number overflows the SQL OFFSET.
PAGE_ARGS = frozenset({"page", "per_page"})


class IdConverter(IntegerConverter):
    """`<int:...>` in routes, bounded to ids that can exist."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002 - werkzeug's name
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def _clean(key: str, value: str) -> tuple[str, str]:
    key, value = key.replace("\x00", "\ufffd"), value.replace("\x00", "\ufffd")
    if key in PAGE_ARGS and value.strip().isdigit() and int(value) > MAX_ID:
        value = str(MAX_ID)
    return key, value


def _cleaned(values: MultiDict) -> ImmutableMultiDict | None:
    """The values cleaned, or None when nothing needed cleaning."""
    pairs = list(values.items(multi=True))
    cleaned = [_clean(key, value) for key, value in pairs]
    return None if cleaned == pairs else ImmutableMultiDict(cleaned)


def clean_input() -> None:
    """404 for a NUL in the path; clean the query string and the form."""
    if "\x00" in request.path:
        abort(404)
    args = _cleaned(request.args)
    if args is not None:
        request.args = args
    if request.mimetype in FORM_TYPES:
        form = _cleaned(request.form)
        if form is not None:
            request.form = form


BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def strip_bidi(value: object) -> object:
    """A string without bidirectional controls; anything else as it is."""
    return value.translate(BIDI_CONTROLS) if isinstance(value, str) else value


def is_single_line(field: Field) -> bool:
    """Text inputs (text, email, search, URL, hidden...): not text areas, not passwords."""
    return isinstance(field, StringField) and not isinstance(field, TextAreaField | PasswordField)


_bind_field = DefaultMeta.bind_field


def _bind_field_with_hygiene(meta: DefaultMeta, form, unbound_field, options) -> Field:
    field = _bind_field(meta, form, unbound_field, options)
    if is_single_line(field):
        field.filters = (*field.filters, strip_bidi)
    return field


def install_form_hygiene() -> None:
    """Every form, present or future, strips bidi controls from its single-line fields.

    WTForms binds every field of every form (FlaskForm, sub-forms) through
    DefaultMeta.bind_field and has no other app-wide hook, so that one method is wrapped;
    no form needs to opt in.
    """
    DefaultMeta.bind_field = _bind_field_with_hygiene


def register_converters(app: Flask) -> None:
    """Bound `<int:...>` URL parts; call before the blueprints are registered."""
    app.url_map.converters["int"] = IdConverter


def register(app: Flask) -> None:
    """Clean every request's input first, and every form's single-line fields."""
    app.before_request(clean_input)
    install_form_hygiene()
