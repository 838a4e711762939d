"""Self-identification and guardian contact details are encrypted at rest; keys rotate.

ASVS 5.0: 11.1.1 and 11.1.2 (key policy and inventory, docs/security.md), 11.2.1 (a vetted
library: cryptography's Fernet), 11.2.2 (keys replaced and data re-encrypted), 11.3.1 and
11.3.3 (AES-CBC with a random IV and HMAC-SHA256: authenticated), 13.3.1 (keys only in the
environment, never in the code), 14.2.4 (controls on sensitive data), 15.3.5 (strict types).
"""

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken

from config import DEV_ENCRYPTION_KEY, ProductionConfig
from sro_board.board.enums import Category, SelfIdAnswer
from sro_board.board.models import GuardianConsent, SelfIdentification
from sro_board.board.selection.summary import build_selection
from sro_board.board.stages import Stage
from sro_board.core.extensions import db
from sro_board.security import crypto
from tests.board.factories import (
    GUARDIAN_NAME,
    count_queries,
    make_application,
    make_guardian,
    make_intake,
    make_self_id,
)
from tests.factories import login, make_user
from tests.security.shared_app import emptied_app, module_app  # noqa: F401 - fixtures

SELF_ID_COLUMNS = ("racialized", "indigenous", "lgbtq", "disability", "newcomer")


def raw_row(table: str, key: str, value: int) -> dict:
    """A row as stored, without the column types' decryption."""
    with db.engine.connect() as connection:
        return dict(
            connection.execute(
                sa.text(f"SELECT * FROM {table} WHERE {key} = :value"),  # noqa: S608 - fixed names
                {"value": value},
            )
            .mappings()
            .one()
        )


@pytest.fixture
def student(app):
    """A student's application with a guardian and every self-identification answer."""
    intake = make_intake()
    application = make_application(intake, Category.STUDENT, Stage.IN_REVIEW)
    make_guardian(application)
    make_self_id(
        application,
        racialized=SelfIdAnswer.YES,
        indigenous=SelfIdAnswer.NO,
        lgbtq=SelfIdAnswer.PREFER_NOT,
        disability=SelfIdAnswer.YES,
    )
    return application


def test_the_stored_values_are_ciphertext(student):
    guardian = raw_row("guardian_consent", "application_id", student.id)
    assert GUARDIAN_NAME not in str(guardian)
    assert "@example.net" not in str(guardian)
    for column in ("guardian_name", "guardian_email"):
        assert guardian[column].startswith("gAAAA")  # a Fernet token
    self_id = raw_row("self_identification", "application_id", student.id)
    for column in SELF_ID_COLUMNS:
        value = self_id[column]
        assert value is None or (value.startswith("gAAAA") and value not in ("yes", "no"))
    assert self_id["newcomer"] is None  # not answered stays NULL


def test_two_equal_answers_have_different_ciphertexts(app):
    intake = make_intake()
    rows = [make_self_id(make_application(intake)) for _ in range(2)]
    stored = [raw_row("self_identification", "id", row.id)["racialized"] for row in rows]
    assert stored[0] != stored[1]


def test_services_read_the_plain_values(student):
    db.session.expire_all()
    consent = db.session.get(GuardianConsent, student.id)
    assert consent.guardian_name == GUARDIAN_NAME
    assert consent.guardian_email.endswith("@example.net")
    answers = db.session.scalar(sa.select(SelfIdentification))
    assert answers.racialized is SelfIdAnswer.YES
    assert answers.lgbtq is SelfIdAnswer.PREFER_NOT
    assert answers.newcomer is None


def test_a_changed_ciphertext_is_refused(student):
    token = raw_row("guardian_consent", "application_id", student.id)["guardian_name"]
    tampered = token[:-6] + ("AAAAAA" if not token.endswith("AAAAAA") else "BBBBBB")
    with db.engine.begin() as connection:
        connection.execute(
            sa.text("UPDATE guardian_consent SET guardian_name = :v WHERE application_id = :id"),
            {"v": tampered, "id": student.id},
        )
    db.session.expire_all()
    with pytest.raises(InvalidToken):
        db.session.get(GuardianConsent, student.id)
    db.session.rollback()


def test_encrypted_columns_cannot_be_compared_in_sql(app):
    with pytest.raises(TypeError, match="cannot be compared"):
        sa.select(SelfIdentification).where(SelfIdentification.racialized == SelfIdAnswer.YES)
    with pytest.raises(TypeError, match="cannot be compared"):
        sa.select(GuardianConsent).order_by(GuardianConsent.guardian_email > "a")
    sa.select(SelfIdentification).where(SelfIdentification.racialized.is_(None))  # allowed


def test_an_unknown_answer_is_refused_before_it_is_stored(app):
    application = make_application(make_intake())
    db.session.add(SelfIdentification(application_id=application.id, racialized="maybe"))
    with pytest.raises(sa.exc.StatementError):
        db.session.flush()
    db.session.rollback()


