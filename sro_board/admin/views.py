"""Administration pages: the audit log (admins and the chair) and email delivery (admins)."""

from datetime import UTC, datetime, time, timedelta

import sqlalchemy as sa
from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..audit.actors import SystemActor
from ..audit.models import AuditEntry
from ..audit.queries import entity_types
from ..auth.decorators import permission_required
from ..auth.models import User
from ..auth.permissions import Action
from ..core.clock import local_zone
from ..core.commit import commit_service, flash_error
from ..core.extensions import db
from ..core.forms import choices
from ..core.pagination import keyset, paginate
from ..mail.about import about
from ..mail.models import EmailState, OutboxEmail
from .blueprint import bp
from .forms import AuditFilterForm, RetryEmailForm
from .labels import EMAIL_STATE_LABELS, STATE_WORDS, entity_label, template_label
from .services import AdminError, retry_email

COMMAND_LINE = "system"  # the filter's value for command-line entries (kept from earlier links)


@bp.get("/staff/audit")
@permission_required(Action.READ_AUDIT_LOG)
def audit_log():
    """Newest entries first, filtered."""
    form = AuditFilterForm(request.args)
    users = db.session.execute(sa.select(User.id, User.email).order_by(User.email)).all()
    form.actor.choices = choices(
        [("", _("Anyone")), (COMMAND_LINE, _("System (command line)"))]
        + [(a.value, a.label.capitalize()) for a in SystemActor if a is not a.COMMAND_LINE]
        + [(str(uid), email) for uid, email in users]
    )
    types = entity_types()
    form.entity_type.choices = choices(
        [("", _("Any"))] + [(t, entity_label(t).capitalize()) for t in sorted(types)]
    )
    if request.args:
        form.validate()
    query = sa.select(AuditEntry)
    data = {name: f.data for name, f in form._fields.items() if not f.errors}
    if data.get("actor") == COMMAND_LINE:
        # Entries older than the system_actor column have none; they all came from commands.
        query = query.where(
            AuditEntry.actor_id.is_(None),
            sa.or_(
                AuditEntry.system_actor.is_(None),
                AuditEntry.system_actor == SystemActor.COMMAND_LINE,
            ),
        )
    elif data.get("actor") in set(SystemActor):
        query = query.where(AuditEntry.system_actor == SystemActor(data["actor"]))
    elif data.get("actor"):
        query = query.where(AuditEntry.actor_id == int(data["actor"]))
    if data.get("entity_type"):
        query = query.where(AuditEntry.entity_type == data["entity_type"])
    if data.get("entity_id"):
        query = query.where(AuditEntry.entity_id == data["entity_id"].strip())
    if data.get("action"):
        # icontains: case-insensitive on PostgreSQL too (LIKE already is on SQLite).
        query = query.where(AuditEntry.action.icontains(data["action"].strip(), autoescape=True))
    if data.get("date_from"):
        start = datetime.combine(data["date_from"], time.min, local_zone()).astimezone(UTC)
        query = query.where(AuditEntry.created_at >= start)
    if data.get("date_to"):
        end = datetime.combine(data["date_to"] + timedelta(days=1), time.min, local_zone())
        end = end.astimezone(UTC)
        query = query.where(AuditEntry.created_at < end)
    page = keyset(query, AuditEntry.created_at, AuditEntry.id)
    return render_template("admin/audit_log.html", form=form, page=page, entity_label=entity_label)


@bp.get("/staff/email")
@permission_required(Action.READ_OUTBOX)
def outbox():
    """Each email's delivery status, newest first; never its address, text or links."""
    state = request.args.get("state", "")
    query = sa.select(OutboxEmail).order_by(OutboxEmail.created_at.desc(), OutboxEmail.id.desc())
    if state:
        if state not in {s.value for s in EmailState}:
            abort(404)
        query = query.where(OutboxEmail.state == EmailState(state))
    page = paginate(query)
    by_state = sa.select(OutboxEmail.state, sa.func.count()).group_by(OutboxEmail.state)
    counts = dict(db.session.execute(by_state).all())
    return render_template(
        "admin/outbox.html",
        page=page,
        state=state,
        states=list(EmailState),
        counts=counts,
        about=about(e.id for e in page.items),
        backend=current_app.config["MAIL_BACKEND"],
        form=RetryEmailForm(),
        state_labels=EMAIL_STATE_LABELS,
        state_words=STATE_WORDS,
        template_label=template_label,
    )


@bp.post("/staff/email/<int:email_id>/retry")
@permission_required(Action.RETRY_EMAIL)
def retry(email_id: int):
    """Queue a dead email again (audited); the page says what happened."""
    email = db.get_or_404(OutboxEmail, email_id)
    if RetryEmailForm().validate_on_submit():
        commit_service(
            lambda: retry_email(current_user, email),
            {AdminError: flash_error},
            success=_("Email %(id)d is queued again.", id=email_id),
        )
    return redirect(url_for("admin.outbox", state="dead"))
