"""Production refuses unsafe settings, the sample data, and an exposed gunicorn behind a proxy.

ASVS 5.0: 13.3.1 (no development secret in production), 13.4.2 (no demo accounts or debug
settings in production), 13.1.1 (how the app must be deployed is documented and checked).
Issue 11: M4, L4, L5.
"""

import runpy
import secrets
from pathlib import Path

import pytest
import sqlalchemy as sa

from config import ProductionConfig, estimated_bits
from sro_board import create_app
from sro_board.auth.models import User
from sro_board.core.extensions import db

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("a" * 36, "looks guessable"),
        ("ab" * 24, "looks guessable"),
        ("password" * 5, "looks guessable"),
        ("0123456789" * 4, "looks guessable"),
        ("short-but-random-Qx7", "use 32 or more"),
        ("", "missing or the development key"),
        ("dev-only-not-secret", "missing or the development key"),
    ],
    ids=[
        "one letter x36",
        "two letters",
        "a word repeated",
        "digits repeated",
        "short",
        "none",
        "development key",
    ],
)
def test_production_refuses_a_weak_secret_key(monkeypatch, production_env, key, message):
    monkeypatch.setenv("SECRET_KEY", key)
    with pytest.raises(RuntimeError, match=message) as refusal:
        ProductionConfig.check()
    assert "-0 bits" not in str(refusal.value)
    assert "token_urlsafe(48)" in str(refusal.value)  # says how to make a good one


@pytest.mark.parametrize("make", [lambda: secrets.token_urlsafe(48), lambda: secrets.token_hex(32)])
def test_production_accepts_a_random_secret_key(monkeypatch, production_env, make):
    key = make()
    assert estimated_bits(key) > 128
    monkeypatch.setenv("SECRET_KEY", key)
    ProductionConfig.check()


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("PUBLIC_BASE_URL", "http://sro-board.example", "PUBLIC_BASE_URL to the site's https://"),
        ("PUBLIC_BASE_URL", "", "PUBLIC_BASE_URL to the site's https://"),
        ("MAIL_BACKEND", "outbox", "MAIL_BACKEND=smtp"),
        ("MAIL_BACKEND", "", "MAIL_BACKEND=smtp"),
        ("RATELIMIT_STORAGE_URI", "memory://", "RATELIMIT_STORAGE_URI to shared storage"),
        ("RATELIMIT_STORAGE_URI", "", "RATELIMIT_STORAGE_URI to shared storage"),
    ],
)
def test_production_refuses_each_unsafe_setting(monkeypatch, production_env, name, value, message):
    if value:
        monkeypatch.setenv(name, value)
    else:
        monkeypatch.delenv(name)
    with pytest.raises(RuntimeError, match=message):
        create_app("production")


def test_the_whole_production_environment_starts(production_env):
    app = create_app("production")
    assert app.config["CONFIG_NAME"] == "production"
    assert app.config["SESSION_COOKIE_SECURE"]


@pytest.mark.parametrize(
    "command", [["sample", "load"], ["sample", "logins"], ["sample", "totp", "admin@example.org"]]
)
def test_the_sample_commands_are_refused_under_the_production_config(
    monkeypatch, production_env, tmp_path, command
):
    url = f"sqlite:///{tmp_path / 'prod.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    # config.py read DATABASE_URL when it was imported: name the scratch database here too, so
    # a checkout whose instance/ database holds the demo data (after `make run`) is never used.
    app = create_app("production", SQLALCHEMY_DATABASE_URI=url)
    assert app.config["SQLALCHEMY_DATABASE_URI"] == url
    with app.app_context():
        db.create_all()
        result = app.test_cli_runner().invoke(args=command)
        assert result.exit_code != 0
        assert "Refused" in result.output
        assert "production" in result.output
        assert "demo-password" not in result.output
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 0
        db.engine.dispose()


def test_the_sample_data_still_loads_in_development(app):
    result = app.test_cli_runner().invoke(args=["sample", "logins"])
    assert result.exit_code == 0, result.output


def gunicorn_settings(monkeypatch, **env) -> dict:
    """gunicorn.conf.py's settings as gunicorn reads them, with this environment."""
    for name in ("GUNICORN_BIND", "PORT", "TRUSTED_PROXIES", "GUNICORN_BIND_EXPOSED"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "gunicorn.conf.py"))


def test_gunicorn_listens_on_loopback_by_default(monkeypatch):
    assert gunicorn_settings(monkeypatch)["bind"] == "127.0.0.1:8000"
    assert gunicorn_settings(monkeypatch, PORT="8123")["bind"] == "127.0.0.1:8123"
    assert gunicorn_settings(monkeypatch, TRUSTED_PROXIES="1")["bind"] == "127.0.0.1:8000"


@pytest.mark.parametrize(
    "bind", ["unix:/run/sro-board/gunicorn.sock", "[::1]:8000", "localhost:8000"]
)
def test_gunicorn_behind_a_proxy_may_use_a_socket_or_loopback(monkeypatch, bind):
    settings = gunicorn_settings(monkeypatch, GUNICORN_BIND=bind, TRUSTED_PROXIES="1")
    assert settings["bind"] == bind


@pytest.mark.parametrize("bind", ["0.0.0.0:8000", "192.0.2.10:8000", "[::]:8000"])
def test_gunicorn_refuses_an_exposed_address_when_it_trusts_forwarded_headers(monkeypatch, bind):
    with pytest.raises(SystemExit, match="TRUSTED_PROXIES=1"):
        gunicorn_settings(monkeypatch, GUNICORN_BIND=bind, TRUSTED_PROXIES="1")
    # Without a trusted proxy nothing is believed from headers, so any address is allowed;
    # and an operator whose firewall admits only the proxy can say so.
    assert gunicorn_settings(monkeypatch, GUNICORN_BIND=bind)["bind"] == bind
    exposed = gunicorn_settings(
        monkeypatch, GUNICORN_BIND=bind, TRUSTED_PROXIES="1", GUNICORN_BIND_EXPOSED="1"
    )
    assert exposed["bind"] == bind
