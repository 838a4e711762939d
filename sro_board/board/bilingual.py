"""Content entered in English and French side by side (`<column>_fr` beside `<column>`)."""

from flask_babel import gettext

from ..core.i18n import N_, current_language

__all__ = ["N_", "Bilingual", "stored_words"]


class Bilingual:
    """For models with French columns: the text to show, with the English as fallback."""

    def public(self, name: str) -> str:
        """A public text in the language being shown; the English one while not translated."""
        if current_language() == "fr":
            return getattr(self, f"{name}_fr") or getattr(self, name)
        return getattr(self, name)


def stored_words(text: str | None) -> str:
    """A stored message (N_-marked) in the language being shown; other text as it is."""
    return gettext(text) if text else ""
