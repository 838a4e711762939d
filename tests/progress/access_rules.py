"""Who may read the progress page (merged into the route x role matrix by routes.py)."""

from tests.security.access import EVERYONE, Access

PROGRESS_ACCESS: dict[str, Access] = {"progress.page": Access("/progress", EVERYONE)}
