"""The book's maps, and the one set of map furniture they all share.

Every map is finished by :func:`finish_map`: a frame, a scale bar, a north arrow, a locator inset
(for small areas) and a credits line naming the projection and its data sources; each map draws its
own legend. Schematic features are drawn dashed and translucent and say so in the legend
(:data:`SCHEMATIC`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mjbook import style
from mjbook.geo import (
    EAST_CHINA_SEA_LCC,
    KHALKHIN_GOL_TM,
    MANCHURIA_LCC,
    NORTHEAST_ASIA_LCC,
    SELENGE_TM,
    Projection,
)

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Style of schematic elements: dashed, translucent.
SCHEMATIC: dict[str, Any] = {"linestyle": (0, (4, 3)), "alpha": 0.6}


@dataclass(frozen=True)
class Label:
    """A label placed by hand at an offset (in points) from its feature, so labels never collide."""

    text: str
    dx: float = 6
    dy: float = 4
    ha: str = "left"
    style: str = "normal"


def _nice_length(span_m: float) -> float:
    """A round scale-bar length (in km) near a fifth of the map width."""
    target = span_m / 5 / 1000
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if step >= target:
            return step
    return 1000.0


def finish_map(
    fig: Figure,
    ax: Axes,
    countries: gpd.GeoDataFrame,
    extent_lonlat: tuple[float, float, float, float],
    credits: str,
    scale_km: float | None = None,
    north: tuple[float, float] | None = (0.05, 0.93),
    locator: Sequence[float] | None = (0.755, 0.745, 0.23, 0.24),
    graticule: float | None = None,
    scale_loc: tuple[float, float] = (0.04, 0.05),
) -> None:
    """Give a map its furniture: frame, scale bar, north arrow or graticule, locator inset, credits.

    Maps wide enough for north to turn across them get a ``graticule`` (degrees) instead of an arrow.
    """
    _frame_axes(ax)
    add_scale_bar(ax, scale_km, loc=scale_loc)
    if graticule is not None:
        add_graticule(ax, graticule)
    if north is not None:
        add_north_arrow(ax, loc=north)
    if locator is not None:
        add_locator(fig, countries, extent_lonlat, rect=locator)
    add_credits(fig, credits)


def add_scale_bar(ax: Axes, length_km: float | None = None, loc: tuple[float, float] = (0.04, 0.05)) -> float:
    """Draw a two-segment scale bar on an axis in a metre-based projection; return its length (km)."""
    from matplotlib.patches import Rectangle

    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    length_km = _nice_length(x1 - x0) if length_km is None else length_km
    length = length_km * 1000
    x = x0 + loc[0] * (x1 - x0)
    y = y0 + loc[1] * (y1 - y0)
    h = 0.012 * (y1 - y0)
    for i, colour in enumerate(("black", "white")):
        ax.add_patch(
            Rectangle(
                (x + i * length / 2, y),
                length / 2,
                h,
                facecolor=colour,
                edgecolor="black",
                linewidth=0.6,
                zorder=20,
            )
        )
    for frac, text in ((0, "0"), (0.5, f"{length_km / 2:g}"), (1, f"{length_km:g} km")):
        ax.text(x + frac * length, y + 1.8 * h, text, ha="center", va="bottom", fontsize=7, zorder=20)
    return length_km


def add_north_arrow(ax: Axes, loc: tuple[float, float] = (0.95, 0.86)) -> None:
    """Draw a north arrow (grid north, which the book's projections keep within 1° of true north)."""
    ax.annotate(
        "N",
        xy=loc,
        xytext=(loc[0], loc[1] - 0.09),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=9,
        fontweight="bold",
        zorder=20,
        arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 1.2},
    )


def add_graticule(ax: Axes, step: float) -> None:
    """Draw meridians and parallels every ``step`` degrees, labelled at the lower and left edges.

    The axis must carry its projection as ``ax._mjbook_proj4`` (set by :func:`overview_map`).
    """
    import numpy as np
    from pyproj import Transformer

    to_map = Transformer.from_crs(4326, ax._mjbook_proj4, always_xy=True)  # type: ignore[attr-defined]
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    for lon in np.arange(-180, 180, step):
        xs, ys = to_map.transform(np.full(400, lon), np.linspace(0, 85, 400))
        ax.plot(xs, ys, color="#9a9a9a", linewidth=0.4, zorder=1.8)
        x_at = np.interp(y0, ys, xs) if ys.min() < y0 < ys.max() else None
        if x_at is not None and x0 + 0.03 * (x1 - x0) < x_at < x1 - 0.03 * (x1 - x0):
            ax.text(
                x_at, y0, f"{lon:g}°E", fontsize=6, color=style.MUTED, ha="center", va="bottom", zorder=19
            )
    for lat in np.arange(0, 90, step):
        xs, ys = to_map.transform(np.linspace(40, 180, 600), np.full(600, lat))
        ax.plot(xs, ys, color="#9a9a9a", linewidth=0.4, zorder=1.8)
        y_at = np.interp(x0, xs, ys) if xs.min() < x0 < xs.max() else None
        if y_at is not None and y0 + 0.05 * (y1 - y0) < y_at < y1 - 0.03 * (y1 - y0):
            ax.text(x0, y_at, f" {lat:g}°N", fontsize=6, color=style.MUTED, ha="left", va="center", zorder=19)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)


def add_credits(fig: Figure, text: str) -> None:
    """Write the data credits in small type under the map."""
    fig.text(0.01, 0.005, text, fontsize=6.5, color=style.MUTED, ha="left", va="bottom", wrap=True)


def add_locator(
    fig: Figure,
    countries: gpd.GeoDataFrame,
    extent_lonlat: tuple[float, float, float, float],
    rect: Sequence[float] = (0.70, 0.62, 0.28, 0.33),
    view_lonlat: tuple[float, float, float, float] = (95, 35, 135, 55),
    projection: Projection = NORTHEAST_ASIA_LCC,
    highlight: Sequence[str] = ("Mongolia",),
) -> Axes:
    """Add an inset locator map with the main map's extent drawn as a red box."""
    import geopandas as gpd
    from shapely.geometry import box

    inset = fig.add_axes(rect)
    view = gpd.GeoSeries([box(*view_lonlat)], crs=4326).to_crs(projection.proj4)
    shown = countries[countries.intersects(box(*view_lonlat))].to_crs(projection.proj4)
    colours = [style.LAND if n in highlight else style.LAND_OTHER for n in shown["name"]]
    shown.plot(ax=inset, color=colours, edgecolor="#888888", linewidth=0.3)
    gpd.GeoSeries([box(*extent_lonlat)], crs=4326).to_crs(projection.proj4).boundary.plot(
        ax=inset, color=style.OKABE_ITO["vermillion"], linewidth=1.6
    )
    xmin, ymin, xmax, ymax = view.total_bounds
    inset.set_xlim(xmin, xmax)
    inset.set_ylim(ymin, ymax)
    inset.set_facecolor(style.WATER)
    _frame_axes(inset)
    return inset


