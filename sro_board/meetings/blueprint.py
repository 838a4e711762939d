"""The meetings' blueprint, shared by their public and staff views."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)
