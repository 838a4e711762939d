"""What an email is about: a feature that links its emails to its records says so here.

The outbox page asks for the emails it shows; each feature answers from its own link table,
so mail knows nothing of the features.
"""

from collections.abc import Callable, Iterable

from flask import Flask, current_app

# email ids -> {email id: (label, url)}, one query per call.
Finder = Callable[[list[int]], dict[int, tuple[str, str]]]
EXTENSION = "sro_board.mail.about"


def register_finder(app: Flask, finder: Finder) -> None:
    """Let the outbox link emails to the records they are about."""
    app.extensions.setdefault(EXTENSION, []).append(finder)


def about(email_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """For each email that a feature knows, a label and a link to its record."""
    ids = list(email_ids)
    found: dict[int, tuple[str, str]] = {}
    for finder in current_app.extensions.get(EXTENSION, ()):
        found |= finder(ids)
    return found
