"""The `flask` commands of the app itself: the demo sample data (nothing else imports it).

Every other package adds its own command group in its init_app().
"""

from flask import Flask

from .sample.cli import sample_cli


def register(app: Flask) -> None:
    """Add `flask sample` to the app's CLI."""
    app.cli.add_command(sample_cli)
