"""Selection pages: applications and their stage moves, the ranking, members, the roster."""

import sqlalchemy as sa
from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from ...auth.decorators import permission_required, recently_authenticated
from ...auth.permissions import Action
from ...core.clock import today_local
from ...core.commit import commit_service
from ...core.extensions import db
from ...core.pagecache import public_page
from ...core.pagination import paginate
from ..blueprint import bp
from ..enums import Category
from ..errors import BoardError
from ..forms import to_utc
from ..labels import stage_label
from ..models import Application, Intake, StageEvent
from ..privacy.export import EXPORT_FORMATS
from ..privacy.reasons import reasons_for
from ..review.results import reviewer_means, reviews_of
from ..stages import STAGE_TRANSITIONS, Stage
from .forms import (
    ChairForm,
    GuardianCheckForm,
    MoveForm,
    NameSearchForm,
    ResignationForm,
    moved_message,
)
from .guardian_checks import guardian_check_of, needs_guardian_check, record_guardian_check
from .members import ENDING_SOON_DAYS, all_members, ending_soon, public_roster
from .membership import chair_ids
from .search import Filters, applications_query, page_number
from .services import is_override, may_ask_guardian, move_application
from .summary import ANSWER_COLUMNS, SELF_ID_LABELS, build_selection

CONFIRM_FIRST = _l(
    "Overriding the eligibility rules needs you to confirm your password (and code) first; "
    "nothing was changed."
)
CHANGED_MEANWHILE = _l(
    "Someone else changed this application meanwhile; nothing was saved. "
    "Check its stage and try again."
)


@bp.route("/staff/board/intakes/<int:intake_id>/applications", methods=["GET", "POST"])
@permission_required(Action.VIEW_BOARD)
def applications(intake_id: int):
    """An intake's applications, filtered by stage, category, reference (GET) or name (POST)."""
    intake = db.get_or_404(Intake, intake_id)
    form = NameSearchForm()
    searched = form.validate_on_submit()
    source = request.form if request.method == "POST" else request.args
    filters = Filters.read(source, name=form.name.data if searched else "")
    page = paginate(
        applications_query(intake.id, filters),
        number=page_number(request.form.get("page")) if searched else None,
    )
    page_html = render_template(
        "board/selection/applications.html",
        intake=intake,
        page=page,
        means=reviewer_means(intake.id, [a.id for a in page.items]),
        filters=filters,
        name_form=form,
        stages=list(Stage),
        categories=list(Category),
        stage_label=stage_label,
    )
    return page_html, 400 if form.errors else 200


def _load(application_id: int) -> Application:
    return db.first_or_404(
        sa.select(Application)
        .where(Application.id == application_id)
        .options(
            selectinload(Application.guardian),
            selectinload(Application.events).joinedload(StageEvent.actor),
        )
    )


def _move_form(application: Application, form: MoveForm | None = None) -> MoveForm:
    form = form or MoveForm(formdata=None)
    onward = sorted(STAGE_TRANSITIONS[application.stage], key=list(Stage).index)
    if Stage.AWAITING_GUARDIAN in onward and not may_ask_guardian(application):
        onward.remove(Stage.AWAITING_GUARDIAN)  # only a minor's override asks a guardian
    return form.set_stages(onward)


def _detail(
    application: Application,
    move_form: MoveForm,
    status: int = 200,
    check_form: GuardianCheckForm | None = None,
):
    reviews, declarations = reviews_of(application)
    return (
        render_template(
            "board/selection/application_detail.html",
            application=application,
            reviews=reviews,
            declarations=declarations,
            criterion_names={c.id: c.name for c in application.intake.criteria},
            move_form=move_form,
            guardian_check=guardian_check_of(application),
            needs_check=needs_guardian_check(application),
            check_form=check_form or GuardianCheckForm(formdata=None),
            stage_label=stage_label,
            formats=EXPORT_FORMATS,
            reasons=reasons_for(application),
            fresh_login=recently_authenticated(),
        ),
        status,
    )


@bp.get("/staff/board/applications/<int:application_id>")
@permission_required(Action.VIEW_BOARD)
def application_detail(application_id: int):
    """Everything about one application (never its self-identification), with its history."""
    application = _load(application_id)
    return _detail(application, _move_form(application))


@bp.post("/staff/board/applications/<int:application_id>/move")
@permission_required(Action.DECIDE_APPLICATIONS)
def application_move(application_id: int):
    """Move an application to another stage, with a reason."""
    application = _load(application_id)
    form = _move_form(application, MoveForm())
    valid = form.validate_on_submit()
    if valid and is_override(application, Stage(form.stage.data)) and not recently_authenticated():
        form.form_errors.append(str(CONFIRM_FIRST))
        valid = False
    if valid:
        when = to_utc(form.interview_at.data) if form.interview_at.data else None
        if commit_service(
            lambda: move_application(
                current_user,
                application,
                Stage(form.stage.data),
                form.reason.data,
                interview_at=when,
                interview_format=form.interview_format.data or None,
                category=form.category.data or None,
            ),
            {
                BoardError: form.form_errors,
                StaleDataError: lambda _error: form.form_errors.append(str(CHANGED_MEANWHILE)),
            },
            success=lambda _event: moved_message(application.reference, application.stage),
        ):
            return redirect(url_for("board.application_detail", application_id=application.id))
        application = _load(application_id)
        form = _move_form(application, form)
    return _detail(application, form, 400)


@bp.post("/staff/board/applications/<int:application_id>/guardian-check")
@permission_required(Action.DECIDE_APPLICATIONS)
def guardian_check(application_id: int):
    """Record how a minor's parent or guardian was confirmed (needed before an offer)."""
    application = _load(application_id)
    form = GuardianCheckForm()
    if form.validate_on_submit() and commit_service(
        lambda: record_guardian_check(
            current_user, application, form.method.data, form.confirmed_on.data, form.note.data
        ),
        {BoardError: form.form_errors},
        success=_(
            "The guardian's confirmation is recorded. The student may now be offered a seat."
        ),
    ):
        return redirect(url_for("board.application_detail", application_id=application.id))
    application = _load(application_id)
    return _detail(application, _move_form(application), 400, check_form=form)


@bp.get("/staff/board/intakes/<int:intake_id>/selection")
@permission_required(Action.VIEW_BOARD)
def selection(intake_id: int):
    """Seats filled, ranked candidates per category, aggregate self-identification."""
    intake = db.get_or_404(Intake, intake_id)
    return render_template(
        "board/selection/selection.html",
        view=build_selection(intake, from_request=True),
        questions=SELF_ID_LABELS,
        answer_columns=ANSWER_COLUMNS,
        stage_label=stage_label,
        stages=list(Stage),
    )


@bp.get("/staff/board/members")
@permission_required(Action.VIEW_BOARD)
def members():
    """Board members and their terms; terms ending within 60 days first."""
    today = today_local()
    everyone = all_members()
    return render_template(
        "board/selection/members.html",
        members=everyone,
        ending=ending_soon(everyone, today),
        days=ENDING_SOON_DAYS,
        today=today,
        resign_form=ResignationForm(),
        chair_form=ChairForm(),
        chairs=chair_ids(everyone),
    )


@bp.get("/advisory-board/members")
@public_page()
def roster():
    """The public roster: current members who agreed to be listed, by category."""
    return render_template(
        "board/selection/roster.html", roster=public_roster(), categories=list(Category)
    )
