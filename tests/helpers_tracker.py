"""Helpers for the tracker's tests: quick password hashing, forms as a browser sends them, data."""

from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from typing import Any

import pytest
import sqlalchemy as sa

from sro_board import create_app
from sro_board.audit.models import AuditEntry
from sro_board.core.extensions import db, limiter
from sro_board.recommendations.definitions import seed_definitions
from sro_board.recommendations.models import Recommendation, Update
from sro_board.recommendations.services import approve_update, propose_update
from tests.conftest import make_user


@pytest.fixture(scope="module")
def shared_app():
    """One app for a test module: building an app and its schema is most of a small test's time."""
    app = create_app("testing")
    yield app
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@pytest.fixture(name="app")
def emptied_app(shared_app):
    """A fresh database per test, as conftest's `app`, on the module's app.

    Import emptied_app and shared_app into a test module to use them in place of conftest's.

    The tables are emptied (created first if a fresh_app dropped them), the definitions
    seeded, the rate limits reset, and the test gets its own app context (so its own `g`).
    """
    with shared_app.app_context():
        db.create_all()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        seed_definitions()
        db.session.commit()
        limiter.reset()
        yield shared_app
        db.session.remove()


@contextmanager
def fresh_app(**overrides) -> Iterator:
    """An app with other settings on a fresh database, like the app fixture (use one or other)."""
    app = create_app("testing", **overrides)
    with app.app_context():
        db.drop_all()
        db.create_all()
        seed_definitions()
        db.session.commit()
        try:
            yield app
        finally:
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


class _FormParser(HTMLParser):
    """Collects each form's action, method and the values a browser would submit.

    A named submit button counts as pressed when it is the form's first one (Enter in a field
    presses that one too).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, Any]] = []
        self._textarea: str | None = None
        self._select: tuple[str, bool] | None = None
        self._options: list[tuple[str, bool]] = []
        self._text: list[str] = []

    def _add(self, name: str, value: str) -> None:
        if self.forms and name:
            self.forms[-1]["fields"].setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(
                {
                    "action": a.get("action", ""),
                    "method": a.get("method", "get"),
                    "fields": {},
                    "pressed": False,
                }
            )
        elif self._is_submit(tag, a):
            if self.forms and not self.forms[-1]["pressed"]:
                self.forms[-1]["pressed"] = True
                self._add(a.get("name", ""), a.get("value", ""))
        elif tag == "input":
            kind = a.get("type", "text")
            if kind in ("button", "image", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._add(a.get("name", ""), a.get("value", "on"))
                return
            self._add(a.get("name", ""), a.get("value", ""))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name", ""), []
        elif tag == "select":
            self._select, self._options = (a.get("name", ""), "multiple" in a), []
        elif tag == "option" and self._select:
            self._options.append((a.get("value", ""), "selected" in a))

    @staticmethod
    def _is_submit(tag: str, attrs: dict[str, str]) -> bool:
        kind = attrs.get("type", "submit" if tag == "button" else "text")
        return tag in ("button", "input") and kind == "submit"

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self._textarea is not None:
            # Browsers drop the single newline that follows <textarea>.
            self._add(self._textarea, "".join(self._text).removeprefix("\n"))
            self._textarea = None
        elif tag == "select" and self._select:
            name, multiple = self._select
            chosen = [v for v, selected in self._options if selected]
            if not chosen and not multiple and self._options:
                chosen = [self._options[0][0]]
            for value in chosen:
                self._add(name, value)
            self._select = None


def form_fields(html: str, action: str | None = None) -> dict[str, list[str]]:
    """The values the page's main POST form (or the one posting to `action`) would submit."""
    parser = _FormParser()
    parser.feed(html)
    for form in parser.forms:
        if form["method"].lower() != "post":
            continue
        if form["action"] == action or (action is None and form["action"] != "/logout"):
            return form["fields"]
    raise AssertionError(f"no POST form{' to ' + action if action else ''} on the page")


def load_form(client, path: str) -> dict[str, list[str]]:
    """GET a page and return its POST form's values, as a browser would submit them."""
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return form_fields(response.get_data(as_text=True))


def text(response) -> str:
    """The response body as text."""
    return response.get_data(as_text=True)


def edit_path(code: str = "R-01") -> str:
    """The working group's edit form of a recommendation."""
    return f"/staff/recommendations/{code}/edit"


def submit_edit(client, code: str = "R-01", form: dict | None = None, **changes):
    """Load the edit form (unless given), change some fields and submit it."""
    data = dict(form if form is not None else load_form(client, edit_path(code)))
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [str(value)]
    return client.post(edit_path(code), data=data)


def rec_by_code(code: str = "R-01") -> Recommendation:
    """The recommendation with this code, freshly read from the database."""
    db.session.expire_all()
    return db.session.scalars(sa.select(Recommendation).where(Recommendation.code == code)).one()


def publish(rec: Recommendation, public_note: str = "", internal_note: str = "", **values):
    """Publish values at once, as the command line does (trusted, no second person)."""
    update = propose_update(
        rec,
        None,
        values,
        public_note=public_note,
        internal_note=internal_note,
        based_on_version=rec.version,
    )
    db.session.commit()
    return update


def publish_closing(rec: Recommendation, public_note: str = "Closed.", **values) -> Update:
    """Close a recommendation (e.g. will not proceed): the command line's update, which waits
    for a second person, signed off by a chair."""
    update = publish(rec, public_note=public_note, **values)
    approve_update(update, make_user(["chair"], email=f"sign-off-{rec.code.lower()}@example.org"))
    db.session.commit()
    return update


def draft(rec: Recommendation, author, public_note: str = "", internal_note: str = "", **values):
    """A member's update, saved as a draft."""
    update = propose_update(
        rec,
        author,
        values,
        public_note=public_note,
        internal_note=internal_note,
        based_on_version=rec.version,
    )
    db.session.commit()
    return update


def updates_of(rec: Recommendation) -> list[Update]:
    """Every update of a recommendation, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Update).where(Update.recommendation_id == rec.id).order_by(Update.id)
        )
    )


def audit_actions() -> list[str]:
    """The actions in the audit log, oldest first."""
    return list(db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)))


EVIDENCE = [{"title": "Published policy", "url": "https://example.org/policy"}]
