"""Shared helpers for *Steppe and Archipelago: Mongolia and Japan, 1274–2025*.

Layers (nothing imports upward):

- :mod:`mjbook.paths` and :mod:`mjbook.bib` — where things are; the bibliography's keys.
- :mod:`mjbook.data` — load and validate every dataset in ``data/`` against ``data/datapackage.json``.
- :mod:`mjbook.geo` — base layers and projections.
- :mod:`mjbook.style` — palette, fonts and figure defaults (the house style).
- :mod:`mjbook.maps` and :mod:`mjbook.charts` — the book's maps and charts.

Importing the package is cheap: the heavy libraries load only when a module that needs them is
imported.
"""

# The book's version lives in CITATION.cff; the helper package is versioned in pyproject.toml.
