"""The end-to-end benchmark test runs only when asked for with `-m bench`."""

import pytest


def pytest_collection_modifyitems(config, items):
    """Skip tests marked `bench` unless the marker expression names them."""
    if "bench" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="runs the whole benchmark (about a minute); use -m bench")
    for item in items:
        if "bench" in item.keywords:
            item.add_marker(skip)
