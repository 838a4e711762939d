"""No user-facing English left unmarked: templates (text and read attributes outside
{% trans %}) and Python (flash, form labels, validator messages, refusals, labels).

Each failure lists 'path:line: text'; mark the string (README "Languages") or, when it truly is
not words for people, add it to ALLOWED with the reason.
"""

import pytest

from tests.i18n.unmarked import python_findings, template_findings

# path -> {text as reported after the line number: why it stays as it is}.
ALLOWED: dict[str, dict[str, str]] = {}


def _allowed(finding: str) -> bool:
    path, _line, text = finding.split(":", 2)
    return text.strip() in ALLOWED.get(path, {})


def _report(kind: str, findings: list[str]) -> str:
    return f"{len(findings)} unmarked {kind} (wrap in _() / {{% trans %}}):\n" + "\n".join(findings)


def test_templates_have_no_unmarked_text():
    findings = [f for f in template_findings() if not _allowed(f)]
    if findings:
        pytest.fail(_report("template strings", findings), pytrace=False)


def test_python_shows_no_unmarked_text():
    findings = [f for f in python_findings() if not _allowed(f)]
    if findings:
        pytest.fail(_report("Python strings", findings), pytrace=False)


def test_the_allowlist_is_not_stale():
    found = {(f.split(":", 2)[0], f.split(":", 2)[2].strip()) for f in template_findings()}
    found |= {(f.split(":", 2)[0], f.split(":", 2)[2].strip()) for f in python_findings()}
    stale = [f"{path}: {text}" for path, texts in ALLOWED.items() for text in texts]
    stale = [s for s in stale if tuple(s.split(": ", 1)) not in found]
    assert not stale, "ALLOWED lists text no longer found:\n" + "\n".join(stale)


def test_core_files_are_clean():
    """What core owns is marked now (the whole check waits for the features' marking)."""
    mine = (
        "templates/base.html",
        "templates/errors/",
        "templates/_macros/pagination.html",
        "sro_board/core/",
    )
    findings = [f for f in (*template_findings(), *python_findings()) if f.startswith(mine)]
    assert not findings, "\n".join(findings)
