"""Pages as a browser sees them: the response text and the values its forms would submit."""

from html.parser import HTMLParser
from typing import Any


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
