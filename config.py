"""Configuration classes; every setting can come from the environment."""

import base64
import hashlib
import math
import os
import zlib
from collections import Counter
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
DEV_SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - refused by ProductionConfig
# A fixed Fernet key for development and tests (refused by ProductionConfig).
DEV_ENCRYPTION_KEY = base64.urlsafe_b64encode(
    hashlib.sha256(b"sro-board development encryption key, not secret").digest()
).decode("ascii")


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


# A production SECRET_KEY: at least this long, with this many distinct characters, and this many
# bits by two estimates, the lower counting: Shannon's (the characters' observed frequencies
# times the length) and the size zlib compresses it to (a repeated pattern shrinks). A
# `secrets.token_urlsafe(48)` key scores about 350 bits; 36 copies of one letter scores 0.
SECRET_KEY_MIN_LENGTH = 32
SECRET_KEY_MIN_DISTINCT = 10
SECRET_KEY_MIN_BITS = 128


def estimated_bits(value: str) -> float:
    """A rough upper bound of a value's randomness in bits (Shannon and compression estimates)."""
    if not value:
        return 0.0
    counts = Counter(value)
    per_char = max(0.0, -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values()))
    compressed = (len(zlib.compress(value.encode("utf-8"), 9)) - 8) * 8  # less zlib's framing
    return min(per_char * len(value), compressed)


def secret_key_problem(key: str) -> str | None:
    """Why a SECRET_KEY is too weak for production, or None."""
    if not key or key == DEV_SECRET_KEY:
        return "set SECRET_KEY (it is missing or the development key)"
    if len(key) < SECRET_KEY_MIN_LENGTH:
        return f"SECRET_KEY has {len(key)} characters; use {SECRET_KEY_MIN_LENGTH} or more"
    distinct, bits = len(set(key)), estimated_bits(key)
    if distinct < SECRET_KEY_MIN_DISTINCT or bits < SECRET_KEY_MIN_BITS:
        return (
            f"SECRET_KEY looks guessable ({distinct} distinct characters, about {bits:.0f} bits;"
            f" {SECRET_KEY_MIN_DISTINCT}+ and {SECRET_KEY_MIN_BITS}+ needed)"
        )
    return None


