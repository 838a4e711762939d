"""Staff find applications by reference (GET) and by name (POST: a name never enters a URL)."""

import logging
import re

import pytest

from sro_board.board.enums import Category
from sro_board.board.stages import Stage
from tests.board.factories import make_application, make_intake
from tests.factories import login
from tests.pages import form_fields, text


@pytest.fixture
def intake(app):
    """An intake with three applications."""
    intake = make_intake()
    make_application(intake, Category.PARENT, Stage.IN_REVIEW, name="Priya Fernhollow")
    make_application(intake, Category.STUDENT, Stage.SHORTLISTED, name="Kai Osterbrook")
    make_application(intake, Category.PARENT, Stage.SHORTLISTED, name="Dana Osterbrook")
    return intake


def url(intake) -> str:
    """The intake's application list."""
    return f"/staff/board/intakes/{intake.id}/applications"


def shown(page: str) -> list[str]:
    """The names in the results table, in order."""
    body = page.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in page else ""
    return re.findall(r"<td>([A-Z][a-z]+ [A-Z][a-z]+)</td>", body)


def test_search_by_reference_is_a_get_filter_and_partial(client, users, intake):
    login(client, users["chair"])
    page = text(client.get(url(intake)))
    kai = re.findall(r">(T\d{7})</a>", page)[1]
    assert shown(text(client.get(url(intake) + f"?reference={kai}"))) == ["Kai Osterbrook"]
    # Any case, spaces trimmed, and part of it.
    assert shown(text(client.get(url(intake) + f"?reference=+{kai.lower()}+"))) == [
        "Kai Osterbrook"
    ]
    assert shown(text(client.get(url(intake) + f"?reference={kai[2:]}"))) == ["Kai Osterbrook"]
    assert shown(text(client.get(url(intake) + "?reference=NOPE"))) == []
    assert "0 applications found." in text(client.get(url(intake) + "?reference=NOPE"))
    # Percent and underscore are matched as typed, not as wildcards.
    assert shown(text(client.get(url(intake) + "?reference=%25"))) == []
    assert shown(text(client.get(url(intake) + "?reference=_"))) == []


def test_the_reference_box_keeps_its_value_and_the_other_filters(client, users, intake):
    login(client, users["chair"])
    page = text(client.get(url(intake) + "?stage=shortlisted&reference=T"))
    fields = form_fields(page)
    assert fields["reference"] == ["T"]
    assert shown(page) == ["Kai Osterbrook", "Dana Osterbrook"]


def test_search_by_name_is_posted_and_keeps_the_filters(client, users, intake):
    login(client, users["chair"])
    response = client.post(url(intake), data={"name": "osterbrook", "stage": "shortlisted"})
    assert response.status_code == 200
    page = text(response)
    assert shown(page) == ["Kai Osterbrook", "Dana Osterbrook"]
    assert 'method="post"' in page
    # Every word must match, in any order.
    page = text(client.post(url(intake), data={"name": "Osterbrook  dana"}))
    assert shown(page) == ["Dana Osterbrook"]
    page = text(client.post(url(intake), data={"name": "osterbrook", "category": "student"}))
    assert shown(page) == ["Kai Osterbrook"]


def test_the_name_never_reaches_a_url_or_a_log(client, users, intake, caplog):
    login(client, users["chair"])
    caplog.set_level(logging.DEBUG)
    response = client.post(url(intake), data={"name": "Fernhollow", "stage": "in_review"})
    page = text(response)
    assert shown(page) == ["Priya Fernhollow"]
    assert "Location" not in response.headers
    urls = re.findall(r'(?:href|action)="([^"]*)"', page)
    assert urls
    for link in urls:
        assert "fernhollow" not in link.lower()
    for log_record in caplog.records:
        assert "Fernhollow" not in log_record.getMessage()
        assert "Fernhollow" not in repr(vars(log_record))
    # The box shows what was searched, and the way back to the list without it.
    assert form_fields(page)["name"] == ["Fernhollow"]
    assert "Clear the name search" in page


def test_name_results_page_by_post(app, client, users):
    app.config["PAGE_SIZE"] = 2
    intake = make_intake()
    for n in range(5):
        make_application(intake, name=f"Robin Alder{'abcde'[n]}")
    make_application(intake, name="Someone Else")
    login(client, users["chair"])
    first = text(client.post(url(intake), data={"name": "alder"}))
    assert shown(first) == ["Robin Aldera", "Robin Alderb"]
    assert "Page 1 of 3" in first
    assert re.search(r'<button[^>]*name="page" value="2"', first)
    second = text(client.post(url(intake), data={"name": "alder", "page": "2"}))
    assert shown(second) == ["Robin Alderc", "Robin Alderd"]


def test_an_empty_or_overlong_name_search_is_explained(client, users, intake):
    login(client, users["chair"])
    for name in ("", "   ", "x" * 121):
        response = client.post(url(intake), data={"name": name})
        assert response.status_code == 400
        page = text(response)
        assert 'href="#name"' in page
        assert len(shown(page)) == 3  # the list is shown unfiltered by name


@pytest.mark.parametrize("page", ["0", "-1", "banana", "999"])
def test_odd_pages_do_not_fail(client, users, intake, page):
    login(client, users["chair"])
    assert client.post(url(intake), data={"name": "o", "page": page}).status_code == 200
    assert client.get(url(intake) + f"?page={page}&reference=T").status_code in (200, 404)


def test_reviewers_cannot_search(client, users, intake):
    login(client, users["reviewer"])
    assert client.post(url(intake), data={"name": "Kai"}).status_code == 403
    assert client.get(url(intake) + "?reference=T").status_code == 403
