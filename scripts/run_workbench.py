"""Execute workbench notebooks in place (``make workbench``), stopping at the first error.

Usage: python scripts/run_workbench.py notebooks/a.ipynb [notebooks/b.ipynb ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def run(path: Path) -> None:
    """Execute one notebook with the repository root as working directory and save it."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()
    for cell in nb.cells:  # no execution timestamps: stable diffs
        cell.get("metadata", {}).pop("execution", None)
    nbformat.write(nb, path)
    print(f"{path}: executed in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        run(Path(arg))
