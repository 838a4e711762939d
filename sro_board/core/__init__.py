"""The ground floor: extensions, database types, clock, settings, errors and helpers.

Nothing here imports anything else of the app; every other package may import it.
"""

import os

from flask import Flask

from . import errors, filters, generation, i18n, sections, switch
from .extensions import cache, csrf, db, limiter, login_manager, migrate
from .settings import SiteFlag
from .sqlite import enable_sqlite_pragmas


def init_app(app: Flask) -> None:
    """Bind the extensions, set SQLite's pragmas, install error pages and base filters."""
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
    cache.init_app(app)
    i18n.init_app(app)
    generation.watch(SiteFlag)  # site settings show on every page (the sample-data banner)
    with app.app_context():
        enable_sqlite_pragmas(db.engine)
    errors.register(app)
    filters.register(app)
    switch.register(app)
    sections.register(app)
