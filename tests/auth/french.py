"""French in tests: the catalog with this branch's translations, and pages at their /fr address.

The French catalog under sro_board/translations is assembled from every helper's part. Until it
holds these strings, `french_catalog` compiles i18n-parts/i13-rest.po (with Babel, as the
catalog itself is) into a directory the app also reads; once it does, nothing is added.
"""

from contextlib import contextmanager
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import current_app
from flask_babel import force_locale, get_babel, gettext

PART = Path(__file__).resolve().parents[2] / "i18n-parts" / "i13-rest.po"


def _catalog_has_ours() -> bool:
    """True when the app's catalog translates every string of this part as the part does."""
    with PART.open("rb") as po:
        part = [m for m in read_po(po, locale="fr") if m.id and isinstance(m.id, str)]
    with current_app.test_request_context(), force_locale("fr"):
        return all(gettext(m.id) == m.string for m in part)


def _forget_translations() -> None:
    get_babel().instance.domain_instance.cache.clear()


@contextmanager
def french_part_loaded(directory: Path):
    """Make the app read this branch's French part as well, for the duration of the block."""
    if _catalog_has_ours():
        yield
        return
    messages = directory / "fr" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    with PART.open("rb") as po, (messages / "messages.mo").open("wb") as mo:
        write_mo(mo, read_po(po, locale="fr"))
    directories = get_babel().translation_directories
    directories.append(str(directory))
    _forget_translations()
    try:
        yield
    finally:
        directories.remove(str(directory))
        _forget_translations()


@pytest.fixture
def french_catalog(app, tmp_path):
    """The app translates this branch's strings into French."""
    with french_part_loaded(tmp_path / "translations"):
        yield app


def in_french(client, method: str, path: str, **kwargs):
    """A request for the page at path in French: its /fr address."""
    return client.open("/fr" + path, method=method, **kwargs)
