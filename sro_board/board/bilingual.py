"""Content entered in English and French side by side (`<column>_fr` beside `<column>`)."""

from flask_babel import get_locale, gettext


def shown_language() -> str:
    """The language being rendered: the page's, or the one an email is forced to."""
    locale = get_locale()
    return "fr" if locale is not None and locale.language == "fr" else "en"


class Bilingual:
    """For models with French columns: the text to show, with the English as fallback."""

    def public(self, name: str) -> str:
        """A public text in the language being shown; the English one while not translated."""
        if shown_language() == "fr":
            return getattr(self, f"{name}_fr") or getattr(self, name)
        return getattr(self, name)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for a deferred mark
    """Mark an English message that is stored as it is and translated where it is shown."""
    return message


def stored_words(text: str | None) -> str:
    """A stored message (N_-marked) in the language being shown; other text as it is."""
    return gettext(text) if text else ""
