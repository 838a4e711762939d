"""Browser-suite fixtures: a sample-data database migrated with `flask db upgrade`, the app on a
live server on 127.0.0.1 (random port), a loopback SMTP server catching the app's real email,
Debian's Chromium through pytest-playwright, and every browser context watched for console
errors, failed requests and requests to any other host.

The database is a fresh SQLite file, or TEST_DATABASE_URL (PostgreSQL), emptied first.
"""

import email
import os
import socket
import subprocess  # noqa: S404 - runs `flask db upgrade`, fixed arguments, no shell
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.e2e.environment import (
    CHROME_FLAGS,
    CHROMIUM,
    INSTALL_PLAYWRIGHT,
    ROOT,
    require_chromium,
    unavailable,
)

E2E_DIR = Path(__file__).resolve().parent
BOARD_MEMBER_EMAIL = "board.member@example.org"
# One client address plays many people here; the rate limits are tested in tests/test_*.py.
GENEROUS_LIMIT = "1000 per minute"


# The two crawls take most of the suite's time. With `-n 2 --dist loadgroup` (.ci/browser)
# the suite is cut in two groups, one per worker: each starts with one crawl, then takes every
# other remaining file (pytest-xdist would otherwise start with the files of most tests).
CRAWLS = ("test_crawler.py", "test_crawler_french.py")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Mark everything under tests/e2e `e2e`: -m e2e selects it, -m 'not e2e' leaves it out.
    The crawls go first, each in its own half of the suite."""
    ours = [item for item in items if E2E_DIR in Path(str(item.path)).parents]
    for item in ours:
        item.add_marker(pytest.mark.e2e)
    items.sort(key=lambda item: Path(str(item.path)).name not in CRAWLS)
    files = sorted({Path(str(item.path)).name for item in ours} - set(CRAWLS))
    # The French crawl takes longer: its half gets the lighter share of the other files.
    half = {name: n % 2 for n, name in enumerate(files)} | {CRAWLS[0]: 1, CRAWLS[1]: 0}
    for item in ours:
        item.add_marker(pytest.mark.xdist_group(f"browser-{half[Path(str(item.path)).name]}"))


# --- database --------------------------------------------------------------------------------


def _empty_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def _flask_db_upgrade(url: str) -> None:
    env = os.environ | {
        "DATABASE_URL": url,
        "FLASK_APP": "sro_board",
        "SRO_BOARD_CONFIG": "development",
    }
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, "-m", "flask", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"flask db upgrade failed:\n{result.stdout}\n{result.stderr}", pytrace=False)


@pytest.fixture(scope="session")
def e2e_database_url(tmp_path_factory) -> Iterator[str]:
    """A fresh database, migrated: a new SQLite file, or TEST_DATABASE_URL emptied."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        _empty_postgres(url)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('e2e-db') / 'sro_board.db'}"
    _flask_db_upgrade(url)
    yield url
    if url.startswith("postgresql"):
        # Leave it empty for the rest of the suite, which shares TEST_DATABASE_URL.
        _empty_postgres(url)


# --- loopback SMTP server --------------------------------------------------------------------


