"""Build the book: validate data, then the strict HTML site and/or the strict PDF edition.

Usage: python scripts/build_book.py {html,pdf,all}

Every step fails loudly: data errors (file, row, field), Sphinx warnings (-W -n --keep-going),
failing cells, stderr in cell outputs, LaTeX errors and missing glyphs ("Missing character") in the
PDF. The PDF is copied into the site as _build/html/_pdf/steppe-and-archipelago.pdf.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
PDF_NAME = "steppe-and-archipelago.pdf"
STRICT = ["-W", "-n", "--keep-going"]


def env() -> dict[str, str]:
    """Environment for deterministic, offline builds."""
    e = dict(os.environ)
    e.setdefault("SOURCE_DATE_EPOCH", "1795305600")  # 22 November 2026: no build dates in PDFs
    e["PYTHONHASHSEED"] = "0"
    e["MPLCONFIGDIR"] = str(ROOT / ".cache" / "matplotlib")  # a font cache that sees Debian fonts
    e["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    e["PYTHONPATH"] = os.pathsep.join([str(ROOT), e.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return e


def run(cmd: list[str], what: str) -> None:
    """Run a command; on failure print one line naming the step and exit non-zero."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env())
    if proc.returncode != 0:
        sys.exit(f"build failed: {what} (exit {proc.returncode}); see the messages above")
    print(f"[build] {what}: {time.perf_counter() - start:.1f} s", flush=True)


def jb(builder: str) -> None:
    jupyter_book = str(Path(sys.executable).parent / "jupyter-book")
    cmd = [jupyter_book, "build", *STRICT, "--builder", builder, "."]
    run(cmd, f"jupyter-book {builder}")


def check_latex_log() -> None:
    """Fail when xelatex dropped glyphs (tofu): the LaTeX log then has 'Missing character' lines."""
    log = BUILD / "latex" / "book.log"
    missing = [ln for ln in log.read_text(errors="replace").splitlines() if "Missing character" in ln]
    if missing:
        print("\n".join(missing[:20]), file=sys.stderr)
        sys.exit(f"build failed: {len(missing)} 'Missing character' lines in {log.relative_to(ROOT)}")


def copy_pdf() -> Path:
    src = BUILD / "latex" / "book.pdf"
    dest = BUILD / "html" / "_pdf" / PDF_NAME
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    print(f"[build] PDF edition: {dest.relative_to(ROOT)} ({dest.stat().st_size / 1e6:.1f} MB)")
    return dest


def main(target: str) -> None:
    run([sys.executable, "-m", "mjbook.validate"], "data validation")
    if target in ("html", "all"):
        jb("html")
    if target in ("pdf", "all"):
        jb("pdflatex")
        check_latex_log()
        if (BUILD / "html").exists():
            copy_pdf()


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("html", "pdf", "all"):
        sys.exit(__doc__)
    main(sys.argv[1])
