"""Reliability of the build, tested on a scratch copy of the repository.

- hermetic: a clean HTML build passes with the network off (``unshare -rn``, loopback up);
- reproducible: that clean build gives byte-identical figures and notebook outputs to the main one;
- cache correctness: a data change re-executes the chapter that uses it, and nothing else;
- bad input: a failing cell, an unknown citation key, malformed GeoJSON and a bad CSV row each stop
  the build with a non-zero exit and a last line naming the file (and row or cell).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import HTML, ROOT

CHAPTER = "chapters/03_khalkhin_gol.md"
IGNORE = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".venv-cff",
    "test-artifacts",
    "_build",
    ".cache",
    ".pytest_cache",
    ".ruff_cache",
    "*.egg-info",
)


def can_unshare() -> bool:
    try:
        return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0
    except FileNotFoundError:
        return False


def build(repo: Path, target: str = "html", offline: bool = False) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "scripts/build_book.py", target]
    if offline:
        cmd = ["unshare", "-rn", "sh", "-c", "ip link set lo up && exec " + " ".join(cmd)]
    return subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=900)


def last_line(proc: subprocess.CompletedProcess) -> str:
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory, html_dir: Path) -> Path:
    """A copy of the repository, built once from clean (offline when the machine allows it)."""
    repo = tmp_path_factory.mktemp("book") / "repo"
    shutil.copytree(ROOT, repo, ignore=IGNORE)
    proc = build(repo, "all", offline=can_unshare())
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return repo


def digests(folder: Path, pattern: str) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob(pattern))}


@pytest.mark.skipif(not can_unshare(), reason="unshare -rn is not permitted on this machine")
def test_clean_build_is_hermetic(scratch: Path) -> None:
    """The scratch build (HTML and PDF) ran with no network but loopback and produced both editions."""
    assert (scratch / "_build" / "html" / "chapters" / "03_khalkhin_gol.html").exists()
    assert (scratch / "_build" / "html" / "_pdf" / "steppe-and-archipelago.pdf").exists()


def test_figures_byte_identical_across_clean_builds(scratch: Path) -> None:
    ours = digests(scratch / "_build" / "html" / "_images", "*")
    main = digests(HTML / "_images", "*")
    assert ours and ours == {k: v for k, v in main.items() if k in ours} and set(ours) <= set(main)


def test_notebook_outputs_identical_across_clean_builds(scratch: Path) -> None:
    from jupyter_cache import get_cache

    def outputs(build_dir: Path) -> dict[str, str]:
        """Executed outputs per notebook, from the build's jupyter-cache."""
        cache = get_cache(build_dir / ".jupyter_cache")
        result = {}
        for record in cache.list_cache_records():
            nb = cache.get_cache_bundle(record.pk).nb
            result[Path(record.uri).name] = json.dumps(
                [c.get("outputs", []) for c in nb.cells], sort_keys=True
            )
        return result

    ours = outputs(scratch / "_build")
    main = outputs(HTML.parent)
    assert ours and all(any(json.loads(v)) for v in ours.values()), "no outputs cached"
    assert ours == {k: main.get(k) for k in ours}


def test_data_change_reexecutes_exactly_the_dependent_chapter(scratch: Path) -> None:
    casualties = scratch / "data" / "khalkhin_gol" / "casualties.csv"
    original = casualties.read_text(encoding="utf-8")
    try:
        casualties.write_text(original.replace("persons,", "persons,", 1) + "\n", encoding="utf-8")
        changed = build(scratch)
        assert changed.returncode == 0, changed.stderr[-2000:]
        assert f"{CHAPTER}: data or code it depends on changed" in changed.stdout
        assert "Executed notebook" in changed.stdout
        again = build(scratch)
        assert again.returncode == 0
        assert "Executed notebook" not in again.stdout and "depends on changed" not in again.stdout
    finally:
        casualties.write_text(original, encoding="utf-8")


BAD_INPUTS = {
    "failing cell": (
        CHAPTER,
        lambda t: t.replace("style.use()", "style.use()\nraise ValueError('boom')"),
        ["chapters/03_khalkhin_gol", "boom"],
    ),
    "unknown citation": (
        CHAPTER,
        lambda t: t.replace("{cite:p}`drea1981nomonhan`", "{cite:p}`nokey2000`", 1),
        ["chapters/03_khalkhin_gol", "nokey2000"],
    ),
    "malformed GeoJSON": (
        "data/khalkhin_gol/features.geojson",
        lambda t: t[: len(t) // 2],
        ["data/khalkhin_gol/features.geojson: line 1: not valid JSON"],
    ),
    "bad CSV row": (
        "data/khalkhin_gol/casualties.csv",
        lambda t: t.replace(",7696,7696,", ",seven,7696,", 1),
        ["data/khalkhin_gol/casualties.csv: row 1, field 'value_low'"],
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_stops_the_build_with_a_clear_message(scratch: Path, case: str) -> None:
    rel, mutate, expected = BAD_INPUTS[case]
    path = scratch / rel
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(mutate(original), encoding="utf-8")
        assert path.read_text(encoding="utf-8") != original, "the mutation did not apply"
        proc = build(scratch)
        assert proc.returncode != 0
        message = last_line(proc) + "\n" + proc.stderr
        for needle in expected:
            assert needle in message, (
                f"{case}: {needle!r} not in the build's error output:\n{proc.stderr[-1500:]}"
            )
    finally:
        path.write_text(original, encoding="utf-8")
