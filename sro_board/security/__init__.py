"""The browser boundary and data protection: headers, input checks, encryption, safe logs."""

import logging

from flask import Flask

from .events import security_event

__all__ = ["register", "security_event"]


def register(app: Flask) -> None:
    """Install the security controls; call before the blueprints (it bounds `<int:>` ids)."""
    from . import crypto, headers, inputs

    crypto.register(app)
    inputs.register_converters(app)
    inputs.register(app)
    headers.register(app)
    # Flask-Limiter logs each refused request with its key (a client address) at INFO.
    logging.getLogger("flask-limiter").setLevel(logging.WARNING)
