"""The OpenAPI document is valid OpenAPI 3.1 and describes every API route."""

from openapi_spec_validator import validate

from sro_board.api.registry import OPERATIONS


def test_document_is_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.get_json()
    assert document["openapi"] == "3.1.0"
    validate(document)


def test_every_api_route_is_described(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    routes = {
        rule.rule.replace("<int:", "{").replace("<", "{").replace(">", "}")
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/")
    }
    assert routes == set(document["paths"])
    assert len(OPERATIONS) == len(routes)
