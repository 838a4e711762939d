"""The audit log, for administrators and the chair, with filters."""

from datetime import UTC, datetime, time, timedelta

import sqlalchemy as sa
from flask import Blueprint, render_template, request
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField
from wtforms.validators import Length, Optional

from ..auth.decorators import permission_required
from ..auth.models import User
from ..auth.permissions import Action
from ..extensions import db
from ..formutil import choices, plausible_year
from ..timeutil import local_zone
from .actors import SystemActor
from .models import AuditEntry

bp = Blueprint("audit", __name__)
PAGE = 100
COMMAND_LINE = "system"  # the filter's value for command-line entries (kept from earlier links)


class AuditFilterForm(FlaskForm):
    """Filters for the audit log, sent by GET."""

    class Meta:
        csrf = False

    actor = SelectField("Who", choices=[], validate_choice=True)
    entity_type = SelectField("Kind of record", choices=[], validate_choice=True)
    entity_id = StringField("Record (e.g. R-07)", validators=[Optional(), Length(max=40)])
    action = StringField("Action contains", validators=[Optional(), Length(max=60)])
    date_from = DateField("From", validators=[Optional(), plausible_year])
    date_to = DateField("To", validators=[Optional(), plausible_year])


@bp.get("/staff/audit")
@permission_required(Action.READ_AUDIT_LOG)
def log():
    """Newest entries first, filtered."""
    form = AuditFilterForm(request.args)
    users = db.session.execute(sa.select(User.id, User.email).order_by(User.email)).all()
    form.actor.choices = choices(
        [("", "Anyone"), (COMMAND_LINE, "System (command line)")]
        + [(a.value, a.label.capitalize()) for a in SystemActor if a is not a.COMMAND_LINE]
        + [(str(uid), email) for uid, email in users]
    )
    types = db.session.scalars(sa.select(AuditEntry.entity_type).distinct()).all()
    form.entity_type.choices = choices(
        [("", "Any")] + [(t, t.replace("_", " ")) for t in sorted(types)]
    )
    if request.args:
        form.validate()
    query = sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(PAGE)
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
    entries = db.session.scalars(query).all()
    return render_template("audit/log.html", form=form, entries=entries, page=PAGE)
