"""Status definitions are data: published, editable by an admin, used as the names everywhere."""

import pytest

from sro_board.recommendations.definitions import seed_definitions
from sro_board.recommendations.definitions_data import DEFAULT_DEFINITIONS
from sro_board.recommendations.enums import (
    DefinitionAxis,
    Feasibility,
    ImplementationStatus,
    ScheduleState,
)
from sro_board.recommendations.models import StatusDefinition
from tests.factories import count_rows, login, make_rec
from tests.pages import load_form, text
from tests.recommendations.factories import publish
from tests.shared_app import emptied_app, shared_app  # noqa: F401 - fixtures

EDIT = "/staff/status-definitions/implementation/in_progress"


def test_every_value_of_every_axis_has_a_definition(app):
    keys = {(axis, key) for axis, key, *_ in DEFAULT_DEFINITIONS}
    expected = (
        {("feasibility", f.value) for f in Feasibility}
        | {("implementation", s.value) for s in ImplementationStatus}
        | {("schedule", s.value) for s in ScheduleState}
    )
    assert keys == expected
    assert count_rows(StatusDefinition) == len(expected) == 16


def test_public_page_shows_name_meaning_and_entry_criteria_of_each(client):
    page = text(client.get("/status-definitions"))
    for _axis, _key, name, meaning, criteria in DEFAULT_DEFINITIONS:
        assert name in page
        assert meaning.replace("'", "&#39;") in page
        assert criteria.replace("'", "&#39;") in page


def test_seeding_again_adds_nothing(app):
    assert seed_definitions() == 0
    assert count_rows(StatusDefinition) == 16


def test_admin_edits_a_definition_and_it_is_published_and_used(client, users):
    publish(make_rec(), status="in_progress")
    login(client, users["admin"])
    form = load_form(client, EDIT) | {
        "name": ["Under way"],
        "meaning": ["Work has started."],
        "entry_criteria": ["A plan is approved."],
    }
    response = client.post(EDIT, data=form)
    assert response.location == "/status-definitions"
    client.post("/logout")
    definitions = text(client.get("/status-definitions"))
    assert "Work has started." in definitions
    assert "A plan is approved." in definitions
    assert "Under way" in text(client.get("/recommendations"))
    assert "Under way" in text(client.get("/recommendations/R-01"))


@pytest.mark.parametrize("blank", ["name", "meaning", "entry_criteria"])
def test_blank_definition_text_is_refused(client, users, blank):
    login(client, users["admin"])
    form = load_form(client, EDIT)
    before = text(client.get("/status-definitions"))
    response = client.post(EDIT, data=form | {blank: [" "]})
    assert response.status_code == 200
    assert "This field is required." in text(response)
    assert text(client.get("/status-definitions")) == before


@pytest.mark.parametrize(
    "path",
    [
        "/staff/status-definitions/planet/feasible",
        "/staff/status-definitions/feasibility/likely",
        "/staff/status-definitions/schedule/in_progress",
    ],
)
def test_unknown_definition_is_404(client, users, path):
    login(client, users["admin"])
    assert client.get(path).status_code == 404


def test_only_an_admin_sees_the_edit_links(client, users):
    assert "Edit<span" not in text(client.get("/status-definitions"))
    login(client, users["chair"])
    assert "Edit<span" not in text(client.get("/status-definitions"))
    client.post("/logout")
    login(client, users["admin"])
    assert text(client.get("/status-definitions")).count("Edit<span") == 16


def test_definitions_are_grouped_by_axis(client):
    page = text(client.get("/status-definitions"))
    headings = [page.index(f"<h2>{h}</h2>") for h in ("Feasibility", "Implementation status")]
    assert headings == sorted(headings)
    assert "<h2>Schedule</h2>" in page
    assert [a.value for a in DefinitionAxis] == ["feasibility", "implementation", "schedule"]
