"""CSV import in the browser: upload, preview (old → new, bad lines), confirm, progress, result."""

import io
import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.core.clock import clock_set_to, now_utc
from sro_board.core.extensions import db
from sro_board.recommendations.csv.export import export_csv
from sro_board.recommendations.fields import snapshot
from sro_board.recommendations.import_models import ImportState, ImportUpload
from sro_board.recommendations.imports import purge_old_uploads
from sro_board.recommendations.models import Recommendation, Update
from tests.factories import login, make_rec
from tests.recommendations.factories import publish, rec_by_code
from tests.recommendations.test_csv import new_row, rows_of, to_csv, tracker  # noqa: F401

IMPORT = "/staff/recommendations/import"


def recs_state() -> tuple:
    """Every recommendation's values and version, and the number of updates."""
    db.session.expire_all()
    recs = db.session.scalars(sa.select(Recommendation).order_by(Recommendation.code))
    return [(r.version, snapshot(r)) for r in recs], db.session.scalar(
        sa.select(sa.func.count()).select_from(Update)
    )


def upload(client, content: bytes | str, filename: str = "recs.csv"):
    """Post a file to the upload form."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    return client.post(
        IMPORT,
        data={"file": (io.BytesIO(content), filename)},
        content_type="multipart/form-data",
    )


def the_upload(response) -> ImportUpload:
    """The upload a successful post redirected to."""
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    upload_id = int(re.search(r"/import/(\d+)$", response.location).group(1))
    db.session.expire_all()
    return db.session.get(ImportUpload, upload_id)


def text_of(response) -> str:
    """The page's HTML with runs of whitespace made one space."""
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


def actions() -> list[str]:
    """The audit log's actions, oldest first."""
    return list(db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)))


@pytest.fixture
def chair(client, users):
    """The client, logged in as the working group's chair."""
    login(client, users["chair"])
    return users["chair"]


def changed_file() -> str:
    """The export with R-01's progress and status changed and a new R-09."""
    rows = rows_of(export_csv())
    rows[0] |= {"progress": "45", "status": "in_progress"}
    return to_csv([*rows, new_row("R-09")])


@pytest.mark.usefixtures("tracker", "chair")
def test_the_preview_shows_every_change_and_nothing_changes_before_confirm(client):
    before = recs_state()
    response = upload(client, changed_file())
    upload_row = the_upload(response)
    assert upload_row.state is ImportState.PREVIEWED
    assert recs_state() == before
    page = text_of(client.get(response.location))
    # each changed field, old → new, in a table with headers
    assert '<th scope="col">Field</th><th scope="col">Now</th>' in page
    assert re.search(r"Progress</th><td>20%</td><td>45%</td>", page)
    assert re.search(r"Implementation status</th><td>Planning</td><td>In progress</td>", page)
    # the new R-09: every field as new
    assert "R-09" in page
    assert "New recommendation" in page
    assert re.search(r"Title</th><td><em>new</em></td><td>.*Share data with school boards", page)
    assert "Unchanged: R-02" in page
    assert "Confirm and import" in page
    assert recs_state() == before
    assert actions()[-1] == "import.uploaded"


