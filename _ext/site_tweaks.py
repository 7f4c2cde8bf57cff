"""Sphinx extension: finishing touches to the built HTML site (accessibility and page weight).

Run at the end of every HTML build (``build-finished``):

- **Accessibility.** sphinxcontrib-bibtex marks the bibliography as ``role="list"`` whose entries
  have the deprecated ``role="doc-biblioentry"``; axe-core reports that as a critical
  ``aria-required-children`` violation. The entries get ``role="listitem"`` instead.
- **Notebooks for readers.** Every chapter (a MyST-Markdown notebook) is also written as a Jupyter
  notebook, ``_notebooks/<page>.ipynb``, linked from the sidebar of its page.
- **Page weight.** pydata-sphinx-theme ships Font Awesome twice: as a web font (loaded by its CSS,
  and enough to draw the theme's icons) and as ``fontawesome.js`` (1.45 MB, 530 KB gzip, which
  re-draws the same icons as SVG). The script is replaced by a stub; source maps, which browsers
  never load, are deleted.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

STUB = "/* Font Awesome SVG framework removed: the theme's icons come from its web font (CSS). */\n"


def finish_site(app: Sphinx, exception: Exception | None) -> None:
    """Post-process the HTML output folder after a successful build."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = text.replace('role="doc-biblioentry"', 'role="listitem"')
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    write_notebooks(app, out)
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


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("build-finished", finish_site)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
