"""Finding an intake's applications: stage, category and reference by GET; name by POST.

A reference is no personal data, so it may sit in the staff page's URL with the other filters.
A name is: it is sent only in a POST body (never logged), the results are drawn from that
request without a redirect, and their pages are buttons posting the same search again.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from werkzeug.datastructures import MultiDict

from ..enums import Category
from ..models import Application
from ..stages import Stage

REFERENCE_MAX = 16


@dataclass(frozen=True)
class Filters:
    """The list's filters; unknown values are dropped rather than refused."""

    stage: Stage | None = None
    category: Category | None = None
    reference: str = ""
    name: str = ""

    @classmethod
    def read(cls, values: MultiDict, name: str = "") -> "Filters":
        """The filters from a query string or a posted form."""
        stage, category = values.get("stage", ""), values.get("category", "")
        return cls(
            stage=Stage(stage) if stage in set(Stage) else None,
            category=Category(category) if category in set(Category) else None,
            reference=values.get("reference", "").strip().upper()[:REFERENCE_MAX],
            name=name,
        )

    def url_args(self) -> dict[str, str]:
        """The filters that may go in a URL: never the name."""
        args = {
            "stage": self.stage.value if self.stage else "",
            "category": self.category.value if self.category else "",
            "reference": self.reference,
        }
        return {key: value for key, value in args.items() if value}


def applications_query(intake_id: int, filters: Filters) -> sa.Select:
    """The intake's applications matching the filters, oldest first."""
    query = sa.select(Application).where(Application.intake_id == intake_id)
    if filters.stage:
        query = query.where(Application.stage == filters.stage)
    if filters.category:
        query = query.where(Application.category == filters.category)
    if filters.reference:
        query = query.where(Application.reference.icontains(filters.reference, autoescape=True))
    for word in filters.name.split():
        query = query.where(Application.name.icontains(word, autoescape=True))
    return query.order_by(Application.created_at, Application.id)


def page_number(value: str | None) -> int:
    """A posted page number; anything odd is the first page."""
    if value and value.isdigit() and len(value) <= 6:
        return max(int(value), 1)
    return 1
