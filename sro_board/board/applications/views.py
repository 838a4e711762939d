"""The advisory board's public pages for applying: join, the form, the confirmation.

Nobody logs in here. The confirmation shows the private status link once; it is never cached
and sends no referrer.
"""

from flask import redirect, render_template, session, url_for

from ...core.commit import commit_service
from ...core.http import private
from ...core.pagecache import public_page
from ..blueprint import bp
from ..eligibility import STUDENT_RULE
from ..errors import BoardError, DuplicateApplication, IntakeClosed
from ..intakes.services import next_intake, open_intake
from ..stages import Stage
from .forms import ApplicationForm
from .limit import count_accepted, seconds_to_wait, wait_words
from .services import submit_application

RECEIPT = "board_receipt"  # session key: reference and status token, shown once


@bp.get("/advisory-board")
@public_page()
def join():
    """The join page: the open intake, its seats and deadline, who may apply, what members do."""
    intake = open_intake()
    return render_template(
        "board/applications/join.html", intake=intake, upcoming=None if intake else next_intake()
    )


def _closed(status: int):
    return render_template("board/applications/closed.html", upcoming=next_intake()), status


def _form_page(form: ApplicationForm, intake, **extra) -> str:
    return render_template(
        "board/applications/apply.html",
        form=form,
        intake=intake,
        student_rule=STUDENT_RULE,
        **extra,
    )


def _wait(form: ApplicationForm, intake, seconds: int):
    """The form again, as typed, with the real wait before this address may apply again."""
    page = _form_page(form, intake, wait=wait_words(seconds))
    return page, 429, {"Retry-After": str(seconds)}


@bp.route("/advisory-board/apply", methods=["GET", "POST"])
@public_page(csrf=True)
def apply():
    """The application form (no account); refused with a clear page while no intake is open."""
    intake = open_intake()
    form = ApplicationForm()
    if intake is None or (form.is_submitted() and form.intake.data != str(intake.id)):
        return _closed(409 if form.is_submitted() else 200)
    if form.is_submitted() and form.website.data:  # honeypot: a bot; pretend all went well
        return redirect(url_for("board.applied"))
    form.intake.data = str(intake.id)
    if form.validate_on_submit():
        if seconds := seconds_to_wait():
            return _wait(form, intake, seconds)
        done = commit_service(
            lambda: submit_application(intake, form.to_input()),
            {
                IntakeClosed: None,
                DuplicateApplication: form.email.errors,
                BoardError: form.form_errors,
            },
        )
        if isinstance(done.error, IntakeClosed):
            return _closed(409)
        if done:
            submitted = done.value
            application = submitted.application
            count_accepted()
            session[RECEIPT] = {
                "reference": application.reference,
                "token": submitted.status_token,
                "guardian": application.stage is Stage.AWAITING_GUARDIAN,
                "ineligible": application.eligibility_reason,
            }
            return redirect(url_for("board.applied"))
    return _form_page(form, intake)


@bp.get("/advisory-board/applied")
@private
def applied():
    """Confirmation: the reference and the private status link, shown once."""
    receipt = session.pop(RECEIPT, None)
    return render_template("board/applications/applied.html", receipt=receipt)
