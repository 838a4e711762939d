"""pytest plugin: print how many hostile requests the security fuzzing sent, xdist or not.

Loaded with `-p tests.security.fuzz_report` (pyproject addopts), so the hooks run in the
controller as well as in each pytest-xdist worker, where the fuzzing happens.
"""

import sys

import pytest

_TOTAL = pytest.StashKey[int]()


def _cases_here() -> int:
    fuzz = sys.modules.get("tests.security.fuzzing")
    return fuzz.CASES["run"] if fuzz is not None else 0


def pytest_sessionfinish(session) -> None:
    """In an xdist worker: hand the count to the controller."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["fuzz_cases"] = _cases_here()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """In the xdist controller: add up the workers' counts."""
    cases = getattr(node, "workeroutput", {}).get("fuzz_cases", 0)
    node.config.stash[_TOTAL] = node.config.stash.get(_TOTAL, 0) + cases


def pytest_terminal_summary(terminalreporter, config) -> None:
    """Say how many hostile requests were sent (reported in docs/security.md)."""
    total = _cases_here() + config.stash.get(_TOTAL, 0)
    if total:
        terminalreporter.write_line(f"security fuzzing: {total} hostile requests sent")
