"""sro-board: the SRO program review's recommendation tracker and advisory-board intake."""

import os

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from config import CONFIGS, ProductionConfig

from .extensions import csrf, db, limiter, login_manager, migrate


def create_app(config_name: str | None = None, **overrides) -> Flask:
    """Build the application: config, extensions, blueprints, errors, CLI, templates."""
    app = Flask(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_relative_config=True,
    )
    config_name = config_name or os.environ.get("SRO_BOARD_CONFIG", "development")
    config = CONFIGS[config_name]
    if config is ProductionConfig:
        ProductionConfig.check()
    app.config.from_object(config)
    app.config.update(overrides)
    if app.config["TRUSTED_PROXIES"]:
        # Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits).
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["TRUSTED_PROXIES"], x_proto=1)
    os.makedirs(app.instance_path, exist_ok=True)
    register_extensions(app)
    register_request_log(app)
    register_security(app)
    register_blueprints(app)
    register_mail(app)
    register_errors(app)
    register_templates(app)
    register_cli(app)
    return app


def register_extensions(app: Flask) -> None:
    """Bind the unbound extensions to this app."""
    db.init_app(app)
    # render_as_batch: SQLite can only ALTER tables by copying them; Alembic's batch mode does it.
    migrate.init_app(
        app,
        db,
        directory=os.path.join(app.root_path, "..", "migrations"),
        render_as_batch=True,
    )
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    from . import models as _models  # noqa: F401 - every table in db.metadata
    from .audit import guard as _guard  # noqa: F401 - registers the append-only guard
    from .auth import login as _login  # noqa: F401 - registers the user loader
    from .sqlite import enable_sqlite_pragmas

    with app.app_context():
        enable_sqlite_pragmas(db.engine)


def register_security(app: Flask) -> None:
    """Security headers, input checks, encryption keys; before the blueprints (bounded ids)."""
    from .security import register

    register(app)


def register_blueprints(app: Flask) -> None:
    """Mount each feature's blueprint."""
    from . import audit, auth, board, contact, ops, public, recommendations

    for feature in (public, auth, recommendations, board, contact, audit, ops):
        app.register_blueprint(feature.bp)


def register_request_log(app: Flask) -> None:
    """JSON request logs with request id, duration and query count."""
    from .ops.requestlog import register

    register(app)


def register_mail(app: Flask) -> None:
    """Deliver queued email after the request that queued it."""
    from .mail import register

    register(app)


def register_errors(app: Flask) -> None:
    """HTML or JSON error pages for every error status."""
    from .errors import register

    register(app)


def register_templates(app: Flask) -> None:
    """Template filters and globals."""
    from .templating import register

    register(app)


def register_cli(app: Flask) -> None:
    """Add the feature command groups to `flask`."""
    from .cli import register

    register(app)
