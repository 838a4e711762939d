"""The Nu HTML Checker (vnu-jar, Java) over many saved pages in one call."""

import json
import subprocess  # noqa: S404 - runs java -jar vnu.jar with fixed arguments, no shell
from pathlib import Path

from tests.e2e.environment import VNU_JAR, require_java


def vnu_messages(files: list[Path]) -> list[dict]:
    """Every message the checker gives for the files (type "error", "info", ...)."""
    if not files:
        return []
    java = require_java()
    result = subprocess.run(  # noqa: S603 - fixed program and options, our own files
        [java, "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode not in (0, 1):
        raise AssertionError(f"vnu.jar failed ({result.returncode}): {result.stderr[-2000:]}")
    return json.loads(result.stdout)["messages"]


def vnu_errors(files: list[Path]) -> list[str]:
    """One line per error (warnings and info are not errors), naming the file and line."""
    return [
        f"  {Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m['message']}"
        f" [{m.get('extract', '').strip()[:120]}]"
        for m in vnu_messages(files)
        if m["type"] in ("error", "non-document-error")
    ]
