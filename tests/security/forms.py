"""The forms a page renders: where each posts, and each field's name, kind and choices."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

FREE_TEXT = frozenset({"text", "search", "textarea"})


@dataclass
class Field:
    """One named control: its kind (input type, textarea or select) and its options."""

    name: str
    kind: str
    options: list[str] = field(default_factory=list)


@dataclass
class Form:
    """A form's action, method and fields by name."""

    action: str
    method: str
    fields: dict[str, Field] = field(default_factory=dict)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: Field | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append(Form(a.get("action", ""), a.get("method", "get").lower()))
            return
        if not self.forms or not a.get("name"):
            if tag == "option" and self._select is not None:
                self._select.options.append(a.get("value", ""))
            return
        fields = self.forms[-1].fields
        if tag == "input" and a.get("type", "text") not in ("submit", "button", "reset", "image"):
            found = fields.setdefault(a["name"], Field(a["name"], a.get("type", "text")))
            if found.kind in ("checkbox", "radio"):
                found.options.append(a.get("value", "on"))
        elif tag == "textarea":
            fields[a["name"]] = Field(a["name"], "textarea")
        elif tag == "select":
            self._select = fields.setdefault(a["name"], Field(a["name"], "select"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


def forms_in(html: str) -> list[Form]:
    """Every form of a page."""
    parser = _Parser()
    parser.feed(html)
    return parser.forms


def candidate_pages(path: str) -> list[str]:
    """Pages that may hold the form posting to path: itself, then its parents."""
    pages = [path]
    while path.count("/") > 1:
        path = path.rsplit("/", 1)[0]
        pages.append(path)
    return pages


def fields_posted_to(client, path: str) -> dict[str, Field]:
    """The fields of the forms that post to path, read from the pages that render them."""
    found: dict[str, Field] = {}
    for page in candidate_pages(path):
        response = client.get(page)
        if response.status_code == 200 and response.mimetype == "text/html":
            for form in forms_in(response.get_data(as_text=True)):
                target = form.action or page  # no action: the form posts to its own page
                if form.method == "post" and target == path:
                    found |= form.fields
        response.close()
        if found:
            break
    return found


def query_fields(client, path: str) -> dict[str, Field]:
    """The fields of the GET forms (filters) a page renders."""
    response = client.get(path)
    found: dict[str, Field] = {}
    if response.status_code == 200 and response.mimetype == "text/html":
        for form in forms_in(response.get_data(as_text=True)):
            if form.method == "get":
                found |= form.fields
    response.close()
    return found
