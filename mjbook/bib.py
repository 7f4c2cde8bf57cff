"""Read the keys of the book's single bibliography, ``references.bib``."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

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


@lru_cache(maxsize=4)
def _entries_cached(path: str, mtime: float) -> dict[str, Any]:
    from pybtex.database import parse_file

    return dict(parse_file(path, bib_format="bibtex").entries)


def short_citation(key: str, path: Path = BIBLIOGRAPHY) -> str:
    """An author–year label for a key, e.g. ``Coox 1985`` or ``Jiji Press 2015``, for chart labels."""
    p = Path(path)
    entry = _entries_cached(str(p), p.stat().st_mtime)[key]
    if "shorthand" in entry.fields:  # an explicit short label, for long organisational names
        return entry.fields["shorthand"]
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    if persons:
        first = persons[0]
        last = " ".join(first.last_names) or " ".join(first.first_names)
        name = last.replace("{", "").replace("}", "")
        if len(persons) == 2:
            second = " ".join(persons[1].last_names).replace("{", "").replace("}", "")
            name = f"{name} and {second}"
        elif len(persons) > 2:
            name += " et al."
    else:
        name = entry.fields.get("organization", entry.fields.get("publisher", key))
    year = entry.fields.get("year", "n.d.")
    return f"{name} {year}"