def _frame_axes(ax: Axes) -> None:
    """Remove ticks and axis labels (geopandas adds them) and draw a thin frame."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("#555555")
        spine.set_linewidth(0.8)


def _draw_line(
    ax: Axes, geom: Any, colour: str, width: float, arrow: bool, schematic: bool, zorder: float = 6
) -> None:
    """A line feature, dashed and translucent if schematic, with an arrowhead at its end if asked."""
    from matplotlib.patches import FancyArrowPatch

    xs, ys = geom.xy
    ax.plot(
        xs,
        ys,
        color=colour,
        linewidth=width,
        zorder=zorder,
        solid_capstyle="round",
        **(SCHEMATIC if schematic else {}),
    )
    if arrow:
        ax.add_patch(
            FancyArrowPatch(
                (xs[-2], ys[-2]),
                (xs[-1], ys[-1]),
                arrowstyle="-|>",
                mutation_scale=16,
                color=colour,
                linewidth=0,
                alpha=SCHEMATIC["alpha"] if schematic else 1,
                zorder=zorder + 1,
                shrinkA=0,
                shrinkB=0,
            )
        )


def _label(ax: Axes, x: float, y: float, label: Label, **kw: Any) -> None:
    import matplotlib.patheffects as pe

    ax.annotate(
        label.text,
        (x, y),
        xytext=(label.dx, label.dy),
        textcoords="offset points",
        ha=label.ha,
        va="center",
        fontsize=kw.pop("fontsize", 7.5),
        fontstyle=label.style,
        color=kw.pop("color", style.TEXT),
        zorder=kw.pop("zorder", 15),
        path_effects=[pe.withStroke(linewidth=2.5, foreground="white")],
        **kw,
    )


# ---------------------------------------------------------------------------------------------
# Map 1: Khalkhin Gol / Nomonhan 1939 — the disputed zone

KHALKHIN_EXTENT = (117.55, 47.08, 120.15, 48.2)  # lon/lat shown on the map

KHALKHIN_LABELS: dict[str, Label] = {
    "nomonhan-burd-obo": Label("Nomonhan Burd Obo", dx=6, dy=5),
    "sumber": Label("Sümber", dx=-6, dy=-6, ha="right"),
    "arxan": Label("Arxan", dx=6, dy=0),
}


def khalkhin_gol_1939(
    features: gpd.GeoDataFrame,
    sector: gpd.GeoDataFrame,
    countries: gpd.GeoDataFrame,
    projection: Projection = KHALKHIN_GOL_TM,
) -> Figure:
    """Map of the 1939 disputed zone: the two claimed borders, the zone between, key places.

    ``features`` is the ``khalkhin_gol_features`` resource, ``sector`` the GSHHG base layer and
    ``countries`` the Natural Earth layer for the locator.
    """
    import geopandas as gpd
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from shapely.geometry import box

    fig = plt.figure(figsize=(7.0, 5.75))
    ax = fig.add_axes((0.01, 0.19, 0.98, 0.80))
    frame = gpd.GeoSeries([box(*KHALKHIN_EXTENT)], crs=4326).to_crs(projection.proj4)
    xmin, ymin, xmax, ymax = frame.total_bounds
    ax.set_facecolor(style.LAND)
    base = sector.to_crs(projection.proj4)
    feats = features.to_crs(projection.proj4).set_index("id")

    zone = feats.loc[["disputed-zone"]]
    zone.plot(ax=ax, facecolor=style.DISPUTED, alpha=0.55, edgecolor="none", zorder=2)
    zone.plot(ax=ax, facecolor="none", edgecolor="#8a7a00", hatch="///", linewidth=0, zorder=2)
    base[base.layer == "lake"].plot(ax=ax, color=style.WATER, edgecolor=style.RIVER, linewidth=0.5, zorder=3)
    base[base.layer == "border"].plot(ax=ax, color=style.BORDER, linewidth=0.9, linestyle="-.", zorder=4)
    feats.loc[["claim-japan-manchukuo"]].plot(
        ax=ax, color=style.SIDES["japan_manchukuo"], linewidth=4.2, alpha=0.85, zorder=5
    )
    feats.loc[["claim-mongolia-ussr"]].plot(
        ax=ax, color=style.SIDES["soviet_mongolian"], linewidth=3.2, zorder=5
    )
    base[base.layer == "river"].plot(ax=ax, color=style.RIVER, linewidth=1.1, zorder=6)
    schematic = feats[feats.confidence == "schematic"]
    schematic.plot(ax=ax, color=style.RIVER, linewidth=1.1, zorder=6, **SCHEMATIC)

    for fid, label in KHALKHIN_LABELS.items():
        pt = feats.loc[fid, "geometry"]
        marker = "^" if feats.loc[fid, "kind"] == "site" else "o"
        ax.plot(pt.x, pt.y, marker=marker, color="black", markersize=5.5, zorder=12)
        _label(ax, pt.x, pt.y, label)

    def at(lon: float, lat: float) -> tuple[float, float]:
        p = gpd.GeoSeries(gpd.points_from_xy([lon], [lat]), crs=4326).to_crs(projection.proj4).iloc[0]
        return p.x, p.y

    for text, lon, lat, kw in (
        ("MONGOLIA\n(Mongolian People's Republic, 1939)", 118.05, 47.45, {"fontsize": 9}),
        ("CHINA\n(Manchukuo, 1932–1945)", 119.62, 47.72, {"fontsize": 9}),
        ("Buir Nuur", 117.70, 47.81, {"fontstyle": "italic", "color": style.RIVER}),
        ("Khalkhin Gol", 118.95, 47.47, {"fontstyle": "italic", "color": style.RIVER, "rotation": 18}),
        (
            "Khailastyn Gol\n(schematic)",
            118.40,
            47.80,
            {"fontstyle": "italic", "color": style.RIVER, "fontsize": 6.5},
        ),
        ("disputed\nzone", 118.90, 47.64, {"fontsize": 8, "fontweight": "bold", "color": "#7a4a00"}),
    ):
        x, y = at(lon, lat)
        ax.text(
            x, y, text, ha="center", va="center", zorder=14, **{"fontsize": 7.5, "color": style.TEXT, **kw}
        )

    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)

    handles = [
        Line2D(
            [],
            [],
            color=style.SIDES["japan_manchukuo"],
            lw=4,
            label="Border claimed by Japan and Manchukuo (the river)",
        ),
        Line2D(
            [],
            [],
            color=style.SIDES["soviet_mongolian"],
            lw=3,
            label="Border claimed by Mongolia and the USSR (= today's border)",
        ),
        Patch(facecolor=style.DISPUTED, alpha=0.55, hatch="///", edgecolor="#8a7a00", label="Disputed zone"),
        Line2D(
            [],
            [],
            color=style.BORDER,
            lw=0.9,
            linestyle="-.",
            label="China–Mongolia border today (elsewhere)",
        ),
        Line2D([], [], color=style.RIVER, lw=1.1, label="River"),
        Line2D([], [], color=style.RIVER, lw=1.1, label="River, schematic course", **SCHEMATIC),
        Line2D([], [], marker="^", color="black", lw=0, label="Border cairn (obo)"),
        Line2D([], [], marker="o", color="black", lw=0, label="Settlement (today)"),
    ]
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.01, 0.03),
        ncol=2,
        fontsize=7,
        frameon=False,
        columnspacing=1.2,
        handlelength=2.6,
    )
    finish_map(
        fig,
        ax,
        countries,
        KHALKHIN_EXTENT,
        scale_km=20,
        credits=f"{projection.caption}. Rivers, lakes, border: GSHHG 2.3.6 (Wessel and Smith), LGPL-3.0. "
        "Countries (inset): Natural Earth. Places: GeoNames (CC BY 4.0), Wikipedia. "
        "Claims: Coox (1985); HistoryNet (n.d.).",
    )
    return fig


# ---------------------------------------------------------------------------------------------
# Map 1b: the war of 1939 in four phases (static small multiples) and its interactive version

#: The battle sector shown by the phase maps (lon/lat): the disputed zone and its surroundings.
PHASE_EXTENT = (118.3, 47.37, 119.42, 48.06)


@dataclass(frozen=True)
class Phase:
    """One phase of the war of 1939: its key in ``khalkhin_gol_phases`` and its panel title."""

    key: str
    title: str
    note: str  # what the panel says of events whose place is not located


PHASES: tuple[Phase, ...] = (
    Phase("may", "1 · 11–29 May: first clashes", "Azuma detachment destroyed 28–29 May"),
    Phase("july", "2 · 2–25 July: Bain-Tsagan and the bridgehead", "Bain-Tsagan heights: not located"),
    Phase("august", "3 · 20–31 August: the envelopment", "Remizov heights (taken 30 Aug): not located"),
    Phase("september", "4 · 15–16 September: ceasefire", "Ceasefire 2 a.m., 16 September"),
)

#: How each kind of phase feature is drawn (colour comes from its side; the legend is drawn by
#: :func:`khalkhin_gol_phases`, by side rather than by kind).
PHASE_KIND_STYLE: dict[str, dict[str, Any]] = {
    "clash": {"marker": "X", "size": 9},
    "link_up": {"marker": "*", "size": 13},
    "crossing": {"width": 2.6, "arrow": True},
    "attack": {"width": 2.6, "arrow": True},
    "envelopment": {"width": 3.0, "arrow": True},
    "ceasefire_line": {"width": 4.0, "arrow": False},
}

#: Labels of the phase features (offsets in points).
PHASE_LABELS: dict[str, Label] = {
    "may-clash-obo": Label("11 May", dx=-8, dy=7, ha="right"),
    "may-azuma": Label("28–29 May", dx=-7, dy=-8, ha="right"),
    "july-crossing": Label("2/3–5 July", dx=-4, dy=12, ha="right"),
    "july-bridgehead": Label("7–25 July", dx=6, dy=-10),
    "aug-north": Label("Northern group", dx=8, dy=7),
    "aug-centre": Label("Central group", dx=0, dy=-11, ha="center"),
    "aug-south": Label("Southern group", dx=10, dy=-2),
    "aug-linkup": Label("link-up, 25 Aug", dx=9, dy=6),
    "sep-ceasefire-line": Label("line held, 15 Sept", dx=12, dy=-6),
}


def _phase_base(ax: Axes, feats: gpd.GeoDataFrame, sector: gpd.GeoDataFrame) -> None:
    """The sector as every phase panel shows it: zone, lakes, rivers, both claims, two places."""
    zone = feats.loc[["disputed-zone"]]
    zone.plot(ax=ax, facecolor=style.DISPUTED, alpha=0.45, edgecolor="none", zorder=2)
    sector[sector.layer == "lake"].plot(
        ax=ax, color=style.WATER, edgecolor=style.RIVER, linewidth=0.4, zorder=3
    )
    sector[sector.layer == "border"].plot(ax=ax, color=style.BORDER, linewidth=0.6, linestyle="-.", zorder=3)
    feats.loc[["claim-japan-manchukuo"]].plot(
        ax=ax, color=style.SIDES["japan_manchukuo"], linewidth=2.6, alpha=0.7, zorder=4
    )
    feats.loc[["claim-mongolia-ussr"]].plot(
        ax=ax, color=style.SIDES["soviet_mongolian"], linewidth=1.4, alpha=0.7, zorder=4
    )
    sector[sector.layer == "river"].plot(ax=ax, color=style.RIVER, linewidth=0.9, zorder=5)
    feats[feats.confidence == "schematic"].plot(
        ax=ax, color=style.RIVER, linewidth=0.9, zorder=5, **SCHEMATIC
    )
    for fid, name, dx, ha in (
        ("nomonhan-burd-obo", "Nomonhan\nBurd Obo", 6, "left"),
        ("sumber", "Sümber", -5, "right"),
    ):
        pt = feats.loc[fid, "geometry"]
        ax.plot(pt.x, pt.y, marker="^" if fid != "sumber" else "o", color="black", markersize=3.5, zorder=9)
        _label(ax, pt.x, pt.y, Label(name, dx=dx, dy=-9 if fid != "sumber" else 0, ha=ha), fontsize=6)


def _phase_features(ax: Axes, items: gpd.GeoDataFrame) -> None:

    for _, f in items.iterrows():
        spec = PHASE_KIND_STYLE[f["kind"]]
        colour = _side_colour(f["side"]) if f["side"] != "none" else style.OKABE_ITO["vermillion"]
        schematic = f["confidence"] == "schematic"
        geom = f.geometry
        if geom.geom_type == "LineString":
            _draw_line(ax, geom, colour, spec["width"], spec["arrow"], schematic, zorder=7)
        else:
            ax.plot(
                geom.x,
                geom.y,
                marker=spec["marker"],
                markersize=spec["size"],
                linestyle="none",
                markerfacecolor="white" if schematic else colour,
                markeredgecolor=colour,
                markeredgewidth=1.4,
                zorder=10,
            )
        if f["id"] in PHASE_LABELS:
            pt = geom if geom.geom_type == "Point" else geom.interpolate(0.5, normalized=True)
            _label(ax, pt.x, pt.y, PHASE_LABELS[f["id"]], fontsize=6.5)


def khalkhin_gol_phases(
    features: gpd.GeoDataFrame,
    phases: gpd.GeoDataFrame,
    sector: gpd.GeoDataFrame,
    projection: Projection = KHALKHIN_GOL_TM,
) -> Figure:
    """The war of 1939 in four panels (May, July, August, September) on one base.

    ``features`` is ``khalkhin_gol_features`` (zone, claims, places), ``phases`` the
    ``khalkhin_gol_phases`` resource and ``sector`` the GSHHG base layer. Every movement is schematic.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    proj = projection.proj4
    xmin, ymin, xmax, ymax = _projected_frame(PHASE_EXTENT, projection)
    panel_w = 3.42
    panel_h = panel_w * (ymax - ymin) / (xmax - xmin)
    legend_h, credits_h, title_h = 0.75, 0.42, 0.2
    height = credits_h + legend_h + 2 * (panel_h + title_h) + 0.1
    fig = plt.figure(figsize=(7.0, height))
    feats = features.to_crs(proj).set_index("id", drop=False)
    items = phases.to_crs(proj)
    base = sector.to_crs(proj)
    for i, phase in enumerate(PHASES):
        row, col = divmod(i, 2)
        left = 0.01 + col * (panel_w + 0.12) / 7.0
        bottom = (credits_h + legend_h + (1 - row) * (panel_h + title_h)) / height
        ax = fig.add_axes((left, bottom, panel_w / 7.0, panel_h / height))
        ax.set_facecolor(style.LAND)
        _phase_base(ax, feats, base)
        _phase_features(ax, items[items["phase"] == phase.key])
        ax.set_xlim(xmin, xmax)
        ax.set_ylim(ymin, ymax)
        _frame_axes(ax)
        ax.set_title(phase.title, fontsize=8, loc="left", pad=3)
        ax.text(
            0.98,
            0.03,
            phase.note,
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=6,
            color=style.MUTED,
            style="italic",
            zorder=20,
        )
        if i == 0:
            add_scale_bar(ax, 20, loc=(0.05, 0.9))
            add_north_arrow(ax, loc=(0.93, 0.9))
    jp, sm, red = (
        style.SIDES["japan_manchukuo"],
        style.SIDES["soviet_mongolian"],
        style.OKABE_ITO["vermillion"],
    )
    handles: list[Any] = [
        Patch(facecolor=style.DISPUTED, alpha=0.45, label="Disputed zone"),
        Line2D([], [], color=jp, lw=2.6, alpha=0.7, label="Border claimed by Japan, Manchukuo"),
        Line2D([], [], color=sm, lw=1.4, alpha=0.7, label="Border claimed by Mongolia, USSR"),
        Line2D([], [], color=jp, lw=2.6, label="Japanese crossing, attacks (schematic)", **SCHEMATIC),
        Line2D([], [], color=sm, lw=2.8, label="Soviet–Mongolian attacks (schematic)", **SCHEMATIC),
        Line2D([], [], color=sm, lw=4, label="Lines held at the ceasefire (approx.)", **SCHEMATIC),
        Line2D([], [], marker="X", markersize=7, color=red, lw=0, label="Clash at a located place"),
        Line2D(
            [],
            [],
            marker="X",
            markersize=7,
            markerfacecolor="white",
            markeredgecolor=red,
            lw=0,
            label="Clash, place schematic",
        ),
        Line2D([], [], marker="*", markersize=9, color=sm, lw=0, label="Link-up of the wings"),
    ]
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.01, credits_h / height),
        ncol=3,
        fontsize=6.3,
        frameon=False,
        columnspacing=1.0,
        handlelength=2.4,
    )
    add_credits(
        fig,
        f"{projection.caption}. Rivers, lakes, border: GSHHG 2.3.6 (Wessel and Smith), LGPL-3.0. Events and "
        "movements: see data/khalkhin_gol/phases.geojson (every arrow schematic: direction between located "
        "features, placed by hand). Places: GeoNames (CC BY 4.0), Wikipedia.",
    )
    return fig


