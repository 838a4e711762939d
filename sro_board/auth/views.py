"""Logging in (password, then a code for users with MFA), out, and emailed links."""

from urllib.parse import urlsplit

from flask import (
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user

from ..core.clock import now_utc
from ..core.commit import commit_service
from ..core.extensions import db, limiter
from ..core.http import private
from ..security.events import security_event
from .authflow import StepResult, code_step, logged_in, password_step
from .blueprint import bp
from .decorators import login_required
from .forms import CodeForm, ForgotPasswordForm, LoginForm, SetPasswordForm
from .links import find_link, request_password_reset, set_password_from_link
from .login import clear_session, end_sessions, start_session
from .models import TokenPurpose, User
from .permissions import Action, can
from .services import AccountError
from .throttle import throttle_key

PENDING = "pending_login"  # session key between the password and the code step
WRONG_LOGIN = _l("The email or password is not correct.")


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _reset_limit() -> str:
    return current_app.config["PASSWORD_RESET_RATE_LIMIT"]


def _reset_address_key() -> str:
    """Reset requests also count per email address (any address, known or not)."""
    return "reset:" + throttle_key(request.form.get("email", "")[:254])


# Where each person starts after logging in: their own work. The first action they may take
# decides (so someone both admin and chair starts on the board's intakes).
LANDING_PAGES = (
    (Action.MANAGE_INTAKES, "board.intakes"),  # the admin: intakes, reviewers, decisions
    (Action.VIEW_TRACKER, "recommendations.dashboard"),  # the chair and members
    (Action.REVIEW_APPLICATIONS, "board.review_queue"),  # reviewers
    (Action.VIEW_BOARD_HOME, "oversight.home"),  # advisory-board members and chairs
)


def landing_page() -> str:
    """Where a logged-in user starts (LANDING_PAGES); the home page for anyone else."""
    for action, endpoint in LANDING_PAGES:
        if can(action):
            return url_for(endpoint)
    return url_for("public.home")


def safe_next(target: str | None) -> str:
    """A local path to go to after login; anything pointing elsewhere goes to the landing page."""
    default = landing_page()
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target:
        return default
    return target


def _throttled(template: str, result: StepResult, **context):
    """429 with Retry-After: the same for known and unknown addresses."""
    db.session.commit()
    page = render_template(template, throttled=result.retry_after, **context)
    return page, 429, {"Retry-After": str(result.retry_after)}


def _finish_login(user: User, next_target: str | None):
    start_session(user)
    logged_in(user)
    db.session.commit()
    return redirect(safe_next(next_target))


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    """Staff log in with email and password; users with MFA go on to the code step."""
    if current_user.is_authenticated:
        return redirect(landing_page())
    form = LoginForm()
    if form.validate_on_submit():
        result = password_step(form.email.data, form.password.data)
        if result.retry_after:
            return _throttled("auth/login.html", result, form=form)
        user = result.user
        if user is None:
            db.session.commit()  # the failure count
            form.password.errors.append(str(WRONG_LOGIN))
        elif user.mfa_enabled:
            db.session.commit()  # a re-hashed password
            clear_session()
            session[PENDING] = {
                "user": user.get_id(),
                "at": now_utc().timestamp(),
                "next": request.args.get("next"),
            }
            return redirect(url_for("auth.login_code"))
        else:
            return _finish_login(user, request.args.get("next"))
    return render_template("auth/login.html", form=form)


def _pending_user() -> User | None:
    pending = session.get(PENDING)
    if not isinstance(pending, dict):
        return None
    age = now_utc().timestamp() - pending.get("at", 0)
    if age > current_app.config["LOGIN_CODE_MINUTES"] * 60:
        return None
    user_id, _sep, version = str(pending.get("user", "")).partition(":")
    user = db.session.get(User, int(user_id)) if user_id.isdigit() else None
    if user is None or not user.active or str(user.session_version) != version:
        return None
    return user


@bp.route("/login/code", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login_code():
    """The second step: a code from the authenticator app, or a recovery code."""
    user = _pending_user()
    if user is None:
        session.pop(PENDING, None)
        return render_template("auth/login_restart.html")
    form = CodeForm()
    if form.validate_on_submit():
        result = code_step(user, form.code.data)
        if result.retry_after:
            return _throttled("auth/login_code.html", result, form=form)
        if result.user is None:
            db.session.commit()
            form.code.errors.append(_("That code is not right, or was already used."))
        else:
            if result.used_recovery_code:
                flash(_("You used a recovery code; it will not work again."), "info")
            return _finish_login(user, session[PENDING].get("next"))
    return render_template("auth/login_code.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    """End the session here and every other session of the user."""
    user = current_user._get_current_object()
    end_sessions(user)
    db.session.commit()
    security_event("logout", user_id=user.id)
    logout_user()
    clear_session()
    flash(_("You are logged out."), "success")
    return redirect(url_for("public.home"))


@bp.route("/password-reset", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
@limiter.limit(_reset_limit, methods=["POST"], key_func=_reset_address_key)
def forgot_password():
    """Ask for a reset link; the answer is the same whether or not the address has an account."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        request_password_reset(form.email.data)
        db.session.commit()
        flash(
            _(
                "If that address belongs to a staff account, we have emailed it a link to set "
                "a new password. The link works once, for %(minutes)d minutes.",
                minutes=current_app.config["PASSWORD_RESET_MINUTES"],
            ),
            "success",
        )
        return redirect(url_for("auth.forgot_password"))
    return render_template("auth/forgot_password.html", form=form)


def _set_password_page(token: str, purpose: TokenPurpose, template: str):
    link = find_link(token, purpose)
    if link is None:
        return render_template("auth/link_invalid.html", purpose=purpose.value), 404
    form = SetPasswordForm()
    if form.validate_on_submit() and commit_service(
        lambda: set_password_from_link(link, form.new_password.data),
        {AccountError: form.new_password.errors},
    ):
        if current_user.is_authenticated:
            logout_user()
        clear_session()
        flash(_("Your password is set. Please log in with it."), "success")
        return redirect(url_for("auth.login"))
    return render_template(template, form=form, user=link.user)


@bp.route("/password-reset/<token>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@private
def reset_password(token: str):
    """Set a new password from an emailed reset link (one use, one hour)."""
    return _set_password_page(token, TokenPurpose.PASSWORD_RESET, "auth/reset_password.html")


@bp.route("/invitation/<token>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@private
def accept_invitation(token: str):
    """An invited person sets their own password (one use, 48 hours)."""
    return _set_password_page(token, TokenPurpose.INVITATION, "auth/accept_invitation.html")
