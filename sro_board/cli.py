"""The `flask` command groups of every feature."""

from flask import Flask


def register(app: Flask) -> None:
    """Add each feature's AppGroup to the app's CLI."""
    from .auth.cli import users_cli
    from .board.cli import board_cli
    from .ops.cli import backup_command, restore_command
    from .recommendations.cli import recommendations_cli
    from .sample.cli import sample_cli
    from .security.cli import security_cli

    for group in (
        users_cli,
        recommendations_cli,
        board_cli,
        sample_cli,
        security_cli,
        backup_command,
        restore_command,
    ):
        app.cli.add_command(group)
