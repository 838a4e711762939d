"""TOTP secrets are encrypted at rest with ENCRYPTION_KEYS, rotated with the other values.

ASVS 5.0: 11.1.2 (the inventory lists them), 11.2.2 (re-encrypted by `flask security
rotate-keys`), 14.2.4 (a database copy holds no usable TOTP secret). Issue 11 L1.
"""

import logging

import pyotp
import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet

from config import DEV_ENCRYPTION_KEY
from sro_board import create_app
from sro_board.auth.mfa import current_code
from sro_board.auth.models import User
from sro_board.core.extensions import db
from sro_board.security import crypto
from tests.factories import enrol, login, make_user

DEV_KEY = Fernet(DEV_ENCRYPTION_KEY.encode())


def stored_secret(user_id: int) -> str:
    """user.totp_secret as the database holds it (no decryption)."""
    with db.engine.connect() as connection:
        return connection.execute(
            sa.text('SELECT totp_secret FROM "user" WHERE id = :id'), {"id": user_id}
        ).scalar_one()


@pytest.fixture
def enrolled(app):
    """A member with two-step login on a known secret; returns (user, secret)."""
    user = make_user(["member"])
    secret = pyotp.random_base32()
    enrol(user, secret)
    db.session.commit()
    return user, secret


def test_the_secret_is_stored_encrypted_and_the_login_still_works(app, client, enrolled):
    user, secret = enrolled
    stored = stored_secret(user.id)
    assert secret not in stored
    assert DEV_KEY.decrypt(stored.encode()).decode() == secret
    db.session.expire_all()
    assert db.session.get(User, user.id).totp_secret == secret
    login(client, user)  # the password, then the code made from the decrypted secret
    assert client.get("/staff/").status_code == 200


def test_rotate_keys_re_encrypts_the_totp_secrets(app, runner, enrolled):
    user, secret = enrolled
    before = stored_secret(user.id)
    new = Fernet.generate_key()
    saved = app.config["ENCRYPTION_KEYS"]
    try:
        app.config["ENCRYPTION_KEYS"] = f"{new.decode()},{DEV_ENCRYPTION_KEY}"
        crypto.register(app)
        result = runner.invoke(args=["security", "rotate-keys"])
        assert result.exit_code == 0, result.output
        assert "user.totp_secret: 1 re-encrypted" in result.output
        after = stored_secret(user.id)
        assert after != before
        assert Fernet(new).decrypt(after.encode()).decode() == secret
        app.config["ENCRYPTION_KEYS"] = new.decode()  # the old key removed
        crypto.register(app)
        db.session.expire_all()
        assert current_code(db.session.get(User, user.id).totp_secret) == current_code(secret)
    finally:
        app.config["ENCRYPTION_KEYS"] = saved
        crypto.register(app)


@pytest.fixture
def keep_logging():
    """Alembic's env.py runs logging.fileConfig, which disables every existing logger: undo it."""
    loggers = [logging.getLogger()] + [
        lg for lg in logging.Logger.manager.loggerDict.values() if isinstance(lg, logging.Logger)
    ]
    saved = [(lg, lg.disabled, lg.level, list(lg.handlers), lg.propagate) for lg in loggers]
    yield
    for lg, disabled, level, handlers, propagate in saved:
        lg.disabled, lg.level, lg.handlers, lg.propagate = disabled, level, handlers, propagate


@pytest.mark.usefixtures("keep_logging")
@pytest.mark.filterwarnings("ignore:'get_engine' is deprecated:DeprecationWarning")
def test_the_migration_encrypts_existing_secrets_and_the_downgrade_decrypts(tmp_path):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'm.db'}")
    runner = app.test_cli_runner()
    secret = pyotp.random_base32()

    def flask_db(*args: str) -> None:
        result = runner.invoke(args=["db", *args])
        assert result.exit_code == 0, result.output

    with app.app_context():
        flask_db("upgrade", "0007_mail_outbox")
        db.session.execute(
            sa.text(
                'INSERT INTO "user" (id, email, name, password_hash, active, created_at,'
                " session_version, totp_secret) VALUES (1, 'a@example.org', 'A', '', true,"
                " CURRENT_TIMESTAMP, 1, :secret)"
            ),
            {"secret": secret},
        )
        db.session.commit()
        flask_db("upgrade", "0009_account_security")
        stored = stored_secret(1)
        assert stored != secret
        assert DEV_KEY.decrypt(stored.encode()).decode() == secret
        flask_db("downgrade", "0009_account_security-1")
        assert stored_secret(1) == secret
        db.engine.dispose()
