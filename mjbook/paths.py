"""Locations of the book's files, found from this package's own location."""

from __future__ import annotations

from pathlib import Path

ROOT: Path = Path(__file__).resolve().parent.parent
DATA: Path = ROOT / "data"
DATAPACKAGE: Path = DATA / "datapackage.json"
BIBLIOGRAPHY: Path = ROOT / "references.bib"
