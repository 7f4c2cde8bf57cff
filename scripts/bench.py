"""Benchmark the build (``make bench``): medians of repeated runs on this machine.

Measures, on a scratch copy of the repository so the working tree is untouched:

- clean builds: HTML alone, PDF alone, both (``_build`` removed before each run);
- rebuilds: no change; after a prose edit, a code edit and a data edit (HTML);
- the execution time of every chapter notebook (nbclient, fresh kernel) and the render time of
  every map and chart function;
- peak memory of the build processes; the size of the site, of each page (raw and gzip) and of the
  PDF edition.

Writes ``benchmarks/report.json`` and ``benchmarks/report.md``. Usage:
``python scripts/bench.py [--runs N]`` (default 3).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks"
IGNORE = shutil.ignore_patterns(
    ".git", ".venv", ".venv-cff", "test-artifacts", "_build", ".pytest_cache", ".ruff_cache", "*.egg-info"
)
CHAPTER = "chapters/03_khalkhin_gol.md"


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return time.perf_counter() - start


def build(repo: Path, target: str) -> float:
    return timed([sys.executable, "scripts/build_book.py", target], repo)


def median_of(runs: int, prepare, action) -> dict[str, float]:  # noqa: ANN001
    values = []
    for _ in range(runs):
        prepare()
        values.append(action())
    return {
        "median_s": round(statistics.median(values), 2),
        "min_s": round(min(values), 2),
        "max_s": round(max(values), 2),
        "n": runs,
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_line(path: Path, prefix: str, new: str) -> None:
    """Replace the first line that starts with ``prefix`` (a code edit jupyter-cache will notice)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, ln in enumerate(lines) if ln.startswith(prefix))
    lines[index] = new
    path.write_text("\n".join(lines), encoding="utf-8")