def khalkhin_gol_interactive(
    features: gpd.GeoDataFrame,
    phases: gpd.GeoDataFrame,
    sector: gpd.GeoDataFrame,
    projection: Projection = KHALKHIN_GOL_TM,
) -> Any:
    """The phase maps as one interactive map (HTML edition): a layer per phase, zoom and pan."""
    from mjbook import interactive as im

    sm = style.SIDES["soviet_mongolian"]
    jp = style.SIDES["japan_manchukuo"]
    red = style.OKABE_ITO["vermillion"]

    def symbol(kind: str, side: str, confidence: str) -> im.Symbol:
        colour = red if side == "none" else _side_colour(side)
        spec = PHASE_KIND_STYLE[kind]
        dash = "7 5" if confidence == "schematic" else None
        if "marker" in spec:
            return im.Symbol(
                stroke=colour,
                fill="white" if confidence == "schematic" else colour,
                marker="star" if kind == "link_up" else "square",
                radius=6,
            )
        return im.Symbol(
            stroke=colour, width=spec["width"] + 0.6, dash=dash, opacity=0.8, arrow=spec["arrow"]
        )

    def label(fid: str) -> im.MapLabel:
        lab = PHASE_LABELS[fid]
        return im.MapLabel(
            lab.text,
            dx=lab.dx * 1.4,
            dy=-lab.dy * 1.4 + 4,
            anchor={"left": "start", "right": "end", "center": "middle"}[lab.ha],
        )

    ids = features.set_index("id", drop=False)
    base = im.Layer(
        "base",
        "Base map",
        [
            (
                ids.loc[["disputed-zone"]],
                im.Symbol(stroke="none", width=0, fill=style.DISPUTED, fill_opacity=0.45),
            ),
            (sector[sector.layer == "lake"], im.Symbol(stroke=style.RIVER, width=0.6, fill=style.WATER)),
            (sector[sector.layer == "border"], im.Symbol(stroke=style.BORDER, width=1, dash="6 3 1 3")),
            (ids.loc[["claim-japan-manchukuo"]], im.Symbol(stroke=jp, width=6, opacity=0.75)),
            (ids.loc[["claim-mongolia-ussr"]], im.Symbol(stroke=sm, width=3, opacity=0.75)),
            (sector[sector.layer == "river"], im.Symbol(stroke=style.RIVER, width=1.4)),
            (ids.loc[["khailastyn-gol"]], im.Symbol(stroke=style.RIVER, width=1.4, dash="6 4", opacity=0.7)),
            (
                ids.loc[["nomonhan-burd-obo"]],
                im.Symbol(stroke="black", fill="black", marker="triangle", radius=4),
            ),
            (ids.loc[["sumber"]], im.Symbol(stroke="black", fill="black", radius=3.5)),
        ],
        labels={
            "nomonhan-burd-obo": im.MapLabel("Nomonhan Burd Obo", dx=8, dy=16),
            "sumber": im.MapLabel("Sümber", dx=-8, dy=4, anchor="end"),
            "khailastyn-gol": im.MapLabel(
                "Khailastyn Gol (schematic)", dx=0, dy=16, anchor="middle", italic=True
            ),
        },
        toggle=False,
    )
    layers = [base]
    for phase in PHASES:
        part = phases[phases["phase"] == phase.key]
        groups = [
            (part[part["id"] == fid], symbol(k, s, c))
            for fid, k, s, c in zip(part["id"], part["kind"], part["side"], part["confidence"], strict=True)
        ]
        layers.append(
            im.Layer(
                phase.key,
                phase.title.split(" · ")[1],
                groups,
                labels={fid: label(fid) for fid in part["id"] if fid in PHASE_LABELS},
            )
        )
    legend = [
        im.LegendItem(
            "Disputed zone", im.Symbol(stroke="none", fill=style.DISPUTED, fill_opacity=0.45), "area"
        ),
        im.LegendItem("Border claimed by Japan and Manchukuo (the river)", im.Symbol(stroke=jp, width=5)),
        im.LegendItem(
            "Border claimed by Mongolia and the USSR (today's border)", im.Symbol(stroke=sm, width=3)
        ),
        im.LegendItem(
            "Japanese crossing and attacks (schematic)", im.Symbol(stroke=jp, width=3, dash="7 5", arrow=True)
        ),
        im.LegendItem(
            "Soviet–Mongolian movements (schematic)", im.Symbol(stroke=sm, width=3, dash="7 5", arrow=True)
        ),
        im.LegendItem(
            "Clash (hollow: schematic place)",
            im.Symbol(stroke=red, fill=red, marker="square", radius=5),
            "point",
        ),
        im.LegendItem("Link-up", im.Symbol(stroke=sm, fill=sm, marker="star", radius=5), "point"),
    ]
    return im.interactive_map(
        key="khalkhin-gol-1939",
        title="The war on the Khalkhin Gol, May–September 1939, phase by phase",
        description=(
            "Map of the disputed zone between the Khalkhin Gol river and the border Mongolia claimed, "
            "with one layer per phase of the war: the first clashes at Nomonhan Burd Obo in May, the "
            "Japanese crossing to the west bank and the attacks on the Soviet bridgehead in July, the "
            "Soviet-Mongolian envelopment from north and south meeting at Nomonhan in August, and the "
            "lines held at the September ceasefire. Every movement is drawn as a schematic arrow."
        ),
        layers=layers,
        extent=PHASE_EXTENT,
        projection=projection,
        legend=legend,
        credits=(
            f"{projection.caption}. Rivers, lakes, border: GSHHG 2.3.6 (Wessel and Smith), LGPL-3.0. "
            "Events and movements: data/khalkhin_gol/phases.geojson, each with its sources; every arrow "
            "is schematic (direction between located features, placed by hand). Places: GeoNames, Wikipedia."
        ),
        pdf_note=(
            "The HTML edition of this book shows these four phases as one interactive map, with a layer "
            "per phase that can be switched on and off, zoomed and panned."
        ),
    )


