"""Imports every package's models so that db.metadata is complete (Alembic, create_all)."""

from .audit import models as audit_models
from .auth import models as auth_models
from .board import models as board_models
from .board import review_models as board_review_models
from .contact import models as contact_models
from .core.settings import SiteFlag
from .follow import models as follow_models
from .mail import models as mail_models
from .meetings import models as meeting_models
from .notices import models as notice_models
from .oversight import models as oversight_models
from .recommendations import import_models as recommendation_import_models
from .recommendations import models as recommendation_models

__all__ = [
    "SiteFlag",
    "audit_models",
    "auth_models",
    "board_models",
    "board_review_models",
    "contact_models",
    "follow_models",
    "mail_models",
    "meeting_models",
    "notice_models",
    "oversight_models",
    "recommendation_import_models",
    "recommendation_models",
]
