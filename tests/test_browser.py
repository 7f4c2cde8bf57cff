"""The reader's experience, in a real browser: Debian's Chromium driven by Playwright, against the
built site served on 127.0.0.1.

Every page of the table of contents: loads with status 200, no console errors, no failed request
and no request to any other host; every image loads and has alt text; axe-core finds no critical or
serious violation; the page weighs at most 400 KB gzip without images. Search, navigation and the
PDF link work; figures stay on a light background in dark mode. Screenshots at phone and desktop
size are written to ``test-artifacts/screenshots/`` (not committed), and per-page weights to
``test-artifacts/page-weight.md``.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import ROOT, toc_files

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PAGES = toc_files()
ARTIFACTS = ROOT / "test-artifacts"
BUDGET_GZIP = 400 * 1024  # issue 8: per chapter page, images excluded
#: The bibliography lists every source (about 900) on one page: it gets a budget of its own.
BUDGET_BIBLIOGRAPHY_GZIP = 450 * 1024
WEIGHTS: dict[str, tuple[int, int, int]] = {}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass


@pytest.fixture(scope="module")
def server(html_dir: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(html_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: run `make book` (installs scripts/system-packages.txt)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Visit:
    """A page load with everything the tests look at recorded."""

    def __init__(
        self, browser: object, url: str, width: int = 1440, height: int = 900, dark: bool = False
    ) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
        if dark:
            self.context.add_init_script(
                "localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');"
            )
        self.page = self.context.new_page()
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.requests: list[str] = []
        self.bytes: dict[str, tuple[str, int, int]] = {}
        self.page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} {r.failure}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("response", self._size)
        self.response = self.page.goto(url, wait_until="networkidle")

    def _size(self, response: object) -> None:
        try:
            body = response.body()
        except Exception:  # redirects and aborted loads have no body
            body = b""
        self.bytes[response.url] = (response.request.resource_type, len(body), len(gzip.compress(body, 6)))

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module", params=PAGES)
def visit(request: pytest.FixtureRequest, browser: object, server: str) -> Iterator[Visit]:
    v = Visit(browser, f"{server}/{request.param}.html")
    v.name = request.param
    yield v
    v.close()


def test_page_loads_cleanly_and_stays_local(visit: Visit) -> None:
    assert visit.response is not None and visit.response.status == 200
    assert visit.console_errors == [], visit.console_errors
    assert visit.failed == [], visit.failed
    offsite = [u for u in visit.requests if urlsplit(u).hostname not in ("127.0.0.1", None)]
    assert offsite == [], offsite


def test_images_load_and_have_alt(visit: Visit) -> None:
    images = visit.page.eval_on_selector_all(
        "img", "els => els.map(e => ({src: e.src, alt: e.alt, ok: e.complete && e.naturalWidth > 0}))"
    )
    for img in images:
        assert img["ok"], f"{visit.name}: image did not load: {img['src']}"
        assert len(img["alt"].split()) >= 3, f"{visit.name}: no descriptive alt for {img['src']}"


def test_no_critical_or_serious_accessibility_violation(visit: Visit) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(visit.page)
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in ("critical", "serious")
    ]
    assert bad == [], f"{visit.name}: {bad}"


def test_page_weight_within_budget(visit: Visit) -> None:
    non_image = [(raw, gz) for kind, raw, gz in visit.bytes.values() if kind != "image"]
    images = [gz for kind, _, gz in visit.bytes.values() if kind == "image"]
    raw, gz = sum(r for r, _ in non_image), sum(g for _, g in non_image)
    WEIGHTS[visit.name] = (raw, gz, sum(images))
    write_weights()
    budget = BUDGET_BIBLIOGRAPHY_GZIP if visit.name == "bibliography" else BUDGET_GZIP
    assert gz <= budget, f"{visit.name}: {gz / 1024:.0f} KB gzip without images (budget {budget // 1024} KB)"


def write_weights() -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    lines = ["| page | raw KB (no images) | gzip KB (no images) | images gzip KB |", "|---|---|---|---|"]
    lines += [
        f"| {p} | {r / 1024:.0f} | {g / 1024:.0f} | {i / 1024:.0f} |"
        for p, (r, g, i) in sorted(WEIGHTS.items())
    ]
    (ARTIFACTS / "page-weight.md").write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(("device", "width", "height"), [("phone", 390, 844), ("desktop", 1440, 900)])
def test_screenshots_without_sideways_scroll(
    browser: object, server: str, page: str, device: str, width: int, height: int
) -> None:
    v = Visit(browser, f"{server}/{page}.html", width, height)
    try:
        out = ARTIFACTS / "screenshots" / f"{page.replace('/', '__')}--{device}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        v.page.screenshot(path=str(out), full_page=True)
        overflow = v.page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{page} scrolls sideways by {overflow}px at {width}px"
    finally:
        v.close()


def pages_mentioning(term: str) -> set[str]:
    return {p for p in PAGES if term.lower() in (ROOT / f"{p}.md").read_text(encoding="utf-8").lower()}


@pytest.mark.parametrize("term", ["Nomonhan", "Khalkhin", "Gobi", "Халхын"])
def test_search_finds_the_pages_that_mention_a_term(browser: object, server: str, term: str) -> None:
    expected = pages_mentioning(term)
    if not expected:
        pytest.skip(f"no page of this edition mentions {term!r} yet")
    v = Visit(browser, f"{server}/search.html?q={term}")
    try:
        v.page.wait_for_selector("#search-results ul li a", timeout=15_000)
        hrefs = v.page.eval_on_selector_all("#search-results ul li a", "els => els.map(e => e.href)")
        found = {re.sub(r"\.html.*$", "", urlsplit(h).path.lstrip("/")) for h in hrefs}
        assert expected <= found, f"search {term!r}: missing {expected - found}"
    finally:
        v.close()


def test_next_links_and_sidebar_reach_every_page(browser: object, server: str) -> None:
    v = Visit(browser, f"{server}/{PAGES[0]}.html")
    try:
        sidebar = v.page.eval_on_selector_all(
            "nav.bd-docs-nav a.reference.internal", "els => els.map(e => e.href)"
        )
        in_sidebar = {re.sub(r"\.html.*$", "", urlsplit(h).path.lstrip("/")) for h in sidebar}
        assert set(PAGES[1:]) <= in_sidebar
        visited = [PAGES[0]]
        for _ in range(len(PAGES) + 2):
            nxt = v.page.query_selector("a.right-next")
            if nxt is None:
                break
            nxt.click()
            v.page.wait_for_load_state("networkidle")
            visited.append(re.sub(r"\.html.*$", "", urlsplit(v.page.url).path.lstrip("/")))
        assert visited == PAGES, visited
    finally:
        v.close()


def test_pdf_link_downloads_a_valid_pdf(browser: object, server: str, tmp_path: Path) -> None:
    v = Visit(browser, f"{server}/chapters/03_khalkhin_gol.html")
    try:
        with v.page.expect_download() as download:
            v.page.click("nav.pdf-edition-link a")
        target = tmp_path / "book.pdf"
        download.value.save_as(target)
        assert target.read_bytes()[:5] == b"%PDF-" and target.stat().st_size > 50_000
    finally:
        v.close()


def test_figures_keep_a_light_background_in_dark_mode(browser: object, server: str) -> None:
    v = Visit(browser, f"{server}/chapters/03_khalkhin_gol.html", dark=True)
    try:
        assert v.page.evaluate("document.documentElement.dataset.theme") == "dark"
        backgrounds = v.page.eval_on_selector_all(
            "figure img", "els => els.map(e => getComputedStyle(e).backgroundColor)"
        )
        assert backgrounds and all(b == "rgb(255, 255, 255)" for b in backgrounds), backgrounds
    finally:
        v.close()


def test_chapter_notebook_downloads_and_runs_in_a_fresh_kernel(
    browser: object, server: str, tmp_path: Path
) -> None:
    """The .ipynb offered on each chapter page runs top to bottom in a new kernel, offline."""
    import nbformat
    from nbclient import NotebookClient

    for page in (p for p in PAGES if p.startswith("chapters/")):
        v = Visit(browser, f"{server}/{page}.html")
        try:
            with v.page.expect_download() as download:
                v.page.click("a.notebook-link")
            target = tmp_path / f"{Path(page).name}.ipynb"
            download.value.save_as(target)
        finally:
            v.close()
        nb = nbformat.read(target, as_version=4)
        nbformat.validate(nb)
        assert sum(c.cell_type == "code" for c in nb.cells) >= 2
        NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
        ).execute()
        outputs = [o for c in nb.cells for o in c.get("outputs", [])]
        figures = [o for o in outputs if "image/svg+xml" in o.get("data", {})]
        tables = [o for o in outputs if "{list-table}" in o.get("data", {}).get("text/markdown", "")]
        assert len(figures) + len(tables) >= 2, (
            f"{page}: the notebook drew {len(figures)} figures, {len(tables)} tables"
        )


def test_chronology_table_can_be_searched_and_filtered(browser: object, server: str) -> None:
    v = Visit(browser, f"{server}/back/chronology.html")
    try:
        total = v.page.eval_on_selector_all("table.filterable tbody tr", "rows => rows.length")
        assert total >= 150
        v.page.fill(".table-filter input", "Nomonhan")
        shown = v.page.eval_on_selector_all("table.filterable tbody tr:not([hidden])", "rows => rows.length")
        assert 0 < shown < total
        v.page.fill(".table-filter input", "")
        v.page.select_option(".table-filter select", "war")
        categories = v.page.eval_on_selector_all(
            "table.filterable tbody tr:not([hidden])", "rows => rows.map(r => r.cells[2].textContent.trim())"
        )
        assert categories and set(categories) == {"war"}
        assert v.console_errors == []
    finally:
        v.close()


def test_interactive_map_toggles_layers_zooms_and_pans(browser: object, server: str) -> None:
    """Chapter 3's interactive map: a layer per phase that switches off and on, zoom and pan."""
    v = Visit(browser, f"{server}/chapters/03_khalkhin_gol.html", width=1440, height=900)
    try:
        root = v.page.wait_for_selector("[data-mj-imap][data-mj-ready]", timeout=10_000)
        boxes = root.query_selector_all("input[type=checkbox][data-layer]")
        assert len(boxes) >= 4, "expected one check box per phase"
        for box in boxes:
            layer = box.get_attribute("data-layer")
            group = root.query_selector(f'svg g[data-layer="{layer}"]')
            assert group is not None, f"no layer {layer}"
            assert group.evaluate("g => g.querySelectorAll('path, circle, rect, text').length") > 0
            assert group.is_visible() == box.is_checked()
            box.set_checked(not box.is_checked())
            assert group.is_visible() == box.is_checked(), f"{layer} did not toggle"
            box.set_checked(not box.is_checked())
        viewport = root.query_selector("svg .mj-viewport")
        scale = root.query_selector(".mj-scale-label")
        before = scale.text_content()
        root.query_selector("button[data-zoom=in]").click()
        root.query_selector("button[data-zoom=in]").click()
        assert float(root.get_attribute("data-zoom")) > 2
        assert "scale(2.25" in viewport.get_attribute("transform")
        assert scale.text_content() != before, "the scale bar must follow the zoom"
        svg = root.query_selector("svg")
        svg.scroll_into_view_if_needed()
        box = svg.bounding_box()
        cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        moved_from = viewport.get_attribute("transform")
        v.page.mouse.move(cx, cy)
        v.page.mouse.down()
        v.page.mouse.move(cx + 80, cy + 40, steps=5)
        v.page.mouse.up()
        assert viewport.get_attribute("transform") != moved_from, "dragging must pan the map"
        v.page.mouse.move(cx, cy)
        v.page.mouse.wheel(0, -300)
        v.page.wait_for_function("document.querySelector('[data-mj-imap]').dataset.zoom > 2.5")
        root.query_selector("button[data-zoom=reset]").click()
        assert root.get_attribute("data-zoom") == "1.000"
        root.query_selector("svg").focus()
        v.page.keyboard.press("+")
        assert float(root.get_attribute("data-zoom")) > 1
        assert v.console_errors == [], v.console_errors
        out = ARTIFACTS / "screenshots" / "interactive-map--zoomed.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        root.screenshot(path=str(out))
    finally:
        v.close()
