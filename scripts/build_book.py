"""Build the book: validate data, then the strict HTML site and/or the strict PDF edition.

Usage: python scripts/build_book.py {html,pdf,all}

Every step fails loudly: data errors (file, row, field), Sphinx warnings (-W -n --keep-going),
failing cells, stderr in cell outputs, LaTeX errors and missing glyphs ("Missing character") in the
PDF. The PDF is copied into the site as _build/html/_pdf/steppe-and-archipelago.pdf.
"""

from __future__ import annotations

import json
import os
import re
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


PROBLEM = re.compile(r"(WARNING|ERROR|CRITICAL)[:|]|Error: |LaTeX Error|^! ")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def jb(builder: str) -> None:
    """Run a strict jupyter-book build; on failure end with one line per problem found."""
    jupyter_book = str(Path(sys.executable).parent / "jupyter-book")
    cmd = [jupyter_book, "build", *STRICT, "--builder", builder, "."]
    if layout_changed(builder):
        cmd.insert(2, "--all")  # Sphinx does not rewrite every page when only the toc or templates change
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    problems = []
    assert proc.stdout is not None
    for line in proc.stdout:
        print(line, end="", flush=True)
        clean = ANSI.sub("", line).strip()
        if PROBLEM.search(clean) and "Kernel is running over TCP" not in clean:
            problems.append(clean.replace(str(ROOT) + "/", ""))
    if proc.wait() != 0:
        for report in sorted((BUILD / builder.replace("pdflatex", "latex") / "reports").glob("**/*.err.log")):
            lines = [ln for ln in report.read_text(errors="replace").splitlines() if ln.strip()]
            if lines:
                problems.append(f"{report.relative_to(ROOT)}: {ANSI.sub('', lines[-1])}")
        print("\n".join(f"build problem: {p}" for p in problems[:20]), file=sys.stderr)
        first = problems[0] if problems else "see the log above"
        sys.exit(f"build failed: jupyter-book {builder}: {first}")
    print(f"[build] jupyter-book {builder}: {time.perf_counter() - start:.1f} s", flush=True)


LAYOUT = ["_toc.yml", "_config.yml", "_templates", "_static", "_ext"]


def layout_changed(builder: str) -> bool:
    """True when the table of contents, configuration, templates or static files changed since the
    last build of ``builder`` (its ``.buildinfo`` or LaTeX output is older than any of them)."""
    marker = BUILD / "html" / ".buildinfo" if builder == "html" else BUILD / "latex" / "book.tex"
    if not marker.exists():
        return False
    newest = max(
        (
            p.stat().st_mtime
            for name in LAYOUT
            for p in [ROOT / name, *(ROOT / name).rglob("*")]
            if p.exists()
        ),
        default=0.0,
    )
    return newest > marker.stat().st_mtime


FINGERPRINTS = BUILD / "fingerprints.json"


def chapters() -> list[Path]:
    """Every notebook page listed in the table of contents: the chapters and the back matter pages
    (chronology, data and methods, ...) that execute code, whose outputs depend on data too."""
    toc = (ROOT / "_toc.yml").read_text()
    pages = [ROOT / f"{f}.md" for f in re.findall(r"file: (\S+)", toc)]
    return [p for p in pages if p.exists() and "```{code-cell}" in p.read_text(encoding="utf-8")]


def invalidate_changed() -> dict[str, str]:
    """Drop cached outputs of chapters whose data or code dependencies changed since the last build.

    jupyter-cache keys on a notebook's own code only; :mod:`mjbook.depends` adds the data files and
    package modules it uses. Returns the current fingerprints (saved after a successful build).
    """
    from jupyter_cache import get_cache

    from mjbook.depends import fingerprint

    current = {str(c.relative_to(ROOT)): fingerprint(c) for c in chapters()}
    previous = json.loads(FINGERPRINTS.read_text()) if FINGERPRINTS.exists() else {}
    cache_dir = BUILD / ".jupyter_cache"
    if cache_dir.exists():
        cache = get_cache(cache_dir)
        for record in cache.list_cache_records():
            rel = str(Path(record.uri).resolve().relative_to(ROOT)) if record.uri else ""
            if rel in current and previous.get(rel) != current[rel]:
                cache.remove_cache(record.pk)
                (ROOT / rel).touch()  # make Sphinx re-read the page in every builder
                print(f"[build] {rel}: data or code it depends on changed: will re-execute", flush=True)
    return current


def save_fingerprints(current: dict[str, str]) -> None:
    FINGERPRINTS.parent.mkdir(parents=True, exist_ok=True)
    FINGERPRINTS.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")


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
    sys.path.insert(0, str(ROOT))
    current = invalidate_changed()
    # PDF first: the HTML "How to cite" page takes its chapter page ranges from the LaTeX build.
    if target in ("pdf", "all"):
        jb("pdflatex")
        check_latex_log()
    if target in ("html", "all"):
        jb("html")
    if target in ("pdf", "all") and (BUILD / "html").exists():
        copy_pdf()
    if target == "all":  # the site is complete only once the PDF is in it
        run([sys.executable, str(ROOT / "scripts" / "check_links.py")], "offline link check")
    save_fingerprints(current)


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("html", "pdf", "all"):
        sys.exit(__doc__)
    main(sys.argv[1])
