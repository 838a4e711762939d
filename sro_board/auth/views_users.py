"""User administration: invite staff, change roles, deactivate, end sessions, reset MFA."""

import sqlalchemy as sa
from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..core.commit import commit_service, flash_error
from ..core.extensions import db
from .blueprint import bp
from .decorators import permission_required, reauth_required
from .forms import ConfirmForm, InviteForm, UserForm
from .links import invite_user
from .links import resend_invitation as send_new_invitation
from .login import renew_session
from .models import User
from .permissions import Action
from .roles import Role
from .services import AccountError, end_user_sessions, update_user
from .services_mfa import turn_off_mfa


def _admin() -> User:
    return current_user._get_current_object()


@bp.get("/staff/users")
@permission_required(Action.MANAGE_USERS)
def users():
    """All staff accounts."""
    rows = db.session.scalars(sa.select(User).order_by(User.name)).all()
    return render_template("auth/users.html", users=rows)


@bp.route("/staff/users/new", methods=["GET", "POST"])
@permission_required(Action.MANAGE_USERS)
@reauth_required
def new_user():
    """Invite a new staff member: they get an emailed link to set their own password."""
    form = InviteForm()
    if form.validate_on_submit() and commit_service(
        lambda: invite_user(
            _admin(),
            email=form.email.data,
            name=form.name.data,
            roles={Role(r) for r in form.roles.data},
            language=form.mail_language.data,
        ),
        {AccountError: form.form_errors},
        success=_(
            "Invitation sent. The link works once, for %(hours)d hours.",
            hours=current_app.config["INVITATION_HOURS"],
        ),
    ):
        return redirect(url_for("auth.users"))
    return render_template("auth/user_form.html", form=form, user=None)


@bp.route("/staff/users/<int:user_id>", methods=["GET", "POST"])
@permission_required(Action.MANAGE_USERS)
@reauth_required
def edit_user(user_id: int):
    """Change a staff account's details, roles, or deactivate it; its sessions then end."""
    user = db.get_or_404(User, user_id)
    form = UserForm(obj=user, roles=sorted(user.roles), mail_language=user.email_language())

    def save() -> None:
        chosen = form.mail_language.data
        update_user(
            _admin(),
            user,
            name=form.name.data,
            email=form.email.data,
            roles={Role(r) for r in form.roles.data},
            active=form.active.data,
            language=chosen if chosen != user.email_language() else None,
        )
        if user.id == current_user.id:
            renew_session(user)

    if form.validate_on_submit() and commit_service(
        save, {AccountError: form.form_errors}, success=_("Account updated.")
    ):
        return redirect(url_for("auth.users"))
    return render_template("auth/user_form.html", form=form, user=user)


@bp.post("/staff/users/<int:user_id>/end-sessions")
@permission_required(Action.MANAGE_USERS)
@reauth_required
def end_sessions_of(user_id: int):
    """Log a user out on every device."""
    user = db.get_or_404(User, user_id)
    if ConfirmForm().validate_on_submit():
        end_user_sessions(_admin(), user)
        if user.id == current_user.id:
            renew_session(user)
        db.session.commit()
        flash(_("%(name)s is logged out everywhere.", name=user.name), "success")
    return redirect(url_for("auth.edit_user", user_id=user.id))


@bp.post("/staff/users/<int:user_id>/reset-mfa")
@permission_required(Action.MANAGE_USERS)
@reauth_required
def reset_mfa(user_id: int):
    """Remove a user's authenticator (lost phone): they set up a new one at their next login."""
    user = db.get_or_404(User, user_id)
    if ConfirmForm().validate_on_submit():
        if user.id == current_user.id:
            flash(_("Use your own two-step login page to replace your authenticator."), "error")
        else:
            turn_off_mfa(_admin(), user)
            db.session.commit()
            flash(_("Two-step login of %(name)s is reset.", name=user.name), "success")
    return redirect(url_for("auth.edit_user", user_id=user.id))


@bp.post("/staff/users/<int:user_id>/invitation")
@permission_required(Action.MANAGE_USERS)
@reauth_required
def resend_invitation(user_id: int):
    """Send a new invitation link (earlier ones stop working)."""
    user = db.get_or_404(User, user_id)
    if ConfirmForm().validate_on_submit():
        commit_service(
            lambda: send_new_invitation(_admin(), user),
            {ValueError: flash_error},
            success=_("A new invitation was sent to %(name)s.", name=user.name),
        )
    return redirect(url_for("auth.edit_user", user_id=user.id))
