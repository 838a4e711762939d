"""Each application's reviews summed up (Application.review_count, score_*), from its scores.

The services that change scores or weights call refresh_* in the same transaction, so the
stored results never differ from the scores. A reviewer's mean is their weighted mean over the
criteria they scored (the rubric's weights), kept as an exact fraction until the end: equal
results are equal floats, and the ranking breaks their ties by reviews, then reference.
"""

from collections import defaultdict
from fractions import Fraction

import sqlalchemy as sa

from ...core.extensions import db
from ..models import Application
from ..review_models import RubricCriterion, Score

COLUMNS = ("review_count", "score_mean", "score_low", "score_high", "score_squares")
UNSCORED = {"review_count": 0, "score_mean": 0.0, "score_low": None, "score_high": None}
UNSCORED = UNSCORED | {"score_squares": None}
BATCH_ROWS = 5000


def reviewer_sums(condition: sa.ColumnElement[bool]) -> dict[int, list[tuple[int, int]]]:
    """Per application matching condition: each reviewer's (weighted total, total weight)."""
    query = (
        sa.select(
            Score.application_id,
            sa.func.sum(Score.score * RubricCriterion.weight),
            sa.func.sum(RubricCriterion.weight),
        )
        .join(RubricCriterion, RubricCriterion.id == Score.criterion_id)
        .join(Application, Application.id == Score.application_id)
        .where(RubricCriterion.intake_id == Application.intake_id, condition)
        .group_by(Score.application_id, Score.reviewer_id)
    )
    sums: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for application_id, weighted, weights in db.session.execute(query):
        sums[application_id].append((int(weighted), int(weights)))
    return sums


def summarise(pairs: list[tuple[int, int]]) -> dict[str, float | int | None]:
    """Count, mean, lowest, highest and mean square of the reviewers' weighted means."""
    if not pairs:
        return dict(UNSCORED)
    means = [Fraction(weighted, weights) for weighted, weights in pairs]
    count = len(means)
    return {
        "review_count": count,
        "score_mean": float(sum(means) / count),
        "score_low": float(min(means)),
        "score_high": float(max(means)),
        "score_squares": float(sum(m * m for m in means) / count),
    }


def computed(condition: sa.ColumnElement[bool]) -> dict[int, dict]:
    """The results of the applications matching condition, worked out from their scores."""
    sums = reviewer_sums(condition)
    ids = db.session.scalars(sa.select(Application.id).where(condition))
    return {app_id: summarise(sums.get(app_id, [])) for app_id in ids}


def stored(condition: sa.ColumnElement[bool]) -> dict[int, dict]:
    """The stored results of the applications matching condition."""
    query = sa.select(Application.id, *(getattr(Application, c) for c in COLUMNS)).where(condition)
    return {row[0]: dict(zip(COLUMNS, row[1:], strict=True)) for row in db.session.execute(query)}


def refresh_scores(condition: sa.ColumnElement[bool]) -> int:
    """Store the results of the applications matching condition again (flush only).

    Only rows whose results changed are written, through the table (not the mapper), so an
    application's version (the staff's edit check) does not move when reviewers score it.
    Returns how many rows changed.
    """
    db.session.flush()
    old = stored(condition)
    changed = [
        {"id_": app_id} | values
        for app_id, values in computed(condition).items()
        if values != old.get(app_id)
    ]
    table = Application.__table__
    update = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("id_"))
        .values({c: sa.bindparam(c) for c in COLUMNS})
    )
    connection = db.session.connection()
    for start in range(0, len(changed), BATCH_ROWS):
        connection.execute(update, changed[start : start + BATCH_ROWS])
    for row in changed:  # loaded copies read the new values on next access
        key = db.session.identity_map.get(db.session.identity_key(Application, row["id_"]))
        if key is not None:
            db.session.expire(key, list(COLUMNS))
    return len(changed)


def refresh_application(application_id: int) -> None:
    """Store one application's results again (after its scores changed)."""
    refresh_scores(Application.id == application_id)


def refresh_intake(intake_id: int) -> None:
    """Store the results of every application of an intake again (after a weight changed)."""
    refresh_scores(Application.intake_id == intake_id)
