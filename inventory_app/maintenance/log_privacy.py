"""Keep credentials and personal data out of the log file and out of crash reports.

The log is what a field user sends to support, so it must never hold a database password, a token,
an e-mail address or a personal identity code. ``mask`` rewrites text; ``PrivacyFilter`` applies it
to every record (message, arguments and traceback) that reaches a handler.
"""

from __future__ import annotations

import logging
import re

MASK = "***"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # scheme://user:password@host  and  scheme://user@host  ->  scheme://***@host
    (re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^\s/@'\"]+@"), r"\g<scheme>" + MASK + "@"),
    # password=..., passwd: ..., "token": "...", PGPASSWORD=..., api_key=..., secret=...
    (
        re.compile(
            r"(?i)(?P<key>\b(?:pg)?(?:password|passwd|pwd|token|secret|api[_-]?key|private[_-]?key)\b"
            r"['\"]?\s*[:=]\s*)(?P<q>['\"]?)[^\s'\",;&)}]+(?P=q)"
        ),
        r"\g<key>\g<q>" + MASK + r"\g<q>",
    ),
    # Authorization: Bearer abc / Basic abc
    (re.compile(r"(?i)\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}"), r"\1 " + MASK),
    # libpq/psycopg messages name the database user: ... for user "anna.k"
    (re.compile(r"(?i)(\buser\s+)\"[^\"]*\""), r'\1"' + MASK + '"'),
    (re.compile(r"(?i)(\buser=)[^\s'\",;&)]+"), r"\1" + MASK),
    # e-mail addresses
    (re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b"), MASK + "@" + MASK),
    # Finnish personal identity codes (henkilötunnus): DDMMYY, century sign, 3 digits, check character
    (re.compile(r"\b[0-3]\d[01]\d\d\d[-+A-FU-Y]\d{3}[0-9A-Y]\b"), MASK),
)


def mask(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class PrivacyFilter(logging.Filter):
    """Masks each record in place; put it on the handler so records of every logger pass through it."""

    def __init__(self, formatter: logging.Formatter | None = None) -> None:
        super().__init__()
        self._formatter = formatter or logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = mask(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True
