"""One's own staff notifications: which kinds of email to get (in the account area)."""

from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.decorators import login_required
from ..core.commit import commit_service
from .forms import settings_form
from .services import NoticeError, choices, set_choices

bp = Blueprint("notices", __name__)


@bp.route("/account/notifications", methods=["GET", "POST"])
@login_required
def settings():
    """Switch each kind of staff notification that applies to one's roles on or off."""
    user = current_user._get_current_object()
    current = choices(user)
    form = settings_form(current)
    if current and form.validate_on_submit():
        wanted = {kind.value: form[kind.value].data for kind in current}
        if commit_service(
            lambda: set_choices(user, wanted),
            {NoticeError: form.form_errors},
            success=_("Your notification choices are saved."),
        ):
            return redirect(url_for("notices.settings"))
    return render_template("notices/settings.html", form=form, kinds=list(current))
