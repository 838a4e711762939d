"""Contact form (public) and inbox (chair and admin)."""

import sqlalchemy as sa
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.decorators import permission_required
from ..auth.permissions import Action
from ..core.commit import commit_service
from ..core.extensions import db, limiter
from ..core.i18n import current_language
from ..core.pagination import paginate
from .forms import ContactForm, StateForm
from .labels import (
    LANGUAGE_LABELS,
    LIST_TITLES,
    NONE_IN_STATE,
    STATE_LABELS,
    STATE_WORDS,
    TOPIC_LABELS,
)
from .models import ContactMessage, MessageState
from .replies import reply_link
from .services import InboxError, change_state, submit_message

bp = Blueprint("contact", __name__)


@bp.route("/contact", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["CONTACT_RATE_LIMIT"], methods=["POST"])
def contact():
    """Send a question, comment, concern or suggestion."""
    form = ContactForm()
    if form.validate_on_submit():
        if not form.website.data:
            submit_message(
                form.topic.data,
                form.message.data,
                form.name.data or "",
                form.email.data or "",
                language=current_language(),
            )
            db.session.commit()
        return redirect(url_for("contact.thanks"))
    return render_template("contact/form.html", form=form)


@bp.get("/contact/thanks")
def thanks():
    """Confirmation after sending."""
    return render_template("contact/thanks.html")


@bp.get("/staff/inbox")
@permission_required(Action.HANDLE_CONTACT_MESSAGES)
def inbox():
    """Messages, filtered by state (open by default)."""
    state = request.args.get("state", MessageState.OPEN.value)
    if state not in {s.value for s in MessageState}:
        flash(_("Unknown state; showing open messages."), "error")
        state = MessageState.OPEN.value
    page = paginate(
        sa.select(ContactMessage)
        .where(ContactMessage.state == MessageState(state))
        .order_by(ContactMessage.created_at.desc(), ContactMessage.id.desc())
    )
    return render_template(
        "contact/inbox.html",
        page=page,
        messages=page.items,
        state=state,
        states=list(MessageState),
        state_labels=STATE_LABELS,
        title=LIST_TITLES[MessageState(state)],
        none_here=NONE_IN_STATE[MessageState(state)],
        topics=TOPIC_LABELS,
    )


@bp.route("/staff/inbox/<int:message_id>", methods=["GET", "POST"])
@permission_required(Action.HANDLE_CONTACT_MESSAGES)
def message(message_id: int):
    """Read one message and change its state."""
    msg = db.get_or_404(ContactMessage, message_id)
    form = StateForm(state=msg.state.value)
    if form.validate_on_submit() and commit_service(
        lambda: change_state(current_user, msg, MessageState(form.state.data)),
        {InboxError: form.state.errors},
        success=lambda _value: _(
            "Message marked %(state)s.", state=STATE_WORDS[MessageState(form.state.data)]
        ),
    ):
        return redirect(url_for("contact.inbox"))
    return render_template(
        "contact/message.html",
        msg=msg,
        form=form,
        topics=TOPIC_LABELS,
        state_labels=STATE_LABELS,
        language=LANGUAGE_LABELS.get(msg.language, msg.language),
        reply=reply_link(msg) if msg.email else None,
    )
