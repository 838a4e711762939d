"""CSV import in the browser: upload, preview every change, confirm, follow the progress."""

from flask import current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from ...auth.decorators import permission_required
from ...auth.permissions import Action
from ...core.commit import commit_service, flash_error
from ..blueprint import bp
from ..csv.preview import UnreadableFile
from ..errors import TrackerError
from ..fields import FIELD_LABELS
from ..import_forms import ConfirmForm, UploadForm
from ..import_models import ImportState
from ..imports import ImportConflict, confirm_import, find_upload, upload_file

IMPORT = "/staff/recommendations/import"


DEFAULT_MAX_BYTES = 512 * 1024


def max_bytes() -> int:
    """The largest file accepted: IMPORT_MAX_BYTES, below the request limit (MAX_CONTENT_LENGTH)."""
    limit = current_app.config.get("IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)
    request_limit = current_app.config.get("MAX_CONTENT_LENGTH")
    return min(limit, request_limit - 64 * 1024) if request_limit else limit


def size_text(size: int) -> str:
    """A file size in words (KB or MB)."""
    if size >= 1024 * 1024:
        return _("%(num)s MB", num=round(size / (1024 * 1024), 1))
    return _("%(num)d KB", num=size // 1024)


def _read_upload(form: UploadForm) -> bytes | None:
    """The chosen file's bytes, or None with the reason on the form."""
    try:
        chosen = request.files.get("file")
    except RequestEntityTooLarge:
        chosen = None
        form.file.errors.append(_too_large())
        return None
    if chosen is None or not chosen.filename:
        form.file.errors.append(_("Choose a CSV file to upload."))
        return None
    content = chosen.stream.read(max_bytes() + 1)
    if len(content) > max_bytes():
        form.file.errors.append(_too_large())
        return None
    return content


def _too_large() -> str:
    return _(
        "The file is larger than %(size)s. Split it into smaller files and import each.",
        size=size_text(max_bytes()),
    )


@bp.route(IMPORT, methods=["GET", "POST"])
@permission_required(Action.IMPORT_RECOMMENDATIONS)
def import_upload():
    """Choose a CSV file; the next page previews it."""
    form = UploadForm()
    form.file.description = _(
        "The tracker's export format, UTF-8 (“CSV UTF-8” in a spreadsheet), at most %(size)s. "
        "Nothing changes until you confirm on the next page.",
        size=size_text(max_bytes()),
    )
    if request.method == "POST" and form.validate():
        content = _read_upload(form)
        if content is not None:
            done = commit_service(
                lambda: upload_file(current_user, content), {UnreadableFile: form.file.errors}
            )
            if done:
                return redirect(url_for("recommendations.import_preview", upload_id=done.value.id))
    return render_template("recommendations/import_upload.html", form=form)


@bp.get(f"{IMPORT}/<int:upload_id>")
@permission_required(Action.IMPORT_RECOMMENDATIONS)
def import_preview(upload_id: int):
    """Every change the file makes and every bad line; confirm to import."""
    upload = find_upload(upload_id, current_user)
    if upload.state is not ImportState.PREVIEWED:
        return redirect(url_for("recommendations.import_status", upload_id=upload.id))
    return render_template(
        "recommendations/import_preview.html",
        upload=upload,
        form=ConfirmForm(),
        field_labels=FIELD_LABELS,
    )


@bp.post(f"{IMPORT}/<int:upload_id>/confirm")
@permission_required(Action.IMPORT_RECOMMENDATIONS)
def import_confirm(upload_id: int):
    """Start the import of a previewed file (again: nothing more happens)."""
    upload = find_upload(upload_id, current_user)
    form = ConfirmForm()
    if not form.validate():
        return redirect(url_for("recommendations.import_preview", upload_id=upload.id))
    done = commit_service(
        lambda: confirm_import(upload, current_user),
        {ImportConflict: None, TrackerError: flash_error},
    )
    if isinstance(done.error, ImportConflict):
        return render_template(
            "recommendations/import_preview.html",
            upload=upload,
            form=form,
            field_labels=FIELD_LABELS,
            conflict=str(done.error),
        ), 409
    if done.error is not None:
        return redirect(url_for("recommendations.import_preview", upload_id=upload.id))
    return redirect(url_for("recommendations.import_status", upload_id=upload.id))


@bp.get(f"{IMPORT}/<int:upload_id>/status")
@permission_required(Action.IMPORT_RECOMMENDATIONS)
def import_status(upload_id: int):
    """The import's progress (N of M, refreshed by the reader) and then its result."""
    upload = find_upload(upload_id, current_user)
    return render_template("recommendations/import_status.html", upload=upload)
