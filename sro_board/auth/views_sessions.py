"""One's own sessions (ASVS 7.5.2): see where one is logged in and end any of them.

Ending a session needs a recent password (and code) confirmation, like the other account
changes (REAUTH_MINUTES); afterwards the user comes back to the list.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from ..core.commit import commit_service, flash_error
from .blueprint import bp
from .decorators import login_required, recently_authenticated
from .forms import ConfirmForm
from .login import clear_session
from .services import AccountError
from .services_sessions import end_other_sessions, end_own_session
from .session_records import active_records, current_record


def _user():
    return current_user._get_current_object()


def _confirm_first():
    """The confirmation page, then back to the list (a POST cannot be repeated by a redirect)."""
    flash(_("Confirm it is you, then choose the session again."), "info")
    return redirect(url_for("auth.reauth", next=url_for("auth.sessions")))


@bp.get("/account/sessions")
@login_required
def sessions():
    """The user's live sessions: when each began, its last use, its browser; this one marked."""
    user = _user()
    here = current_record(user)
    return render_template(
        "auth/sessions.html",
        rows=active_records(user),
        current_id=here.id if here else None,
        form=ConfirmForm(),
    )


@bp.post("/account/sessions/<int:session_id>/end")
@login_required
def end_session(session_id: int):
    """End one of one's own sessions; ending this one logs out here."""
    user = _user()
    here = current_record(user)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if not recently_authenticated():
        return _confirm_first()
    done = commit_service(lambda: end_own_session(user, session_id), {AccountError: flash_error})
    if done and here is not None and here.id == session_id:
        logout_user()
        clear_session()
        flash(_("This session is ended: you are logged out here."), "success")
        return redirect(url_for("auth.login"))
    if done:
        flash(_("That session is ended: its browser is logged out."), "success")
    return redirect(url_for("auth.sessions"))


@bp.post("/account/sessions/end-others")
@login_required
def end_other_sessions_view():
    """End every session of one's own but this one."""
    user = _user()
    here = current_record(user)
    if here is None or not ConfirmForm().validate_on_submit():
        abort(400)
    if not recently_authenticated():
        return _confirm_first()
    done = commit_service(lambda: end_other_sessions(user, here.id), {})
    flash(_("Your other sessions are ended (%(count)d).", count=done.value), "success")
    return redirect(url_for("auth.sessions"))
