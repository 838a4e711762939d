"""The API's HTTP: JSON errors of one shape, CORS, ETags and 304s, the rate limit, pagination,
filters and languages (on SQLite, and on PostgreSQL with TEST_DATABASE_URL)."""

import pytest

from sro_board.api import queries
from sro_board.core.extensions import db
from sro_board.progress.history import progress_history
from tests.factories import make_rec
from tests.recommendations.factories import publish

ERROR_KEYS = {"status", "code", "message", "details"}


def error_of(response, status: int, code: str) -> dict:
    """The response's error object, after checking the shape every error has."""
    assert response.status_code == status
    assert response.mimetype == "application/json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    body = response.get_json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    return body["error"]


@pytest.fixture
def recs(app):
    """Five recommendations: two in progress on training, the rest not started."""
    for n in range(1, 6):
        make_rec(f"R-0{n}", theme="training_hiring" if n <= 2 else "role")
    for code in ("R-01", "R-02"):
        publish(
            db.session.scalar(db.select(queries.Recommendation).filter_by(code=code)),
            public_note="Started.",
            status="in_progress",
            progress=20,
        )


def test_not_found_is_json(client, recs):
    error_of(client.get("/api/v1/nothing-here"), 404, "not_found")
    error_of(client.get("/api/v1/recommendations/R-99"), 404, "not_found")
    error_of(client.get("/api/v1/meetings/999"), 404, "not_found")
    error_of(client.get("/api/v1/meetings/99999999999999999999"), 404, "not_found")
    error_of(client.get("/fr/api/v1/nothing-here"), 404, "not_found")


def test_a_bad_filter_or_page_is_400_with_details(client, recs):
    error = error_of(client.get("/api/v1/recommendations?status=nearly"), 400, "bad_request")
    assert list(error["details"]) == ["status"]
    assert (
        "page"
        in error_of(client.get("/api/v1/recommendations?page=0"), 400, "bad_request")["details"]
    )
    assert (
        "per_page"
        in error_of(client.get("/api/v1/meetings?per_page=101"), 400, "bad_request")["details"]
    )
    assert (
        "page" in error_of(client.get("/api/v1/meetings?page=two"), 400, "bad_request")["details"]
    )
    assert "lang" in error_of(client.get("/api/v1/themes?lang=de"), 400, "bad_request")["details"]
    error_of(client.get("/api/v1/recommendations?theme=role&theme=community"), 400, "bad_request")


def test_other_methods_are_405_json(client, recs):
    response = client.post("/api/v1/recommendations")
    error_of(response, 405, "method_not_allowed")
    assert "GET" in response.headers["Allow"]
    error_of(client.delete("/api/v1/recommendations/R-01"), 405, "method_not_allowed")


def test_a_server_error_is_json(client, recs, monkeypatch):
    def broken():
        raise RuntimeError("the database vanished")

    monkeypatch.setattr(queries, "definitions", broken)
    error = error_of(client.get("/api/v1/status-definitions"), 500, "server_error")
    assert "vanished" not in error["message"]


def test_rate_limit_is_429_with_retry_after(app, client, recs):
    app.config["API_RATE_LIMIT"] = "2 per minute"
    assert client.get("/api/v1/themes").status_code == 200
    assert client.get("/api/v1/aggregates").status_code == 200
    response = client.get("/api/v1/themes")
    error_of(response, 429, "rate_limited")
    assert 1 <= int(response.headers["Retry-After"]) <= 61  # the window, rounded up
    # The human pages are never limited.
    assert client.get("/open-data").status_code == 200


