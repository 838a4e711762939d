"""Fixtures for every module of the security suite."""

import logging
import sys

import pytest


@pytest.fixture
def keep_app_loggers():
    """Undo what a non-testing app does to the "sro_board" logger (its own JSON handler)."""
    logger = logging.getLogger("sro_board")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    yield
    logger.handlers[:], logger.level, logger.propagate = saved


def pytest_terminal_summary(terminalreporter) -> None:
    """Say how many hostile inputs the fuzzing sent (reported in docs/security.md)."""
    fuzz = sys.modules.get("tests.security.test_fuzz_forms")
    if fuzz is not None and fuzz.CASES["run"]:
        terminalreporter.write_line(f"security fuzzing: {fuzz.CASES['run']} hostile requests sent")
