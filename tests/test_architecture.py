"""The layers hold: every module sits in one layer, and the import contracts catch a break.

The contracts live in pyproject.toml ([tool.importlinter]); ``make lint`` checks them on
the real code. These tests check the contracts themselves: that they cover every
module, and that they fail on the kinds of import this project has had to undo (an
exports ↔ tracker cycle, a cycle between two sibling modules, the domain reaching up).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("tracker", "db", "ui", "exports")
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts: list[dict[str, object]] = config["tool"]["importlinter"]["contracts"]
    return contracts


def _layers() -> list[str]:
    layers = next(c for c in _contracts() if c["type"] == "layers")["layers"]
    assert isinstance(layers, list)
    return [name.strip() for layer in layers for name in str(layer).split("|")]


def test_every_module_sits_in_exactly_one_layer() -> None:
    graph = grimp.build_graph(*PACKAGES)
    layers = _layers()
    # Package roots hold no code but a version string or a docstring; __main__ starts the CLI.
    exempt = {*PACKAGES, "tracker.__main__"}
    for module in sorted(graph.modules):
        if module in exempt:
            continue
        homes = [layer for layer in layers if module == layer or module.startswith(layer + ".")]
        assert len(homes) == 1, f"{module} is in layers {homes}"


def _lint_copy(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess[str]:
    """Run the contracts on a copy of the code in which ``module`` also has ``line``."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / (module.replace(".", "/") + ".py")
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_contracts_hold_on_the_real_code(tmp_path: Path) -> None:
    proc = _lint_copy(tmp_path, "tracker.domain.fields", "# nothing added")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # exports takes plain data from the domain: importing the services closes a cycle
        ("exports.text", "import tracker.services", "Layers"),
        # the domain is the innermost layer: reaching up to the PDF renderer is refused
        ("tracker.domain.model", "import exports.briefing", "Layers"),
        # two sibling modules importing each other
        ("exports.document", "import exports.story", "No import cycles"),
        # the services do not reach the GUI, the database layer does not reach the services
        ("db.store", "import tracker.services", "Layers"),
        ("tracker.services.core", "import ui.app", "Layers"),
    ],
)
def test_the_contracts_catch_a_break(tmp_path: Path, module: str, line: str, broken: str) -> None:
    proc = _lint_copy(tmp_path, module, line)
    assert proc.returncode != 0, proc.stdout
    assert f"{broken}" in proc.stdout and "BROKEN" in proc.stdout, proc.stdout
