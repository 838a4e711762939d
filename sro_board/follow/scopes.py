"""What a follow covers: its key, its words, and which followers an update concerns."""

import sqlalchemy as sa
from flask_babel import gettext as _

from ..core.i18n import current_language
from ..recommendations.enums import Theme
from ..recommendations.models import Recommendation
from .models import Follower, ScopeKind


def scope_key(kind: ScopeKind, theme: Theme | None, rec: Recommendation | None) -> str:
    """'all', 'theme:<theme>' or 'recommendation:<id>'."""
    if kind is ScopeKind.THEME:
        return f"theme:{theme}"
    if kind is ScopeKind.RECOMMENDATION:
        return f"recommendation:{rec.id}"
    return "all"


def words(english: str, french: str) -> str:
    """The French text in French when there is one, else the English."""
    return french if french and current_language() == "fr" else english


def scope_words(follower: Follower) -> str:
    """The scope in words, in the language being written in."""
    if follower.kind is ScopeKind.THEME:
        return _("the theme “%(theme)s”", theme=Theme(follower.theme).label)
    if follower.kind is ScopeKind.RECOMMENDATION:
        rec = follower.recommendation
        return _(
            "recommendation %(code)s: %(title)s",
            code=rec.code,
            title=words(rec.title, rec.title_fr),
        )
    return _("every recommendation")


def concerning(rec: Recommendation) -> sa.ColumnElement[bool]:
    """Followers whose scope covers an update of rec."""
    return sa.or_(
        Follower.kind == ScopeKind.ALL,
        sa.and_(Follower.kind == ScopeKind.THEME, Follower.theme == rec.theme),
        sa.and_(Follower.kind == ScopeKind.RECOMMENDATION, Follower.recommendation_id == rec.id),
    )
