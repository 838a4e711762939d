"""The tracker's blueprint, shared by its public and staff views."""

from flask import Blueprint

bp = Blueprint("recommendations", __name__)
