"""The append-only audit log: the model, record(), and the guard against changes.

It knows staff accounts only as the "user" table (a foreign key) and as an actor with an id
and an email; its staff page is in sro_board/admin.
"""

from . import guard  # noqa: F401 - registers the append-only guard with the ORM
