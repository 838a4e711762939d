"""A staff form posted with an optional field left out is answered, never a server error."""

import pytest

from tests.factories import login, make_rec
from tests.pages import load_form
from tests.recommendations.factories import edit_path

OPTIONAL_TEXT_FIELDS = ["feasibility_rationale", "lead_unit", "description", "milestones-0-title"]


@pytest.mark.parametrize("missing", OPTIONAL_TEXT_FIELDS)
def test_the_edit_form_without_an_optional_field_is_answered(client, users, missing):
    make_rec()
    login(client, users["chair"])
    form = load_form(client, edit_path())
    assert missing in form
    del form[missing]
    response = client.post(edit_path(), data=form | {"public_note": ["A note."]})
    assert response.status_code in (200, 302, 303)
