"""The chair imports a CSV file in the browser: upload, preview every change, confirm, follow the
progress to the result, and the public page shows the change."""

import csv
import io
import re

import sqlalchemy as sa

from tests.e2e.environment import skip_module_without_playwright

skip_module_without_playwright()

from playwright.sync_api import Browser, Page, expect  # noqa: E402

from tests.e2e.pages import axe_violations, describe_violations  # noqa: E402


def _a_file_changing_one_progress(live_server) -> tuple[bytes, str, int, int]:
    """The tracker's export with one in-progress recommendation's progress raised: (file, code,
    old progress, new progress)."""
    from sro_board.core.extensions import db
    from sro_board.recommendations.csv.export import export_csv
    from sro_board.recommendations.enums import ImplementationStatus, UpdateState
    from sro_board.recommendations.models import Recommendation, Update

    with live_server.app.app_context():
        pending = sa.select(Update.recommendation_id).where(Update.state == UpdateState.PENDING)
        rec = db.session.scalars(
            sa.select(Recommendation)
            .where(
                Recommendation.status == ImplementationStatus.IN_PROGRESS,
                Recommendation.progress <= 80,
                Recommendation.progress_from_milestones.is_(False),
                Recommendation.id.not_in(pending),
            )
            .order_by(Recommendation.code)
        ).first()
        code, old = rec.code, rec.progress
        text = export_csv()
        db.session.remove()
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("code")] == code:
            row[header.index("progress")] = str(old + 15)
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8"), code, old, old + 15


def _no_violations(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)


def test_chair_imports_a_csv_file_and_the_public_page_changes(
    browser: Browser, browser_context_args, as_staff, watch, live_server
):
    content, code, old, new = _a_file_changing_one_progress(live_server)
    chair = as_staff("chair")
    chair.goto("/")
    chair.get_by_role("navigation", name="Staff").get_by_role("link", name="Import CSV").click()
    expect(chair.get_by_role("heading", level=1)).to_have_text(
        "Import recommendations from a CSV file"
    )
    _no_violations(chair)

    # A file that is not UTF-8 text: a clear message, nothing kept.
    chair.get_by_label("CSV file").set_input_files(
        files=[{"name": "latin1.csv", "mimeType": "text/csv", "buffer": "Café".encode("latin-1")}]
    )
    chair.get_by_role("button", name="Upload and preview").click()
    expect(chair.get_by_role("alert")).to_contain_text("The file is not UTF-8 text.")

    # The real file: the preview shows the one change, old and new, and nothing is public yet.
    chair.get_by_label("CSV file").set_input_files(
        files=[{"name": "recommendations.csv", "mimeType": "text/csv", "buffer": content}]
    )
    chair.get_by_role("button", name="Upload and preview").click()
    expect(chair.get_by_role("heading", level=1)).to_have_text("Preview of the import")
    changes = chair.get_by_role("table", name=f"Changes to {code}")
    progress_row = changes.get_by_role("row").filter(
        has=chair.get_by_role("rowheader", name="Progress")
    )
    expect(progress_row.get_by_role("cell")).to_have_text([f"{old}%", f"{new}%"])
    expect(chair.get_by_role("heading", level=2)).to_have_count(1)
    _no_violations(chair)
    reader_context = browser.new_context(**browser_context_args)
    watch.attach(reader_context)
    public = reader_context.new_page()
    public.goto(f"/recommendations/{code}")
    expect(public.get_by_text(f"{old}% complete for {code}").first).to_be_attached()

    # Confirm: the status page shows the progress as N of M and the result.
    chair.get_by_role("button", name="Confirm and import").click()
    expect(chair.get_by_role("heading", level=1)).to_have_text("Import of recommendations")
    expect(chair.get_by_role("status")).to_contain_text(
        re.compile(r"Import finished: 0 created, 1 updated, \d+ unchanged, 0 awaiting sign-off\.")
    )
    progress = chair.get_by_role("progressbar", name="Recommendations imported")
    total = progress.get_attribute("max")
    expect(progress).to_have_attribute("value", total)
    expect(chair.get_by_text(f"{total} of {total}")).to_be_visible()
    expect(chair.get_by_role("link", name=code)).to_be_visible()
    _no_violations(chair)

    # The public page shows the new progress.
    public.goto(f"/recommendations/{code}")
    expect(public.get_by_text(f"{new}% complete for {code}").first).to_be_attached()
    reader_context.close()
