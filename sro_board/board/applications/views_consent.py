"""The parent's or guardian's consent page for a student under 18 (a single-use private link).

Never cached, no referrer: the token in its URL does not leak to another site.
"""

from flask import redirect, render_template, session, url_for
from sqlalchemy.orm.exc import StaleDataError

from ...core.commit import commit_service
from ...core.http import private
from ..blueprint import bp
from ..labels import AGE_RANGES
from .forms import GuardianConsentForm
from .guardian import (
    LinkState,
    confirm_guardian_consent,
    consent_state,
    decline_guardian_consent,
    find_consent,
)
from .views_status import invalid_link

CONSENT_OUTCOME = "board_consent"


@bp.route("/advisory-board/consent/<token>", methods=["GET", "POST"])
@private
def consent(token: str):
    """A parent or guardian confirms (or refuses) consent for a student under 18."""
    pending = find_consent(token)
    if pending is None:
        return invalid_link("consent")
    state = consent_state(pending)
    if state is not LinkState.VALID:
        return render_template("board/applications/consent_closed.html", state=state.value), 410
    application = pending.application
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
        age=AGE_RANGES.get(application.age_range, ""),
    )


@bp.get("/advisory-board/consent/done")
@private
def consent_done():
    """Thanks to the guardian, for either answer."""
    return render_template(
        "board/applications/consent_done.html", outcome=session.pop(CONSENT_OUTCOME, None)
    )
