"""How `pytest -n 2 --dist loadgroup` spreads the suite over the workers.

Each module stays whole on one worker (as --dist loadfile would keep it): its tests may share a
Redis database, a module's data loaded once or a file, and must not run at the same time. The
route sweeps are the exception: each of their rows is independent and they are the longest
files, so their rows are dealt out one by one and both workers finish together.
"""

import pytest

# Modules whose tests are independent of each other and long enough to be worth splitting.
SPLIT = ("tests/security/test_route_sweep",)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.nodeid.split("::", 1)[0]
        if not module.startswith(SPLIT) and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(module))
