"""Finds user-facing English that is not marked for translation, as 'path:line: text'.

Templates: the Jinja lexer's `data` tokens outside {% trans %} blocks, read as HTML (text, and
the attributes people read: aria-label, title, alt, placeholder, ...), and string literals in
expressions that read as words (a space and a letter: "' candidates'", "'Older entries'").
Python: an AST scan for plain strings where the app shows them to people (flash, form labels
and descriptions, validator messages, ValidationError, abort descriptions, the features' own
refusals, choices, and module constants named as labels or messages).
"""

import ast
import functools
import re
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import Environment, nodes

ROOT = Path(__file__).resolve().parents[2]
LETTER = re.compile(r"[^\W\d_]")
WORDS = re.compile(r"[^\W\d_]{2,}")
PLACEHOLDER = "\x01"
# Attributes whose values people read (or hear, through a screen reader).
READ_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder", "aria-description", "label"}
GETTEXT_CALLS = {"_", "gettext", "ngettext", "pgettext", "npgettext", "_l", "lazy_gettext"}
# Macros whose string arguments are shown as they are (the pagination's list names).
TEXT_MACROS = {"pages", "keyset", "posted_pages"}

# --- templates ---------------------------------------------------------------------------------

ENV = Environment(
    extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True, autoescape=True
)


def templates() -> list[Path]:
    """Every template babel.cfg maps: HTML pages and plain-text email."""
    folder = ROOT / "templates"
    return sorted(folder.rglob("*.html")) + sorted((folder / "email").rglob("*.txt"))


def _untranslated_source(source: str) -> str:
    """The template with every Jinja construct and every trans block's content replaced by a
    placeholder, line numbers kept: what is left is the text the template writes as is."""
    out: list[str] = []
    line, in_trans, previous = 1, False, None
    for lineno, token, value in ENV.lex(source):
        if token == "name" and previous == "block_begin":
            if value == "trans":
                in_trans = True
            elif value == "endtrans":
                in_trans = False
        if token != "whitespace":
            previous = token
        if token != "data" or in_trans:
            if token in ("variable_begin", "block_begin", "data"):
                out.append(PLACEHOLDER)
            continue
        if lineno > line:
            out.append("\n" * (lineno - line))
            line = lineno
        out.append(value)
        line += value.count("\n")
    return "".join(out)


class _TextFinder(HTMLParser):
    """Collects (line, text) of visible text and read attributes with letters in them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self.skipping = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skipping += 1
        attributes = dict(attrs)
        for name, value in attrs:
            readable = name in READ_ATTRIBUTES or (
                name == "value" and attributes.get("type") in ("submit", "button", "reset")
            )
            if name == "content" and attributes.get("name") == "description":
                readable = True
            if readable and value and WORDS.search(value.replace(PLACEHOLDER, " ")):
                self.found.append((self.getpos()[0], f'{name}="{value}"'))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if self.skipping:
            return
        line, offset = self.getpos()[0], 0
        for piece in data.split(PLACEHOLDER):  # each run of text between two Jinja constructs
            text = piece.strip()
            if WORDS.search(text):
                leading = piece[: len(piece) - len(piece.lstrip())]
                self.found.append(
                    (line + data[:offset].count("\n") + leading.count("\n"), " ".join(text.split()))
                )
            offset += len(piece) + 1


def _literals(source: str) -> list[tuple[int, str]]:
    """String constants in expressions that read as words, outside gettext calls."""
    found: list[tuple[int, str]] = []
    tree = ENV.parse(source)
    inside_gettext: set[int] = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in GETTEXT_CALLS:
            inside_gettext.update(id(const) for const in call.find_all(nodes.Const))
    shown: set[int] = set()
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in TEXT_MACROS:
            values = [*call.args, *(k.value for k in call.kwargs)]
            shown.update(id(v) for v in values if isinstance(v, nodes.Const))
    for const in tree.find_all(nodes.Const):
        value = const.value
        if not isinstance(value, str) or id(const) in inside_gettext or not WORDS.search(value):
            continue
        if id(const) in shown or " " in value.strip(" ") or value != value.strip(" "):
            found.append((const.lineno, repr(value)))
    return found


@functools.cache
def template_findings() -> tuple[str, ...]:
    """'path:line: text' for every piece of unmarked text in the templates."""
    findings: list[str] = []
    for path in templates():
        relative = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        text = _untranslated_source(source)
        found: list[tuple[int, str]]
        if path.suffix == ".txt":
            if text.startswith("Subject:"):
                text = text.removeprefix("Subject:")
            found = [
                (number, " ".join(line.replace(PLACEHOLDER, " ").split()))
                for number, line in enumerate(text.split("\n"), start=1)
                if WORDS.search(line.replace(PLACEHOLDER, " "))
            ]
        else:
            finder = _TextFinder()
            finder.feed(text)
            finder.close()
            found = finder.found
        found += _literals(source)
        findings += [f"{relative}:{line}: {snippet[:100]}" for line, snippet in sorted(found)]
    return tuple(findings)


# --- Python ------------------------------------------------------------------------------------

VALIDATORS = {
    "DataRequired",
    "InputRequired",
    "Optional",
    "Length",
    "Email",
    "EqualTo",
    "NumberRange",
    "Regexp",
    "URL",
    "AnyOf",
    "NoneOf",
    "FileRequired",
    "FileAllowed",
    "FileSize",
}
# The features' own refusals: their message is shown to the user (flash, form error).
USER_FACING_ERRORS = {
    "ValidationError",
    "StopValidation",
    "BoardError",
    "TrackerError",
    "AccountError",
    "AdminError",
    "InboxError",
}
LABEL_CONSTANT = re.compile(r"(LABELS?|MESSAGES?|TITLES?|HINTS?|NOTICES?|REASONS|WORDING)$")
# Not user interface: demo data (bilingual content columns) and migrations.
PYTHON_SKIPPED = ("sro_board/sample/",)


def plain(node: ast.AST | None) -> bool:
    """True for text that reaches people untranslated: a str literal with letters, an
    f-string, or text glued to something with % , + or .format."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(LETTER.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(plain(value) for value in node.values)
    if isinstance(node, ast.BinOp):
        return plain(node.left) or plain(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and plain(node.func.value)
    return False


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _keyword(call: ast.Call, name: str) -> ast.AST | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """USER_FACING_ERRORS and every class of the app that derives from one of them."""
    names = set(USER_FACING_ERRORS)
    changed = True
    while changed:
        changed = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ClassDef)
                    and node.name not in names
                    and any(_name(base) in names for base in node.bases)
                ):
                    names.add(node.name)
                    changed = True
    return names


