"""Signals the tracker sends, so that packages above it can react without being imported."""

from blinker import Namespace

_signals = Namespace()
# Sent with the Update (sender) once _publish has applied it, inside the publish transaction.
update_published = _signals.signal("update-published")