@pytest.mark.usefixtures("tracker")
def test_confirm_runs_the_import_and_shows_the_result(client, chair):
    response = upload(client, changed_file())
    upload_row = the_upload(response)
    confirmed = client.post(f"{IMPORT}/{upload_row.id}/confirm")
    assert confirmed.status_code == 302
    assert confirmed.location.endswith(f"{IMPORT}/{upload_row.id}/status")
    rec = rec_by_code("R-01")
    assert (rec.progress, str(rec.status)) == (45, "in_progress")
    assert rec_by_code("R-09").title == "Share data with school boards"
    db.session.expire_all()
    done = db.session.get(ImportUpload, upload_row.id)
    assert done.state is ImportState.DONE
    assert (done.progress, done.total) == (3, 3)
    assert done.result["created"] == ["R-09"]
    assert done.result["updated"] == ["R-01"]
    page = text_of(client.get(confirmed.location))
    assert "Import finished: 1 created, 1 updated, 1 unchanged, 0 awaiting sign-off." in page
    assert re.search(r'<progress id="import-progress" max="3" value="3">', page)
    assert "3 of 3" in page
    # audited as the command line's import is (each change), and the upload, confirm and result
    log = actions()
    after_confirm = log[log.index("import.confirmed") + 1 :]
    assert {"recommendation.created", "update.proposed", "update.published"} <= set(after_confirm)
    assert after_confirm[-1] == "import.finished"
    entry = db.session.scalars(
        sa.select(AuditEntry)
        .where(AuditEntry.action == "update.published")
        .order_by(AuditEntry.id.desc())
    ).first()
    assert entry.actor_id == chair.id
    author = db.session.scalars(
        sa.select(Update.author_id)
        .join(Update.recommendation)
        .where(Recommendation.code == "R-01")
        .order_by(Update.id.desc())
    ).first()
    assert author == chair.id


@pytest.mark.usefixtures("tracker", "chair")
def test_a_second_confirm_does_nothing(client):
    upload_row = the_upload(upload(client, changed_file()))
    client.post(f"{IMPORT}/{upload_row.id}/confirm")
    after_first = recs_state()
    log = actions()
    again = client.post(f"{IMPORT}/{upload_row.id}/confirm")
    assert again.status_code == 302
    assert recs_state() == after_first
    assert actions() == log
    # the preview of an imported file now shows its result
    assert client.get(f"{IMPORT}/{upload_row.id}").location.endswith("/status")


@pytest.mark.usefixtures("tracker", "chair")
def test_bad_lines_are_listed_with_line_column_and_reason_and_cannot_be_confirmed(client):
    rows = rows_of(export_csv())
    rows[0] |= {"progress": "45"}
    before = recs_state()
    file = to_csv([rows[0], new_row(theme="weather", progress="x"), new_row("R-10")])
    upload_row = the_upload(upload(client, file))
    page = text_of(client.get(f"{IMPORT}/{upload_row.id}"))
    assert "The file has 2 errors: nothing can be imported" in page
    assert re.search(r'<th scope="row">3</th><td>theme</td><td>must be one of', page)
    assert re.search(r'<th scope="row">3</th><td>progress</td><td>must be a whole number', page)
    assert "Confirm and import" not in page
    response = client.post(f"{IMPORT}/{upload_row.id}/confirm", follow_redirects=True)
    assert "This file has errors; nothing can be imported." in text_of(response)
    assert recs_state() == before
    db.session.expire_all()
    assert db.session.get(ImportUpload, upload_row.id).state is ImportState.PREVIEWED


@pytest.mark.usefixtures("tracker", "chair")
def test_a_rule_broken_on_one_line_shows_in_the_preview(client):
    rows = rows_of(export_csv())
    rows[0] |= {"progress": "45"}
    rows[1] |= {"baseline_target_date": "2020-01-01"}  # the baseline never changes
    upload_row = the_upload(upload(client, to_csv(rows)))
    assert upload_row.bad_lines == [
        {"line": 3, "column": "baseline_target_date", "reason": upload_row.bad_lines[0]["reason"]}
    ]
    assert "baseline" in upload_row.bad_lines[0]["reason"]
    assert rec_by_code("R-01").progress == 20


@pytest.mark.usefixtures("tracker", "chair")
def test_confirm_is_refused_when_a_previewed_recommendation_changed(client):
    upload_row = the_upload(upload(client, changed_file()))
    publish(rec_by_code("R-02"), progress=70)  # someone else, after the preview
    before = recs_state()
    response = client.post(f"{IMPORT}/{upload_row.id}/confirm")
    assert response.status_code == 409
    assert "Nothing was imported: R-02 changed since your preview." in text_of(response)
    assert recs_state() == before
    db.session.expire_all()
    assert db.session.get(ImportUpload, upload_row.id).state is ImportState.PREVIEWED