def test_cors_on_get_and_preflight(client, recs):
    response = client.get("/api/v1/recommendations", headers={"Origin": "https://example.com"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/recommendations",
        headers={
            "Origin": "https://example.com",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight.headers["Access-Control-Allow-Headers"]
    # Pages outside the API are not opened to other sites.
    assert "Access-Control-Allow-Origin" not in client.get("/open-data").headers


def test_etag_and_conditional_get(client, recs):
    first = client.get("/api/v1/recommendations/R-01")
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, no-cache"
    again = client.get("/api/v1/recommendations/R-01", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""
    publish(
        db.session.scalar(db.select(queries.Recommendation).filter_by(code="R-01")),
        public_note="Moved on.",
        progress=60,
    )
    changed = client.get("/api/v1/recommendations/R-01", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert "Set-Cookie" not in changed.headers


def test_pagination_links_and_totals(client, recs):
    first = client.get("/api/v1/recommendations?per_page=2&sort=code").get_json()
    assert first["pagination"] == {"page": 1, "per_page": 2, "total": 5, "pages": 3}
    assert [r["code"] for r in first["data"]] == ["R-01", "R-02"]
    assert first["links"]["prev"] is None
    following = client.get(first["links"]["next"]).get_json()
    assert [r["code"] for r in following["data"]] == ["R-03", "R-04"]
    assert "sort=code" in first["links"]["next"]
    last = client.get(first["links"]["last"]).get_json()
    assert [r["code"] for r in last["data"]] == ["R-05"]
    assert last["links"]["next"] is None
    beyond = client.get("/api/v1/recommendations?per_page=2&page=9").get_json()
    assert beyond["data"] == []


def test_filters_match_the_public_list(client, recs):
    def codes(query: str) -> list[str]:
        return [
            r["code"] for r in client.get(f"/api/v1/recommendations?{query}").get_json()["data"]
        ]

    assert codes("status=in_progress") == ["R-01", "R-02"]
    assert codes("theme=role") == ["R-03", "R-04", "R-05"]
    assert codes("theme=training_hiring&status=not_started") == []
    assert codes("q=R-04") == ["R-04"]
    assert codes("sort=progress")[:2] == ["R-01", "R-02"]
    assert codes("report=final") == ["R-01", "R-02", "R-03", "R-04", "R-05"]
    assert codes("schedule=on_track") == ["R-01", "R-02", "R-03", "R-04", "R-05"]
    assert codes("target=kept") == ["R-01", "R-02", "R-03", "R-04", "R-05"]


def test_french_by_prefix_or_parameter(client, recs):
    english = client.get("/api/v1/themes").get_json()["data"][0]
    by_prefix = client.get("/fr/api/v1/themes").get_json()["data"][0]
    by_param = client.get("/api/v1/themes?lang=fr").get_json()["data"][0]
    assert english["key"] == by_prefix["key"] == by_param["key"]
    assert english["label"] != by_prefix["label"] == by_param["label"]
    assert by_prefix["recommendations_url"].startswith("http://localhost/fr/api/v1/")
    assert by_param["recommendations_url"].startswith("http://localhost/fr/api/v1/")


def test_bulk_files(client, recs):
    csv_file = client.get("/api/v1/bulk/recommendations.csv")
    assert csv_file.mimetype == "text/csv"
    lines = csv_file.get_data(as_text=True).splitlines()
    assert lines[0].startswith("code,title,title_fr,")
    assert len(lines) == 6
    as_json = client.get("/api/v1/bulk/recommendations.json").get_json()
    assert [r["code"] for r in as_json["data"]] == ["R-01", "R-02", "R-03", "R-04", "R-05"]
    timeline = client.get("/api/v1/bulk/timeline.json").get_json()["data"]
    assert {r["public_note"] for r in timeline} >= {"Started."}


def test_human_pages(client, recs):
    for path in ("/open-data", "/open-data/api", "/fr/open-data", "/fr/open-data/api"):
        page = client.get(path)
        assert page.status_code == 200, path
    docs = client.get("/open-data/api").get_data(as_text=True)
    assert "/api/v1/recommendations/R-01" in docs
    assert "Open Government Licence" in docs
    assert 'href="/open-data"' in client.get("/").get_data(as_text=True)


def test_a_french_browser_is_not_redirected_away_from_the_api(client, recs):
    response = client.get("/api/v1/themes", headers={"Accept-Language": "fr-CA,fr;q=0.9"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(client, recs):
    make_rec("R-09", title="=HYPERLINK(1)")
    lines = client.get("/api/v1/bulk/recommendations.csv").get_data(as_text=True).splitlines()
    assert any(line.startswith("R-09,'=HYPERLINK(1),") for line in lines)


def test_progress_over_time_gives_the_charts_figures(client, recs):
    body = client.get("/api/v1/progress").get_json()["data"]
    history = progress_history()
    assert body["done_statuses"] == ["implemented", "ongoing"]
    assert [m["month"] for m in body["months"]] == [m.month.isoformat() for m in history.months]
    last = body["months"][-1]
    counts = {entry["key"]: entry["count"] for entry in last["by_status"]}
    assert counts["in_progress"] == 2
    assert counts["not_started"] == 3
    assert (last["total"], sum(counts.values())) == (5, 5)
    french = client.get("/fr/api/v1/progress").get_json()["data"]["months"][-1]["by_status"]
    assert {e["key"]: e["label"] for e in french}["in_progress"] != next(
        e["label"] for e in last["by_status"] if e["key"] == "in_progress"
    )
