"""The applicant's rights, for staff: a copy of their data (access), deletion on request.

Both need a fresh password (and code) confirmation and a recorded reason.
"""

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.decorators import permission_required, reauth_required
from ...auth.permissions import Action
from ...core.commit import commit_service
from ...core.extensions import db
from ..blueprint import bp
from ..errors import BoardError
from ..models import Application
from .export import EXPORT_FORMATS, export_applicant
from .forms import DeleteRequestForm, ExportRequestForm
from .models import SensitiveAction
from .services import delete_on_request


def _download(application: Application, fmt: str, text: str) -> Response:
    mimetype = "application/json" if fmt == "json" else "text/csv"
    filename = f"application-{application.reference}.{fmt}"
    return Response(
        text,
        mimetype=mimetype,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@bp.route("/staff/board/applications/<int:application_id>/export/<fmt>", methods=["GET", "POST"])
@permission_required(Action.EXPORT_APPLICATIONS)
@reauth_required
def application_export(application_id: int, fmt: str):
    """Download one applicant's data (their right of access) as JSON or CSV, with a reason."""
    application = db.get_or_404(Application, application_id)
    if fmt not in EXPORT_FORMATS:
        flash(_("Choose JSON or CSV to export."), "error")
        return redirect(url_for("board.application_detail", application_id=application.id))
    form = ExportRequestForm().for_action(SensitiveAction.EXPORT)
    if form.validate_on_submit():
        done = commit_service(
            lambda: export_applicant(
                current_user, application, fmt, form.category.data, form.reason.data
            ),
            {BoardError: form.form_errors},
        )
        if done:
            return _download(application, fmt, done.value)
    page = render_template(
        "board/privacy/export_request.html", application=application, form=form, fmt=fmt
    )
    return page, (400 if form.errors or form.form_errors else 200)


@bp.route("/staff/board/applications/<int:application_id>/delete", methods=["GET", "POST"])
@permission_required(Action.DELETE_APPLICATIONS)
@reauth_required
def application_delete(application_id: int):
    """Delete one applicant's personal data at their request."""
    application = db.get_or_404(Application, application_id)
    form = DeleteRequestForm().for_action(SensitiveAction.DELETION)
    if form.validate_on_submit():
        if commit_service(
            lambda: delete_on_request(
                current_user, application, form.category.data, form.reason.data
            ),
            {BoardError: form.form_errors},
            success=_(
                "The personal data of application %(reference)s was deleted.",
                reference=application.reference,
            ),
        ):
            return redirect(url_for("board.application_detail", application_id=application_id))
        application = db.get_or_404(Application, application_id)
    return render_template(
        "board/privacy/delete_request.html", application=application, form=form
    ), (400 if form.errors or form.form_errors else 200)
