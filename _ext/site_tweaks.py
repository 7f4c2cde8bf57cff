"""Sphinx extension: finishing touches to the built HTML site (accessibility and page weight).

Run at the end of every HTML build (``build-finished``):

- **Accessibility.** sphinxcontrib-bibtex marks the bibliography as ``role="list"`` whose entries
  have the deprecated ``role="doc-biblioentry"``; axe-core reports that as a critical
  ``aria-required-children`` violation. The entries get ``role="listitem"`` instead.
- **Notebooks for readers.** Every chapter (a MyST-Markdown notebook) is also written as a Jupyter
  notebook, ``_notebooks/<page>.ipynb``, linked from the sidebar of its page.
- **The citable edition.** Version and date come from ``CITATION.cff``; the "How to cite" page gets
  a table of chapter citations with the page ranges of the last PDF build; old or short addresses
  listed in ``redirects.yml`` get redirect pages, so a chapter keeps its address when files move.
- **Page weight.** pydata-sphinx-theme ships Font Awesome twice: as a web font (loaded by its CSS,
  and enough to draw the theme's icons) and as ``fontawesome.js`` (1.45 MB, 530 KB gzip, which
  re-draws the same icons as SVG). The script is replaced by a stub; source maps, which browsers
  never load, are deleted.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from pathlib import Path

import yaml
from sphinx.application import Sphinx
from sphinx.config import Config

STUB = "/* Font Awesome SVG framework removed: the theme's icons come from its web font (CSS). */\n"


#: The theme loads the whole search index (60 KB gzip and growing) on every page for an inline
#: search that this book does not use; the search box opens the search page, which loads it.
SEARCH_INDEX_TAG = re.compile(r'<script src="(?:\.\./)*searchindex\.js"></script>\n?')


def finish_site(app: Sphinx, exception: Exception | None) -> None:
    """Post-process the HTML output folder after a successful build."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = text.replace('role="doc-biblioentry"', 'role="listitem"')
        if page.name != "search.html":  # the index is needed by the search page only
            fixed = SEARCH_INDEX_TAG.sub("", fixed)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    write_notebooks(app, out)
    fill_page_ranges(app, out)
    write_redirects(app, out)
    script = out / "_static" / "scripts" / "fontawesome.js"
    if script.exists():
        script.write_text(STUB, encoding="utf-8")
    for source_map in (out / "_static").rglob("*.map"):
        source_map.unlink()


def write_notebooks(app: Sphinx, out: Path) -> None:
    """Convert each chapter's MyST source to ``_notebooks/<docname>.ipynb`` (no outputs)."""
    import jupytext

    for docname in app.env.found_docs:
        if not docname.startswith("chapters/"):
            continue
        source = Path(app.env.doc2path(docname))
        if source.suffix != ".md":
            continue
        notebook = jupytext.read(source)
        target = out / "_notebooks" / f"{docname}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        jupytext.write(notebook, target, fmt="ipynb")


def edition_from_citation(app: Sphinx, config: Config) -> None:
    """Take version and release date from ``CITATION.cff``, the single source of both.

    Sets Sphinx's ``version``, ``release`` and ``today`` (HTML footer, PDF title page) and the MyST
    substitutions ``{{ version }}`` and ``{{ date }}`` used in the pages.
    """
    cff = yaml.safe_load((Path(app.confdir) / "CITATION.cff").read_text(encoding="utf-8"))
    released = cff["date-released"]
    released = released if isinstance(released, dt.date) else dt.date.fromisoformat(str(released))
    date = f"{released.day} {released:%B %Y}"
    config.version = config.release = str(cff["version"])
    config.today = date
    config.myst_substitutions = {**config.myst_substitutions, "version": str(cff["version"]), "date": date}


def _page_ranges(latex_dir: Path) -> list[tuple[str, str, str]]:
    """(number, title, pages) of every chapter of the last PDF build, from LaTeX's ``book.toc``."""
    toc = latex_dir / "book.toc"
    if not toc.exists():
        return []
    pattern = r"\\contentsline \{(part|chapter)\}\{(.*?)\}\{(\d+)\}\{"
    entries = re.findall(pattern, toc.read_text(encoding="utf-8"))
    out = []
    for i, (kind, title, page) in enumerate(entries):
        if kind != "chapter":
            continue
        number = re.search(r"\\numberline \{(\d+)\}", title)
        clean = re.sub(
            r"\\numberline \{\d+\}|\\sphinxhyphen \{\}", lambda m: "-" if "hyphen" in m.group() else "", title
        )
        clean = re.sub(r"\\[a-z]+ ?(\{[^}]*\})?", "", clean).strip()
        end = int(entries[i + 1][2]) - 1 if i + 1 < len(entries) else None
        if end is None:
            pages = f"pp. {page} ff."
        else:
            pages = f"pp. {page}–{end}" if end > int(page) else f"p. {page}"
        out.append((number.group(1) if number else "", clean, pages))
    return out