def _call_findings(call: ast.Call, errors: set[str]) -> list[tuple[int, str]]:
    name, args = _name(call.func), call.args
    found: list[tuple[ast.AST | None, str]] = []
    if name == "flash" and args:
        found.append((args[0], "flash()"))
    elif name.endswith("Field") and name[:1].isupper():
        found.append((args[0] if args else _keyword(call, "label"), f"{name} label"))
        found.append((_keyword(call, "description"), f"{name} description"))
    elif name in VALIDATORS:
        found.append((_keyword(call, "message"), f"{name}(message=)"))
        if name in ("Length", "NumberRange", "EqualTo", "Regexp") and len(args) > 2:
            found.append((args[-1], f"{name} message"))
    elif name in errors:
        found.append((args[0] if args else _keyword(call, "message"), f"{name}()"))
    elif name == "abort":
        found.append((args[1] if len(args) > 1 else _keyword(call, "description"), "abort()"))
    elif name == "commit_service":
        found.append((_keyword(call, "success"), "commit_service(success=)"))
    choices = _keyword(call, "choices")
    if isinstance(choices, ast.List | ast.Tuple):
        for item in choices.elts:
            if isinstance(item, ast.Tuple) and len(item.elts) == 2:
                found.append((item.elts[1], "choice label"))
    return [
        (node.lineno, f"{what}: {ast.unparse(node)[:90]}") for node, what in found if plain(node)
    ]


def _super_findings(tree: ast.Module, errors: set[str]) -> list[tuple[int, str]]:
    """super().__init__("...") in the features' refusals."""
    found = []
    for cls in ast.walk(tree):
        if not (isinstance(cls, ast.ClassDef) and cls.name in errors):
            continue
        for call in ast.walk(cls):
            if (
                isinstance(call, ast.Call)
                and _name(call.func) == "__init__"
                and call.args
                and plain(call.args[0])
            ):
                found.append((call.lineno, f"{cls.name} message: {ast.unparse(call.args[0])[:90]}"))
    return found


def _constant_findings(tree: ast.Module) -> list[tuple[int, str]]:
    """Module constants named as labels or messages: their plain strings."""
    found = []
    for statement in tree.body:
        targets = []
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        names = [t.id for t in targets if isinstance(t, ast.Name)]
        if not any(LABEL_CONSTANT.search(n) for n in names):
            continue
        strings = [value]
        if isinstance(value, ast.Dict):
            strings = list(value.values)
        elif isinstance(value, ast.List | ast.Tuple | ast.Set):
            strings = list(value.elts)
        for node in strings:
            leaves = node.elts if isinstance(node, ast.Tuple) else [node]
            for leaf in leaves:
                if plain(leaf):
                    found.append((leaf.lineno, f"{names[0]}: {ast.unparse(leaf)[:90]}"))
    return found


@functools.cache
def python_findings() -> tuple[str, ...]:
    """'path:line: what: text' for every plain string the app shows to people."""
    trees = {}
    for path in sorted((ROOT / "sro_board").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if not relative.startswith(PYTHON_SKIPPED):
            trees[relative] = ast.parse(path.read_text(encoding="utf-8"), relative)
    errors = _error_classes(trees)
    findings = []
    for relative, tree in trees.items():
        found = _super_findings(tree, errors) + _constant_findings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                found += _call_findings(node, errors)
        findings += [f"{relative}:{line}: {what}" for line, what in sorted(set(found))]
    return tuple(findings)
