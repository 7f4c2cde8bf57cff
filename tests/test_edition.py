"""The citable edition: one version (CITATION.cff) everywhere, a valid CITATION.cff, PDF metadata,
bookmarks and list of figures, chapter page ranges on the how-to-cite page, stable addresses."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from .conftest import BUILD, ROOT, chapter_files, h1_title, toc_files

CFF = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
VERSION = str(CFF["version"])
RELEASED = (
    CFF["date-released"]
    if isinstance(CFF["date-released"], dt.date)
    else dt.date.fromisoformat(str(CFF["date-released"]))
)
DATE = f"{RELEASED.day} {RELEASED:%B %Y}"


def test_citation_cff_is_valid() -> None:
    cffconvert = ROOT / ".venv-cff" / "bin" / "cffconvert"
    if not cffconvert.exists():
        pytest.fail("cffconvert is missing: `make test` installs it into .venv-cff")
    proc = subprocess.run(
        [str(cffconvert), "--validate", "-i", str(ROOT / "CITATION.cff")], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION), "the version must be semantic (MAJOR.MINOR.PATCH)"


def test_version_is_kept_in_one_place() -> None:
    """No file but CITATION.cff spells out the version (pages use {{ version }})."""
    spelled = []
    for path in [
        ROOT / "_config.yml",
        *ROOT.glob("*.md"),
        *ROOT.glob("about/*.md"),
        *ROOT.glob("back/*.md"),
        ROOT / ".zenodo.json",
        ROOT / "mjbook" / "__init__.py",
    ]:
        if re.search(rf"(?<![\d.]){re.escape(VERSION)}(?![\d.])", path.read_text(encoding="utf-8")):
            spelled.append(path.name)
    assert spelled in ([], ["README.md"]), f"version spelled out in {spelled}"


@pytest.mark.parametrize("page", toc_files())
def test_every_page_footer_shows_version_and_date(html_dir: Path, page: str) -> None:
    footer = BeautifulSoup((html_dir / f"{page}.html").read_text(), "html.parser").find(
        class_="edition-footer"
    )
    assert footer is not None and f"Version {VERSION} ({DATE})" in footer.get_text()


def test_pages_show_the_same_version(html_dir: Path) -> None:
    for page in ("about/edition", "back/how_to_cite"):
        text = BeautifulSoup((html_dir / f"{page}.html").read_text(), "html.parser").get_text()
        assert VERSION in text and DATE in text, page


def test_pdf_title_page_and_metadata(pdf_path: Path) -> None:
    first = subprocess.run(
        ["pdftotext", "-l", "1", str(pdf_path), "-"], capture_output=True, text=True
    ).stdout
    assert VERSION in first and DATE in first
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    fields = dict(re.findall(r"^(\w+):\s+(.*)$", info, flags=re.M))
    assert fields["Title"].startswith("Steppe and Archipelago")
    assert fields["Author"] == CFF["authors"][0]["name"]
    assert "Mongolia" in fields["Subject"] and "Nomonhan" in fields["Keywords"]


def test_pdf_bookmarks_list_every_chapter(pdf_path: Path) -> None:
    from pypdf import PdfReader

    def titles(outline: list) -> list[str]:
        out = []
        for item in outline:
            out.extend(titles(item) if isinstance(item, list) else [item.title])
        return out

    bookmarks = [re.sub(r"\s+", " ", t) for t in titles(PdfReader(str(pdf_path)).outline)]
    for chapter in chapter_files():
        assert any(h1_title(chapter) in b for b in bookmarks), h1_title(chapter)
    assert any("Bibliography" in b for b in bookmarks)


def test_pdf_has_list_of_figures_and_page_numbers(pdf_path: Path) -> None:
    text = subprocess.run(["pdftotext", str(pdf_path), "-"], capture_output=True, text=True).stdout
    start = text.upper().find("LIST OF FIGURES\n\n1.1")
    assert start >= 0, "no list of figures"
    listing = re.sub(r"\s+", " ", text[start : start + 4000])
    assert "The disputed zone on the Khalkhin Gol, 1939" in listing
    assert re.search(r"\. \. \d+", listing), "no page numbers in the list of figures"


def test_how_to_cite_page_ranges_match_the_pdf(html_dir: Path) -> None:
    toc = (BUILD / "latex" / "book.toc").read_text(encoding="utf-8")
    starts = dict(re.findall(r"\\contentsline \{chapter\}\{\\numberline \{(\d+)\}.*?\}\{(\d+)\}\{", toc))
    table = BeautifulSoup((html_dir / "back" / "how_to_cite.html").read_text(), "html.parser").find(
        id="chapter-citations"
    )
    assert table is not None, "the chapter citation table was not filled in"
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]
    numbered = [r for r in rows if r[0]]
    assert len(numbered) == len(starts)
    for number, _title, pages, citations in numbered:
        assert re.match(rf"pp?\. {starts[number]}\b", pages), (number, pages, starts[number])
        assert "Chicago." in citations and "APA." in citations and "@incollection{" in citations
        assert citations.count(VERSION) == 3


def test_redirects_lead_to_existing_pages(html_dir: Path) -> None:
    redirects = yaml.safe_load((ROOT / "redirects.yml").read_text())
    assert redirects
    for old, new in redirects.items():
        stub = (html_dir / f"{old}.html").read_text()
        target = re.search(r'url=([^"]+)"', stub).group(1)
        assert (html_dir / f"{old}.html").parent.joinpath(target).resolve() == (
            html_dir / f"{new}.html"
        ).resolve()
