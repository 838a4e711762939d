"""The advisory board's blueprint, shared by the public and staff views of its sub-packages."""

from flask import Blueprint

from .labels import BoardLabels

bp = Blueprint("board", __name__)


@bp.context_processor
def board_labels() -> dict:
    """Make the board's label helpers available to its templates."""
    return {"board_labels": BoardLabels}
