"""One's own account: confirm it is you, change password, two-step login (MFA)."""

from flask import abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..core.clock import now_utc
from ..core.commit import commit_service, flash_error
from ..core.extensions import db, limiter
from ..core.http import wants_json
from ..security.events import security_event
from .authflow import code_step, password_step
from .blueprint import bp
from .decorators import login_required, reauth_required
from .forms import ChangePasswordForm, ConfirmForm, EnrolForm, ReauthForm
from .login import renew_session
from .mfa import provisioning_uri, qr_svg, recovery_codes_left
from .services import AccountError, WrongCurrentPassword, change_password
from .services_mfa import (
    confirm_enrolment,
    replace_authenticator,
    replace_recovery_codes,
    start_enrolment,
    turn_off_mfa,
)
from .views import landing_page, safe_next

# Reachable by an admin or chair who still has to set up MFA; everything else waits.
ENROLMENT_OPEN = frozenset(
    {
        "static",
        "ops.healthz",
        "ops.readyz",
        "auth.logout",
        "auth.reauth",
        "auth.mfa_setup",
        "auth.mfa_start",
        "auth.mfa_confirm",
    }
)


@bp.before_app_request
def _mfa_enrolment_first():
    """Admins and chairs without MFA are sent to set it up before anything else."""
    if request.endpoint is None or request.endpoint in ENROLMENT_OPEN:
        return None
    if not current_user.is_authenticated:
        return None
    if current_user.mfa_required and not current_user.mfa_enabled:
        if wants_json():
            abort(403)
        return redirect(url_for("auth.mfa_setup"))
    return None


def _user():
    return current_user._get_current_object()


@bp.route("/account/confirm", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
@login_required
def reauth():
    """Give the password (and a code when MFA is on) again before a sensitive change."""
    user = _user()
    form = ReauthForm()
    if not user.mfa_enabled:
        del form.code
    if form.validate_on_submit():
        result = password_step(user.email, form.password.data)
        if result.user is not None and result.user.id == user.id and user.mfa_enabled:
            result = code_step(user, form.code.data)
        if result.retry_after:
            db.session.commit()
            page = render_template("auth/reauth.html", form=form, throttled=result.retry_after)
            return page, 429, {"Retry-After": str(result.retry_after)}
        db.session.commit()
        if result.user is not None and result.user.id == user.id:
            session["reauth_at"] = now_utc().timestamp()
            security_event("reauth.succeeded", user_id=user.id)
            return redirect(safe_next(request.args.get("next")))
        form.password.errors.append(_("That is not right. Try again."))
    return render_template("auth/reauth.html", form=form, throttled=0)


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@reauth_required
def password():
    """Change one's own password; one's other sessions end."""
    form = ChangePasswordForm()
    user = _user()

    def save() -> None:
        change_password(user, form.current_password.data, form.new_password.data)
        renew_session(user)

    if form.validate_on_submit() and commit_service(
        save,
        {
            WrongCurrentPassword: form.current_password.errors,
            AccountError: form.new_password.errors,
        },
        success=_("Your password is changed. Your other sessions were logged out."),
    ):
        return redirect(landing_page())
    return render_template("auth/password.html", form=form)


@bp.get("/account/mfa")
@login_required
def mfa():
    """Two-step login: whether it is on, recovery codes left, and what one can do."""
    user = _user()
    return render_template(
        "auth/mfa.html",
        user=user,
        codes_left=recovery_codes_left(user) if user.mfa_enabled else 0,
        form=ConfirmForm(),
    )


@bp.get("/account/mfa/setup")
@login_required
def mfa_setup():
    """Explain two-step login and offer to start (required for admins and chairs)."""
    user = _user()
    if user.mfa_enabled:
        return redirect(url_for("auth.mfa"))
    if not user.totp_secret:
        return render_template("auth/mfa_start.html", user=user, form=ConfirmForm())
    return render_template(
        "auth/mfa_setup.html",
        user=user,
        secret=user.totp_secret,
        uri=provisioning_uri(user, user.totp_secret),
        qr=qr_svg(provisioning_uri(user, user.totp_secret)),
        form=EnrolForm(),
    )


@bp.post("/account/mfa/start")
@login_required
@reauth_required
def mfa_start():
    """Make a new secret for the app (shown on the set-up page)."""
    if ConfirmForm().validate_on_submit():
        commit_service(lambda: start_enrolment(_user()), {AccountError: flash_error})
    return redirect(url_for("auth.mfa_setup"))


@bp.post("/account/mfa/setup")
@login_required
@reauth_required
def mfa_confirm():
    """Check the app's first code; show the recovery codes once."""
    user = _user()
    form = EnrolForm()

    def enrol() -> list[str]:
        codes = confirm_enrolment(user, form.code.data)
        renew_session(user)
        return codes

    if form.validate_on_submit() and user.totp_secret:
        done = commit_service(enrol, {AccountError: form.code.errors})
        if done:
            return render_template("auth/mfa_codes.html", codes=done.value, first_time=True)
    if not user.totp_secret:
        return redirect(url_for("auth.mfa_setup"))
    uri = provisioning_uri(user, user.totp_secret)
    page = render_template(
        "auth/mfa_setup.html",
        user=user,
        secret=user.totp_secret,
        uri=uri,
        qr=qr_svg(uri),
        form=form,
    )
    return page, 400


@bp.post("/account/mfa/recovery-codes")
@login_required
@reauth_required
def mfa_recovery_codes():
    """New recovery codes (the old ones stop working), shown once."""
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("auth.mfa"))
    done = commit_service(lambda: replace_recovery_codes(_user()), {AccountError: flash_error})
    if not done:
        return redirect(url_for("auth.mfa"))
    return render_template("auth/mfa_codes.html", codes=done.value, first_time=False)


@bp.post("/account/mfa/off")
@login_required
@reauth_required
def mfa_off():
    """Turn two-step login off (not allowed for roles that require it)."""
    user = _user()

    def turn_off() -> None:
        turn_off_mfa(user, user)
        renew_session(user)

    if ConfirmForm().validate_on_submit():
        commit_service(turn_off, {AccountError: flash_error}, success=_("Two-step login is off."))
    return redirect(url_for("auth.mfa"))


@bp.post("/account/mfa/replace")
@login_required
@reauth_required
def mfa_replace():
    """Drop the current authenticator and set up a new one now."""
    user = _user()
    if ConfirmForm().validate_on_submit():
        replace_authenticator(user)
        start_enrolment(user)
        renew_session(user)
        db.session.commit()
    return redirect(url_for("auth.mfa_setup"))
