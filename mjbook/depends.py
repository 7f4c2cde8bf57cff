"""What each chapter depends on, so that a change to data or code re-executes exactly the chapters
that use it.

jupyter-cache keys a notebook's cached outputs on its code cells only, so editing a CSV file or a
function of this package would otherwise leave stale figures in the book. This module reads a
chapter's code cells and finds:

- the data resources it loads (``load_table("name")`` / ``load_features("name")``) and so their
  files, plus ``references.bib`` (which validation and chart labels read);
- the ``mjbook`` modules it imports, and every module those import in turn.

:func:`fingerprint` hashes the contents of all of them. The build script compares each chapter's
fingerprint with the one recorded at the last successful build and drops the cached outputs of the
chapters whose fingerprint changed.
"""

from __future__ import annotations

import ast
import hashlib
import re
from pathlib import Path

from mjbook.data import resource, resource_names
from mjbook.paths import BIBLIOGRAPHY, DATA, DATAPACKAGE, ROOT

PACKAGE = ROOT / "mjbook"
_LOAD = re.compile(r"load_(?:table|features)\(\s*[\"']([A-Za-z0-9_]+)[\"']")
_CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(.*?)^```", re.S | re.M)


def code_of(chapter: Path) -> str:
    """The source of all code cells of a MyST-Markdown notebook, with cell options removed."""
    cells = []
    for body in _CODE_CELL.findall(Path(chapter).read_text(encoding="utf-8")):
        lines = body.splitlines()
        if lines and lines[0].strip() == "---":  # YAML block of cell options
            end = lines.index("---", 1)
            lines = lines[end + 1 :]
        cells.append("\n".join(ln for ln in lines if not ln.startswith(":")))
    return "\n".join(cells)


def _imported_modules(source: str) -> set[str]:
    """Names of mjbook modules imported by Python source (``from mjbook import x``, ``mjbook.x``)."""
    found: set[str] = set()
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics: fall back to a plain scan
        return set(re.findall(r"mjbook\.([a-z_]+)", source)) | {
            n.strip() for m in re.findall(r"from mjbook import ([\w, ]+)", source) for n in m.split(",")
        }
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "mjbook":
                found |= {a.name for a in node.names}
            elif node.module.startswith("mjbook."):
                found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("mjbook.")}
    return {m for m in found if (PACKAGE / f"{m}.py").exists()}


def module_closure(modules: set[str]) -> set[str]:
    """The given mjbook modules and every mjbook module they import, transitively."""
    todo, seen = list(modules), set()
    while todo:
        mod = todo.pop()
        if mod in seen:
            continue
        seen.add(mod)
        todo.extend(_imported_modules((PACKAGE / f"{mod}.py").read_text(encoding="utf-8")) - seen)
    return seen | {"__init__"}


def dependencies(chapter: Path) -> list[Path]:
    """Every file whose content a chapter's outputs depend on besides its own code, sorted."""
    code = code_of(chapter)
    files = {PACKAGE / f"{m}.py" for m in module_closure(_imported_modules(code))}
    resources = set(_LOAD.findall(code))
    if "datasets(" in code:  # tables.datasets() reads every resource of the data package
        resources |= set(resource_names())
    if resources:
        files |= {DATAPACKAGE, BIBLIOGRAPHY}
        files |= {DATA / resource(name)["path"] for name in resources}
    return sorted(files)


def fingerprint(chapter: Path) -> str:
    """SHA-256 over the names and contents of a chapter's dependencies."""
    digest = hashlib.sha256()
    for path in dependencies(chapter):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
