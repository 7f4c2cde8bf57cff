"""The PDF edition: pages, every chapter, Japanese and Cyrillic text, embedded fonts, no tofu."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from .conftest import BUILD, ROOT, chapter_files, h1_title


def pdftotext(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def text(pdf_path: Path) -> str:
    return re.sub(r"\s+", " ", pdftotext(pdf_path))


def test_pages_and_metadata(pdf_path: Path) -> None:
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages > 5
    assert "Steppe and Archipelago" in info


@pytest.mark.parametrize("chapter", chapter_files(), ids=lambda p: p.name)
def test_every_chapter_title_in_pdf(text: str, chapter: Path) -> None:
    title = h1_title(chapter)
    assert title.lower() in text.lower(), f"chapter title {title!r} not found in the PDF text"


@pytest.mark.parametrize("sample", ["日本", "ノモンハン事件", "Халхын гол"])
def test_cjk_and_cyrillic_extractable(text: str, sample: str) -> None:
    # pdftotext may break a line inside a run of kana/kanji: compare without spaces
    assert sample.replace(" ", "") in text.replace(" ", "")


def test_title_page_has_version_and_date(pdf_path: Path) -> None:
    first = subprocess.run(
        ["pdftotext", "-l", "1", str(pdf_path), "-"], capture_output=True, text=True
    ).stdout
    assert "Steppe and Archipelago" in first
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    released = cff["date-released"]
    assert str(cff["version"]) in first and f"{released.day} {released:%B %Y}" in first


def test_bibliography_printed(text: str) -> None:
    assert "Nomonhan: Japan Against Russia, 1939" in text


def test_all_fonts_embedded(pdf_path: Path) -> None:
    out = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, "no fonts listed"
    not_embedded = [r for r in rows if r.split()[-5] != "yes"]
    assert not_embedded == [], not_embedded


def test_no_missing_glyphs_in_latex_log() -> None:
    log = (BUILD / "latex" / "book.log").read_text(errors="replace")
    assert "Missing character" not in log


def test_figure_numbers_match_html(text: str, html_dir: Path) -> None:
    """Each figure carries the same number and caption start in the HTML and the PDF."""
    from bs4 import BeautifulSoup

    checked = 0
    for page in sorted(html_dir.rglob("*.html")):
        for cap in BeautifulSoup(page.read_text(), "html.parser").select("figure figcaption"):
            label = re.sub(r"\s+", " ", cap.get_text(" ", strip=True))
            number = re.match(r"Figure (\d+(\.\d+)*)", label).group(1)
            words = " ".join(label.split()[2:6])
            assert f"Figure {number}: {words}" in text, f"Figure {number} ({words}…) differs in the PDF"
            checked += 1
    assert checked >= 2
