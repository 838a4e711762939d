"""Settings read from the environment, as `make run` passes them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _public_base_url(**env: str) -> str:
    """Config.PUBLIC_BASE_URL as a new process with this environment reads it."""
    clean = {k: v for k, v in os.environ.items() if k not in ("PORT", "PUBLIC_BASE_URL")}
    result = subprocess.run(
        [sys.executable, "-c", "import config; print(config.Config.PUBLIC_BASE_URL)"],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "http://127.0.0.1:5000"),
        ({"PORT": "5201"}, "http://127.0.0.1:5201"),
        ({"PORT": "5201", "PUBLIC_BASE_URL": "https://board.example"}, "https://board.example"),
    ],
)
def test_links_in_emails_use_the_port_the_app_serves_on(env, expected):
    assert _public_base_url(**env) == expected