# ---------------------------------------------------------------------------------------------
# Overview maps (1274/1281, 1945, prisoners of war, today): one drawing routine, four specifications

#: How each kind of feature is drawn: marker (points) or line width, and its legend text.
KIND_STYLE: dict[str, dict[str, Any]] = {
    "city": {"marker": "o", "size": 4.5, "legend": "City or town"},
    "port": {"marker": "s", "size": 5, "legend": "Port of departure"},
    "island": {"marker": ".", "size": 4, "legend": "Island (label point)"},
    "battle_site": {"marker": "X", "size": 7, "legend": "Battle or landing site"},
    "defence_work": {"marker": "P", "size": 6, "legend": "Defence work", "width": 3.0},
    "shrine": {"marker": "^", "size": 5, "legend": "Shrine"},
    "fortified_region": {"marker": "D", "size": 5.5, "legend": "Fortified region"},
    "camp": {"marker": "^", "size": 6, "legend": "Camp or burial site"},
    "building": {"marker": "s", "size": 5, "legend": "Building put up by prisoners"},
    "work_site": {"marker": "P", "size": 6.5, "legend": "Work site"},
    "memorial": {"marker": "*", "size": 10, "legend": "Memorial"},
    "airport": {"marker": "v", "size": 6, "legend": "Airport"},
    "mine": {"marker": "D", "size": 6, "legend": "Mine"},
    "border_crossing": {"marker": "H", "size": 6, "legend": "Border crossing"},
    "route": {"width": 2.0, "arrow": True, "legend": "Route"},
    "front_axis": {"width": 2.2, "arrow": True, "legend": "Axis of advance"},
    "rail_route": {"width": 2.0, "arrow": False, "legend": "Rail corridor"},
    "approx_boundary": {"width": 1.6, "arrow": False, "legend": "Approximate extent"},
}