@pytest.mark.usefixtures("tracker", "chair")
def test_confirm_is_refused_when_a_new_code_was_added_meanwhile(client):
    upload_row = the_upload(upload(client, changed_file()))
    make_rec("R-09")
    before = recs_state()
    response = client.post(f"{IMPORT}/{upload_row.id}/confirm")
    assert response.status_code == 409
    assert "R-09 changed since your preview" in text_of(response)
    assert recs_state() == before


@pytest.mark.usefixtures("tracker", "chair")
def test_a_failure_while_importing_imports_nothing(client, monkeypatch):
    """All or nothing: a line refused by the importer itself leaves every line unimported."""
    from sro_board.recommendations.csv import importer

    upload_row = the_upload(upload(client, changed_file()))
    before = recs_state()
    real = importer._import_row

    def refuse_the_new_one(row, rec, actor, result):
        real(row, rec, actor, result)
        if row.code == "R-09":
            raise importer.TrackerError("refused for the test", "status")

    monkeypatch.setattr(importer, "_import_row", refuse_the_new_one)
    client.post(f"{IMPORT}/{upload_row.id}/confirm")
    assert recs_state() == before
    db.session.expire_all()
    failed = db.session.get(ImportUpload, upload_row.id)
    assert failed.state is ImportState.FAILED
    assert failed.result["errors"] == [
        {"line": 4, "column": "status", "reason": "refused for the test"}
    ]
    page = text_of(client.get(f"{IMPORT}/{upload_row.id}/status"))
    assert "Nothing was imported" in page
    assert "refused for the test" in page
    assert "import.failed" in actions()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"   \r\n", "The file is empty."),
        ("code,title\nR-01,Caf\xe9\n".encode("latin-1"), "The file is not UTF-8 text."),
        ("code,title\n".encode("utf-16"), "This is not a text file."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a text file."),
    ],
)
@pytest.mark.usefixtures("chair")
def test_a_file_that_is_not_utf8_csv_gets_a_clear_message(client, content, message):
    response = upload(client, content)
    assert response.status_code == 200
    assert message in text_of(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ImportUpload)) == 0


@pytest.mark.usefixtures("chair")
def test_no_file_chosen(client):
    response = client.post(IMPORT, data={}, content_type="multipart/form-data")
    assert response.status_code == 200
    assert "Choose a CSV file to upload." in text_of(response)


@pytest.mark.usefixtures("tracker", "chair")
def test_a_byte_order_mark_is_fine(client):
    upload_row = the_upload(upload(client, b"\xef\xbb\xbf" + changed_file().encode()))
    assert not upload_row.bad_lines
    assert len(upload_row.preview["rows"]) == 3


@pytest.mark.usefixtures("chair")
def test_a_wrong_header_is_reported_on_line_one(client):
    upload_row = the_upload(upload(client, "name,colour\nR-01,blue\n"))
    assert upload_row.bad_lines[0]["line"] == 1
    assert "missing columns: code" in upload_row.bad_lines[0]["reason"]
    assert "unknown columns: name, colour" in upload_row.bad_lines[0]["reason"]
    page = text_of(client.get(f"{IMPORT}/{upload_row.id}"))
    assert '<th scope="row">1</th><td>whole line</td>' in page


@pytest.mark.usefixtures("chair")
def test_a_file_over_the_limit_is_refused_with_its_size(client, app):
    app.config["IMPORT_MAX_BYTES"] = 2048
    response = upload(client, "code," + "x" * 3000)
    assert response.status_code == 200
    assert "The file is larger than 2 KB." in text_of(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ImportUpload)) == 0


@pytest.mark.usefixtures("chair")
def test_a_request_over_the_request_limit_is_never_a_500(client, app):
    app.config["MAX_CONTENT_LENGTH"] = 200 * 1024
    response = upload(client, b"a" * (300 * 1024))
    assert response.status_code == 413


