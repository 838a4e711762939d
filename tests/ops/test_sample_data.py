"""`flask sample load`: 46 recommendations with months of history, loaded once; demo logins."""

from collections import Counter
from datetime import timedelta

import pytest
import sqlalchemy as sa

from sro_board.audit.models import AuditEntry
from sro_board.auth import passwords
from sro_board.auth.mfa import current_code
from sro_board.auth.models import User
from sro_board.contact.models import ContactMessage
from sro_board.core.clock import now_utc, today_local
from sro_board.core.extensions import db
from sro_board.recommendations.enums import ScheduleState, UpdateState
from sro_board.recommendations.models import Recommendation, Update
from sro_board.recommendations.schedule import schedule_state
from sro_board.sample.loader import DEMO_PASSWORD, DEMO_TOTP_SECRETS
from tests.database import ensure_schema, rolled_back
from tests.factories import CHEAP_HASHER, count_rows
from tests.pages import text

DEMO_EMAILS = [
    "admin@example.org",
    "chair@example.org",
    "member@example.org",
    "reviewer@example.org",
]


@pytest.fixture(scope="module")
def loaded(worker_app):
    """The sample data, loaded through the command once for the module, in a transaction rolled
    back at its end (each test's own changes are rolled back at the test's end)."""
    with worker_app.app_context(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "hasher", CHEAP_HASHER)
        ensure_schema()
        with rolled_back() as connection:
            result = worker_app.test_cli_runner().invoke(args=["sample", "load"])
            assert result.exit_code == 0, result.output
            yield connection, result


@pytest.fixture(scope="module")
def shared_data(loaded):
    """The connection whose transaction holds the sample data (see the app fixture)."""
    return loaded[0]


@pytest.fixture
def sample(loaded, app):
    """The result of `flask sample load`, the data in place."""
    return loaded[1]


def all_recs() -> list[Recommendation]:
    """Every recommendation."""
    return list(db.session.scalars(sa.select(Recommendation).order_by(Recommendation.code)))


def counts() -> tuple[int, ...]:
    """Rows in every table the loader writes to."""
    return tuple(count_rows(m) for m in (Recommendation, Update, User, ContactMessage, AuditEntry))


def test_loads_46_recommendations(sample):
    assert "46 recommendations" in sample.output
    recs = all_recs()
    assert len(recs) == 46
    assert [r.code for r in recs] == [f"R-{n:02d}" for n in range(1, 47)]
    assert len({r.theme for r in recs}) == 6


def test_history_spans_several_months(sample):
    dates = list(db.session.scalars(sa.select(Update.created_at)))
    first, last = min(dates), max(dates)
    assert last - first > timedelta(days=5 * 30)
    assert count_rows(Update) > 46 * 3


def test_a_realistic_mix_of_states(sample):
    recs = all_recs()
    today = today_local()
    statuses = Counter(r.status for r in recs)
    schedules = Counter(schedule_state(r.status, r.target_date, r.progress, today) for r in recs)
    feasibility = Counter(r.feasibility for r in recs)
    assert len(statuses) >= 5, statuses
    assert len(feasibility) >= 3, feasibility
    assert schedules[ScheduleState.OVERDUE] >= 1, schedules
    assert schedules[ScheduleState.ON_TRACK] >= 5, schedules
    stale_before = now_utc() - timedelta(days=60)
    stale = [
        r
        for r in recs
        if r.last_public_update_at.replace(tzinfo=stale_before.tzinfo) < stale_before
    ]
    assert 1 <= len(stale) < 46
    states = Counter(db.session.scalars(sa.select(Update.state)))
    assert states[UpdateState.PENDING] >= 2
    assert states[UpdateState.REJECTED] >= 1
    assert any(r.evidence for r in recs)


def test_some_targets_moved_while_the_baseline_stayed(sample, client):
    moved = [r for r in all_recs() if r.target_date != r.baseline_target_date]
    assert len(moved) >= 3
    page = client.get(f"/recommendations/{moved[0].code}").get_data(as_text=True)
    assert "later than first committed (" in page


def test_loading_again_changes_nothing(sample, runner):
    before = counts()
    result = runner.invoke(args=["sample", "load"])
    assert result.exit_code == 0
    assert "Sample data already loaded; nothing to do." in result.output
    assert counts() == before


def test_logins_prints_the_four_demo_accounts(runner):
    result = runner.invoke(args=["sample", "logins"])
    assert result.exit_code == 0
    assert DEMO_PASSWORD in result.output
    for email in DEMO_EMAILS:
        assert email in result.output


@pytest.mark.usefixtures("sample")
def test_demo_accounts_log_in_with_the_demo_password(client):
    for email in DEMO_EMAILS:
        response = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
        if secret := DEMO_TOTP_SECRETS.get(email):  # the admin and chair: two-step login
            assert response.location == "/login/code"
            response = client.post("/login/code", data={"code": current_code(secret)})
        assert response.status_code == 302, email
        assert client.get(response.location).status_code == 200, email
        client.post("/logout")


@pytest.mark.usefixtures("sample")
def test_sample_data_is_labelled_in_the_ui(client):
    for path in ("/", "/recommendations", "/recommendations/R-01"):
        assert "Sample data." in text(client.get(path))