@dataclass(frozen=True)
class Detail:
    """A zoomed panel of an overview map: its lon/lat extent, place and labels.

    ``rect`` is in the main map's axes fraction (it may lie outside the map, to its right).
    """

    extent: tuple[float, float, float, float]
    rect: tuple[float, float, float, float]
    labels: dict[str, Label]
    title: str
    scale_km: float


@dataclass(frozen=True)
class OverviewMap:
    """Everything that makes one overview map differ from another."""

    name: str
    extent: tuple[float, float, float, float]
    projection: Projection
    labels: dict[str, Label]
    area_labels: tuple[tuple[str, float, float, dict[str, Any]], ...]
    highlight: tuple[str, ...]
    credits: str
    main_width: float = 0.98
    scale_loc: tuple[float, float] = (0.04, 0.05)
    scale_km: float | None = None
    north: tuple[float, float] | None = (0.05, 0.93)
    locator: tuple[float, float, float, float] | None = None
    detail: Detail | None = None
    legend_cols: int = 3
    graticule: float | None = None
    detail_layer: str | None = None  # resource of land polygons for the detail panel
    river_layer: str | None = None  # resource of rivers drawn on both panels


def _side_colour(side: str) -> str:
    return style.SIDES.get(side, style.SIDES["none"])


def _draw_features(ax: Axes, feats: gpd.GeoDataFrame, labels: dict[str, Label], detail: bool = False) -> None:
    """Draw the historical features on ``ax`` (already projected), with the labels given."""

    for _, f in feats.iterrows():
        spec = KIND_STYLE[f["kind"]]
        colour = _side_colour(f["side"])
        schematic = f["confidence"] == "schematic"
        geom = f.geometry
        if geom.geom_type in ("Polygon", "MultiPolygon"):
            gs = feats.loc[[f.name]]
            gs.plot(ax=ax, facecolor=colour, alpha=0.16, edgecolor="none", zorder=2)
        elif geom.geom_type == "LineString":
            _draw_line(ax, geom, colour, spec.get("width", 2.0), bool(spec.get("arrow")), schematic)
        else:
            low = f["confidence"] == "low"
            ax.plot(
                geom.x,
                geom.y,
                marker=spec["marker"],
                markersize=spec["size"] * (1.15 if detail else 1),
                markerfacecolor="white" if low else colour,
                markeredgecolor=colour if low else "black",
                markeredgewidth=1.2 if low else 0.5,
                linestyle="none",
                zorder=12,
            )
        if f["id"] in labels:
            pt = (
                geom.representative_point()
                if geom.geom_type != "LineString"
                else geom.interpolate(0.5, normalized=True)
            )
            _label(ax, pt.x, pt.y, labels[f["id"]], fontsize=7 if not detail else 7.5)