class Mailbox:
    """What the loopback SMTP server received, as parsed messages."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        with self._lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        """Messages sent to address, oldest first."""
        with self._lock:
            return [m for m in self.messages if address.lower() in str(m["To"]).lower()]

    def wait_for(self, address: str, subject_part: str = "", timeout: float = 10) -> EmailMessage:
        """The newest message to address whose subject contains subject_part."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [m for m in self.to(address) if subject_part.lower() in m["Subject"].lower()]
            if found:
                return found[-1]
            time.sleep(0.05)
        with self._lock:
            seen = [(str(m["To"]), str(m["Subject"])) for m in self.messages]
        raise AssertionError(f"no email to {address} about {subject_part!r}; received: {seen}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives."""
    try:
        from aiosmtpd.controller import Controller
    except ImportError:
        unavailable("aiosmtpd (a loopback SMTP server)", INSTALL_PLAYWRIGHT)

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    mailbox.port = controller.port
    yield mailbox
    controller.stop()


# --- the live server -------------------------------------------------------------------------


@dataclass
class LiveServer:
    """The app served on 127.0.0.1:port in a thread of this process."""

    app: object
    url: str
    users: dict[str, str] = field(default_factory=dict)

    def path(self, endpoint: str, **values) -> str:
        """url_for inside the app, as a path."""
        from flask import url_for

        with self.app.test_request_context():
            return url_for(endpoint, **values)

    @contextmanager
    def configured(self, **settings):
        """The app with these settings until the block ends, then as before. Only for settings
        the app reads per request (APPLY_RATE_LIMIT, say), not those create_app() applies."""
        before = {name: self.app.config[name] for name in settings}
        self.app.config.update(settings)
        try:
            yield
        finally:
            self.app.config.update(before)


def _load_sample_data(app) -> None:
    from sro_board.auth.roles import Role
    from sro_board.auth.services import create_user, find_by_email
    from sro_board.core.extensions import db
    from sro_board.sample.loader import DEMO_PASSWORD, already_loaded, load_sample_data

    with app.app_context():
        if not already_loaded():
            load_sample_data()
        if find_by_email(BOARD_MEMBER_EMAIL) is None:
            create_user(
                None,
                email=BOARD_MEMBER_EMAIL,
                name="Bailey Board-Member (e2e)",
                roles={Role.BOARD_MEMBER},
                password=DEMO_PASSWORD,
            )
        db.session.commit()
        db.session.remove()


@pytest.fixture(scope="session")
def live_server(e2e_database_url, smtp_server):
    """The app with the sample data on http://127.0.0.1:<random port>, CSRF on, real SMTP."""
    import logging

    from werkzeug.serving import make_server

    from sro_board import create_app
    from sro_board.sample.loader import DEMO_ACCOUNTS

    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=e2e_database_url,
        WTF_CSRF_ENABLED=True,
        LOGIN_RATE_LIMIT=GENEROUS_LIMIT,
        CONTACT_RATE_LIMIT=GENEROUS_LIMIT,
        APPLY_RATE_LIMIT=GENEROUS_LIMIT,
        MAIL_BACKEND="smtp",
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=smtp_server.port,
    )
    _load_sample_data(app)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    url = f"http://127.0.0.1:{server.server_port}"
    app.config["PUBLIC_BASE_URL"] = url
    thread = threading.Thread(target=server.serve_forever, name="e2e-live-server", daemon=True)
    thread.start()
    users = {email.split("@")[0]: email for email, _name, _roles in DEMO_ACCOUNTS}
    users["board_member"] = BOARD_MEMBER_EMAIL
    users["board_chair"] = "board.chair@example.org"  # a sample account (and a board member)
    yield LiveServer(app=app, url=url, users=users)
    server.shutdown()
    thread.join(timeout=10)
    with app.app_context():
        from sro_board.core.extensions import db

        db.engine.dispose()


@pytest.fixture
def apply_rate_limit(live_server):
    """apply_rate_limit("2 per hour"): the live server's APPLY_RATE_LIMIT for this test, with no
    application counted yet; GENEROUS_LIMIT again afterwards."""
    from sro_board.core.extensions import limiter

    with ExitStack() as settings:

        def limit(value: str) -> None:
            limiter.reset()
            settings.enter_context(live_server.configured(APPLY_RATE_LIMIT=value))

        yield limit
    limiter.reset()


# --- the browser (pytest-playwright's fixtures, pointed at Debian's Chromium) ----------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium with the flags this closed network needs; Playwright's download is not
    used (it cannot reach its CDN here)."""
    require_chromium()
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROME_FLAGS}


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    """The live server's address, for page.goto("/path").

    Overrides pytest-playwright's own base_url fixture, which (0.10 with pytest 9) warns that
    session fixtures defined as instance methods are deprecated; this one replaces it instead of
    filtering that warning.
    """
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Every context starts at the live server, desktop-sized, in Alberta's time zone."""
    return {
        **browser_context_args,
        "viewport": {"width": 1280, "height": 900},
        "locale": "en-CA",
        "timezone_id": "America/Edmonton",
    }


@pytest.fixture
def watch(live_server):
    """Problems seen by the browser: console errors, failed or off-site requests.

    Whatever the test did not already take, fails it at the end. (Requests cut off when a
    context closes are not counted then: closing one aborts its favicon, say.)
    """
    from tests.e2e.watch import BrowserWatch

    watch = BrowserWatch(live_server.url)
    yield watch
    problems = watch.take_problems()
    assert not problems, "the browser saw problems:\n" + "\n".join(problems)


@pytest.fixture(scope="session")
def logged_in_state(browser, browser_context_args, live_server):
    """logged_in_state(role): cookies of one login per role through the login form, shared by
    the tests (see pages.log_in on why not one login per test)."""
    from tests.e2e.pages import log_in

    states: dict[str, dict] = {}

    def state(role: str) -> dict:
        if role not in states:
            context = browser.new_context(**browser_context_args)
            log_in(context.new_page(), live_server.users[role])
            states[role] = context.storage_state()
            context.close()
        return states[role]

    return state


@pytest.fixture
def as_staff(browser, browser_context_args, logged_in_state, watch):
    """as_staff(role, **context options): a page in a new, watched browser context that is
    logged in as that role: each person on their own browser."""
    contexts = []

    def open_page(role: str, **options):
        context = browser.new_context(
            **browser_context_args | options, storage_state=logged_in_state(role)
        )
        watch.attach(context)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def context(context, watch):
    """pytest-playwright's context, watched; the test fails if the browser saw a problem."""
    watch.attach(context)
    yield context
    watch.assert_clean()
