"""The advisory board's public pages for applying: join, the form, the confirmation.

Nobody logs in here. The confirmation is the answer to the form's POST: it shows the private
status link once, is never cached and sends no referrer, and the link is kept nowhere else (not
in the session cookie, not on the server).
"""

from flask import make_response, render_template

from ...core.commit import commit_service
from ...core.http import private
from ...core.pagecache import public_page
from ..bilingual import stored_words
from ..blueprint import bp
from ..eligibility import STUDENT_RULE
from ..errors import BoardError, DuplicateApplication, IntakeClosed
from ..intakes.services import next_intake, open_intake
from ..stages import Stage
from .forms import ApplicationForm
from .limit import count_accepted, seconds_to_wait, wait_words
from .services import submit_application


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
        return _receipt(None)
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
            receipt = {
                "reference": application.reference,
                "token": submitted.status_token,
                "guardian": application.stage is Stage.AWAITING_GUARDIAN,
                "ineligible": stored_words(application.eligibility_reason),
            }
            return _receipt(receipt)
    return _form_page(form, intake)


def _receipt(receipt: dict | None):
    """The confirmation with the status link, as the answer to the POST: never stored."""
    page = render_template("board/applications/applied.html", receipt=receipt)
    response = make_response(page, 201)  # 201 Created: the application, with its reference
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.get("/advisory-board/applied")
@private
def applied():
    """The confirmation without the link (it was in the answer to the form, and the email)."""
    return render_template("board/applications/applied.html", receipt=None)
