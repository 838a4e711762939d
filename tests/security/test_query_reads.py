"""The recorder behind the sweep's edge values sees each query parameter a view reads."""

import pytest
from flask import Flask, request

from tests.security.query_reads import parameters_read

NAMES = ["page", "sort", "q", "state"]


@pytest.fixture
def little_app() -> Flask:
    """Views that read one parameter, check one, walk over all, or read none."""
    little = Flask(__name__)
    little.add_url_rule("/one", "one", lambda: request.args.get("page", "x"))
    little.add_url_rule("/index", "index", lambda: request.args["sort"])
    little.add_url_rule("/has", "has", lambda: str("q" in request.args))
    little.add_url_rule("/list", "list", lambda: ",".join(request.args.getlist("state")))
    little.add_url_rule("/all", "all", lambda: str(request.args.to_dict()))
    little.add_url_rule("/each", "each", lambda: ",".join(request.args))
    little.add_url_rule("/none", "none", lambda: "nothing read")
    return little


@pytest.mark.parametrize(
    ("path", "read"),
    [
        ("/one", {"page"}),
        ("/index", {"sort"}),
        ("/has", {"q"}),
        ("/list", {"state"}),
        ("/all", set(NAMES)),
        ("/each", set(NAMES)),
        ("/none", set()),
    ],
)
def test_the_parameters_a_view_reads_are_recorded(little_app, path, read):
    assert parameters_read(little_app.test_client(), path, NAMES) == read


def test_only_the_views_reads_count_not_an_app_wide_hook(little_app):
    little_app.before_request(lambda: list(request.args.items(multi=True)) and None)
    assert parameters_read(little_app.test_client(), "/one", NAMES) == {"page"}


def test_the_app_parses_queries_as_before_after_recording(little_app):
    client = little_app.test_client()
    parameters_read(client, "/one", NAMES)
    assert little_app.request_class.parameter_storage_class.__name__ == "ImmutableMultiDict"
    assert "dispatch_request" not in vars(little_app)
    assert client.get("/one?page=3").get_data(as_text=True) == "3"
