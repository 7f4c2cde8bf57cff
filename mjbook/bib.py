"""Read the keys of the book's single bibliography, ``references.bib``."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from mjbook.paths import BIBLIOGRAPHY

_ENTRY = re.compile(r"^\s*@(?P<type>[A-Za-z]+)\s*\{\s*(?P<key>[^,\s]+)\s*,", re.MULTILINE)


def entry_keys(path: Path = BIBLIOGRAPHY) -> list[str]:
    """Return the keys of all entries in a BibTeX file, in file order (duplicates kept)."""
    text = Path(path).read_text(encoding="utf-8")
    return [m.group("key") for m in _ENTRY.finditer(text) if m.group("type").lower() != "comment"]


@lru_cache(maxsize=4)
def _keys_cached(path: str, mtime: float) -> frozenset[str]:
    return frozenset(entry_keys(Path(path)))


def known_keys(path: Path = BIBLIOGRAPHY) -> frozenset[str]:
    """Return the set of entry keys of a BibTeX file (cached until the file changes)."""
    p = Path(path)
    return _keys_cached(str(p), p.stat().st_mtime)
