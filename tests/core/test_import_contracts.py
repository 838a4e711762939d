"""The layers of the house hold (pyproject's [tool.importlinter] contracts), and would catch a
lower layer importing a higher one: the same check on a copy of the package that does."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(where: Path) -> subprocess.CompletedProcess:
    """Run lint-imports with the project's contracts on the sro_board package found in where."""
    env = os.environ | {"PYTHONPATH": str(where)}
    return subprocess.run(  # noqa: S603 - the venv's own lint-imports, fixed arguments
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(ROOT / "pyproject.toml")],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_package_keeps_every_import_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "upward", "contract"),
    [
        ("core/clock.py", "from ..auth import roles", "Layers"),
        ("mail/services.py", "from ..board import stages", "Layers"),
        ("contact/forms.py", "from ..board import stages", "Features never import each other"),
        ("board/emails.py", "from ..sample import loader", "Nothing imports the sample data"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(tmp_path, module, upward, contract):
    shutil.copytree(
        ROOT / "sro_board", tmp_path / "sro_board", ignore=shutil.ignore_patterns("__pycache__")
    )
    with (tmp_path / "sro_board" / module).open("a", encoding="utf-8") as source:
        source.write(f"\n{upward}  # noqa: F401\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[1]
    assert contract in broken
    assert upward.split()[1].removeprefix("..") in broken
