"""Bounded lists: numbered pages (offset) and "older / newer" pages (keyset on time and id).

Every link keeps the request's other query-string values (filters, sorting), so a filter
survives moving between pages. A page number or position that cannot be read, or lies past
the end, falls back to the first page and says so in `notice`; it is never an error.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from math import ceil
from typing import Any
from urllib.parse import urlencode

import sqlalchemy as sa
from flask import current_app, flash, request, url_for
from flask_babel import gettext as _

from .extensions import db
from .i18n import N_

# Marked for extraction; translated when flashed (tests compare them with English pages).
BAD_PAGE = N_("That page number does not exist, so the first page is shown.")
BAD_POSITION = N_("That page link is out of date or not valid, so the newest entries are shown.")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
MAX_PAGE = 10**6


def _link(**changes: Any) -> str:
    """This request's URL with some query-string values replaced (None removes one).

    The query string is encoded apart from url_for(), so no name in it (`_external`,
    `endpoint`, a route value...) can change what url_for() does.
    """
    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        args.pop(key, None)
        if value is not None:
            args[key] = [value]
    path = url_for(request.endpoint, **(request.view_args or {}))
    return f"{path}?{urlencode(args, doseq=True)}" if args else path


@dataclass
class Page:
    """One numbered page of a list: its rows, where it is, and links to its neighbours."""

    items: list
    page: int
    per_page: int
    total: int
    param: str = "page"
    notice: str | None = None

    @property
    def pages(self) -> int:
        """How many pages the whole list takes (at least one)."""
        return max(ceil(self.total / self.per_page), 1)

    @property
    def first_number(self) -> int:
        """The position in the whole list of this page's first row (1-based)."""
        return (self.page - 1) * self.per_page + 1

    @property
    def has_prev(self) -> bool:
        """True if there is an earlier page."""
        return self.page > 1

    @property
    def has_next(self) -> bool:
        """True if there is a later page."""
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        """The previous page's number."""
        return self.page - 1

    @property
    def next_num(self) -> int:
        """The next page's number."""
        return self.page + 1

    def url(self, number: int) -> str:
        """The link to page `number`, keeping the other query-string values."""
        return _link(**{self.param: None if number == 1 else str(number)})


def page_size() -> int:
    """Rows per page (PAGE_SIZE in the configuration)."""
    return current_app.config["PAGE_SIZE"]


def requested_page(param: str = "page") -> int | None:
    """The page number asked for in the query string: 1 if absent, None if not a number."""
    value = request.args.get(param)
    if value is None or value == "":
        return 1
    value = value.strip()
    if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
        return None
    return int(value)


def resolve_page(
    total: int, param: str = "page", per_page: int | None = None, number: int | None = None
) -> Page:
    """An empty Page at the number asked for (query string's `param`, or `number`), checked
    against `total` rows: an unreadable or too large number is the first page, with a notice."""
    per_page = per_page or page_size()
    asked = number if number is not None else requested_page(param)
    number, notice = (asked, None) if asked is not None else (1, BAD_PAGE)
    if (number - 1) * per_page >= max(total, 1):
        number, notice = 1, BAD_PAGE
    if notice:
        flash(_(notice), "error")
    return Page([], number, per_page, total, param, notice)


def row_count(query: sa.Select) -> int:
    """How many rows the select returns (counted without its ORDER BY)."""
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(query.order_by(None).subquery())
    )


def paginate(
    query: sa.Select,
    param: str = "page",
    per_page: int | None = None,
    scalars: bool = True,
    number: int | None = None,
    total: int | None = None,
) -> Page:
    """One page of `query` (ordered, ending on a unique key): a count and a LIMIT/OFFSET.

    The page number comes from the query string's `param`, or `number` (a posted form's);
    `total`, when the caller already counted the rows, saves the count.
    """
    if total is None:
        total = row_count(query)
    page = resolve_page(total, param, per_page, number)
    bounded = query.limit(page.per_page).offset(page.first_number - 1)
    result = db.session.scalars(bounded) if scalars else db.session.execute(bounded)
    page.items = list(result.unique() if scalars else result)
    return page


