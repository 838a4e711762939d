"""CSV export of every recommendation, formula cells neutralised."""

import csv
import io

import sqlalchemy as sa

from ...core.extensions import db
from ...security.events import security_event
from ...security.spreadsheet import neutralise
from ..models import Recommendation
from .columns import COLUMNS, cells


def export_csv() -> str:
    """All recommendations as CSV text, formula cells neutralised; logged as a security event."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    recs = db.session.scalars(
        sa.select(Recommendation)
        .options(
            sa.orm.selectinload(Recommendation.milestones),
            sa.orm.selectinload(Recommendation.evidence),
        )
        .order_by(Recommendation.code)
    )
    rows = 0
    for rec in recs:
        writer.writerow([neutralise(cell) for cell in cells(rec)])
        rows += 1
    security_event("export.recommendations", format="csv", rows=rows)
    return out.getvalue()
