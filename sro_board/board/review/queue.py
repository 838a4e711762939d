"""A reviewer's queue as two pages (to review, scored) and their sizes, in one query."""

import sqlalchemy as sa

from ...auth.models import User
from ...core.extensions import db
from ...core.pagination import Page, page_size, requested_page, resolve_page
from ..models import Intake
from .services import QueueRow, complete_rule, queue_query

PARAMS = {False: "page", True: "done_page"}  # to review, scored


def queue_pages(reviewer: User) -> tuple[Page, Page]:
    """The reviewer's to-do and done pages (query string `page` and `done_page`).

    Each queue row is worked out once (a materialised CTE); window functions count both lists
    and number their rows, and only the asked-for pages' rows (and each list's first row, which
    carries the sizes) come back. A page number past the end costs a second query.
    """
    numbered = _numbered(reviewer)
    per_page = page_size()
    asked = {flag: requested_page(param) or 1 for flag, param in PARAMS.items()}
    rows = _rows(numbered, {flag: (n - 1) * per_page + 1 for flag, n in asked.items()}, per_page)
    total, done = (rows[0].total, rows[0].done) if rows else (0, 0)
    pages = {
        False: resolve_page(total - done, PARAMS[False], per_page),
        True: resolve_page(done, PARAMS[True], per_page),
    }
    if any(page.page != asked[flag] for flag, page in pages.items()):
        rows = _rows(numbered, {f: p.first_number for f, p in pages.items()}, per_page)
    for row in rows:
        page = pages[bool(row.complete)]
        if page.first_number <= row.number < page.first_number + per_page:
            page.items.append(QueueRow(*row[:6]))
    return pages[False], pages[True]


def _numbered(reviewer: User) -> sa.Subquery:
    """The queue's rows with both lists' sizes and each row's number in its list."""
    query = queue_query(reviewer)
    columns = list(query.selected_columns)[:6]
    columns[1] = Intake.id.label("intake_id")  # the title is joined to the page's rows only
    rows = (
        query.with_only_columns(*columns, Intake.opens_at)
        .order_by(None)
        .cte("queue_rows")
        .prefix_with("MATERIALIZED")
    )
    id_, intake_id, category, declared, scored, criteria, opens_at = rows.c
    complete = sa.case((complete_rule(declared, scored, criteria), 1), else_=0)
    number = sa.func.row_number().over(partition_by=complete, order_by=(opens_at.desc(), id_))
    return sa.select(
        id_,
        intake_id,
        category,
        declared,
        scored,
        criteria,
        complete.label("complete"),
        sa.func.count().over().label("total"),
        sa.func.sum(complete).over().label("done"),
        number.label("number"),
    ).subquery()


def _rows(numbered: sa.Subquery, first: dict[bool, int], per_page: int) -> list:
    """Rows numbered first[flag] .. + per_page of each list, and each list's first row."""
    wanted = [
        sa.and_(
            numbered.c.complete == int(flag),
            numbered.c.number >= start,
            numbered.c.number < start + per_page,
        )
        for flag, start in first.items()
    ]
    query = (
        sa.select(*list(numbered.c)[:1], Intake.title, *list(numbered.c)[2:])
        .join(Intake, Intake.id == numbered.c.intake_id)
        .where(sa.or_(numbered.c.number == 1, *wanted))
    )
    return list(db.session.execute(query.order_by(numbered.c.number)))
