"""Nothing is silently overwritten: optimistic locking, stale drafts, the baseline, leads."""

from datetime import date, timedelta

from sro_board.auth.services import update_user
from sro_board.core.clock import today_local
from sro_board.core.extensions import db
from sro_board.recommendations.enums import UpdateState
from tests.factories import login, make_rec, make_user
from tests.pages import form_fields, load_form, text
from tests.recommendations.factories import (
    draft,
    edit_path,
    publish,
    rec_by_code,
    submit_edit,
    updates_of,
)
from tests.recommendations.test_tracker_updates import approve, members_draft, public_page
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures

# optimistic locking


def test_second_of_two_simultaneous_edits_is_refused_and_shows_what_changed(app, users):
    make_rec()
    first, second = app.test_client(), app.test_client()
    login(first, users["chair"])
    login(second, users["admin"])
    first_form = load_form(first, edit_path())
    second_form = load_form(second, edit_path())
    assert first_form["version"] == second_form["version"]
    assert submit_edit(first, form=first_form, progress="30").status_code == 302
    response = submit_edit(second, form=second_form, progress="60", title="A changed title")
    page = text(response)
    assert response.status_code == 200
    assert "Someone else changed this recommendation while you were editing" in page
    assert "Nothing was saved." in page
    assert "Changes published meanwhile" in page
    assert "Progress:</span> 0% " in page  # the first editor's change, old -> new
    rec = rec_by_code()
    assert (rec.progress, rec.title) == (30, "Sample recommendation R-01")


def test_resubmitting_after_a_conflict_saves_on_top_of_the_new_version(app, users):
    make_rec()
    first, second = app.test_client(), app.test_client()
    login(first, users["chair"])
    login(second, users["admin"])
    second_form = load_form(second, edit_path())
    submit_edit(first, progress="30")
    conflict = submit_edit(second, form=second_form, title="A changed title")
    assert "Fields you both changed" not in text(conflict)
    again = submit_edit(second, form=form_fields(text(conflict)))
    assert again.status_code == 302
    rec = rec_by_code()
    assert (rec.progress, rec.title) == (30, "A changed title")


def test_fields_both_editors_changed_are_listed(app, users):
    make_rec()
    first, second = app.test_client(), app.test_client()
    login(first, users["chair"])
    login(second, users["admin"])
    second_form = load_form(second, edit_path())
    submit_edit(first, progress="30")
    page = text(submit_edit(second, form=second_form, progress="60"))
    assert "Fields you both changed" in page
    assert rec_by_code().progress == 30


def test_approving_a_draft_whose_fields_changed_since_is_refused(client, users):
    make_rec()
    update = members_draft(client, users, progress="35")
    publish(rec_by_code(), progress=50)
    login(client, users["chair"])
    response = approve(client, update.id)
    assert "Not approved: Progress changed since this update was written." in text(
        client.get(response.location)
    )
    assert updates_of(rec_by_code())[1].state is UpdateState.PENDING
    assert rec_by_code().progress == 50


def test_approving_a_draft_after_unrelated_changes_works(client, users):
    make_rec()
    update = members_draft(client, users, progress="35")
    publish(rec_by_code(), lead_unit="Another unit")
    login(client, users["chair"])
    approve(client, update.id)
    rec = rec_by_code()
    assert (rec.progress, rec.lead_unit) == (35, "Another unit")


# the baseline


def test_target_date_changes_keep_the_baseline_and_both_are_shown(client, users):
    make_rec(target_date="2026-09-30")
    login(client, users["chair"])
    for new_date in ("2027-01-31", "2027-06-30"):
        assert submit_edit(client, target_date=new_date).status_code == 302
    rec = rec_by_code()
    assert rec.baseline_target_date == date(2026, 9, 30)
    assert rec.target_date == date(2027, 6, 30)
    page = public_page(client)
    assert "30 June 2027" in page
    assert "9 months later than first committed (30 September 2026)" in page
    assert "Target date 30 September 2026" in page


def test_baseline_date_is_set_once_when_created(app):
    target = today_local() + timedelta(days=200)
    rec = make_rec(target_date=target.isoformat())
    publish(rec, target_date=(target + timedelta(days=30)).isoformat())
    assert rec_by_code().baseline_target_date == target


def test_draft_values_are_kept_on_the_update_not_the_recommendation(app, users):
    rec = make_rec()
    update = draft(rec, users["member"], progress=45, lead_unit="Elsewhere")
    assert update.changes == {
        "lead_unit": {"old": "Youth Education Unit", "new": "Elsewhere"},
        "progress": {"old": 0, "new": 45},
    }
    assert rec_by_code().lead_unit == "Youth Education Unit"


# the lead staff member


def test_saving_keeps_a_lead_who_has_left_the_working_group(client, users):
    lead = make_user(["member"], email="lead@example.org")
    make_rec(lead_user=lead.email)
    lead.active = False
    db.session.commit()
    login(client, users["chair"])
    form = load_form(client, edit_path())
    assert form["lead_user"] == ["lead@example.org"]
    assert submit_edit(client, form=form, progress="10").status_code == 302
    assert rec_by_code().lead_user.email == "lead@example.org"


def test_approving_a_draft_naming_a_lead_whose_email_changed_is_refused(client, users):
    lead = make_user(["member"], email="lead@example.org")
    update = draft(make_rec(), users["member"], lead_user=lead.email)
    update_user(
        users["admin"],
        lead,
        name="Lead",
        email="renamed@example.org",
        roles={"member"},
        active=True,
    )
    db.session.commit()
    login(client, users["chair"])
    response = approve(client, update.id)
    assert "No staff account has the lead&#39;s email lead@example.org any more." in text(
        client.get(response.location)
    )
    assert updates_of(rec_by_code())[-1].state is UpdateState.PENDING
    assert rec_by_code().lead_user is None
