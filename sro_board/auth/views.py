"""Login, logout, password change, and user administration."""

from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from ..extensions import db, limiter
from .decorators import login_required, role_required
from .forms import ChangePasswordForm, LoginForm, UserForm
from .models import User
from .roles import WORKING_GROUP, Role
from .services import AccountError, authenticate, change_password, create_user, update_user

bp = Blueprint("auth", __name__)


def landing_page() -> str:
    """Where a logged-in user starts: the dashboard for the working group, else the home page."""
    if current_user.has_role(*WORKING_GROUP):
        return url_for("recommendations.dashboard")
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


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"])
def login():
    """Staff log in with email and password."""
    if current_user.is_authenticated:
        return redirect(landing_page())
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user:
            login_user(user)
            return redirect(safe_next(request.args.get("next")))
        form.password.errors.append("The email or password is not correct.")
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    """End the session."""
    logout_user()
    flash("You are logged out.", "success")
    return redirect(url_for("public.home"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    """Change one's own password."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(current_user, form.current_password.data, form.new_password.data)
        except AccountError as error:
            form.current_password.errors.append(str(error))
        else:
            db.session.commit()
            flash("Your password is changed.", "success")
            return redirect(landing_page())
    return render_template("auth/password.html", form=form)


@bp.get("/staff/users")
@role_required(Role.ADMIN)
def users():
    """All staff accounts."""
    rows = db.session.scalars(sa.select(User).order_by(User.name)).all()
    return render_template("auth/users.html", users=rows)


@bp.route("/staff/users/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_user():
    """Create a staff account."""
    form = UserForm()
    if form.validate_on_submit():
        try:
            create_user(
                current_user,
                email=form.email.data,
                name=form.name.data,
                roles={Role(r) for r in form.roles.data},
                password=form.password.data or "",
            )
        except AccountError as error:
            form.form_errors.append(str(error))
        else:
            db.session.commit()
            flash("Account created.", "success")
            return redirect(url_for("auth.users"))
    return render_template("auth/user_form.html", form=form, user=None)


@bp.route("/staff/users/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_user(user_id: int):
    """Change a staff account's details, roles, or deactivate it."""
    user = db.get_or_404(User, user_id)
    form = UserForm(obj=user, roles=sorted(user.roles))
    del form.password
    if form.validate_on_submit():
        try:
            update_user(
                current_user,
                user,
                name=form.name.data,
                email=form.email.data,
                roles={Role(r) for r in form.roles.data},
                active=form.active.data,
            )
        except AccountError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            db.session.commit()
            flash("Account updated.", "success")
            return redirect(url_for("auth.users"))
    return render_template("auth/user_form.html", form=form, user=user)
