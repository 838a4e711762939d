"""Where a message goes at the delivery boundary: SMTP, the console, or a list kept in memory.

MAIL_BACKEND=smtp (production) sends through MAIL_SERVER:MAIL_PORT with MAIL_SMTP_TIMEOUT;
console (development) prints each message to the worker's standard output, the terminal that
`make run` uses, as Django's console backend does; memory (tests) appends it to a list.
"""

import smtplib
import sys
from dataclasses import dataclass
from email.message import EmailMessage

from flask import Flask, current_app

SENT = "sro_board.mail.sent"  # app.extensions key of the memory backend's list
BACKENDS = ("smtp", "console", "memory")


@dataclass(frozen=True)
class Message:
    """One email at the moment it is handed over."""

    email_id: int
    recipient: str
    subject: str
    body: str
    headers: tuple[tuple[str, str], ...] = ()  # extra headers, e.g. List-Unsubscribe


def check(app: Flask) -> None:
    """Refuse an unknown MAIL_BACKEND; give the memory backend its list."""
    backend = app.config["MAIL_BACKEND"]
    if backend not in BACKENDS:
        raise ValueError(f"MAIL_BACKEND must be one of {', '.join(BACKENDS)}")
    app.extensions[SENT] = []


def send(message: Message) -> None:
    """Hand the message to the configured backend; raises OSError or SMTPException on failure."""
    backend = current_app.config["MAIL_BACKEND"]
    if backend == "smtp":
        _smtp(message)
    elif backend == "console":
        _console(message)
    else:
        current_app.extensions[SENT].append(message)


def _email_message(message: Message) -> EmailMessage:
    email = EmailMessage()
    email["From"] = current_app.config["MAIL_FROM"]
    email["To"] = message.recipient
    email["Subject"] = message.subject
    for name, value in message.headers:
        email[name] = value
    email.set_content(message.body)
    return email


def _smtp(message: Message) -> None:
    config = current_app.config
    smtp_class = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    timeout = config["MAIL_SMTP_TIMEOUT"]
    with smtp_class(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=timeout) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(_email_message(message))


def _console(message: Message) -> None:
    rule = "-" * 72
    text = _email_message(message).as_string()
    sys.stdout.write(f"{rule}\nEmail {message.email_id} (MAIL_BACKEND=console)\n{text}\n{rule}\n")
    sys.stdout.flush()
