"""The accounts blueprint: login, one's own account, and user administration."""

from flask import Blueprint

bp = Blueprint("auth", __name__)
