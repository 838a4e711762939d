"""Schemathesis runs every one of its checks against every API operation of a live server.

The server is the app with the sample data on a free port; schemathesis reads the OpenAPI
document the server publishes and must find 0 failures: no 5xx, every response (status,
headers, content type, body) as the document says, bad input refused, good input accepted.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.live import live_api

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The live app (a generous API rate limit: schemathesis sends thousands of requests)."""
    with live_api(tmp_path_factory.mktemp("api-live"), API_RATE_LIMIT="1000000 per minute") as url:
        yield url


def test_every_operation_passes_every_check(server, tmp_path):
    result = subprocess.run(  # noqa: S603 - this environment's schemathesis, fixed arguments
        [
            str(SCHEMATHESIS),
            "run",
            f"{server}/api/v1/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "25",
            "--workers",
            "1",
            "--seed",
            "1",
            "--no-color",
        ],
        cwd=tmp_path,  # its cache (.schemathesis/) stays out of the work tree
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    report = result.stdout + result.stderr
    print(report)
    assert result.returncode == 0, report
    assert "No issues found" in report, report
