"""Notebook lint for the chapters: front matter, one H1, figures named, captioned and described,
citations and cross-references that resolve."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import pytest
import yaml

from mjbook.bib import known_keys

from .conftest import ROOT, chapter_files, toc_files

CHAPTERS = chapter_files()
PAGES = [ROOT / f"{f}.md" for f in toc_files()]
CITE = re.compile(r"\{cite(?::[pt])?\}`([^`]+)`")
NUMREF = re.compile(r"\{numref\}`(?:[^`<]*<)?([^`>]+)>?`")


def figure_cells(path: Path) -> list[dict]:
    nb = jupytext.read(path)
    return [c for c in nb.cells if c.cell_type == "code" and "figure" in c.metadata.get("mystnb", {})]


def test_toc_lists_existing_pages() -> None:
    for page in PAGES:
        assert page.exists(), f"{page} is in _toc.yml but missing"
    assert CHAPTERS, "no chapter in _toc.yml"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_front_matter_is_a_python_notebook(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["jupytext"]["text_representation"]["format_name"] == "myst"
    assert meta["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_exactly_one_h1(path: Path) -> None:
    body = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    h1 = [ln for ln in body.splitlines() if re.match(r"^# \S", ln)]
    assert len(h1) == 1, f"{path.name}: {len(h1)} H1 headings"


NOTEBOOK_PAGES = [p for p in PAGES if p.read_text(encoding="utf-8").startswith("---\njupytext:")]


@pytest.mark.parametrize("path", NOTEBOOK_PAGES, ids=lambda p: p.name)
def test_every_figure_has_name_caption_and_real_alt_text(path: Path) -> None:
    cells = figure_cells(path)
    if path in CHAPTERS:
        tables = re.findall(r'label="tbl-[a-z0-9-]+"', path.read_text(encoding="utf-8"))
        assert len(cells) + len(tables) >= 2, f"{path.name}: a chapter needs at least two figures or tables"
    for cell in cells:
        meta = cell.metadata["mystnb"]
        name = meta["figure"].get("name", "")
        caption = meta["figure"].get("caption", "").strip()
        alt = meta.get("image", {}).get("alt", "").strip()
        assert re.fullmatch(r"fig-[a-z0-9-]+", name), f"{path.name}: figure name {name!r}"
        assert len(caption.split()) >= 15, f"{name}: caption too short to say what to see and the source"
        assert "{cite" in caption or "Source" in caption, f"{name}: caption must give the data source"
        assert len(alt.split()) >= 20, f"{name}: alt text must describe the figure (>= 20 words)"
        assert name not in alt and not alt.lower().startswith(("figure", "image", "map.", "chart.")), name


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_citations_resolve(path: Path) -> None:
    keys = {k.strip() for m in CITE.finditer(path.read_text(encoding="utf-8")) for k in m.group(1).split(",")}
    unknown = sorted(keys - known_keys())
    assert unknown == [], f"{path.name}: unknown citation keys {unknown}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_numrefs_point_to_figures_of_the_book(path: Path) -> None:
    names = {c.metadata["mystnb"]["figure"]["name"] for p in CHAPTERS for c in figure_cells(p)}
    text = path.read_text(encoding="utf-8")
    names |= set(re.findall(r"^\(([a-z0-9-]+)\)=", text, flags=re.M))
    names |= set(re.findall(r":name: ([a-z0-9-]+)", text))
    names |= {
        n for p in CHAPTERS for n in re.findall(r'label="(tbl-[a-z0-9-]+)"', p.read_text(encoding="utf-8"))
    }
    refs = set(NUMREF.findall(text))
    assert refs <= names, f"{path.name}: numref to unknown {sorted(refs - names)}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_cells_are_short_and_read_only_data(path: Path) -> None:
    nb = jupytext.read(path)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        lines = [ln for ln in cell.source.splitlines() if ln.strip()]
        assert len(lines) <= 8, f"{path.name}: a code cell has {len(lines)} lines; move code into mjbook"
        assert "http" not in cell.source and "read_csv(" not in cell.source, (
            f"{path.name}: read data via mjbook"
        )


def prose_words(text: str) -> int:
    """Words of prose: front matter, code cells, roles (citations, cross-references) and tags removed."""
    text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", " ", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return sum(1 for token in text.split() if re.search(r"\w", token))


def test_prose_words_counts_only_prose() -> None:
    sample = (
        '---\nk: v\n---\n# Title\n\nTwo words {cite:p}`a,b` <span lang="mn">Улаан</span>.\n'
        "```{code-cell}\nx = 1\n```\n"
    )
    assert prose_words(sample) == 4  # Title, Two, words, Улаан.


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_meets_the_standard(path: Path) -> None:
    """GUIDE §3 and the chapter issues: length, sources, native names, a closing debate section."""
    text = path.read_text(encoding="utf-8")
    conclusion = "conclusion" in path.stem
    words = prose_words(text)
    low, high = (1500, 5000) if conclusion else (2500, 5000)
    assert low <= words <= high, f"{path.name}: {words} words of prose, outside {low}-{high}"
    keys = {k.strip() for m in CITE.finditer(text) for k in m.group(1).split(",")}
    assert len(keys) >= (10 if conclusion else 25), f"{path.name}: only {len(keys)} distinct sources"
    assert re.search(r"^## Sources and debates", text, flags=re.M), f"{path.name}: no 'Sources and debates'"
    assert re.search(r'<span lang="(mn|ja|ru|zh|ko)">', text), (
        f"{path.name}: no native names marked by language"
    )