class Config:
    """Development defaults: SQLite in instance/, in-memory rate limits."""

    CONFIG_NAME = "development"

    SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{BASE_DIR / 'instance' / 'sro_board.db'}"
    )
    # hide_parameters: a failed statement's error (and any SQL log) never shows submitted values.
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "hide_parameters": True}
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    # Cached public pages (sro_board/core/pagecache.py): Redis when a URL is given (shared by the
    # workers), otherwise an in-process cache (one process, as `make run`).
    CACHE_REDIS_URL = os.environ.get("CACHE_REDIS_URL") or os.environ.get("REDIS_URL")
    CACHE_TYPE = os.environ.get("CACHE_TYPE") or (
        "RedisCache" if CACHE_REDIS_URL else "SimpleCache"
    )
    CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "sro-board:")
    PUBLIC_CACHE_SECONDS = _env_int("PUBLIC_CACHE_SECONDS", 60)
    CACHE_NO_NULL_WARNING = True  # NullCache (tests, production without Redis) is deliberate
    RATELIMIT_HEADERS_ENABLED = True
    # Flask-Limiter would put its own Retry-After on every limited response (200s included) and
    # over the account back-off's own value on a 429; its hint goes in an X- header instead.
    RATELIMIT_HEADER_RETRY_AFTER = "X-RateLimit-Retry-After"
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute")
    # Accounts (docs/accounts.md): per-address back-off after failed logins, kept in the database.
    LOGIN_FREE_FAILURES = _env_int("LOGIN_FREE_FAILURES", 5)
    LOGIN_BACKOFF_SECONDS = _env_int("LOGIN_BACKOFF_SECONDS", 30)
    LOGIN_BACKOFF_MAX_SECONDS = _env_int("LOGIN_BACKOFF_MAX_SECONDS", 900)
    LOGIN_CODE_MINUTES = _env_int("LOGIN_CODE_MINUTES", 5)
    PASSWORD_RESET_RATE_LIMIT = os.environ.get("PASSWORD_RESET_RATE_LIMIT", "5 per hour")
    PASSWORD_RESET_MINUTES = _env_int("PASSWORD_RESET_MINUTES", 60)
    INVITATION_HOURS = _env_int("INVITATION_HOURS", 48)
    SESSION_IDLE_MINUTES = _env_int("SESSION_IDLE_MINUTES", 30)
    SESSION_MAX_HOURS = _env_int("SESSION_MAX_HOURS", 12)
    REAUTH_MINUTES = _env_int("REAUTH_MINUTES", 10)
    CONTACT_RATE_LIMIT = os.environ.get("CONTACT_RATE_LIMIT", "5 per minute")
    # Browsers' Content-Security-Policy violation reports (POST /csp-report), per address.
    CSP_REPORT_RATE_LIMIT = os.environ.get("CSP_REPORT_RATE_LIMIT", "30 per minute")
    CSP_REPORT_MAX_BYTES = _env_int("CSP_REPORT_MAX_BYTES", 16 * 1024)
    MAX_CONTENT_LENGTH = _env_int("MAX_CONTENT_LENGTH", 1024 * 1024)
    TIMEZONE = os.environ.get("TIMEZONE", "America/Edmonton")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "0") == "1"
    REMEMBER_COOKIE_HTTPONLY = True
    WTF_CSRF_TIME_LIMIT = None  # tokens live as long as the session
    STALE_AFTER_DAYS = _env_int("STALE_AFTER_DAYS", 60)
    # A public meeting's agenda is published at least this many days ahead, or marked late.
    MEETING_NOTICE_DAYS = _env_int("MEETING_NOTICE_DAYS", 7)
    PAGE_SIZE = _env_int("PAGE_SIZE", 50)
    # Lists of cards (the approval queue: each update's changes and its forms), at most.
    QUEUE_PAGE_SIZE = _env_int("QUEUE_PAGE_SIZE", 25)
    # Candidates per category on the selection view's ranked shortlist, at most.
    SHORTLIST_PAGE_SIZE = _env_int("SHORTLIST_PAGE_SIZE", 25)
    # The largest CSV file the import page takes (kept under MAX_CONTENT_LENGTH by the view).
    IMPORT_MAX_BYTES = _env_int("IMPORT_MAX_BYTES", 512 * 1024)
    SAMPLE_DATA_LABEL = os.environ.get("SAMPLE_DATA_LABEL", "1") == "1"
    # How many reverse proxies sit in front of the app (0: none; 1: nginx in front of gunicorn).
    TRUSTED_PROXIES = _env_int("TRUSTED_PROXIES", 0)
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    SLOW_REQUEST_MS = _env_int("SLOW_REQUEST_MS", 500)
    # Comma-separated Fernet keys: the first encrypts, all decrypt (see docs/security.md).
    ENCRYPTION_KEYS = os.environ.get("ENCRYPTION_KEYS") or DEV_ENCRYPTION_KEY
    # Strict-Transport-Security max-age in seconds; 0 sends no HSTS header (plain-HTTP dev).
    HSTS_MAX_AGE = _env_int("HSTS_MAX_AGE", 0)

    # Email (sro_board/mail): each email is an encrypted row, delivered by `flask mail worker`.
    # console prints each email in the terminal of `make run` (development); smtp sends it;
    # memory keeps it in a list in the process (tests).
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "console")
    # The job queue (Huey): sqlite:///FILE (the default, no server), redis://HOST:PORT/DB, or
    # immediate (the task runs in-process when the transaction commits; request-path tests).
    TASK_QUEUE_URL = os.environ.get(
        "TASK_QUEUE_URL", f"sqlite:///{BASE_DIR / 'instance' / 'task_queue.db'}"
    )
    TASK_QUEUE_NAME = os.environ.get("TASK_QUEUE_NAME", "sro-board")
    MAIL_SMTP_TIMEOUT = _env_int("MAIL_SMTP_TIMEOUT", 10)  # seconds for each SMTP operation
    MAIL_MAX_ATTEMPTS = _env_int("MAIL_MAX_ATTEMPTS", 6)  # then the email is dead
    MAIL_RETRY_SECONDS = _env_int("MAIL_RETRY_SECONDS", 60)  # first back-off, then doubling
    MAIL_CLAIM_TIMEOUT_SECONDS = _env_int("MAIL_CLAIM_TIMEOUT_SECONDS", 600)
    # Sent and dead emails (their delivery records) are deleted this long after they finished.
    MAIL_RETENTION_DAYS = _env_int("MAIL_RETENTION_DAYS", 30)
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "127.0.0.1")
    MAIL_PORT = _env_int("MAIL_PORT", 25)
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "0") == "1"
    MAIL_USE_SSL = os.environ.get("MAIL_USE_SSL", "0") == "1"
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    # Links in emails (status link, guardian consent) start with this address; by default the
    # address `make run` serves on (its PORT).
    PUBLIC_BASE_URL = os.environ.get(
        "PUBLIC_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT') or 5000}"
    )
    MAIL_FROM = os.environ.get("MAIL_FROM", "SRO advisory board <no-reply@example.org>")
    # Advisory board.
    GUARDIAN_CONSENT_DAYS = _env_int("GUARDIAN_CONSENT_DAYS", 14)
    RETENTION_DAYS = _env_int("RETENTION_DAYS", 365)
    # Staff reasons for exports, deletions and eligibility overrides: the free-text details are
    # emptied after this long (category, who and when stay), long enough to answer a complaint.
    REASON_RETENTION_DAYS = _env_int("REASON_RETENTION_DAYS", 730)
    # Contact-form messages are deleted this long after they arrive.
    CONTACT_RETENTION_DAYS = _env_int("CONTACT_RETENTION_DAYS", 365)
    # An applicant's status link works this long after it was sent (a new one can be asked for).
    STATUS_LINK_DAYS = _env_int("STATUS_LINK_DAYS", 180)
    # The link that confirms a new contact email on the status page works this long.
    EMAIL_CHANGE_HOURS = _env_int("EMAIL_CHANGE_HOURS", 48)
    # Accepted applications per client address (a form with mistakes never counts). A school or
    # library often puts everyone behind one address: 100 an hour lets a class of 30, another
    # class and the library apply in the same hour, while a script still stalls; duplicates are
    # stopped by the once-per-intake rule per email address, bots by the honeypot.
    APPLY_RATE_LIMIT = os.environ.get("APPLY_RATE_LIMIT", "100 per hour")