def python_last_line(repo: Path, code: str, *args: str, what: str) -> str:
    """Run Python code in a fresh process on the scratch copy; return its last line of output."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=repo, capture_output=True, text=True, env=build_env(repo)
    )
    if out.returncode != 0:
        sys.exit(f"bench: {what} failed:\n{out.stderr[-2000:]}")
    return out.stdout.strip().splitlines()[-1]


def notebook_times(repo: Path, runs: int) -> dict[str, dict[str, float]]:
    """Execute each chapter in a fresh kernel (as a reader would) and time it."""
    code = (
        "import sys, time, jupytext, nbclient\n"
        "nb = jupytext.read(sys.argv[1])\n"
        "t = time.perf_counter()\n"
        "nbclient.NotebookClient(nb, timeout=600, kernel_name='python3',"
        " resources={'metadata': {'path': sys.argv[2]}}).execute()\n"
        "print(time.perf_counter() - t)\n"
    )
    result = {}
    toc = (repo / "_toc.yml").read_text()
    for chapter in re.findall(r"file: ((?:chapters|back)/\S+)", toc):
        if "{code-cell}" not in (repo / f"{chapter}.md").read_text(encoding="utf-8"):
            continue
        values = [
            float(python_last_line(repo, code, str(repo / f"{chapter}.md"), str(repo), what=chapter))
            for _ in range(runs)
        ]
        result[chapter] = {"median_s": round(statistics.median(values), 2), "n": runs}
    return result


def figure_times(repo: Path, runs: int) -> dict[str, dict[str, float]]:
    """Render time of each map and chart function (data already loaded, imports excluded)."""
    code = (
        "import time, statistics, json, matplotlib\n"
        "matplotlib.use('Agg')\n"
        "import matplotlib.pyplot as plt\n"
        "from mjbook import maps, charts, style\n"
        "from mjbook.data import load_features, load_table\n"
        "style.use()\n"
        "f, s, c = (load_features(n) for n in ('khalkhin_gol_features', 'basemap_khalkhin_gol',"
        " 'basemap_northeast_asia'))\n"
        "cas = load_table('khalkhin_gol_casualties')\n"
        "ph = load_features('khalkhin_gol_phases')\n"
        "ad, bc = load_table('aid_aiddata_commitments'), load_table('trade_by_commodity')\n"
        "jobs = {'maps.khalkhin_gol_1939': lambda: maps.khalkhin_gol_1939(f, s, c),\n"
        "        'maps.khalkhin_gol_phases': lambda: maps.khalkhin_gol_phases(f, ph, s),\n"
        "        'maps.khalkhin_gol_interactive (HTML)':\n"
        "            lambda: maps.khalkhin_gol_interactive(f, ph, s),\n"
        "        'charts.casualty_figures': lambda: charts.casualty_figures(cas),\n"
        "        'charts.japan_among_donors': lambda: charts.japan_among_donors(ad),\n"
        "        'charts.trade_composition': lambda: charts.trade_composition(bc)}\n"
        "for spec in maps.OVERVIEW_MAPS.values():\n"
        "    layers = maps.overview_layers(spec)\n"
        "    jobs[f'maps.overview_map ({spec.name})'] = (\n"
        "        lambda spec=spec, layers=layers: maps.overview_map(spec, **layers))\n"
        f"out = {{}}\n"
        "for name, job in jobs.items():\n"
        "    ts = []\n"
        f"    for _ in range({runs}):\n"
        "        t = time.perf_counter(); fig = job()\n"
        "        if hasattr(fig, 'savefig'):\n"
        "            fig.savefig('/dev/null', format='svg'); fig.savefig('/dev/null', format='pdf')\n"
        "            plt.close(fig)\n"
        "        ts.append(time.perf_counter() - t)\n"
        f"    out[name] = {{'median_s': round(statistics.median(ts), 2), 'n': {runs}}}\n"
        "print(json.dumps(out))\n"
    )
    return json.loads(python_last_line(repo, code, what="figure timing"))


def build_env(repo: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(repo)
    env["MPLCONFIGDIR"] = str(repo / ".cache" / "matplotlib")
    return env


def sizes(repo: Path) -> dict[str, object]:
    site = repo / "_build" / "html"
    pages = {}
    for page in sorted(site.rglob("*.html")):
        raw = page.read_bytes()
        pages[str(page.relative_to(site))] = {"bytes": len(raw), "gzip_bytes": len(gzip.compress(raw, 9))}
    pdf = site / "_pdf" / "steppe-and-archipelago.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return {
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "site_files": sum(1 for p in site.rglob("*") if p.is_file()),
        "images_bytes": sum(p.stat().st_size for p in (site / "_images").glob("*")),
        "pdf_bytes": pdf.stat().st_size,
        "pdf_pages": int(re.search(r"Pages:\s+(\d+)", info).group(1)),
        "pages": pages,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = args.runs
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(ROOT, repo, ignore=IGNORE)
        clean = lambda: shutil.rmtree(repo / "_build", ignore_errors=True)  # noqa: E731
        noop = lambda: None  # noqa: E731
        results: dict[str, object] = {}
        print("bench: clean builds …", flush=True)
        results["clean_html"] = median_of(runs, clean, lambda: build(repo, "html"))
        results["clean_pdf"] = median_of(runs, clean, lambda: build(repo, "pdf"))
        results["clean_html_and_pdf"] = median_of(runs, clean, lambda: build(repo, "all"))
        print("bench: rebuilds …", flush=True)
        results["rebuild_no_change_html"] = median_of(runs, noop, lambda: build(repo, "html"))
        chapter = repo / CHAPTER
        counter = iter(range(10_000))
        results["rebuild_after_prose_edit_html"] = median_of(
            runs,
            lambda: edit(
                chapter, "## Sources and debates\n", f"## Sources and debates\n\nEdit {next(counter)}.\n"
            ),
            lambda: build(repo, "html"),
        )
        results["rebuild_after_code_edit_html"] = median_of(
            runs,
            lambda: edit_line(chapter, "style.use()", f"style.use()  # edit {next(counter)}"),
            lambda: build(repo, "html"),
        )
        data = repo / "data" / "khalkhin_gol" / "casualties.csv"
        results["rebuild_after_data_edit_html"] = median_of(
            runs, lambda: data.write_text(data.read_text() + "\n"), lambda: build(repo, "html")
        )
        results["peak_rss_mb_build_processes"] = round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        )
        print("bench: notebooks and figures …", flush=True)
        results["notebook_execution"] = notebook_times(repo, runs)
        results["figure_render"] = figure_times(repo, runs)
        results["sizes"] = sizes(repo)
    results["machine"] = {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu": cpu_model(),
    }
    results["command"] = "make bench"
    OUT.mkdir(exist_ok=True)
    (OUT / "report.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    (OUT / "report.md").write_text(markdown(results))
    print((OUT / "report.md").read_text())


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def markdown(r: dict) -> str:
    m = r["machine"]
    lines = [
        "# Build benchmark",
        "",
        f"Command: `{r['command']}` · machine: {m['cores']} cores, {m['cpu']},",
        f"Python {m['python']} · medians of repeated runs (n given).",
        "",
        "| scenario | median (s) | min–max (s) | n | target |",
        "|---|---|---|---|---|",
    ]
    targets = {"clean_html_and_pdf": "≤ 120 s", "rebuild_no_change_html": "≤ 3 s"}
    for key in (
        "clean_html",
        "clean_pdf",
        "clean_html_and_pdf",
        "rebuild_no_change_html",
        "rebuild_after_prose_edit_html",
        "rebuild_after_code_edit_html",
        "rebuild_after_data_edit_html",
    ):
        v = r[key]
        lines.append(
            f"| {key.replace('_', ' ')} | {v['median_s']} | {v['min_s']}–{v['max_s']} | {v['n']} | "
            f"{targets.get(key, '')} |"
        )
    lines += [
        "",
        f"Peak resident memory of a build process: {r['peak_rss_mb_build_processes']} MB.",
        "",
        "| notebook page (fresh kernel) | median (s) | target |",
        "|---|---|---|",
    ]
    lines += [f"| {k} | {v['median_s']} | ≤ 8 s |" for k, v in r["notebook_execution"].items()]
    head = "| figure function (render + SVG + PDF; HTML for the interactive map) | median (s) | target |"
    lines += ["", head, "|---|---|---|"]
    lines += [
        f"| `{k}` | {v['median_s']} | {'≤ 5 s' if k.startswith('maps') else ''} |"
        for k, v in r["figure_render"].items()
    ]
    s = r["sizes"]
    lines += [
        "",
        f"Site: {s['site_bytes'] / 1e6:.1f} MB in {s['site_files']} files "
        f"(figures {s['images_bytes'] / 1e3:.0f} KB). "
        f"PDF: {s['pdf_bytes'] / 1e3:.0f} KB, {s['pdf_pages']} pages.",
        "",
        "| page | HTML bytes | gzip bytes |",
        "|---|---|---|",
    ]
    lines += [f"| {k} | {v['bytes']:,} | {v['gzip_bytes']:,} |" for k, v in s["pages"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
