"""The app with the sample data served on 127.0.0.1 (a free port) in a thread of this process."""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from werkzeug.serving import make_server

from sro_board import create_app
from sro_board.core.extensions import db
from sro_board.recommendations.definitions import seed_definitions
from sro_board.sample.loader import already_loaded, load_sample_data


@contextmanager
def live_api(folder: Path, **settings) -> Iterator[str]:
    """Serve a new app on a new SQLite file with the sample data; yields its root URL."""
    app = create_app(
        "testing",
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{folder / 'api.db'}",
        WTF_CSRF_ENABLED=True,
        **settings,
    )
    with app.app_context():
        db.create_all()
        seed_definitions()
        if not already_loaded():
            load_sample_data()
        db.session.commit()
        db.session.remove()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="api-live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        with app.app_context():
            db.engine.dispose()
