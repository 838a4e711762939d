"""One way for a view to run a service: commit once on success; on a refusal roll back, report.

    done = commit_service(lambda: create_intake(user, values), {BoardError: form.form_errors},
                          success="Intake added.")
    if done:
        return redirect(url_for("board.intake_detail", intake_id=done.value.id))

`refused` maps each error the view expects to where its message goes: a list (a form's or a
field's errors), flash_error (a flashed message, for views that redirect), a callable, or
None (the view looks at `done.error` itself). The first matching type wins, so put subclasses
first. Any other error propagates to the error pages, which roll back too.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

from flask import flash

from .extensions import db

T = TypeVar("T")
Report = list[str] | Callable[[Exception], object] | None


def flash_error(error: Exception) -> None:
    """Show a refusal as a flashed error message."""
    flash(str(error), "error")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a service call came to: its value, or the error it was refused with."""

    value: T | None = None
    error: Exception | None = None

    def __bool__(self) -> bool:
        return self.error is None


def commit_service(
    work: Callable[[], T],
    refused: Mapping[type[Exception], Report],
    *,
    success: str | Callable[[T], str] | None = None,
) -> Outcome[T]:
    """Run work() and commit; on an expected error roll back (nothing saved) and report it."""
    try:
        value = work()
        db.session.commit()
    except tuple(refused) as error:
        db.session.rollback()
        _report(error, next(r for kind, r in refused.items() if isinstance(error, kind)))
        return Outcome(error=error)
    if success is not None:
        flash(success(value) if callable(success) else success, "success")
    return Outcome(value=value)


def _report(error: Exception, report: Report) -> None:
    if isinstance(report, list):
        report.append(str(error))
    elif report is not None:
        report(error)
