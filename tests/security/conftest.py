"""Fixtures for every module of the security suite."""

import logging

import pytest


@pytest.fixture
def keep_app_loggers():
    """Undo what a non-testing app does to the "sro_board" logger (its own JSON handler)."""
    logger = logging.getLogger("sro_board")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    yield
    logger.handlers[:], logger.level, logger.propagate = saved
