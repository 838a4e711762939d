"""docs/security.md's table of issue 11's findings names only tests that exist.

ASVS 5.0: 14.1.2 (protection requirements documented, each with its proof).
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "security.md"
HEADING = "## Review findings (issue 11) and their tests"
# "file.py::name" or "::name" (same file as before), with or without backticks; a bare file
# name is under tests/security/.
NAMED = re.compile(r"((?:tests/[\w/]+/)?test_\w+\.py)?::(\w+)")


def named_tests() -> list[tuple[str, str, str]]:
    """(finding, test file, test name) for every test the findings table names."""
    section = DOC.read_text(encoding="utf-8").split(HEADING)[1].split("\n## ")[0]
    found = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("Finding", "---"):
            continue
        path = None
        for file_part, name in NAMED.findall(cells[2]):
            path = file_part or path
            found.append((cells[0], path, name))
    return found


def test_every_finding_names_an_existing_test():
    rows = named_tests()
    findings = {finding.split()[0].rstrip(":") for finding, _, _ in rows}
    assert findings >= {"M4", "L1", "L3", "L4", "L5", "L7", "Note"}
    missing = []
    for finding, path, name in rows:
        file = ROOT / path if "/" in path else ROOT / "tests" / "security" / path
        if not file.is_file() or not re.search(rf"^def {name}\(", file.read_text(), re.M):
            missing.append(f"{finding}: {path}::{name}")
    assert not missing, missing
