"""A reviewer's queue as two pages (to review, scored) and their sizes, in three queries."""

from dataclasses import dataclass

import sqlalchemy as sa

from ...auth.models import User
from ...core.extensions import db
from ...core.pagination import Page, page_size, resolve_page
from ..models import Application, Intake
from ..review_models import ConflictDeclaration
from .access import reviewable_by
from .services import QueueRow, own_declaration, queue_columns, stored_complete

PARAMS = {False: "page", True: "done_page"}  # to review, scored


@dataclass(frozen=True)
class IntakeShare:
    """How many of one intake's applications are on each list (to review, scored)."""

    intake_id: int
    sizes: dict[bool, int]


def queue_pages(reviewer: User) -> tuple[Page, Page]:
    """The reviewer's to-do and done pages (query string `page` and `done_page`).

    The lists run intake by intake (newest first), then by application. One grouped count
    gives each intake's share of both lists; a page then reads, from each intake it spans,
    its slice in application order: an index walk that stops at the page's end (migration
    0024_review_queue_index), never a sort of the whole queue (which took 70 ms for 7,000).
    """
    per_page = page_size()
    shares = _shares(reviewer)
    pages = {
        complete: resolve_page(
            sum(share.sizes[complete] for share in shares), PARAMS[complete], per_page
        )
        for complete in (False, True)
    }
    for complete, page in pages.items():
        if page.total:
            page.items = _page_rows(reviewer, complete, page, shares)
    return pages[False], pages[True]


def _shares(reviewer: User) -> list[IntakeShare]:
    """Each intake's count on both lists, newest intake first (conflicts are on neither)."""
    done = sa.func.count().filter(stored_complete())
    rows = db.session.execute(
        sa.select(Application.intake_id, sa.func.count(), done)
        .join(Intake, Intake.id == Application.intake_id)
        .outerjoin(ConflictDeclaration, own_declaration(reviewer))
        .where(reviewable_by(reviewer))
        .group_by(Application.intake_id, Intake.opens_at)
        .order_by(Intake.opens_at.desc(), Application.intake_id)
    )
    return [
        IntakeShare(intake, {False: total - scored, True: scored}) for intake, total, scored in rows
    ]


def _on_list(reviewer: User, complete: bool) -> sa.ColumnElement[bool]:
    """The application is on the scored list (complete) or on the to-review list."""
    finished = sa.select(ConflictDeclaration.application_id).where(
        own_declaration(reviewer), stored_complete()
    )
    return sa.exists(finished) if complete else ~sa.exists(finished)


def intake_slice(reviewer: User, complete: bool, intake_id: int) -> sa.Select:
    """The ids of one intake's applications on one list, in application order."""
    return (
        sa.select(Application.id)
        .where(
            Application.intake_id == intake_id,
            reviewable_by(reviewer),
            _on_list(reviewer, complete),
        )
        .order_by(Application.id)
    )


def _page_rows(
    reviewer: User, complete: bool, page: Page, shares: list[IntakeShare]
) -> list[QueueRow]:
    """One page of one list: the slices of the intakes it spans, then those rows' columns."""
    skip, wanted, slices = page.first_number - 1, page.per_page, []
    for share in shares:
        size = share.sizes[complete]
        if skip >= size:
            skip -= size
            continue
        slices.append(intake_slice(reviewer, complete, share.intake_id).limit(wanted).offset(skip))
        wanted -= min(size - skip, wanted)
        skip = 0
        if not wanted:
            break
    # Each slice keeps its own ORDER BY and LIMIT inside a subquery (SQLite allows neither
    # on a compound select's members).
    ids = sa.union_all(*(sa.select(s.subquery().c.id) for s in slices))
    rows = (
        queue_columns(reviewer)
        .where(Application.id.in_(ids))
        .order_by(Intake.opens_at.desc(), Application.intake_id, Application.id)
    )
    return [QueueRow(*row[:6]) for row in db.session.execute(rows)]
