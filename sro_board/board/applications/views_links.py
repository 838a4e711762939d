"""Pages reached by a private link: the applicant's status page, the guardian's consent page.

Nobody logs in: a long random token in the URL opens one application. The status page shows the
stage in plain words and lets the applicant change contact details, withdraw, or have the
guardian's link sent again; a lost status link can be replaced. A guardian confirms (or
refuses) consent for a student under 18. These pages are never cached and send no referrer, so
the token does not leak to another site.
"""

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from ...core.commit import commit_service
from ...core.extensions import db, limiter
from ...core.http import private
from ...core.i18n import current_language
from ..blueprint import bp
from ..errors import BoardError, DuplicateApplication
from ..labels import AGE_RANGES, APPLICANT_STAGES
from ..models import Application
from ..stages import Stage
from .email_change import EMAIL_PENDING, confirm_email_change, find_email_change
from .forms_links import (
    ConfirmEmailForm,
    ContactDetailsForm,
    GuardianConsentForm,
    GuardianResendForm,
    LostLinkForm,
    WithdrawForm,
)
from .guardian import (
    LinkState,
    choose_guardian_language,
    confirm_guardian_consent,
    consent_state,
    decline_guardian_consent,
    find_consent,
    resend_guardian_request,
)
from .limit import apply_rate_limit
from .status import (
    find_by_status_token,
    is_active,
    send_new_status_links,
    status_link_expired,
    update_contact,
    withdraw,
)

CONSENT_OUTCOME = "board_consent"
CHANGED_MEANWHILE = _l(
    "Your application changed while this page was open. Here is where it stands now."
)


def _invalid_link(kind: str):
    return render_template("board/applications/link_invalid.html", kind=kind), 404


def _open(token: str) -> tuple[Application | None, object]:
    """The application of a status link, or the page that says why the link does not work."""
    application = find_by_status_token(token)
    if application is None:
        return None, _invalid_link("status")
    if status_link_expired(application):
        return None, (render_template("board/applications/link_expired.html"), 410)
    return application, None


def _contact_saved(changed: list[str]) -> str:
    if EMAIL_PENDING in changed and "phone" in changed:
        return _(
            "We emailed a link to the new address. Your email changes once you follow it; "
            "until then we write to the old one. Your phone number was updated."
        )
    if EMAIL_PENDING in changed:
        return _(
            "We emailed a link to the new address. Your email changes once you follow it; "
            "until then we write to the old one."
        )
    return _("Your contact details were updated.") if changed else _("Nothing changed.")


def _status_page(application: Application, token: str, **forms):
    forms.setdefault(
        "contact_form",
        ContactDetailsForm(formdata=None, email=application.email, phone=application.phone),
    )
    forms.setdefault("withdraw_form", WithdrawForm(formdata=None))
    guardian = application.guardian
    if application.stage is Stage.AWAITING_GUARDIAN and guardian is not None:
        forms.setdefault(
            "guardian_form",
            GuardianResendForm(formdata=None, guardian_email=guardian.guardian_email),
        )
    return render_template(
        "board/applications/status.html",
        application=application,
        token=token,
        stage_words=APPLICANT_STAGES[application.stage],
        active=is_active(application),
        **forms,
    )


def _changed_meanwhile(token: str):
    flash(str(CHANGED_MEANWHILE), "error")
    return redirect(url_for("board.status", token=token))


@bp.get("/advisory-board/status/<token>")
@private
def status(token: str):
    """The applicant's private page: stage, contact details, withdrawal."""
    application, refusal = _open(token)
    if application is None:
        return refusal
    return _status_page(application, token)


@bp.post("/advisory-board/status/<token>/contact")
@private
def update_contact_details(token: str):
    """Change the email address or phone number."""
    application, refusal = _open(token)
    if application is None:
        return refusal
    form = ContactDetailsForm()
    if form.validate_on_submit():
        done = commit_service(
            lambda: update_contact(application, form.email.data, form.phone.data or ""),
            {
                StaleDataError: None,
                DuplicateApplication: form.email.errors,
                BoardError: form.form_errors,
            },
            success=_contact_saved,
        )
        if isinstance(done.error, StaleDataError):
            return _changed_meanwhile(token)
        if done:
            return redirect(url_for("board.status", token=token))
    return _status_page(application, token, contact_form=form)


