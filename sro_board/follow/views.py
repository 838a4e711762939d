"""Following pages: the form, the confirm button, the manage page, the one-click unsubscribe."""

import sqlalchemy as sa
from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..core.extensions import csrf, db, limiter
from ..core.http import private
from ..core.i18n import current_language
from ..core.pagecache import public_page
from ..mail.services import recipient_hash
from ..recommendations.enums import Theme
from ..recommendations.models import Recommendation
from . import services
from .forms import FREQUENCY_LABELS, ConfirmForm, FollowForm, ManageForm, scope_choices
from .links import find_link
from .models import Frequency, LinkPurpose, ScopeKind
from .scopes import scope_words

bp = Blueprint("follow", __name__)


def _ip_limit() -> str:
    return current_app.config["FOLLOW_RATE_LIMIT"]


def _address_limit() -> str:
    return current_app.config["FOLLOW_ADDRESS_RATE_LIMIT"]


def _address_key() -> str:
    """Follow requests also count per address (its keyed hash; any address)."""
    return "follow:" + recipient_hash(request.form.get("email", "")[:254])


def _recommendation():
    """The recommendation named by ?recommendation= (or the form's scope), if it exists."""
    code = request.values.get("recommendation") or ""
    scope = request.form.get("scope", "")
    if scope.startswith("recommendation:"):
        code = scope.removeprefix("recommendation:")
    if not code or len(code) > 12:
        return None
    return db.session.scalar(sa.select(Recommendation).where(Recommendation.code == code))


@bp.errorhandler(429)
def too_many(error):
    """Too many follow requests: say so plainly, with when to try again."""
    page = render_template("follow/limited.html")
    return page, 429, {"Retry-After": "3600"}


@bp.route("/follow", methods=["GET", "POST"])
@public_page(csrf=True)
@limiter.limit(_ip_limit, methods=["POST"])
@limiter.limit(_address_limit, methods=["POST"], key_func=_address_key)
def follow():
    """Follow a recommendation, a theme or everything: an email confirms it."""
    rec = _recommendation()
    form = FollowForm()
    form.scope.choices = scope_choices(rec)
    if request.method == "GET":
        theme = request.args.get("theme", "")
        if rec is not None:
            form.scope.data = f"recommendation:{rec.code}"
        elif theme in {t.value for t in Theme}:
            form.scope.data = f"theme:{theme}"
    if form.validate_on_submit():
        if not form.website.data:
            kind, _sep, value = form.scope.data.partition(":")
            services.subscribe(
                form.email.data,
                ScopeKind(kind),
                Frequency(form.frequency.data),
                current_language(),
                theme=Theme(value) if kind == ScopeKind.THEME else None,
                rec=rec if kind == ScopeKind.RECOMMENDATION else None,
            )
            db.session.commit()
        return redirect(url_for("follow.sent"))
    return render_template("follow/form.html", form=form, rec=rec)


@bp.get("/follow/check-your-email")
@public_page()
def sent():
    """The same answer for every address: look for the confirmation email."""
    return render_template("follow/sent.html", days=services.UNCONFIRMED_DAYS)


@bp.route("/follow/confirm/<token>", methods=["GET", "POST"])
@private
def confirm(token: str):
    """A button to confirm a follow (GET shows it, so a link scanner confirms nothing)."""
    link = find_link(token, LinkPurpose.CONFIRM)
    if link is None:
        return render_template("follow/link_invalid.html"), 404
    form = ConfirmForm()
    if form.validate_on_submit():
        follower = services.confirm(link)
        words = scope_words(follower)
        frequency = FREQUENCY_LABELS[follower.frequency]
        db.session.commit()
        return render_template("follow/confirmed.html", words=words, frequency=frequency)
    return render_template("follow/confirm.html", form=form, words=scope_words(link.follower))


@bp.route("/follow/manage/<token>", methods=["GET", "POST"])
@private
def manage(token: str):
    """What this address follows: change how often, stop one, or stop all."""
    link = find_link(token, LinkPurpose.MANAGE)
    if link is None:
        return render_template("follow/link_invalid.html"), 404
    form = ManageForm()
    if form.validate_on_submit():
        if form.action.data == "stop_all":
            services.stop_all(link)
            db.session.commit()
            return render_template("follow/stopped.html", everything=True)
        follower = services.own_follow(link, form.follower_id.data or 0)
        if follower is None:
            abort(404)
        if form.action.data == "stop":
            services.stop(follower)
            message = _("You no longer follow %(scope)s.", scope=scope_words(follower))
        elif form.action.data == "frequency" and form.frequency.data:
            services.set_frequency(follower, Frequency(form.frequency.data))
            message = _("Saved: %(frequency)s.", frequency=FREQUENCY_LABELS[follower.frequency])
        else:
            abort(400)
        db.session.commit()
        link = find_link(token, LinkPurpose.MANAGE)
        if link is None:  # the follow the link was sent for is gone
            return render_template("follow/stopped.html", everything=False, message=message)
        return _manage_page(link, message)
    return _manage_page(link)


def _manage_page(link, message: str | None = None):
    follows = services.follows_of(link)
    return render_template(
        "follow/manage.html",
        address=link.follower.address,
        follows=[(f, scope_words(f)) for f in follows],
        labels=FREQUENCY_LABELS,
        form=ManageForm(),
        message=message,
    )


@bp.route("/follow/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058: the mail client POSTs List-Unsubscribe=One-Click, with no cookie
@private
def unsubscribe(token: str):
    """One-click unsubscribe (RFC 8058); the GET shows the same button for people."""
    link = find_link(token, LinkPurpose.MANAGE)
    if link is None:
        return render_template("follow/link_invalid.html"), 404
    if request.method == "POST":
        services.unsubscribe(link)
        db.session.commit()
        return render_template("follow/stopped.html", everything=False)
    return render_template("follow/unsubscribe.html", words=scope_words(link.follower))
