"""Staff actions on board members: record a resignation, make a member board chair or not."""

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...auth.decorators import permission_required
from ...auth.permissions import Action
from ...core.commit import commit_service, flash_error
from ...core.extensions import db
from ..blueprint import bp
from ..errors import BoardError
from ..models import BoardMember
from .forms import ChairForm, ResignationForm
from .membership import record_resignation, set_board_chair


def _back():
    return redirect(url_for("board.members"))


def _flash_form_errors(form) -> None:
    for errors in form.errors.values():
        for error in errors:
            flash(str(error), "error")


@bp.post("/staff/board/members/<int:member_id>/resignation")
@permission_required(Action.MANAGE_BOARD_MEMBERS)
def record_member_resignation(member_id: int):
    """Record an early resignation: the member leaves the roster and their access ends."""
    member = db.get_or_404(BoardMember, member_id)
    form = ResignationForm()
    if not form.validate_on_submit():
        _flash_form_errors(form)
        return _back()
    commit_service(
        lambda: record_resignation(current_user, member, form.resigned_on.data, form.reason.data),
        {BoardError: flash_error},
        success=lambda _done: _(
            "The resignation is recorded. The member is off the roster and their access ended."
        ),
    )
    return _back()


@bp.post("/staff/board/members/<int:member_id>/chair")
@permission_required(Action.MANAGE_BOARD_MEMBERS)
def set_member_chair(member_id: int):
    """Make a serving member board chair (two at most), or no longer chair."""
    member = db.get_or_404(BoardMember, member_id)
    form = ChairForm()
    if not form.validate_on_submit():
        _flash_form_errors(form)
        return _back()
    chair = form.chair.data == "yes"
    commit_service(
        lambda: set_board_chair(current_user, member, chair),
        {BoardError: flash_error},
        success=lambda _done: (
            _("The member is now board chair.") if chair else _("The member is no longer chair.")
        ),
    )
    return _back()