@pytest.mark.usefixtures("tracker", "chair")
def test_quotes_newlines_and_formulas_go_through_as_text(client):
    rows = rows_of(export_csv())
    rows[0] |= {
        "description": 'Line one, "quoted".\nLine two.',
        "feasibility_rationale": '\'=HYPERLINK("https://evil.example")',
        "lead_unit": "<script>alert(1)</script>",
    }
    upload_row = the_upload(upload(client, to_csv(rows)))
    assert not upload_row.bad_lines
    page = client.get(f"{IMPORT}/{upload_row.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "=HYPERLINK(" in page  # the export's leading ' is removed, as the CLI does
    client.post(f"{IMPORT}/{upload_row.id}/confirm")
    rec = rec_by_code("R-01")
    assert rec.description == 'Line one, "quoted".\nLine two.'
    assert rec.feasibility_rationale == '=HYPERLINK("https://evil.example")'


@pytest.mark.usefixtures("tracker")
def test_only_the_uploader_sees_or_confirms_an_upload(client, app, users):
    login(client, users["chair"])
    upload_row = the_upload(upload(client, changed_file()))
    before = recs_state()
    with app.app_context():  # a fresh g: another person's requests
        other = app.test_client()
        login(other, users["admin"])
        assert other.get(f"{IMPORT}/{upload_row.id}").status_code == 404
        assert other.get(f"{IMPORT}/{upload_row.id}/status").status_code == 404
        assert other.post(f"{IMPORT}/{upload_row.id}/confirm").status_code == 404
    assert recs_state() == before
    db.session.expire_all()
    assert db.session.get(ImportUpload, upload_row.id).state is ImportState.PREVIEWED


@pytest.mark.usefixtures("tracker")
def test_a_member_cannot_import(client, users):
    login(client, users["member"])
    assert client.get(IMPORT).status_code == 403
    assert upload(client, changed_file()).status_code == 403


def test_uploads_older_than_a_day_are_deleted(client, users, tracker):  # noqa: F811
    login(client, users["chair"])
    with clock_set_to(now_utc() - timedelta(days=1, minutes=1)):
        old = the_upload(upload(client, changed_file())).id
    recent = the_upload(upload(client, changed_file())).id  # each upload clears out old ones
    assert recent != old
    assert db.session.scalars(sa.select(ImportUpload.id)).all() == [recent]
    assert purge_old_uploads() == 0


def test_the_upload_page_links_the_export_and_states_the_limit(client, users):
    login(client, users["admin"])
    page = text_of(client.get(IMPORT))
    assert 'enctype="multipart/form-data"' in page
    assert "at most 512 KB" in page
    assert "Import CSV" in page  # the staff menu's link


@pytest.mark.usefixtures("tracker", "chair")
def test_the_pages_in_french(client):
    page = text_of(client.get("/fr" + IMPORT))
    assert "Importer des recommandations d'un fichier CSV" in page
    response = client.post(
        "/fr" + IMPORT,
        data={"file": (io.BytesIO(b""), "vide.csv")},
        content_type="multipart/form-data",
    )
    assert "Le fichier est vide." in text_of(response)
    upload_row = the_upload(
        client.post(
            "/fr" + IMPORT,
            data={"file": (io.BytesIO(changed_file().encode()), "recs.csv")},
            content_type="multipart/form-data",
        )
    )
    page = text_of(client.get(f"/fr{IMPORT}/{upload_row.id}"))
    assert "Aperçu de l'importation" in page
    assert "Confirmer et importer" in page


@pytest.mark.usefixtures("tracker", "chair")
def test_progress_is_written_as_the_lines_go(client, app):
    """Every PROGRESS_EVERY lines the count is written (outside the import's transaction on
    PostgreSQL; SQLite, one writer at a time, shows the count when the import commits)."""
    from sro_board.recommendations import imports

    rows = rows_of(export_csv()) + [new_row(f"R-{n}") for n in range(10, 22)]
    upload_row = the_upload(upload(client, to_csv(rows)))
    seen = []
    real = imports._write_progress

    def watch(upload_id, done):
        real(upload_id, done)
        seen.append(done)

    app_patch = pytest.MonkeyPatch()
    app_patch.setattr(imports, "_write_progress", watch)
    try:
        client.post(f"{IMPORT}/{upload_row.id}/confirm")
    finally:
        app_patch.undo()
    assert seen == [5, 10]
    db.session.expire_all()
    done = db.session.get(ImportUpload, upload_row.id)
    assert (done.progress, done.total, done.state) == (14, 14, ImportState.DONE)


@pytest.mark.usefixtures("tracker", "chair")
def test_the_status_of_a_file_not_confirmed_yet_links_its_preview(client):
    upload_row = the_upload(upload(client, changed_file()))
    page = text_of(client.get(f"{IMPORT}/{upload_row.id}/status"))
    assert "This file is not imported yet." in page
    assert f'href="{IMPORT}/{upload_row.id}"' in page


@pytest.mark.usefixtures("tracker", "chair")
def test_a_queued_import_shows_its_progress_and_a_refresh_link(client):
    upload_row = the_upload(upload(client, changed_file()))
    db.session.execute(
        sa.update(ImportUpload)
        .where(ImportUpload.id == upload_row.id)
        .values(state=ImportState.RUNNING, progress=2)
    )
    db.session.commit()
    page = text_of(client.get(f"{IMPORT}/{upload_row.id}/status"))
    assert '<progress id="import-progress" max="3" value="2">' in page
    assert "2 of 3" in page
    assert f'href="{IMPORT}/{upload_row.id}/status">Refresh</a>' in page
    assert "http-equiv" not in page  # no automatic refresh (WCAG 2.2.1)


@pytest.mark.usefixtures("chair")
def test_a_byte_order_mark_alone_is_an_empty_file(client):
    assert "The file is empty." in text_of(upload(client, b"\xef\xbb\xbf\r\n"))


@pytest.mark.usefixtures("tracker", "chair")
def test_a_cell_the_csv_reader_cannot_read_is_a_bad_line_not_an_error_page(client):
    rows = rows_of(export_csv())
    rows[1] |= {"description": "x" * 140_000}  # over the csv module's field size limit
    upload_row = the_upload(upload(client, to_csv(rows)))
    [bad] = upload_row.bad_lines
    assert bad["line"] == 3
    assert bad["reason"].startswith("cannot be read as CSV: a cell is too long")
    assert client.get(f"{IMPORT}/{upload_row.id}").status_code == 200


@pytest.mark.usefixtures("tracker", "chair")
def test_a_file_that_changes_nothing_cannot_be_confirmed(client):
    before = recs_state()
    upload_row = the_upload(upload(client, export_csv()))
    page = text_of(client.get(f"{IMPORT}/{upload_row.id}"))
    assert "This file changes nothing; there is nothing to import." in page
    assert "Confirm and import" not in page
    response = client.post(f"{IMPORT}/{upload_row.id}/confirm", follow_redirects=True)
    assert "This file changes nothing" in text_of(response)
    assert recs_state() == before


@pytest.mark.usefixtures("tracker", "chair")
def test_the_hourly_round_runs_an_import_whose_job_was_lost(client):
    from sro_board.recommendations.imports import purge_task

    upload_row = the_upload(upload(client, changed_file()))
    db.session.execute(
        sa.update(ImportUpload)
        .where(ImportUpload.id == upload_row.id)
        .values(state=ImportState.QUEUED)
    )
    db.session.commit()
    purge_task()
    assert rec_by_code("R-01").progress == 45
    assert db.session.get(ImportUpload, upload_row.id).state is ImportState.DONE
    purge_task()  # once only
    assert len(rows_of(export_csv())) == 3


@pytest.mark.usefixtures("tracker", "chair")
def test_an_unexpected_error_in_the_job_is_shown_and_imports_nothing(client, monkeypatch):
    from sro_board.recommendations.csv import importer

    upload_row = the_upload(upload(client, changed_file()))
    before = recs_state()

    def crash(row, rec, actor, result):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "_import_row", crash)
    client.post(f"{IMPORT}/{upload_row.id}/confirm")
    assert recs_state() == before
    page = text_of(client.get(f"{IMPORT}/{upload_row.id}/status"))
    assert "the import stopped on an unexpected error" in page
    assert "disk full" not in page
