"""Operations: health and readiness probes, request logs, backup and restore."""

from flask import Flask

from . import requestlog
from .cli import backup_command, restore_command
from .health import bp
from .requestlog import cached_answer_logger

__all__ = ["bp", "cached_answer_logger", "init_app", "register_request_log"]


def register_request_log(app: Flask) -> None:
    """JSON request logs with request id, duration and query count (first, to time it all)."""
    requestlog.register(app)


def init_app(app: Flask) -> None:
    """Mount the probes; add `flask backup` and `flask restore`."""
    app.register_blueprint(bp)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
