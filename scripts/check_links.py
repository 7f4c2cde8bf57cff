"""Offline link check of the built HTML site.

Checks every internal link, image, script and stylesheet of every page: the target file must exist
and, for a link with ``#anchor``, the target page must have that id. External URLs are not fetched;
they are listed (with the pages that cite them) in ``_build/external-links.md`` for review.

Usage: python scripts/check_links.py [_build/html]   (exit 1 if any internal link is broken)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


@cache
def _ids(page: Path) -> frozenset[str]:
    doc = BeautifulSoup(page.read_text(encoding="utf-8", errors="replace"), "html.parser")
    return frozenset(t["id"] for t in doc.find_all(id=True)) | frozenset(
        t["name"] for t in doc.find_all("a", attrs={"name": True})
    )


def check(site: Path) -> tuple[list[str], dict[str, set[str]]]:
    """Return (broken internal links as 'page: url (why)', external URL -> pages citing it)."""
    broken: list[str] = []
    external: dict[str, set[str]] = defaultdict(set)
    pages = sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)
    for page in pages:
        rel_page = str(page.relative_to(site))
        doc = BeautifulSoup(page.read_text(encoding="utf-8", errors="replace"), "html.parser")
        urls = [(t.get("href"), t.name) for t in doc.find_all(["a", "link"])]
        urls += [(t.get("src"), t.name) for t in doc.find_all(["img", "script", "iframe", "source"])]
        for url, tag in urls:
            if not url or url.startswith(("mailto:", "javascript:", "data:")):
                continue
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                external[url].add(rel_page)
                continue
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{rel_page}: <{tag}> {url} (no such file)")
                continue
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
                broken.append(f"{rel_page}: <{tag}> {url} (no anchor #{parts.fragment})")
    return broken, external


def write_external_report(external: dict[str, set[str]], path: Path) -> None:
    """Markdown list of external URLs (not fetched) and where they are cited."""
    lines = ["# External links in the built site (listed, not fetched)", ""]
    for url in sorted(external):
        lines.append(f"- <{url}> — {', '.join(sorted(external[url]))}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(site: Path) -> int:
    broken, external = check(site)
    report = site.parent / "external-links.md"
    write_external_report(external, report)
    for line in broken:
        print(f"broken link: {line}", file=sys.stderr)
    print(f"links: {len(broken)} broken internal; {len(external)} external URLs listed in {report}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / "html"))