def _legend_handles(feats: gpd.GeoDataFrame) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    seen: set[tuple[str, str, str]] = set()
    for _, f in feats.sort_values(["kind", "side"]).iterrows():
        key = (f["kind"], f["side"] if f.geometry.geom_type != "Point" else "", f.geometry.geom_type)
        if key in seen:
            continue
        seen.add(key)
        spec = KIND_STYLE[f["kind"]]
        colour = _side_colour(f["side"])
        side = style.SIDE_LABELS.get(f["side"], "")
        if f.geometry.geom_type in ("Polygon", "MultiPolygon"):
            label = f["name_en"]
            handles.append(Patch(facecolor=colour, alpha=0.3, edgecolor=colour, linestyle="--", label=label))
        elif f.geometry.geom_type == "LineString":
            who = f" of {side}" if side and f["kind"] in ("route", "front_axis") else ""
            label = f"{spec['legend']}{who}" + (" (schematic)" if f["confidence"] == "schematic" else "")
            if f["kind"] == "approx_boundary":
                label = f["name_en"]
            kw = SCHEMATIC if f["confidence"] == "schematic" else {}
            handles.append(Line2D([], [], color=colour, lw=spec.get("width", 2.0), label=label, **kw))
        else:
            handles.append(
                Line2D(
                    [],
                    [],
                    marker=spec["marker"],
                    markersize=spec["size"],
                    color="#444444",
                    markeredgecolor="black",
                    markeredgewidth=0.5,
                    lw=0,
                    label=spec["legend"],
                )
            )
    if (feats["confidence"] == "low").any():
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                markersize=5,
                markerfacecolor="white",
                markeredgecolor="#444444",
                markeredgewidth=1.2,
                lw=0,
                label="Hollow: location of low confidence",
            )
        )
    return handles


def _projected_frame(extent: tuple[float, float, float, float], projection: Projection) -> tuple[float, ...]:
    import geopandas as gpd
    from shapely.geometry import box

    densified = box(*extent).segmentize(0.1)
    return tuple(gpd.GeoSeries([densified], crs=4326).to_crs(projection.proj4).total_bounds)


def overview_map(
    spec: OverviewMap,
    features: gpd.GeoDataFrame,
    countries: gpd.GeoDataFrame,
    detail_base: gpd.GeoDataFrame | None = None,
    rivers: gpd.GeoDataFrame | None = None,
) -> Figure:
    """Draw one of the book's overview maps from its specification (see :data:`OVERVIEW_MAPS`).

    ``features`` is the map's ``map_*`` resource and ``countries`` the Natural Earth layer;
    ``detail_base`` (land polygons) is drawn in the detail panel and ``rivers`` on both panels.
    """
    import geopandas as gpd
    import matplotlib.pyplot as plt

    proj = spec.projection.proj4
    xmin, ymin, xmax, ymax = _projected_frame(spec.extent, spec.projection)
    handles = _legend_handles(features)
    width = 7.0
    rows = -(-len(handles) // spec.legend_cols)
    bottom = 0.62 + 0.17 * rows  # inches: credits, then the legend, under the map
    map_h = width * spec.main_width * (ymax - ymin) / (xmax - xmin)
    height = bottom + map_h + 0.12
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0.01, bottom / height, spec.main_width, map_h / height))
    ax.set_facecolor(style.WATER)
    land = countries.to_crs(proj)
    colours = [style.LAND if n in spec.highlight else style.LAND_OTHER for n in land["name"]]
    land.plot(ax=ax, color=colours, edgecolor=style.BORDER, linewidth=0.45, zorder=1)
    if rivers is not None:
        rivers.to_crs(proj).plot(ax=ax, color=style.RIVER, linewidth=0.6, zorder=1.5)
    feats = features.to_crs(proj)
    feats.index = list(feats["id"])
    _draw_features(ax, feats, spec.labels)
    for text, lon, lat, kw in spec.area_labels:
        p = gpd.GeoSeries(gpd.points_from_xy([lon], [lat]), crs=4326).to_crs(proj).iloc[0]
        ax.text(
            p.x, p.y, text, ha="center", va="center", zorder=14, **{"fontsize": 8, "color": style.MUTED, **kw}
        )
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax._mjbook_proj4 = proj  # type: ignore[attr-defined]
    if spec.detail is not None:
        _detail_panel(ax, spec, feats, land, detail_base, rivers)
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.01, 0.5 / height),
        ncol=spec.legend_cols,
        fontsize=6.5,
        frameon=False,
        columnspacing=1.0,
        handlelength=2.4,
    )
    finish_map(
        fig,
        ax,
        countries,
        spec.extent,
        scale_km=spec.scale_km,
        credits=spec.credits,
        north=spec.north,
        locator=None if spec.locator is None else _axes_to_figure(ax, spec.locator),
        graticule=spec.graticule,
        scale_loc=spec.scale_loc,
    )
    return fig


def overview_layers(spec: OverviewMap) -> dict[str, gpd.GeoDataFrame]:
    """Load every layer an overview map draws, as keyword arguments of :func:`overview_map`."""
    from mjbook.data import load_features

    layers = {
        "features": load_features(f"map_{spec.name}"),
        "countries": load_features("basemap_northeast_asia"),
    }
    if spec.detail_layer:
        layers["detail_base"] = load_features(spec.detail_layer)
    if spec.river_layer:
        layers["rivers"] = load_features(spec.river_layer)
    return layers


