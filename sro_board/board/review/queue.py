"""A reviewer's queue as two pages (to review, scored) and their sizes, in three queries."""

import sqlalchemy as sa

from ...auth.models import User
from ...core.extensions import db
from ...core.pagination import Page, page_size, resolve_page
from ..models import Application, Intake
from ..review_models import ConflictDeclaration
from .access import reviewable_by
from .services import QueueRow, own_declaration, queue_columns, stored_complete

PARAMS = {False: "page", True: "done_page"}  # to review, scored


def queue_pages(reviewer: User) -> tuple[Page, Page]:
    """The reviewer's to-do and done pages (query string `page` and `done_page`).

    Both sizes come from one count over the indexes, and each page from its list's own ordered
    LIMIT, split by the flag each declaration keeps (completion.py): no query reads every row
    of a long queue twice (the earlier single query numbered all of them: 33 ms for 7,000).
    """
    per_page = page_size()
    total, done = _sizes(reviewer)
    pages = {
        False: resolve_page(total - done, PARAMS[False], per_page),
        True: resolve_page(done, PARAMS[True], per_page),
    }
    for complete, page in pages.items():
        if page.total:
            page.items = _page_rows(reviewer, complete, page)
    return pages[False], pages[True]


def _sizes(reviewer: User) -> tuple[int, int]:
    """How many applications the reviewer may review, and how many of them they have scored."""
    everything = sa.select(sa.func.count()).select_from(Application).where(reviewable_by(reviewer))
    scored = (
        sa.select(sa.func.count())
        .select_from(Application)
        .join(ConflictDeclaration, own_declaration(reviewer))
        .where(reviewable_by(reviewer), stored_complete())
    )
    total, done = db.session.execute(
        sa.select(everything.scalar_subquery(), scored.scalar_subquery())
    ).one()
    return total, done


def _page_rows(reviewer: User, complete: bool, page: Page) -> list[QueueRow]:
    """One page of one list: its ids picked first (no scores or rubric), then their rows."""
    flag = stored_complete()
    ids = (
        sa.select(Application.id)
        .join(Intake, Intake.id == Application.intake_id)
        .outerjoin(ConflictDeclaration, own_declaration(reviewer))
        .where(reviewable_by(reviewer), flag if complete else sa.not_(flag))
        .order_by(Intake.opens_at.desc(), Application.id)
        .limit(page.per_page)
        .offset(page.first_number - 1)
    )
    # The ids passed every filter: their rows need only the columns, in the same order.
    rows = (
        queue_columns(reviewer)
        .where(Application.id.in_(ids))
        .order_by(Intake.opens_at.desc(), Application.id)
    )
    return [QueueRow(*row[:6]) for row in db.session.execute(rows)]
