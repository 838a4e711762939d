"""sro-board: the SRO program review's recommendation tracker and advisory-board intake."""

import os

from werkzeug.middleware.proxy_fix import ProxyFix

from config import CONFIGS, ProductionConfig

from . import (
    admin,
    api,
    auth,
    board,
    contact,
    core,
    feeds,
    follow,
    mail,
    meetings,
    notices,
    ops,
    oversight,
    progress,
    public,
    recommendations,
    security,
)
from . import models as _models  # noqa: F401 - every table in db.metadata (Alembic, create_all)
from .cli import register as register_cli
from .core import pagecache
from .core.addresses import LanguageByAddress
from .core.application import App
from .core.pageserve import CachedPages

# Feature packages: each mounts its blueprint, template globals and commands (init_app).
FEATURES = (
    public,
    auth,
    recommendations,
    board,
    contact,
    admin,
    ops,
    meetings,
    oversight,
    progress,
    api,
    feeds,
    follow,
    notices,
)


def create_app(config_name: str | None = None, **overrides) -> App:
    """Build the application: config, the layers from the ground up, the features, the CLI."""
    app = App(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_relative_config=True,
    )
    configure(app, config_name, overrides)
    core.init_app(app)
    ops.register_request_log(app)
    security.init_app(app)
    mail.init_app(app)
    for feature in FEATURES:
        feature.init_app(app)
    register_cli(app)
    # Last: its answer comes before every other hook, its validators after every other one;
    # and before Flask itself, pages this worker holds (logged as the request log does).
    pagecache.register(app)
    if pagecache.enabled(app):
        app.wsgi_app = CachedPages(app, app.wsgi_app, ops.cached_answer_logger(app))
    # Outermost, after the cache and ProxyFix: /fr/... becomes SCRIPT_NAME /fr and the request's
    # language before anything reads the path (the cache keys pages by that language).
    app.wsgi_app = LanguageByAddress(
        app.wsgi_app,
        app.config["SESSION_COOKIE_SECURE"],
        tuple(app.config.get("ADDRESSES_KEPT", ())),
    )
    return app


def configure(app: App, config_name: str | None, overrides: dict) -> None:
    """Load the named config (SRO_BOARD_CONFIG by default), then the overrides."""
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
