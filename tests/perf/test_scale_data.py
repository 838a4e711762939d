"""`flask sample scale`: the totals asked, in bulk, realistic enough to render; never in prod."""

import secrets
from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board import create_app
from sro_board.audit.models import AuditEntry
from sro_board.auth.mfa import current_code
from sro_board.board.models import Application, GuardianConsent, Intake, SelfIdentification
from sro_board.board.review_models import ConflictDeclaration, Score
from sro_board.core.clock import now_utc
from sro_board.core.extensions import db
from sro_board.recommendations.enums import UpdateState
from sro_board.recommendations.fields import FIELD_LABELS
from sro_board.recommendations.models import Recommendation, Update
from sro_board.recommendations.services import create_recommendation
from sro_board.sample.loader import DEMO_PASSWORD, DEMO_TOTP_SECRETS
from tests.board.factories import completion_disagreements

# The loader sets SQLite's bulk-load pragmas, which a test's enclosing transaction forbids.
pytestmark = pytest.mark.real_commits


def total(model, *where) -> int:
    """Rows of a model (matching the conditions)."""
    query = sa.select(sa.func.count()).select_from(model)
    return db.session.scalar(query.where(*where) if where else query)


def approved() -> int:
    """Approved updates."""
    return total(Update, Update.state == UpdateState.APPROVED)


def scale(runner, **counts):
    """Run the command with these totals."""
    options = [f"--{name}={value}" for name, value in counts.items()]
    return runner.invoke(args=["sample", "scale", *options])


def test_scale_grows_the_sample_to_the_totals_asked_and_a_second_run_adds_nothing(app, runner):
    assert runner.invoke(args=["sample", "load"]).exit_code == 0
    reviews, audit = total(ConflictDeclaration), total(AuditEntry)
    asked = {
        "recommendations": 58,
        "updates": approved() + 700,
        "applications": 150,
        "intakes": 3,
        "reviews": reviews + 25,
        "audit": audit + 900,
    }
    result = scale(runner, **asked)
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    found = {
        "recommendations": total(Recommendation),
        "updates": approved(),
        "applications": total(Application),
        "intakes": total(Intake),
        "reviews": total(ConflictDeclaration),
        "audit": total(AuditEntry),
    }
    assert found == asked
    assert total(Score) > 0
    assert total(ConflictDeclaration, ConflictDeclaration.scores_complete) > 0
    assert completion_disagreements() == 0  # the bulk rows carry the flag the services keep

    again = scale(runner, **asked)
    assert again.exit_code == 0, again.output
    assert "Added 0 recommendations" in again.output
    db.session.expire_all()
    assert total(AuditEntry) == asked["audit"]
    assert total(Application) == asked["applications"]


def test_scale_data_is_spread_over_years_encrypted_like_the_app_and_ids_keep_counting(app, runner):
    result = scale(runner, recommendations=60, updates=900, applications=200, intakes=3)
    assert result.exit_code == 0, result.output
    oldest = db.session.scalar(sa.select(sa.func.min(Update.created_at)))
    assert oldest < now_utc() - timedelta(days=2 * 365)
    statuses = set(db.session.scalars(sa.select(Recommendation.status).distinct()))
    assert len(statuses) >= 4
    # Guardian and self-identification answers are ciphertext at rest, readable by the app.
    raw = db.session.execute(sa.text("SELECT guardian_name FROM guardian_consent")).scalars()
    assert all(value.startswith("gAAAA") for value in raw)
    guardian = db.session.scalars(sa.select(GuardianConsent).order_by(sa.desc("application_id")))
    assert " " in guardian.first().guardian_name
    assert db.session.scalars(sa.select(SelfIdentification.racialized)).first() is not None
    # Ids were given explicitly: the database still hands out new ones (PostgreSQL sequences).
    rec = create_recommendation(
        None,
        {
            "code": "NEW-1",
            "title": "Added after the scale data",
            "description": "A description.",
            "theme": "role",
            "reports": ["final"],
            "lead_unit": "Youth Education Unit",
            "target_date": "2030-01-01",
        },
    )
    db.session.commit()
    assert rec.id > 60


def _login(client, email: str) -> None:
    response = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    if response.location.endswith("/login/code"):
        response = client.post("/login/code", data={"code": current_code(DEMO_TOTP_SECRETS[email])})
        assert response.status_code == 302


