"""The strings the code marks now (extracted in-process as `make messages` does) and the
French catalog, for the catalog checks."""

import functools
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "sro_board" / "translations"
FRENCH_PO = TRANSLATIONS / "fr" / "LC_MESSAGES" / "messages.po"
FRENCH_MO = FRENCH_PO.with_suffix(".mo")
# The Makefile's BABEL_KEYWORDS (a test checks both agree), on top of Babel's defaults.
EXTRA_KEYWORDS = {"_l": None, "lazy_gettext": None, "lazy_ngettext": (1, 2)}
KEYWORDS = DEFAULT_KEYWORDS | EXTRA_KEYWORDS
# As the Makefile's --ignore-dirs (dot directories, caches), plus folders babel.cfg never maps.
SKIPPED_DIRS = {"__pycache__", "node_modules", "tests", "docs", "instance", "scripts", "tools"}


def _walk_here(dirname: str) -> bool:
    name = Path(dirname).name
    return not name.startswith(".") and name not in SKIPPED_DIRS


@functools.cache
def extracted() -> dict[str | tuple[str, ...], list[str]]:
    """Each msgid marked in the code now (a tuple for plurals) and where: 'path:line'."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(ROOT / "babel.cfg"))
    found: dict[str | tuple[str, ...], list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, directory_filter=_walk_here
    ):
        found.setdefault(message, []).append(f"{filename}:{lineno}")
    return found


def french() -> Catalog:
    """The French catalog as committed."""
    with open(FRENCH_PO, "rb") as po:
        return read_po(po, locale="fr")


def makefile_keywords() -> dict[str, tuple[int, ...] | None]:
    """The -k options of the Makefile's BABEL_KEYWORDS."""
    line = re.search(r"^BABEL_KEYWORDS := (.*)$", (ROOT / "Makefile").read_text(), re.M)
    keywords: dict[str, tuple[int, ...] | None] = {}
    for spec in re.findall(r"-k (\S+)", line.group(1)):
        name, _, args = spec.partition(":")
        keywords[name] = tuple(int(a) for a in args.split(",")) if args else None
    return keywords
