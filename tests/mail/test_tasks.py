"""The features' tasks on the job queue: run by name, only once the transaction commits."""

from sro_board.core.extensions import db
from sro_board.mail.queue import run_after_commit, task_queue

CALLS: list[tuple] = []


def _record(*args) -> None:
    CALLS.append(args)


def test_a_task_runs_after_the_commit_and_never_after_a_rollback(app):
    CALLS.clear()
    queue = task_queue()
    if "test.record" not in queue.tasks:
        queue.add_task("test.record", _record)

    run_after_commit("test.record", 1, "a")
    assert CALLS == []  # nothing before the commit
    db.session.commit()
    assert CALLS == [(1, "a")]

    run_after_commit("test.record", 2, "b")
    db.session.rollback()
    db.session.commit()
    assert CALLS == [(1, "a")]  # the rolled-back transaction's task was forgotten


def test_a_task_by_name_runs_with_its_arguments_in_an_app_context(app):
    CALLS.clear()
    queue = task_queue()
    if "test.record" not in queue.tasks:
        queue.add_task("test.record", _record)
    queue.enqueue_task("test.record", 3)
    assert CALLS == [(3,)]
