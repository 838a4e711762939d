"""Classic hostile inputs: markup, SQL, traversal, header injection, long, NUL, RTL, emoji."""

import sqlalchemy as sa

from sro_board.board.models import Application, Intake
from sro_board.contact.models import ContactMessage
from sro_board.core.extensions import db
from sro_board.recommendations.models import Recommendation

XSS = "<script>alert(1)</script>"
ATTRIBUTE_BREAK = '"><img src=x onerror=alert(1)>'
SQL = "' OR 1=1 --"
TRAVERSAL = "../../etc/passwd"
HEADER_INJECTION = "\r\nSet-Cookie: x=1"
OVER_LONG = "A" * 10_000
NUL = "nul\x00byte"
RTL = "\u202egnp.exe"
EMOJI = "🙂👩🏽‍🏫🇨🇦"

PAYLOADS = {
    "xss": XSS,
    "attribute": ATTRIBUTE_BREAK,
    "sql": SQL,
    "traversal": TRAVERSAL,
    "header": HEADER_INJECTION,
    "long": OVER_LONG,
    "nul": NUL,
    "rtl": RTL,
    "emoji": EMOJI,
}
# Payloads whose raw form in HTML would mean markup was not escaped.
MARKUP = (XSS, ATTRIBUTE_BREAK, SQL)

STATIC_PAGES = [
    "/",
    "/recommendations",
    "/status-definitions",
    "/advisory-board",
    "/advisory-board/members",
    "/staff/",
    "/staff/recommendations",
    "/staff/updates",
    "/staff/inbox",
    "/staff/audit",
    "/staff/board/",
    "/staff/email",
    "/staff/board/members",
    "/staff/users",
]


def display_pages() -> list[str]:
    """Every page that shows stored text, for the records now in the database."""
    pages = list(STATIC_PAGES)
    for code in db.session.scalars(sa.select(Recommendation.code)):
        pages += [f"/recommendations/{code}", f"/staff/recommendations/{code}"]
    for (message_id,) in db.session.execute(sa.select(ContactMessage.id)):
        pages.append(f"/staff/inbox/{message_id}")
    for (intake_id,) in db.session.execute(sa.select(Intake.id)):
        base = f"/staff/board/intakes/{intake_id}"
        pages += [base, base + "/applications", base + "/selection", base + "/criteria"]
    for (application_id,) in db.session.execute(sa.select(Application.id)):
        pages.append(f"/staff/board/applications/{application_id}")
    return pages


def assert_escaped(body: str, where: str) -> None:
    """No markup payload appears raw."""
    for payload in MARKUP:
        assert payload not in body, f"{payload!r} raw in {where}"


def assert_no_injected_header(response, where: str) -> None:
    """A form value never becomes a header of its own."""
    for name, value in response.headers.items():
        assert "x=1" not in value or name == "Location", f"{name}: {value} in {where}"
        assert not {"\r", "\n"} & set(value), f"{name} in {where}"
