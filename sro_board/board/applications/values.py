"""Small value rules the board's services share: email addresses."""


def normalize_email(email: str) -> str:
    """Email addresses are compared and stored trimmed and in lower case."""
    return email.strip().lower()