@dataclass
class KeysetPage:
    """A page of a newest-first list, and the positions of its older and newer neighbours."""

    items: list
    older: str | None = None  # position of the next (older) page
    newer: str | None = None  # position of the previous (newer) page
    is_first: bool = True
    notice: str | None = None
    params: tuple[str, str] = ("older", "newer")

    def url(self, older: str | None = None, newer: str | None = None) -> str:
        """The link to the page starting after `older` or ending before `newer`."""
        return _link(**{self.params[0]: older, self.params[1]: newer})

    @property
    def older_url(self) -> str | None:
        """The link to the next, older page, if any."""
        return self.url(older=self.older) if self.older else None

    @property
    def newer_url(self) -> str | None:
        """The link to the previous, newer page, if any."""
        return self.url(newer=self.newer) if self.newer else None

    @property
    def newest_url(self) -> str:
        """The link to the first page."""
        return self.url()


def position(when: datetime, row_id: int) -> str:
    """A row's place in a time-ordered list, as URL text: microseconds since 1970, a dot, id."""
    return f"{(when - EPOCH) // MICROSECOND}.{row_id}"


def position_from(when: datetime, row_id: int) -> str:
    """The "older" position whose page starts with this row (to link to a row's page)."""
    return position(when, row_id + 1)


def read_position(value: str | None) -> tuple[datetime, int] | None:
    """The (time, id) of a position written by position(); None if it cannot be read."""
    if not value:
        return None
    micros, dot, row_id = value.strip().partition(".")
    if not dot or not micros.lstrip("-").isdigit() or not row_id.isdigit() or len(value) > 40:
        return None
    try:
        return EPOCH + int(micros) * MICROSECOND, int(row_id)
    except OverflowError:
        return None


def keyset(
    query: sa.Select,
    when: sa.ColumnElement,
    row_id: sa.ColumnElement,
    params: Sequence[str] = ("older", "newer"),
    per_page: int | None = None,
) -> KeysetPage:
    """A page of `query`, newest first on (when, row_id); never an OFFSET, so it stays fast.

    The page after an "older" position starts just below it; the page before a "newer"
    position ends just above it. Rows inserted meanwhile never shift the rows of a page.
    """
    per_page = per_page or page_size()
    older_param, newer_param = params
    raw_older, raw_newer = request.args.get(older_param), request.args.get(newer_param)
    older, newer = read_position(raw_older), read_position(raw_newer)
    notice = None
    if (raw_older and older is None) or (raw_newer and newer is None):
        older = newer = None
        notice = BAD_POSITION
        flash(_(notice), "error")
    if newer is not None:
        rows = _rows(query, when, row_id, newer, per_page, upwards=True)
        if rows:  # none above it: the newest page, below
            more_newer = len(rows) > per_page
            page_rows = list(reversed(rows[:per_page]))
            return _page(page_rows, when, row_id, more_newer, True, params, notice)
        older = None
    rows = _rows(query, when, row_id, older, per_page, upwards=False)
    has_older = len(rows) > per_page
    return _page(rows[:per_page], when, row_id, older is not None, has_older, params, notice)


def _rows(query, when, row_id, start, per_page, upwards: bool) -> list:
    if start is not None:
        at, ident = start
        if upwards:
            query = query.where(sa.or_(when > at, sa.and_(when == at, row_id > ident)))
        else:
            query = query.where(sa.or_(when < at, sa.and_(when == at, row_id < ident)))
    order = (when.asc(), row_id.asc()) if upwards else (when.desc(), row_id.desc())
    return list(db.session.scalars(query.order_by(*order).limit(per_page + 1)).unique())


def _page(rows, when, row_id, has_newer: bool, has_older: bool, params, notice) -> KeysetPage:
    """The page of ORM rows; its positions read the rows' `when` and `row_id` attributes."""

    def place(row) -> str:
        return position(getattr(row, when.key), getattr(row, row_id.key))

    older = place(rows[-1]) if rows and has_older else None
    newer = place(rows[0]) if rows and has_newer else None
    return KeysetPage(rows, older, newer, not has_newer, notice, tuple(params))
