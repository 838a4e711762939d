"""Data factories and the login helper for tests outside conftest.

Transitional: the tests reorganisation moves these functions into this module itself; on
merge, its version of this file replaces this one (the names stay the same).
"""

from tests.conftest import login, make_rec, make_user

__all__ = ["login", "make_rec", "make_user"]