def test_aggregates_are_counted_from_the_decrypted_answers(app):
    intake = make_intake()
    for n in range(12):
        answer = SelfIdAnswer.YES if n < 7 else SelfIdAnswer.NO
        make_self_id(make_application(intake), racialized=answer)
    applicants = build_selection(intake).groups[0]
    assert [c.value for c in applicants.rows["racialized"]] == [7, 5, 0, 0]


def selection_queries(client, intake) -> int:
    """Statements run by one GET of the intake's selection page."""
    with count_queries() as statements:
        assert client.get(f"/staff/board/intakes/{intake.id}/selection").status_code == 200
    return len(statements)


def test_the_selection_page_runs_as_many_queries_for_5_as_for_40_applicants(app, client):
    login(client, make_user(["admin"]))
    small, large = make_intake("Small"), make_intake("Large")
    for intake, count in ((small, 5), (large, 40)):
        for _ in range(count):
            make_self_id(make_application(intake, Category.STUDENT), disability=SelfIdAnswer.YES)
    assert selection_queries(client, small) == selection_queries(client, large)


def test_the_guardian_pages_still_work(app, client):
    from tests.board.applying import STUDENT_15, apply, link_path, open_intake, outbox

    apply(client, open_intake(), STUDENT_15)
    body = outbox(STUDENT_15["email"])[0].body
    status = client.get(link_path(body, "status")).get_data(as_text=True)
    assert STUDENT_15["guardian_email"] in status  # the resend form shows the address
    consent_mail = [m for m in outbox() if "consent" in m.subject.lower()]
    assert consent_mail
    assert consent_mail[0].recipient == STUDENT_15["guardian_email"]


# Keys and rotation ----------------------------------------------------------------------------


def use_keys(app, *keys: bytes) -> None:
    """Switch the app to these keys (the first encrypts)."""
    app.config["ENCRYPTION_KEYS"] = ",".join(k.decode() for k in keys)
    crypto.register(app)


@pytest.fixture
def restore_keys(app):
    """Put the test keys back after a test that changes them."""
    saved = app.config["ENCRYPTION_KEYS"]
    yield
    app.config["ENCRYPTION_KEYS"] = saved
    crypto.register(app)


def test_rotation_re_encrypts_everything_with_the_new_key(app, runner, student, restore_keys):
    old, new = DEV_ENCRYPTION_KEY.encode(), Fernet.generate_key()
    before = raw_row("guardian_consent", "application_id", student.id)["guardian_email"]
    use_keys(app, new, old)  # new first: new writes use it, old values still read
    db.session.expire_all()
    assert db.session.get(GuardianConsent, student.id).guardian_name == GUARDIAN_NAME
    result = runner.invoke(args=["security", "rotate-keys"])
    assert result.exit_code == 0, result.output
    assert "6 values now use the first key" in result.output  # 2 guardian + 4 answers
    after = raw_row("guardian_consent", "application_id", student.id)["guardian_email"]
    assert after != before
    assert Fernet(new).decrypt(after.encode()).decode().endswith("@example.net")
    use_keys(app, new)  # the old key removed
    db.session.expire_all()
    assert db.session.get(GuardianConsent, student.id).guardian_name == GUARDIAN_NAME
    assert db.session.scalar(sa.select(SelfIdentification)).disability is SelfIdAnswer.YES


def test_without_the_right_key_nothing_can_be_read(app, student, restore_keys):
    use_keys(app, Fernet.generate_key())
    db.session.expire_all()
    with pytest.raises(InvalidToken):
        db.session.get(GuardianConsent, student.id)
    db.session.rollback()


def test_rotation_twice_changes_nothing_readable(app, runner, student):
    for _ in range(2):
        assert runner.invoke(args=["security", "rotate-keys"]).exit_code == 0
    db.session.expire_all()
    assert db.session.get(GuardianConsent, student.id).guardian_name == GUARDIAN_NAME


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "ENCRYPTION_KEYS is empty"),
        ("not-a-key", "must be comma-separated Fernet keys"),
        (DEV_ENCRYPTION_KEY, "holds the development key"),
        (f"{Fernet.generate_key().decode()},{DEV_ENCRYPTION_KEY}", "holds the development key"),
    ],
    # Fixed ids: a generated key in the id would differ between pytest-xdist workers.
    ids=["empty", "not a key", "the development key", "a real key and the development key"],
)
def test_production_refuses_to_start_without_proper_keys(
    monkeypatch, production_env, value, message
):
    monkeypatch.setenv("ENCRYPTION_KEYS", value)
    with pytest.raises(RuntimeError, match=message):
        ProductionConfig.check()


def test_production_accepts_two_real_keys(monkeypatch, production_env):
    keys = f"{Fernet.generate_key().decode()}, {Fernet.generate_key().decode()}"
    monkeypatch.setenv("ENCRYPTION_KEYS", keys)
    ProductionConfig.check()


def test_no_key_is_written_in_the_code():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "sro_board"
    for path in root.rglob("*.py"):
        assert "Fernet(b" not in path.read_text(encoding="utf-8"), path