@bp.post("/advisory-board/status/<token>/withdraw")
@private
def withdraw_application(token: str):
    """Withdraw the application, once the applicant has ticked the confirmation."""
    application, refusal = _open(token)
    if application is None:
        return refusal
    form = WithdrawForm()
    if form.validate_on_submit():
        done = commit_service(
            lambda: withdraw(application),
            {StaleDataError: None, BoardError: form.form_errors},
            success=_("Your application was withdrawn."),
        )
        if isinstance(done.error, StaleDataError):
            return _changed_meanwhile(token)
        if done:
            return redirect(url_for("board.status", token=token))
    return _status_page(application, token, withdraw_form=form)


@bp.post("/advisory-board/status/<token>/guardian")
@limiter.limit(apply_rate_limit)
@private
def resend_guardian(token: str):
    """Send the parent's or guardian's consent link again, perhaps to a corrected address."""
    application, refusal = _open(token)
    if application is None:
        return refusal
    form = GuardianResendForm()
    if form.validate_on_submit():
        done = commit_service(
            lambda: resend_guardian_request(application, form.guardian_email.data),
            {StaleDataError: None, BoardError: form.guardian_email.errors},
            success=_("We sent your parent or guardian a new link."),
        )
        if isinstance(done.error, StaleDataError):
            return _changed_meanwhile(token)
        if done:
            return redirect(url_for("board.status", token=token))
    return _status_page(application, token, guardian_form=form)


@bp.route("/advisory-board/new-status-link", methods=["GET", "POST"])
@limiter.limit(apply_rate_limit, methods=["POST"])
def lost_link():
    """Ask for a new status link; the answer is the same whether or not the address applied."""
    form = LostLinkForm()
    if form.validate_on_submit():
        send_new_status_links(form.email.data)
        db.session.commit()
        flash(
            _(
                "If an application was made with that address, we have emailed it a new "
                "status link. Earlier links no longer work."
            ),
            "success",
        )
        return redirect(url_for("board.join"))
    return render_template("board/applications/lost_link.html", form=form)


@bp.route("/advisory-board/confirm-email/<token>", methods=["GET", "POST"])
@private
def confirm_email(token: str):
    """The new address confirms it belongs to the applicant (a button: scanners only GET)."""
    application = find_email_change(token)
    if application is None:
        return _invalid_link("email")
    form = ConfirmEmailForm()
    if form.validate_on_submit():
        done = commit_service(
            lambda: confirm_email_change(application),
            {StaleDataError: None, BoardError: form.form_errors},
        )
        if done:
            return render_template("board/applications/email_confirmed.html", done=True)
    return render_template(
        "board/applications/email_confirmed.html", done=False, form=form, application=application
    )


@bp.route("/advisory-board/consent/<token>", methods=["GET", "POST"])
@private
def consent(token: str):
    """A parent or guardian confirms (or refuses) consent for a student under 18."""
    pending = find_consent(token)
    if pending is None:
        return _invalid_link("consent")
    state = consent_state(pending)
    if state is not LinkState.VALID:
        return render_template("board/applications/consent_closed.html", state=state.value), 410
    application = pending.application
    if request.method == "GET" and choose_guardian_language(pending, current_language()):
        db.session.commit()  # the language this link was opened in, for any later email
    form = GuardianConsentForm()
    if form.validate_on_submit():
        declined = form.decline.data
        # Answered twice at the same moment (stale): the first answer stands.
        done = commit_service(
            lambda: (
                decline_guardian_consent(pending)
                if declined
                else confirm_guardian_consent(pending, form.full_name.data)
            ),
            {StaleDataError: None},
        )
        if not done:
            return redirect(url_for("board.consent", token=token))
        session[CONSENT_OUTCOME] = "declined" if declined else "confirmed"
        return redirect(url_for("board.consent_done"))
    return render_template(
        "board/applications/consent.html",
        form=form,
        application=application,
        consent=pending,
        intake=application.intake,
        age=str(AGE_RANGES.get(application.age_range, "")),
    )


@bp.get("/advisory-board/consent/done")
@private
def consent_done():
    """Thanks to the guardian, for either answer."""
    return render_template(
        "board/applications/consent_done.html", outcome=session.pop(CONSENT_OUTCOME, None)
    )
