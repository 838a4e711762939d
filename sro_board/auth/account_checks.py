"""Rules a feature adds to who may still use their account, so auth knows nothing of the feature.

The board: a member's access ends by itself when their term ends or they resign. A check
registered here is asked at login (services.authenticate) and on every request (login.load_user);
an account it refuses cannot log in and its sessions stop working at once.
"""

from collections.abc import Callable

from flask import Flask, current_app

from .models import User

# user -> False when the account may no longer be used.
AccountCheck = Callable[[User], bool]
EXTENSION = "sro_board.auth.account_checks"


def register_account_check(app: Flask, check: AccountCheck) -> None:
    """Let a feature end an account's access (checked at login and on every request)."""
    app.extensions.setdefault(EXTENSION, []).append(check)


def account_usable(user: User) -> bool:
    """True unless a feature's check says the account may no longer be used."""
    return all(check(user) for check in current_app.extensions.get(EXTENSION, ()))