def test_pages_render_with_the_scale_data(app, runner, client):
    result = scale(runner, recommendations=55, updates=800, applications=160, intakes=2)
    assert result.exit_code == 0, result.output
    busiest = db.session.scalar(
        sa.select(Recommendation.code)
        .join(Update)
        .group_by(Recommendation.code)
        .order_by(sa.func.count().desc())
        .limit(1)
    )
    intake = db.session.scalar(sa.select(Intake.id).order_by(Intake.opens_at.desc()).limit(1))
    for path in ["/", "/recommendations", f"/recommendations/{busiest}", "/advisory-board"]:
        assert client.get(path).status_code == 200, path
    _login(client, "admin@example.org")
    for path in [
        "/staff/",
        f"/staff/recommendations/{busiest}",
        "/staff/updates",
        "/staff/audit",
        f"/staff/board/intakes/{intake}/applications",
        f"/staff/board/intakes/{intake}/selection",
    ]:
        assert client.get(path).status_code == 200, path


def test_scale_is_refused_under_the_production_config(tmp_path, monkeypatch):
    database = tmp_path / "production.db"
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(48))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://sro-board.test")
    monkeypatch.setenv("MAIL_BACKEND", "smtp")
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379/14")
    monkeypatch.setenv("ENCRYPTION_KEYS", "h563Rv7R0U2fNbmZkRv_4Twse_55bpXiI6dCIOsVpQM=")
    production = create_app("production", SQLALCHEMY_DATABASE_URI=f"sqlite:///{database}")
    result = production.test_cli_runner().invoke(args=["sample", "scale", "--recommendations=5"])
    assert result.exit_code != 0
    assert "Refused" in result.output
    assert "production config" in result.output
    assert not database.exists()  # not even a connection was opened


def test_a_negative_count_is_refused_and_nothing_is_loaded(app, runner):
    result = scale(runner, updates=-3)
    assert result.exit_code == 2
    assert "-3 is not in the range x>=0" in result.output
    assert total(Recommendation) == 0


def test_scale_histories_end_at_the_published_values_and_follow_the_rules(app, runner):
    result = scale(runner, recommendations=90, updates=1500, applications=60, intakes=1)
    assert result.exit_code == 0, result.output
    # Past the sample's 46, by id order (on PostgreSQL ids go on counting from earlier tests).
    scaled = db.session.scalars(
        sa.select(Recommendation).order_by(Recommendation.id).offset(46)
    ).all()
    assert len(scaled) == 44
    for rec in scaled:
        approved_updates = [u for u in rec.updates if u.state is UpdateState.APPROVED]
        latest = {}
        for update in sorted(approved_updates, key=lambda u: (u.created_at, u.id)):
            assert set(update.changes) <= set(FIELD_LABELS), update.changes
            latest |= {field: change["new"] for field, change in update.changes.items()}
        assert latest.get("status", "not_started") == rec.status.value, rec.code
        assert latest.get("progress", 0) == rec.progress, rec.code
        assert rec.last_public_update_at == max(u.decided_at for u in approved_updates)
        if rec.status.value in ("implemented", "ongoing"):
            assert rec.evidence, rec.code
        if rec.target_date != rec.baseline_target_date:
            assert latest["target_date"] == rec.target_date.isoformat()


def planner_statistics_rows(table: str) -> int:
    """Rows of the planner's statistics about a table (sqlite_stat1, or PostgreSQL's pg_stats)."""
    if db.engine.dialect.name == "postgresql":
        query = "SELECT count(*) FROM pg_stats WHERE tablename = :t"
    else:
        if not db.session.execute(
            sa.text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        ).scalar():
            return 0
        query = "SELECT count(*) FROM sqlite_stat1 WHERE tbl = :t"
    return db.session.execute(sa.text(query), {"t": table}).scalar()


def test_scale_leaves_the_planner_statistics_of_what_it_loaded(app, runner):
    result = scale(runner, recommendations=50, updates=300, applications=120, intakes=2)
    assert result.exit_code == 0, result.output
    for table in ("application", "score", "recommendation_update", "audit_entry"):
        assert planner_statistics_rows(table) > 0, table
