"""The browser suite's tools are installed: Playwright, Debian's Chromium, Java with vnu.jar,
axe-core, Node.js with Lighthouse.

This module imports nothing from Playwright, so even where it is missing the browser suite
collects a test, which skips with how to install it (a run that collects nothing fails).
"""

from tests.e2e.environment import (
    require_axe,
    require_chromium,
    require_java,
    require_lighthouse,
    skip_module_without_playwright,
)


def test_browser_tools_are_installed():
    skip_module_without_playwright(module_level=False)
    require_chromium()
    require_java()
    require_axe()
    require_lighthouse()
