"""The code is ruff-clean and the package keeps its layering (nothing imports upward)."""

from __future__ import annotations

import ast
import subprocess
import sys

from mjbook.paths import ROOT

LAYERS = {
    "paths": 0,
    "bib": 1,
    "data": 2,
    "validate": 3,
    "depends": 3,
    "geo": 3,
    "style": 3,
    "interactive": 4,
    "charts": 4,
    "maps": 5,
}


def test_ruff_clean() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "mjbook", "tests", "scripts"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_no_upward_imports() -> None:
    for module, level in LAYERS.items():
        tree = ast.parse((ROOT / "mjbook" / f"{module}.py").read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mjbook"):
                names = [node.module.split(".")[1]] if "." in node.module else [a.name for a in node.names]
                for name in names:
                    assert LAYERS[name] < level, (
                        f"mjbook.{module} imports mjbook.{name} (same or higher layer)"
                    )


def test_public_functions_have_type_hints() -> None:
    for path in (ROOT / "mjbook").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                assert node.returns is not None, f"{path.name}:{node.name} has no return annotation"
