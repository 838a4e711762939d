"""The advisory board's blueprint, shared by its public and staff views."""

from flask import Blueprint

bp = Blueprint("board", __name__)