class TestConfig(Config):
    """Isolated settings for the test suite; DATABASE_URL may point it at PostgreSQL."""

    CONFIG_NAME = "testing"
    TESTING = True
    SECRET_KEY = "test-secret-key"  # noqa: S105
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    # Request-path tests: sent messages are kept in memory, delivered when the transaction
    # commits; the delivery tests run real workers on Redis or SQLite (tests/mail).
    MAIL_BACKEND = "memory"
    TASK_QUEUE_URL = "immediate"
    # No cached pages, except in the tests that switch the cache on (tests/public).
    CACHE_TYPE = "NullCache"
    CACHE_REDIS_URL = None


class ProductionConfig(Config):
    """Production: a real secret key and an explicit database are required."""

    CONFIG_NAME = "production"

    SESSION_COOKIE_SECURE = os.environ.get("SESSION_COOKIE_SECURE", "1") == "1"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # __Host-: sent only over HTTPS, to this host, for path / (not if Secure is turned off).
    SESSION_COOKIE_NAME = "__Host-session" if SESSION_COOKIE_SECURE else "session"
    SESSION_COOKIE_PATH = "/"
    SESSION_COOKIE_DOMAIN = None
    HSTS_MAX_AGE = _env_int("HSTS_MAX_AGE", 31536000)
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "smtp")
    # Redis, which production already runs for the rate limits (README, Production deployment).
    TASK_QUEUE_URL = os.environ.get("TASK_QUEUE_URL") or os.environ.get(
        "REDIS_URL", "redis://127.0.0.1:6379/0"
    )
    # The page cache shares the rate limits' Redis unless given its own. Several workers each
    # with their own in-process cache would not see each other's changes: without Redis,
    # production caches no page.
    CACHE_REDIS_URL = Config.CACHE_REDIS_URL or (
        Config.RATELIMIT_STORAGE_URI
        if Config.RATELIMIT_STORAGE_URI.startswith(("redis://", "rediss://"))
        else None
    )
    CACHE_TYPE = os.environ.get("CACHE_TYPE") or ("RedisCache" if CACHE_REDIS_URL else "NullCache")

    @classmethod
    def check(cls) -> None:
        """Refuse to start with a weak secret, no database, http links, no mail, local limits."""
        env = os.environ
        if problem := secret_key_problem(env.get("SECRET_KEY", "")):
            raise RuntimeError(
                f"ProductionConfig: {problem}. Make one with: "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        if not env.get("DATABASE_URL"):
            raise RuntimeError("ProductionConfig: set DATABASE_URL (postgresql+psycopg://...)")
        if not env.get("PUBLIC_BASE_URL", "").startswith("https://"):
            raise RuntimeError(
                "ProductionConfig: set PUBLIC_BASE_URL to the site's https:// address "
                "(the links in emails start with it)"
            )
        if env.get("MAIL_BACKEND", "outbox") != "smtp":
            raise RuntimeError(
                "ProductionConfig: set MAIL_BACKEND=smtp (and MAIL_SERVER...); any other "
                "backend delivers no email"
            )
        if env.get("RATELIMIT_STORAGE_URI", "memory://").startswith("memory://"):
            raise RuntimeError(
                "ProductionConfig: set RATELIMIT_STORAGE_URI to shared storage "
                "(redis://host:6379/0); in-memory limits are per worker and reset on restart"
            )
        cls.check_encryption_keys(env.get("ENCRYPTION_KEYS", ""))
        cls.check_mail()

    @staticmethod
    def check_mail() -> None:
        """Refuse a mail backend that prints or keeps email, or sending in the request."""
        backend = os.environ.get("MAIL_BACKEND", "smtp")
        if backend != "smtp":
            raise RuntimeError(
                f"ProductionConfig: MAIL_BACKEND={backend} would print or keep emails and their "
                "links; use smtp"
            )
        if os.environ.get("TASK_QUEUE_URL", "") == "immediate":
            raise RuntimeError(
                "ProductionConfig: TASK_QUEUE_URL=immediate sends email during the request; "
                "use redis://…"
            )

    @staticmethod
    def check_encryption_keys(value: str) -> None:
        """Refuse a missing or malformed ENCRYPTION_KEYS, or one holding the development key."""
        from sro_board.security.crypto import EncryptionKeyError, parse_keys

        try:
            parse_keys(value)
        except EncryptionKeyError as error:
            raise RuntimeError(f"ProductionConfig: {error} (see docs/security.md)") from None
        if DEV_ENCRYPTION_KEY in value:
            raise RuntimeError("ProductionConfig: ENCRYPTION_KEYS holds the development key")


CONFIGS = {"development": Config, "testing": TestConfig, "production": ProductionConfig}
