"""The browser boundary and data protection: headers, input checks, encryption, safe logs."""

import logging

from flask import Flask

from ..core.errors import error_responded
from . import crypto, csp_reports, headers, inputs
from .cli import security_cli
from .events import log_refusal, security_event

__all__ = ["init_app", "security_event"]


def init_app(app: Flask) -> None:
    """Install the security controls; call before the blueprints (it bounds `<int:>` ids)."""
    crypto.register(app)
    inputs.register_converters(app)
    inputs.register(app)
    headers.register(app)
    csp_reports.register(app)
    error_responded.connect(log_refusal, sender=app)
    app.cli.add_command(security_cli)
    # Flask-Limiter logs each refused request with its key (a client address) at INFO.
    logging.getLogger("flask-limiter").setLevel(logging.WARNING)