def _axes_to_figure(ax: Axes, rect: Sequence[float]) -> tuple[float, float, float, float]:
    """Convert a rectangle in ``ax``'s axes fraction to figure fraction."""
    pos = ax.get_position()
    return (
        pos.x0 + rect[0] * pos.width,
        pos.y0 + rect[1] * pos.height,
        rect[2] * pos.width,
        rect[3] * pos.height,
    )


def _detail_panel(
    ax: Axes,
    spec: OverviewMap,
    feats: gpd.GeoDataFrame,
    land: gpd.GeoDataFrame,
    detail_base: gpd.GeoDataFrame | None,
    rivers: gpd.GeoDataFrame | None,
) -> None:
    """A zoomed panel, framed in red on the main map, with its own scale bar."""
    import geopandas as gpd
    from shapely.geometry import box

    assert spec.detail is not None
    d = spec.detail
    proj = spec.projection.proj4
    dax = ax.figure.add_axes(_axes_to_figure(ax, d.rect))
    dax.set_facecolor(style.WATER if detail_base is not None else style.LAND)
    if detail_base is not None:
        detail_base.to_crs(proj).plot(
            ax=dax, color=style.LAND, edgecolor=style.BORDER, linewidth=0.4, zorder=1
        )
    else:
        land.plot(ax=dax, color=style.LAND, edgecolor=style.BORDER, linewidth=0.45, zorder=1)
    if rivers is not None:
        rivers.to_crs(proj).plot(ax=dax, color=style.RIVER, linewidth=0.9, zorder=1.5)
    inside = feats[feats.geometry.intersects(gpd.GeoSeries([box(*d.extent)], crs=4326).to_crs(proj).iloc[0])]
    _draw_features(dax, inside, d.labels, detail=True)
    x0, y0, x1, y1 = _projected_frame(d.extent, spec.projection)
    dax.set_xlim(x0, x1)
    dax.set_ylim(y0, y1)
    _frame_axes(dax)
    for spine in dax.spines.values():
        spine.set_color(style.OKABE_ITO["vermillion"])
        spine.set_linewidth(1.4)
    dax.set_title(d.title, fontsize=7.5, pad=3, loc="left")
    add_scale_bar(dax, d.scale_km)
    gpd.GeoSeries([box(*d.extent)], crs=4326).to_crs(proj).boundary.plot(
        ax=ax, color=style.OKABE_ITO["vermillion"], linewidth=1.3, zorder=16
    )


_PLACES = "Places: GeoNames (CC BY 4.0) and the sources named for each feature in data/maps"

INVASIONS_1274_1281 = OverviewMap(
    name="invasions_1274_1281",
    extent=(121.0, 29.3, 131.9, 36.3),
    projection=EAST_CHINA_SEA_LCC,
    labels={
        "happo-masan": Label("Happo (Masan)", dx=-6, dy=6, ha="right"),
        "tsushima": Label("Tsushima", dx=7, dy=4),
        "iki": Label("Iki", dx=6, dy=3),
        "hakata-fukuoka": Label("Hakata", dx=6, dy=7),
        "hirado": Label("Hirado", dx=-6, dy=-5, ha="right"),
        "ningbo-qingyuan": Label("Qingyuan (Ningbo)", dx=6, dy=8),
        "route-1274": Label(
            "Nov. 1274; May–Aug. 1281\n(Eastern Route army)", dx=-8, dy=-14, ha="right", style="italic"
        ),
        "route-1281-jiangnan": Label("July–Aug. 1281, Jiangnan army", dx=4, dy=-9, style="italic"),
    },
    area_labels=(
        ("KORYŎ\n(Korea)", 127.6, 36.0, {}),
        ("JAPAN\n(Kamakura shogunate)", 131.05, 34.85, {}),
        ("YUAN\n(China)", 121.55, 31.85, {}),
        ("East China Sea", 125.0, 31.0, {"fontstyle": "italic", "color": style.RIVER}),
    ),
    highlight=("Japan",),
    credits=f"{EAST_CHINA_SEA_LCC.caption}. Today's coastlines and borders: Natural Earth; detail coast: "
    f"GSHHG 2.3.6 (Wessel and Smith), LGPL-3.0. {_PLACES}. Routes are schematic: straight lines "
    "between sourced places, not tracks.",
    north=(0.95, 0.90),
    scale_loc=(0.62, 0.05),
    detail_layer="basemap_hakata_bay",
    detail=Detail(
        extent=(129.55, 33.25, 130.6, 33.8),
        rect=(0.015, 0.57, 0.44, 0.36),
        labels={
            "hakata-fukuoka": Label("Hakata", dx=4, dy=-8),
            "genko-borui-nishijin": Label("Stone wall (Nishijin)", dx=-4, dy=-9, ha="right"),
            "hakozaki-shrine": Label("Hakozaki", dx=6, dy=0),
            "kashii-gu": Label("Kashii", dx=6, dy=2),
            "shikanoshima": Label("Shikanoshima", dx=-6, dy=5, ha="right"),
            "dazaifu": Label("Dazaifu", dx=6, dy=0),
            "takashima-island": Label("Takashima", dx=-7, dy=5, ha="right"),
            "takashima-kozaki": Label("Kōzaki wrecks", dx=4, dy=-9),
        },
        title="Hakata Bay and Imari Bay",
        scale_km=20,
    ),
)

