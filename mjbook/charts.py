"""The book's charts, in the house style of :mod:`mjbook.style`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mjbook import style
from mjbook.bib import short_citation

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

#: How each kind of source is drawn in charts that compare sources (shape and colour, so the
#: distinction survives greyscale print). Side colours are kept for the sides themselves.
SOURCE_KINDS: dict[str, tuple[str, str, str]] = {
    "japanese_official": ("s", style.OKABE_ITO["vermillion"], "Japanese official data"),
    "soviet_era": ("v", style.OKABE_ITO["reddish_purple"], "Soviet-era claim"),
    "russian_archival": ("D", style.OKABE_ITO["bluish_green"], "Post-Soviet archival data"),
    "mongolian_official": ("P", style.OKABE_ITO["sky_blue"], "Mongolian official data"),
    "scholarly": ("o", style.OKABE_ITO["black"], "Scholarly study"),
    "press": ("X", "#888888", "Press or web report"),
    "reference": ("h", "#555555", "Reference work"),
}

MEASURE_LABELS: dict[str, str] = {
    "killed": "killed",
    "wounded": "wounded",
    "missing": "missing",
    "deaths": "deaths",
    "killed_wounded_missing": "killed, wounded, missing",
    "combat_casualties": "combat casualties",
    "noncombat_casualties": "sick (non-combat)",
    "total_casualties": "all casualties",
}


def casualty_figures(
    df: pd.DataFrame,
    sides: tuple[str, ...] = ("japan", "ussr", "mongolia"),
    measures: tuple[str, ...] = (
        "killed",
        "deaths",
        "killed_wounded_missing",
        "combat_casualties",
        "total_casualties",
    ),
) -> Figure:
    """Competing casualty figures, one panel per side, one row per source and measure.

    A single figure is a marker; a range is a line between two markers. Marker shape and colour give
    the kind of source. ``df`` is the ``khalkhin_gol_casualties`` resource.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    shown = df[df["side"].isin(sides) & df["measure"].isin(measures)].copy()
    shown["order"] = shown["measure"].map({m: i for i, m in enumerate(measures)})
    shown = shown.sort_values(["side", "order", "value_high", "id"])
    counts = [int((shown["side"] == s).sum()) for s in sides]
    fig, axes = plt.subplots(
        len(sides),
        1,
        figsize=(7.0, 0.24 * sum(counts) + 1.9),
        sharex=True,
        gridspec_kw={"height_ratios": [max(c, 1) for c in counts], "hspace": 0.12},
    )
    for ax, side in zip(axes, sides, strict=True):
        rows = shown[shown["side"] == side].reset_index(drop=True)
        for y, row in rows.iterrows():
            marker, colour, _ = SOURCE_KINDS[row["source_kind"]]
            lo, hi = int(row["value_low"]), int(row["value_high"])
            if hi > lo:
                ax.plot([lo, hi], [y, y], color=colour, linewidth=2, solid_capstyle="butt", zorder=2)
            ax.scatter(
                [lo, hi] if hi > lo else [lo],
                [y] * (2 if hi > lo else 1),
                marker=marker,
                color=colour,
                s=28,
                zorder=3,
                edgecolors="white",
                linewidths=0.4,
            )
            value = f"{lo:,}" if hi == lo else f"{lo:,}–{hi:,}"
            ax.annotate(
                value,
                (hi, y),
                xytext=(5, 0),
                textcoords="offset points",
                va="center",
                fontsize=6.5,
                color=style.MUTED,
            )
        labels = [
            f"{MEASURE_LABELS[m]} · {short_citation(k.split(';')[0])}"
            for m, k in zip(rows["measure"], rows["source"], strict=True)
        ]
        ax.set_yticks(range(len(rows)), labels, fontsize=7)
        ax.set_ylim(len(rows) - 0.4, -0.6)
        ax.set_title(
            style.SIDE_LABELS[side],
            loc="left",
            fontsize=9,
            fontweight="bold",
            color=style.SIDES[side] if side != "mongolia" else style.TEXT,
        )
        ax.grid(axis="x")
        ax.set_axisbelow(True)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
    axes[-1].set_xlabel("persons")
    axes[-1].xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{int(v):,}"))
    axes[-1].set_xlim(0, float(shown["value_high"].max()) * 1.12)
    kinds = [k for k in SOURCE_KINDS if k in set(shown["source_kind"])]
    handles = [
        Line2D(
            [],
            [],
            marker=SOURCE_KINDS[k][0],
            color=SOURCE_KINDS[k][1],
            linestyle="",
            label=SOURCE_KINDS[k][2],
        )
        for k in kinds
    ]
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=7, bbox_to_anchor=(0.5, -0.005))
    fig.subplots_adjust(bottom=0.55 / (0.24 * sum(counts) + 1.9) + 0.09)
    return fig