def _citation_row(number: str, title: str, pages: str, version: str, date: str) -> str:
    """One chapter's citations in Chicago, APA and BibTeX, as a table row."""
    book = "Steppe and Archipelago: Mongolia and Japan, 1274–2025"
    t = html.escape(title)
    span = pages.replace("pp. ", "").replace("p. ", "").replace(" ff.", "")
    key = "steppe_archipelago_2026_" + (re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:40])
    chicago = (
        f"The Steppe and Archipelago Project. 2026. “{t}.” In <em>{book}</em>, version {version}, "
        f"{html.escape(pages)}. PDF edition, {date}."
    )
    apa = (
        f"The Steppe and Archipelago Project. (2026). {t}. In <em>{book}</em> (Version {version}, "
        f"{html.escape(pages)})."
    )
    bibtex = html.escape(
        f'@incollection{{{key},\n  author    = "{{The Steppe and Archipelago Project}}",\n'
        f'  title     = "{{{title}}}",\n  booktitle = "{{{book.replace("–", "--")}}}",\n'
        f"  year      = {{2026}},\n  edition   = {{Version {version}}},\n"
        f"  pages     = {{{span.replace('–', '--')}}},\n}}"
    )
    return (
        f"<tr><td>{html.escape(number)}</td><td>{t}</td><td>{html.escape(pages)}</td>"
        f"<td><p><strong>Chicago.</strong> {chicago}</p><p><strong>APA.</strong> {apa}</p>"
        f"<details><summary>BibTeX</summary><pre>{bibtex}</pre></details></td></tr>"
    )


def fill_page_ranges(app: Sphinx, out: Path) -> None:
    """Replace the placeholder on the how-to-cite page with chapter citations and PDF page ranges."""
    page = out / "back" / "how_to_cite.html"
    if not page.exists():
        return
    ranges = _page_ranges(Path(app.outdir).parent / "latex")
    version, date = app.config.release, app.config.today
    if ranges:
        rows = "".join(_citation_row(n, t, p, version, date) for n, t, p in ranges)
        table = (
            f'<table class="table" id="chapter-citations"><caption>Chapters of the PDF edition, '
            f"version {version}: Chicago, APA and BibTeX</caption><thead><tr><th>No.</th><th>Chapter</th>"
            f"<th>Pages</th><th>Citations</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    else:
        table = "<p>Page ranges appear here once the PDF edition has been built.</p>"
    text = page.read_text(encoding="utf-8")
    filled = re.sub(
        r'<div id="pdf-page-ranges">.*?</div>',
        f'<div id="pdf-page-ranges">{table}</div>',
        text,
        count=1,
        flags=re.S,
    )
    page.write_text(filled, encoding="utf-8")


def write_redirects(app: Sphinx, out: Path) -> None:
    """Write a small page for every old or short address listed in ``redirects.yml``."""
    path = Path(app.confdir) / "redirects.yml"
    if not path.exists():
        return
    for old, new in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
        target = out / f"{new}.html"
        if not target.exists():
            raise FileNotFoundError(f"redirects.yml: {old} -> {new}: no page {new}.html")
        stub = out / f"{old}.html"
        stub.parent.mkdir(parents=True, exist_ok=True)
        rel = Path(os.path.relpath(target, stub.parent)).as_posix()
        stub.write_text(
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Moved</title>'
            f'<meta http-equiv="refresh" content="0; url={rel}"><link rel="canonical" href="{rel}">'
            f'</head><body><p>This page has moved to <a href="{rel}">{new}</a>.</p></body></html>\n',
            encoding="utf-8",
        )


def add_edition_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Expose the release date to templates (the footer) as ``edition_date``."""
    context["edition_date"] = app.config.today


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("config-inited", edition_from_citation, priority=100)
    app.connect("html-page-context", add_edition_context)
    app.connect("build-finished", finish_site)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
