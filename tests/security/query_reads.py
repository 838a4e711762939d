"""Which query parameters a view reads: the edge values go only to those.

The request's query string is parsed into a recording MultiDict for one request sent with every
extra parameter set; a parameter the view (or a template it renders) looked up (get, [],
getlist, in) is recorded, and any walk over all of them (iteration, items, to_dict, as WTForms
formdata) counts as reading all. Only the view's reads count: the app-wide hooks before it
(security/inputs.py cleans every parameter alike) treat a name like any other, and they meet
the edge values through the parameters that views do read. Hypothesis still sends every
parameter to every row (fuzzing.check_hostile_input).
"""

from contextlib import contextmanager

from flask import Flask
from werkzeug.datastructures import ImmutableMultiDict

EVERY = "*"


class RecordingArgs(ImmutableMultiDict):
    """Query arguments that note each name looked up in `seen`."""

    seen: set[str] | None = None

    def _note(self, key) -> None:
        if RecordingArgs.seen is not None:
            RecordingArgs.seen.add(str(key))

    def _note_all(self) -> None:
        self._note(EVERY)

    def get(self, key, default=None, type=None):  # noqa: A002 - werkzeug's signature
        self._note(key)
        return super().get(key, default, type)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def getlist(self, key, type=None):  # noqa: A002
        self._note(key)
        return super().getlist(key, type)

    def __contains__(self, key) -> bool:
        self._note(key)
        return super().__contains__(key)

    def __iter__(self):
        self._note_all()
        return super().__iter__()

    def keys(self):
        self._note_all()
        return super().keys()

    def items(self, multi: bool = False):
        self._note_all()
        return super().items(multi)

    def values(self):
        self._note_all()
        return super().values()

    def lists(self):
        self._note_all()
        return super().lists()

    def to_dict(self, flat: bool = True):
        self._note_all()
        return super().to_dict(flat)


@contextmanager
def recording(app: Flask):
    """Parse query strings (and forms) into RecordingArgs during the block; yield the names the
    views read."""
    seen: set[str] = set()
    original = app.request_class

    class Recording(original):
        parameter_storage_class = RecordingArgs

    def dispatch_request():
        RecordingArgs.seen = seen
        try:
            return type(app).dispatch_request(app)
        finally:
            RecordingArgs.seen = None

    app.request_class = Recording
    app.dispatch_request = dispatch_request
    try:
        yield seen
    finally:
        app.request_class = original
        del app.dispatch_request


def parameters_read(client, path: str, names: list[str]) -> set[str]:
    """The names among `names` that the view at path reads when all are sent (all if it walks
    over every argument)."""
    with recording(client.application) as seen:
        response = client.get(path, query_string=dict.fromkeys(names, "1"))
        response.close()
    return set(names) if EVERY in seen else seen & set(names)
