"""One's own email language: the language account email is written in (audited)."""

from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..core.commit import commit_service
from ..core.i18n import current_language
from .blueprint import bp
from .decorators import login_required
from .forms import LanguageForm
from .services import AccountError, set_language


@bp.route("/account/language", methods=["GET", "POST"])
@login_required
def language():
    """Choose English or French for one's account email."""
    user = current_user._get_current_object()
    form = LanguageForm(language=user.email_language(current_language()))
    if form.validate_on_submit() and commit_service(
        lambda: set_language(user, form.language.data),
        {AccountError: form.language.errors},
        success=_("Your email language is saved."),
    ):
        return redirect(url_for("auth.language"))
    return render_template("auth/language.html", form=form, chosen=user.language)
