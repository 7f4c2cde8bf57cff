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
from mjbook.geo import KHALKHIN_GOL_TM, NORTHEAST_ASIA_LCC, Projection

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
    north: tuple[float, float] = (0.05, 0.93),
    locator: Sequence[float] | None = (0.755, 0.745, 0.23, 0.24),
) -> None:
    """Give a map its furniture: frame, scale bar, north arrow, locator inset and credits line."""
    _frame_axes(ax)
    add_scale_bar(ax, scale_km)
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
