"""Classic hostile inputs: markup, SQL, traversal, header injection, long, NUL, RTL, emoji."""

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
