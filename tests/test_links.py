"""Offline link check of the built site: no broken internal link or anchor; external URLs listed."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from .conftest import ROOT

spec = importlib.util.spec_from_file_location("check_links", ROOT / "scripts" / "check_links.py")
check_links = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_links)


def test_no_broken_internal_links(html_dir: Path) -> None:
    broken, external = check_links.check(html_dir)
    assert broken == []
    assert any("mofa.go.jp" in u for u in external), "bibliography URLs should be listed as external"


def test_checker_catches_broken_link_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<a href="b.html#here">x</a><a href="missing.html">y</a><img src="i.png" alt="z">'
    )
    (tmp_path / "b.html").write_text('<p id="there">b</p>')
    broken, _ = check_links.check(tmp_path)
    assert any("no anchor #here" in b for b in broken)
    assert any("missing.html (no such file)" in b for b in broken)
    assert any("i.png" in b for b in broken)
