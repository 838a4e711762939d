"""The administration blueprint: pages over the lower layers (audit log, email)."""

from flask import Blueprint

bp = Blueprint("admin", __name__)
