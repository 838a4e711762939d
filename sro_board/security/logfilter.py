"""A safety net for log lines: email addresses and token-like strings are redacted.

Code must not log personal data in the first place (the tests check whole journeys without
this filter); the filter catches what slips through, e.g. a library quoting a value.
"""

import logging
import re

EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# 24+ URL-safe characters with a letter and a digit: status links, reset tokens, keys.
TOKEN = re.compile(
    r"(?<![A-Za-z0-9_-])"
    r"(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])"
    r"[A-Za-z0-9_-]{24,}={0,2}"
)
# LogRecord's own attributes; any other string attribute is an `extra` field.
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}
# Extras that are ours and safe: the request id is itself a long random string.
_KEEP = frozenset({"request_id"})


def redact(text: str) -> str:
    """Replace email addresses and token-like strings in text."""
    if len(text) < 24 and "@" not in text:
        return text  # too short for a token, and no address: the request log's usual fields
    return TOKEN.sub("[token]", EMAIL.sub("[email]", text))


class RedactFilter(logging.Filter):
    """Redacts the message, its arguments, string extras and the traceback of every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        fields = vars(record)
        for name in fields.keys() - _STANDARD - _KEEP:
            if isinstance(value := fields[name], str):
                fields[name] = redact(value)
        if record.exc_info:
            record.exc_text = record.exc_text or logging.Formatter().formatException(
                record.exc_info
            )
            record.exc_info = None  # formatters would otherwise format it afresh, unredacted
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
