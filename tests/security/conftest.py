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


# A production environment every check of ProductionConfig accepts (tests override one value).
PRODUCTION_ENV = {
    "SECRET_KEY": "p7Qm2xV9-LwR4tZk_8NcYb3HfJd6SgUa0EoTiWnKrXs5",
    "DATABASE_URL": "sqlite://",
    "ENCRYPTION_KEYS": "Zm9yLXRlc3RzLW9ubHktbm90LWEtcmVhbC1rZXktMTI=",
    "PUBLIC_BASE_URL": "https://sro-board.example",
    "MAIL_BACKEND": "smtp",
    # Redis db 12 is this suite's; Flask-Limiter connects only when a limit is checked.
    "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/12",
}


@pytest.fixture
def production_env(monkeypatch, keep_app_loggers):
    """The environment of a correct production deployment (monkeypatch.setenv to change one)."""
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    return dict(PRODUCTION_ENV)
