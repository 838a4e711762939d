"""The applicant's rights, for staff: a copy of their data (access), deletion on request."""

from flask import Response, flash, redirect, render_template, url_for
from flask_login import current_user

from ...auth.decorators import permission_required
from ...auth.permissions import Action
from ...core.commit import commit_service
from ...core.extensions import db
from ..blueprint import bp
from ..errors import BoardError
from ..forms import ConfirmForm
from ..models import Application
from .export import EXPORT_FORMATS, export_applicant
from .forms import DeleteRequestForm
from .services import delete_on_request


@bp.post("/staff/board/applications/<int:application_id>/export/<fmt>")
@permission_required(Action.EXPORT_APPLICATIONS)
def application_export(application_id: int, fmt: str):
    """Download one applicant's data (their right of access) as JSON or CSV."""
    application = db.get_or_404(Application, application_id)
    if fmt not in EXPORT_FORMATS or not ConfirmForm().validate_on_submit():
        flash("Choose JSON or CSV to export.", "error")
        return redirect(url_for("board.application_detail", application_id=application.id))
    text = export_applicant(current_user, application, fmt)
    db.session.commit()
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


@bp.route("/staff/board/applications/<int:application_id>/delete", methods=["GET", "POST"])
@permission_required(Action.DELETE_APPLICATIONS)
def application_delete(application_id: int):
    """Delete one applicant's personal data at their request."""
    application = db.get_or_404(Application, application_id)
    form = DeleteRequestForm()
    if form.validate_on_submit():
        if commit_service(
            lambda: delete_on_request(current_user, application, form.reason.data),
            {BoardError: form.form_errors},
            success=f"The personal data of application {application.reference} was deleted.",
        ):
            return redirect(url_for("board.application_detail", application_id=application_id))
        application = db.get_or_404(Application, application_id)
    return render_template(
        "board/privacy/delete_request.html", application=application, form=form
    ), (400 if form.errors or form.form_errors else 200)
