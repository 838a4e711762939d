"""On PostgreSQL the import's progress is committed as it goes: another connection (the status
page's request) reads "5 of M" while the import's own transaction is still open."""

import pytest
import sqlalchemy as sa

from sro_board.core.extensions import db
from sro_board.recommendations import imports
from sro_board.recommendations.csv.export import export_csv
from sro_board.recommendations.import_models import ImportState, ImportUpload
from sro_board.recommendations.models import Recommendation
from tests.factories import login
from tests.migration_runs import postgresql_only
from tests.recommendations.test_csv import new_row, rows_of, to_csv, tracker  # noqa: F401
from tests.recommendations.test_web_import import IMPORT, the_upload, upload

pytestmark = pytest.mark.real_commits  # a second connection reads what the first committed


@postgresql_only
@pytest.mark.usefixtures("tracker")
def test_progress_is_visible_to_another_connection_during_the_import(
    client, app, users, monkeypatch
):
    login(client, users["chair"])
    rows = rows_of(export_csv()) + [new_row(f"R-{n}") for n in range(10, 22)]
    upload_row = the_upload(upload(client, to_csv(rows)))
    seen = []
    real = imports._write_progress

    def write_then_look(upload_id, done):
        real(upload_id, done)
        with db.engine.connect() as other:  # as the status page would
            progress = other.scalar(
                sa.select(ImportUpload.progress).where(ImportUpload.id == upload_id)
            )
            created = other.scalar(
                sa.select(sa.func.count())
                .select_from(Recommendation)
                .where(Recommendation.code.like("R-1%"))
            )
        seen.append((done, progress, created))

    monkeypatch.setattr(imports, "_write_progress", write_then_look)
    client.post(f"{IMPORT}/{upload_row.id}/confirm")
    # the count is there; the recommendations are not, until the import commits
    assert seen == [(5, 5, 0), (10, 10, 0)]
    db.session.expire_all()
    done = db.session.get(ImportUpload, upload_row.id)
    assert (done.state, done.progress, done.total) == (ImportState.DONE, 14, 14)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Recommendation)) == 14
