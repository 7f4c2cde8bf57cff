"""The built HTML site: every page, alt text on every image, no request to another host,
the PDF linked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import toc_files

PAGES = toc_files()
OFFSITE = re.compile(r"^(https?:)?//", re.I)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("page", PAGES)
def test_page_built(html_dir: Path, page: str) -> None:
    assert (html_dir / f"{page}.html").exists(), f"{page}.html missing"


@pytest.mark.parametrize("page", PAGES)
def test_images_have_descriptive_alt(html_dir: Path, page: str) -> None:
    for img in soup(html_dir / f"{page}.html").find_all("img"):
        alt = (img.get("alt") or "").strip()
        src = img.get("src", "")
        assert alt, f"{page}: <img src={src}> has no alt"
        assert Path(src).stem not in alt and len(alt.split()) >= 3, (
            f"{page}: alt {alt!r} is not a description"
        )


@pytest.mark.parametrize("page", PAGES)
def test_nothing_loaded_from_another_host(html_dir: Path, page: str) -> None:
    doc = soup(html_dir / f"{page}.html")
    loaded = [t.get("src") for t in doc.find_all(["script", "img", "iframe", "source", "audio", "video"])]
    loaded += [t.get("href") for t in doc.find_all("link") if t.get("href")]
    offsite = [u for u in loaded if u and OFFSITE.match(u)]
    assert offsite == [], f"{page}: loads {offsite}"
    inline = " ".join(s.get_text() for s in doc.find_all("script"))
    assert not re.search(r"https?://(unpkg|cdn|cdnjs|fonts\.googleapis)", inline), (
        f"{page}: CDN in inline script"
    )


def test_static_assets_fetch_nothing_offsite(html_dir: Path) -> None:
    """CSS must not @import or url() another host; JS must not hard-code a CDN."""
    for css in (html_dir / "_static").rglob("*.css"):
        text = css.read_text(errors="replace")
        assert not re.search(r"(@import|url\()\s*['\"]?https?://", text), (
            f"{css.name} loads an external resource"
        )
    for js in (html_dir / "_static").rglob("*.js"):
        text = js.read_text(errors="replace")
        assert not re.search(r"https?://(cdn\.jsdelivr|unpkg\.com|cdnjs)", text), (
            f"{js.name} references a CDN"
        )


def test_chapter_figures_are_numbered_and_captioned(html_dir: Path) -> None:
    for page in (p for p in PAGES if p.startswith("chapters/")):
        doc = soup(html_dir / f"{page}.html")
        figures = doc.find_all("figure")
        tables = [
            t
            for t in doc.find_all("table")
            if t.find("caption") and re.search(r"Table \d", t.find("caption").get_text())
        ]
        assert len(figures) + len(tables) >= 2, f"{page}: expected at least two numbered figures or tables"
        for fig in figures:
            cap = fig.find("figcaption")
            assert cap is not None and re.search(r"Figure \d", cap.get_text()), f"{page}: unnumbered figure"
            assert fig.find("img") is not None


def test_pdf_linked_from_front_page_and_navigation(html_dir: Path, pdf_path: Path) -> None:
    intro = soup(html_dir / "intro.html")
    hrefs = [a.get("href", "") for a in intro.find_all("a")]
    assert "_pdf/steppe-and-archipelago.pdf" in hrefs
    chapter = soup(html_dir / "chapters" / "03_khalkhin_gol.html")
    nav = chapter.find(class_="pdf-edition-link")
    assert nav is not None and nav.find("a")["href"] == "../_pdf/steppe-and-archipelago.pdf"
    assert pdf_path.read_bytes()[:5] == b"%PDF-"


def test_language_of_parts_marked(html_dir: Path) -> None:
    doc = soup(html_dir / "intro.html")
    assert doc.find("html").get("lang") == "en"
    langs = {s.get("lang") for s in doc.find_all("span", lang=True)}
    assert {"mn", "ja"} <= langs
