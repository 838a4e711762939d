"""What the notices' tests share: fixed moments around the Edmonton day, the email sent."""

from datetime import UTC, datetime

from flask import current_app

from sro_board.core.clock import clock_set_to
from sro_board.mail.backends import SENT, Message
from sro_board.notices.digests import send_digests

# December: Edmonton is on MST (UTC-7), so 07:00 local is 14:00 UTC.
EVENING_BEFORE = datetime(2026, 12, 2, 2, 30, tzinfo=UTC)  # 1 December, 19:30 local
DAWN = datetime(2026, 12, 2, 13, 30, tzinfo=UTC)  # 2 December, 06:30 local
SEVEN = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)  # 2 December, 07:00 local
AFTERNOON = datetime(2026, 12, 2, 23, 30, tzinfo=UTC)  # 2 December, 16:30 local
EVENING = datetime(2026, 12, 3, 2, 30, tzinfo=UTC)  # 2 December, 19:30 local
NEXT_MORNING = datetime(2026, 12, 3, 14, 5, tzinfo=UTC)  # 3 December, 07:05 local


def sent_to(address: str) -> list[Message]:
    """The email the memory backend delivered to one address, oldest first."""
    return [m for m in current_app.extensions[SENT] if m.recipient == address]


def run_at(moment: datetime) -> int:
    """The worker's hourly pass at a moment; how many digests it queued."""
    with clock_set_to(moment):
        return send_digests()


def link(path: str) -> str:
    """An absolute link as the email writes it (under PUBLIC_BASE_URL)."""
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path
