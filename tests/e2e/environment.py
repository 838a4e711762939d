"""Where the browser tools are, and what to do when one is missing (skip here, fail in CI).

Imports nothing from Playwright, so the suite can say how to install it when it is absent.
"""

import os
import shutil
from pathlib import Path
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "browser"
NODE_MODULES = TOOLS / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE_CLI = NODE_MODULES / "lighthouse" / "cli" / "index.js"
SCREENSHOTS = ROOT / "screenshots"
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium calls Google's hosts at start-up, which this
# network refuses; --no-sandbox because CI runs as root.
CHROME_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

INSTALL_PLAYWRIGHT = "pip install -e '.[e2e]'"
INSTALL_CHROMIUM = "apt-get install chromium"
INSTALL_JAVA = "apt-get install default-jre-headless"
INSTALL_NODE_TOOLS = "cd tools/browser && npm ci --ignore-scripts"


def in_ci() -> bool:
    """True in CI (CI=true), where a missing browser tool fails instead of skipping."""
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def unavailable(what: str, install: str) -> NoReturn:
    """Skip (on a developer machine) or fail (in CI) because a browser tool is missing."""
    message = f"browser tests need {what}; install it with: {install}"
    if in_ci():
        pytest.fail(f"{message} (CI=true: a missing browser tool is a failure)", pytrace=False)
    pytest.skip(message)


def skip_module_without_playwright(module_level: bool = True) -> None:
    """Skip the calling test module (or test) when Playwright for Python is not installed.

    Also under CI=true: the first `make test` of .ci/run runs before .ci/browser installs the e2e
    extras, and .ci/browser itself fails the run if any browser test was skipped.
    """
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip(
            f"browser tests need Playwright for Python and Chromium: {INSTALL_PLAYWRIGHT} "
            f"and {INSTALL_CHROMIUM}",
            allow_module_level=module_level,
        )


def require_chromium() -> None:
    """Debian's Chromium at /usr/bin/chromium (or $E2E_CHROMIUM)."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        unavailable(f"Chromium at {CHROMIUM}", INSTALL_CHROMIUM)


def require_java() -> str:
    """The java command, for the Nu HTML Checker."""
    java = shutil.which("java")
    if java is None:
        unavailable("a Java runtime (for the Nu HTML Checker)", INSTALL_JAVA)
    if not VNU_JAR.is_file():
        unavailable(f"vnu-jar in {TOOLS}", INSTALL_NODE_TOOLS)
    return java


def require_axe() -> Path:
    """axe-core's script, injected into pages by the tests (never served by the app)."""
    if not AXE_JS.is_file():
        unavailable(f"axe-core in {TOOLS}", INSTALL_NODE_TOOLS)
    return AXE_JS


def require_lighthouse() -> str:
    """node and the pinned Lighthouse CLI."""
    node = shutil.which("node")
    if node is None:
        unavailable("Node.js (for Lighthouse)", "apt-get install nodejs npm")
    if not LIGHTHOUSE_CLI.is_file():
        unavailable(f"Lighthouse in {TOOLS}", INSTALL_NODE_TOOLS)
    return node
