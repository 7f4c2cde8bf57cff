"""Shared fixtures: repository paths and the built book (``make test`` builds it first)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
HTML = BUILD / "html"
PDF = HTML / "_pdf" / "steppe-and-archipelago.pdf"


def toc_files() -> list[str]:
    """Every document of ``_toc.yml`` (root first), without extension."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for chap in part.get("chapters", []):
            files.append(chap["file"])
            files.extend(s["file"] for s in chap.get("sections", []))
    return files


def chapter_files() -> list[Path]:
    """The chapter notebooks (MyST Markdown) listed in the table of contents."""
    return [ROOT / f"{f}.md" for f in toc_files() if f.startswith("chapters/")]


def h1_title(path: Path) -> str:
    """The text of a page's first level-1 heading."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^# \S", line):
            return line[2:].strip()
    raise AssertionError(f"{path} has no H1")


@pytest.fixture(scope="session")
def html_dir() -> Path:
    if not (HTML / "intro.html").exists():
        pytest.fail("the HTML site is not built: run `make book` (make test does it first)")
    return HTML


@pytest.fixture(scope="session")
def pdf_path() -> Path:
    if not PDF.exists():
        pytest.fail("the PDF edition is not built: run `make book` (make test does it first)")
    return PDF
