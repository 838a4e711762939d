"""An app with the French catalog, sending its email to a real SMTP server on loopback.

The French is the app's catalog (sro_board/translations) together with the helpers' parts on
this branch (i18n-parts/*.po: this helper's and i13-rec's, compiled here) while the lead has not
merged them into the catalog yet; once merged, the parts may go and the catalog alone serves.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from sro_board.core.extensions import babel
from tests.board.applying import smtp_server, smtp_settings
from tests.factories import fresh_app

PARTS = Path(__file__).parents[3] / "i18n-parts"


@pytest.fixture(scope="session")
def translation_directories(tmp_path_factory) -> str:
    """BABEL_TRANSLATION_DIRECTORIES: the app's catalog, then each part (as a domain folder)."""
    directories = ["translations"]
    for part in sorted(PARTS.glob("*.po")):
        folder = tmp_path_factory.mktemp(part.stem)
        target = folder / "fr" / "LC_MESSAGES"
        target.mkdir(parents=True)
        with part.open("rb") as source, (target / "messages.mo").open("wb") as compiled:
            write_mo(compiled, read_po(source), use_fuzzy=False)
        directories.append(str(folder))
    return ";".join(directories)


@pytest.fixture(name="mailbox")
def loopback_mailbox():
    """A real SMTP server on 127.0.0.1."""
    with smtp_server() as box:
        yield box


@pytest.fixture
def app(mailbox, translation_directories) -> Iterator:
    """A fresh app and database that speaks French and mails the loopback server.

    Flask-Babel keeps loaded catalogs per locale on the one (shared) extension, whatever the
    app's directories: emptied before, so this app reads its own, and after, so the others do.
    """
    with fresh_app(
        BABEL_TRANSLATION_DIRECTORIES=translation_directories, **smtp_settings(mailbox)
    ) as app:
        babel.domain_instance.cache.clear()
        try:
            yield app
        finally:
            babel.domain_instance.cache.clear()


@pytest.fixture
def client(app):
    """A test client of the French-speaking app."""
    return app.test_client()