MANCHURIA_1945 = OverviewMap(
    name="manchuria_1945",
    extent=(111.0, 37.6, 135.5, 53.5),
    projection=MANCHURIA_LCC,
    labels={
        "harbin": Label("Harbin", dx=6, dy=4),
        "changchun": Label("Changchun (Hsinking)", dx=-6, dy=-8, ha="right"),
        "shenyang": Label("Mukden (Shenyang)", dx=7, dy=-3),
        "qiqihar": Label("Qiqihar", dx=-6, dy=5, ha="right"),
        "hailar": Label("Hailar", dx=-7, dy=5, ha="right"),
        "jilin": Label("Jilin", dx=5, dy=-8),
        "mudanjiang": Label("Mudanjiang", dx=-4, dy=8, ha="right"),
        "port-arthur": Label("Port Arthur", dx=-6, dy=-4, ha="right"),
        "dalian": Label("Dairen", dx=6, dy=0),
        "chengde": Label("Chengde", dx=-6, dy=-5, ha="right"),
        "kalgan": Label("Kalgan", dx=6, dy=-6),
        "duolun": Label("Dolonnor", dx=-6, dy=4, ha="right"),
        "jiamusi": Label("Jiamusi", dx=6, dy=4),
        "zabaykalsk": Label("Otpor", dx=-6, dy=4, ha="right"),
        "blagoveshchensk": Label("Blagoveshchensk", dx=-6, dy=5, ha="right"),
        "grodekovo": Label("Grodekovo", dx=6, dy=3),
        "ulanhot": Label("Wangyemiao", dx=6, dy=4),
        "axis-6gta-south": Label("Transbaikal Front\n9–22 Aug", dx=-8, dy=0, ha="right", style="italic"),
        "axis-2fef-15a": Label("2nd Far Eastern\nFront 9–20 Aug", dx=4, dy=14, style="italic"),
        "axis-1fef-5a": Label("1st Far Eastern\nFront 9–20 Aug", dx=6, dy=-16, style="italic"),
        "axis-kmg-kalgan": Label(
            "Soviet–Mongolian\nCavalry-Mechanized\nGroup 19–21 Aug", dx=-8, dy=20, ha="right", style="italic"
        ),
        "chifeng": Label("Chifeng", dx=6, dy=3),
        "taonan": Label("Taonan", dx=6, dy=-5),
    },
    area_labels=(
        ("MANCHUKUO\n(approximate)", 127.8, 48.9, {"fontsize": 9, "color": "#8a5a00"}),
        ("MONGOLIAN\nPEOPLE'S REPUBLIC", 112.8, 45.6, {}),
        ("USSR", 122.5, 52.6, {}),
        ("USSR", 134.3, 47.4, {}),
        ("KOREA\n(Japanese rule)", 127.6, 40.2, {}),
        ("MENGJIANG", 112.8, 42.9, {"fontsize": 7}),
        ("CHINA", 113.5, 38.6, {}),
    ),
    highlight=("China", "North Korea", "South Korea"),
    credits=f"{MANCHURIA_LCC.caption}. Borders: today's, Natural Earth; Manchukuo's south-western edge "
    f"is schematic. {_PLACES}. Axes are schematic: straight lines between sourced places and dates, "
    "not unit tracks.",
    scale_km=200,
    scale_loc=(0.70, 0.04),
    legend_cols=2,
)

POWS_1945_1947 = OverviewMap(
    name="pows_1945_1947",
    extent=(104.6, 47.3, 108.4, 50.6),
    projection=SELENGE_TM,
    labels={
        "naushki": Label("Naushki", dx=-6, dy=4, ha="right"),
        "sukhbaatar-town": Label("Sükhbaatar", dx=-7, dy=-6, ha="right"),
        "altanbulag": Label("Altanbulag", dx=6, dy=3),
        "zuunburen-jargalant": Label("Zuunbüren", dx=-6, dy=-3, ha="right"),
        "zuunkharaa": Label("Zuunkharaa", dx=6, dy=0),
        "nalaikh": Label("Nalaikh", dx=6, dy=-4),
        "ulaanbaatar": Label("Ulaanbaatar", dx=-7, dy=5, ha="right"),
    },
    area_labels=(
        ("MONGOLIA", 105.6, 48.2, {"fontsize": 9}),
        ("RUSSIA (USSR)", 107.75, 50.5, {"fontsize": 7.5}),
    ),
    highlight=("Mongolia",),
    credits=f"{SELENGE_TM.caption}. Rivers: GSHHG 2.3.6 (Wessel and Smith), LGPL-3.0; borders: Natural "
    f"Earth. {_PLACES}. The transfer route is schematic.",
    scale_km=50,
    main_width=0.52,
    river_layer="basemap_selenge",
    locator=(1.06, 0.66, 0.8, 0.34),
    detail=Detail(
        extent=(106.86, 47.895, 106.975, 48.01),
        rect=(1.06, 0.0, 0.8, 0.6),
        labels={
            "government-palace": Label("Government Palace", dx=-6, dy=5, ha="right"),
            "num": Label("National University", dx=6, dy=4),
            "national-library": Label("National Library", dx=6, dy=-5),
            "dambadarjaa-memorial": Label("Dambadarjaa memorial", dx=-6, dy=-5, ha="right"),
        },
        title="Central Ulaanbaatar",
        scale_km=2,
    ),
)

MONGOLIA_JAPAN_TODAY = OverviewMap(
    name="mongolia_japan_today",
    extent=(87.0, 33.0, 146.0, 55.0),
    projection=NORTHEAST_ASIA_LCC,
    labels={
        "ulaanbaatar-today": Label("Ulaanbaatar", dx=-7, dy=6, ha="right"),
        "oyu-tolgoi": Label("Oyu Tolgoi", dx=-6, dy=-5, ha="right"),
        "tavan-tolgoi": Label("Tavan Tolgoi", dx=-6, dy=4, ha="right"),
        "zamyn-uud": Label("Zamyn-Üüd", dx=6, dy=3),
        "tianjin-port": Label("Tianjin port", dx=6, dy=-3),
        "beijing": Label("Beijing", dx=-6, dy=0, ha="right"),
        "ulan-ude": Label("Ulan-Ude", dx=6, dy=3),
    },
    area_labels=(
        ("MONGOLIA", 102.0, 46.6, {"fontsize": 10, "color": style.TEXT}),
        ("RUSSIA", 112.0, 53.3, {"fontsize": 10}),
        ("CHINA", 104.0, 37.5, {"fontsize": 10}),
        ("JAPAN", 139.5, 36.9, {"fontsize": 10, "color": style.TEXT}),
        ("KOREA", 127.3, 39.8, {"fontsize": 7.5}),
    ),
    highlight=("Mongolia", "Japan"),
    credits=f"{NORTHEAST_ASIA_LCC.caption}. Borders and coastlines: Natural Earth. {_PLACES}; airports: "
    "airportsdata. Rail corridors are schematic: straight lines between sourced stations.",
    north=None,
    graticule=10,
    legend_cols=3,
    detail=Detail(
        extent=(106.55, 47.55, 107.1, 48.08),
        rect=(0.735, 0.50, 0.255, 0.44),
        labels={
            "ulaanbaatar-today": Label("Ulaanbaatar", dx=-6, dy=-6, ha="right"),
            "chinggis-khaan-airport": Label("Chinggis Khaan\nairport (yen loans)", dx=-5, dy=10, ha="right"),
            "buyant-ukhaa-airport": Label("Buyant-Ukhaa", dx=6, dy=-5),
            "dambadarjaa-memorial-today": Label("Dambadarjaa\nmemorial", dx=-6, dy=3, ha="right"),
        },
        title="Ulaanbaatar",
        scale_km=10,
    ),
)

#: The four overview maps, by the name of their ``map_*`` resource.
OVERVIEW_MAPS: dict[str, OverviewMap] = {
    m.name: m for m in (INVASIONS_1274_1281, MANCHURIA_1945, POWS_1945_1947, MONGOLIA_JAPAN_TODAY)
}
