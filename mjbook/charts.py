"""The book's charts, in the house style of :mod:`mjbook.style`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mjbook import style
from mjbook.bib import short_citation

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
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


# ---------------------------------------------------------------------------------------------
# Aid and trade

#: Unit conversions to a common unit; only scale changes, never currency conversion.
TO_USD_MILLION = {"usd_thousand": 1e-3, "usd_million": 1.0}
TO_JPY_MILLION = {"jpy_million": 1.0, "jpy_100million": 100.0, "jpy_billion": 1000.0}

AID_TYPES: dict[str, tuple[str, str, str]] = {
    "loan": ("o", style.OKABE_ITO["blue"], "Loan"),
    "grant": ("s", style.OKABE_ITO["bluish_green"], "Grant"),
    "emergency": ("^", style.OKABE_ITO["vermillion"], "Emergency grant"),
    "grassroots_grant": ("v", style.OKABE_ITO["reddish_purple"], "Grassroots grant"),
    "technical_cooperation": ("D", style.OKABE_ITO["sky_blue"], "Technical cooperation"),
}


def _annotate_events(ax: Axes, events: list[tuple[float, str]], y: float = 0.97) -> None:
    """Vertical dotted lines with short labels at the top of an axis (x in data units)."""
    for i, (x, text) in enumerate(events):
        ax.axvline(x, color=style.MUTED, linestyle=":", linewidth=0.8, zorder=1)
        ax.text(
            x,
            y - 0.07 * (i % 2),
            f" {text}",
            transform=ax.get_xaxis_transform(),
            fontsize=6.5,
            color=style.MUTED,
            va="top",
            ha="left",
        )


def net_oda_received(annual: pd.DataFrame) -> Figure:
    """Net ODA received by Mongolia from all donors (World Bank WDI), current US$ million."""
    import matplotlib.pyplot as plt

    rows = annual[(annual["series"] == "net_oda_received") & (annual["donor"] == "all_donors")]
    rows = rows.sort_values("year")
    fig, ax = plt.subplots(figsize=(7.0, 3.4))
    ax.plot(rows["year"].astype(int), rows["value"], color=style.OKABE_ITO["blue"], linewidth=1.8)
    ax.fill_between(rows["year"].astype(int), rows["value"], color=style.OKABE_ITO["blue"], alpha=0.12)
    ax.set_ylabel("US$ million, current prices")
    ax.set_xlim(int(rows["year"].min()), int(rows["year"].max()) + 1)
    ax.set_ylim(0, float(rows["value"].max()) * 1.25)
    ax.grid(axis="y")
    _annotate_events(
        ax,
        [
            (1990, "1990 democratic revolution"),
            (1991, "1991 first donor meeting, Tokyo"),
            (2017, "2017 policy loans"),
            (2020, "2020 COVID-19 loans"),
        ],
    )
    _integer_years(ax)
    return fig


def _integer_years(ax: Axes) -> None:
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=8))


def commitments_timeline(commitments: pd.DataFrame) -> Figure:
    """Dated commitments of Japanese aid in yen (log scale), by type; one marker per project."""
    import matplotlib.pyplot as plt
    import pandas as pd
    from matplotlib.lines import Line2D

    rows = commitments[(commitments["counted"]) & (commitments["currency"] == "JPY")].copy()
    rows["date"] = pd.to_datetime(rows["date"])
    fig, ax = plt.subplots(figsize=(7.0, 3.8))
    for kind, (marker, colour, _) in AID_TYPES.items():
        sub = rows[rows["type"] == kind]
        ax.scatter(
            sub["date"],
            sub["amount"],
            marker=marker,
            color=colour,
            s=26,
            alpha=0.9,
            edgecolors="white",
            linewidths=0.4,
            zorder=3,
        )
    ax.set_yscale("log")
    ax.set_ylabel("¥ million (log scale), as committed")
    ax.grid(axis="y", which="major")
    big = rows.nlargest(4, "amount").sort_values("date")
    offsets = [(-10, 8, "right"), (-14, 34, "right"), (-4, 58, "right"), (10, 22, "left")]
    for (_, r), (dx, dy, ha) in zip(big.iterrows(), offsets, strict=False):
        label = r["project"].split("(")[0].split(":")[0].strip()
        label = label if len(label) < 30 else label[:28] + "…"
        ax.annotate(
            f"{label} ({r['date']:%Y})",
            (r["date"], r["amount"]),
            xytext=(dx, dy),
            textcoords="offset points",
            ha=ha,
            fontsize=6.2,
            color=style.TEXT,
            arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5},
        )
    ax.set_ylim(top=float(rows["amount"].max()) * 12)
    _annotate_events(
        ax,
        [(pd.Timestamp("1990-03-01"), "1990 revolution"), (pd.Timestamp("2016-06-07"), "EPA in force")],
        y=0.25,
    )
    kinds = [k for k in AID_TYPES if k in set(rows["type"])]
    ax.legend(
        handles=[
            Line2D([], [], marker=AID_TYPES[k][0], color=AID_TYPES[k][1], linestyle="", label=AID_TYPES[k][2])
            for k in kinds
        ],
        loc="upper left",
        fontsize=7,
        ncol=3,
    )
    return fig


def bilateral_trade(bilateral: pd.DataFrame, milestones: pd.DataFrame) -> Figure:
    """Mongolia's exports to and imports from Japan (NSO, current US$ million), EPA marked."""
    import matplotlib.pyplot as plt
    import pandas as pd

    nso = bilateral[(bilateral["reporter"] == "mongolia_nso") & (bilateral["period"] == "annual")].copy()
    nso["usd_m"] = nso["value"] * nso["unit"].map(TO_USD_MILLION)
    fig, ax = plt.subplots(figsize=(7.0, 3.6))
    series = (
        ("mongolia_imports_from_japan", "Imports from Japan", style.SIDES["japan"], "-"),
        ("mongolia_exports_to_japan", "Exports to Japan", style.OKABE_ITO["blue"], "--"),
    )
    for flow, label, colour, ls in series:
        s = nso[nso["flow"] == flow].sort_values("year")
        ax.plot(
            s["year"].astype(int),
            s["usd_m"],
            color=colour,
            linestyle=ls,
            marker="o",
            markersize=3,
            linewidth=1.8,
            label=label,
        )
        last = s.iloc[-1]
        ax.annotate(
            f"{last['usd_m']:,.0f}",
            (int(last["year"]), last["usd_m"]),
            xytext=(4, 0),
            textcoords="offset points",
            fontsize=7,
            va="center",
            color=colour,
        )
    dates = pd.to_datetime(milestones["date"], format="mixed")
    signed = dates[milestones["event"].str.contains("signature", case=False)].min()
    in_force = dates[milestones["event"].str.startswith("Entry into force")].min()
    _annotate_events(
        ax,
        [
            (signed.year + signed.dayofyear / 365, "EPA signed 10 Feb 2015"),
            (in_force.year + in_force.dayofyear / 365, "in force 7 Jun 2016"),
        ],
    )
    ax.set_ylabel("US$ million, current prices")
    ax.set_ylim(0, float(nso["usd_m"].max()) * 1.2)
    ax.grid(axis="y")
    ax.legend(loc="center left", fontsize=7.5)
    _integer_years(ax)
    return fig


def export_concentration(by_partner: pd.DataFrame, partners: tuple[str, ...] = ("china", "japan")) -> Figure:
    """Share of Mongolia's exports going to China and to Japan, per cent, from NSO values."""
    import matplotlib.pyplot as plt

    ex = by_partner[(by_partner["flow"] == "exports") & by_partner["value"].notna()].copy()
    ex["usd_m"] = ex["value"] * ex["unit"].map(TO_USD_MILLION)
    world = ex[ex["partner"] == "world"].set_index("year")["usd_m"]
    fig, ax = plt.subplots(figsize=(7.0, 3.4))
    colours = {
        "china": style.OKABE_ITO["vermillion"],
        "japan": style.SIDES["japan"],
        "russia": style.OKABE_ITO["blue"],
    }
    for partner in partners:
        s = ex[ex["partner"] == partner].set_index("year")["usd_m"]
        share = (s / world).dropna() * 100
        ax.plot(
            share.index.astype(int),
            share.values,
            marker="o",
            markersize=3,
            color=colours.get(partner),
            linestyle="-" if partner == "china" else "--",
            label=partner.title(),
        )
        ax.annotate(
            f"{share.iloc[-1]:.1f} %",
            (int(share.index[-1]), share.iloc[-1]),
            xytext=(4, 0),
            textcoords="offset points",
            fontsize=7,
            va="center",
        )
    ax.set_ylabel("% of Mongolia's exports (US$ values)")
    ax.set_ylim(0, 100)
    ax.grid(axis="y")
    ax.legend(loc="center right", fontsize=7.5)
    _integer_years(ax)
    return fig


def cars_from_japan(cars: pd.DataFrame) -> Figure:
    """Passenger cars imported into Mongolia with Japan as country of origin (NSO counts)."""
    import matplotlib.pyplot as plt

    counts = cars[cars["measure"] == "count"].copy()
    counts = counts[counts["source"].str.startswith("nso")].sort_values("year")
    fig, ax = plt.subplots(figsize=(7.0, 3.2))
    ax.bar(counts["year"].astype(int), counts["value"], color=style.SIDES["japan"], width=0.7)
    ax.set_ylabel("passenger cars per year")
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{int(v):,}"))
    ax.grid(axis="y")
    ax.set_axisbelow(True)
    _integer_years(ax)
    return fig


def japan_among_donors(aiddata: pd.DataFrame, first: int = 1991, last: int = 2009, top: int = 10) -> Figure:
    """Japan among the donors to Mongolia in AidData's record: the largest donors over ``first``–``last``
    (left) and each year's commitments of Japan against all other recorded donors (right).

    One source, one price basis (AidData commitments, constant US$ of an unstated base year); sums are
    of recorded commitments only. Multilateral agencies are hatched: AidData's record of them is thin.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    span = aiddata[(aiddata["year"] >= first) & (aiddata["year"] <= last)].copy()
    span["usd_m"] = span["value"].astype(float) / 1e6
    totals = span.groupby(["donor", "donor_type"])["usd_m"].sum().sort_values(ascending=False).head(top)
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(7.0, 3.5), gridspec_kw={"width_ratios": [1, 1.2], "wspace": 0.45}
    )
    names = [d for d, _ in totals.index]
    for i, ((donor, kind), value) in enumerate(totals.items()):
        japan = donor == "Japan"
        left.barh(
            i,
            value,
            height=0.7,
            color=style.SIDES["japan"] if japan else "#9a9a9a",
            hatch="///" if kind == "multilateral" else None,
            edgecolor="white" if kind != "multilateral" else "#555555",
        )
        left.text(value + 20, i, f"{value:,.0f}", va="center", fontsize=7)
    short = {
        "International Development Association (World Bank)": "IDA (World Bank)",
        "International Monetary Fund": "IMF",
        "Korea, Republic of": "South Korea",
    }
    left.set_yticks(range(len(names)), [short.get(n, n) for n in names], fontsize=7.5)
    left.invert_yaxis()
    left.set_xlabel(f"US$ million, sum {first}–{last}")
    left.set_xlim(0, totals.max() * 1.25)
    left.legend(
        handles=[
            Patch(facecolor="#9a9a9a", label="bilateral"),
            Patch(facecolor="#9a9a9a", hatch="///", edgecolor="#555555", label="multilateral"),
        ],
        fontsize=7,
        loc="lower right",
    )
    yearly = span.assign(who=span["donor"].where(span["donor"] == "Japan", "all other recorded donors"))
    yearly = yearly.groupby(["year", "who"])["usd_m"].sum().unstack(fill_value=0)
    years = yearly.index.astype(int)
    right.bar(years, yearly["Japan"], color=style.SIDES["japan"], label="Japan", width=0.75)
    right.bar(
        years,
        yearly["all other recorded donors"],
        bottom=yearly["Japan"],
        color="#c8c8c8",
        label="all other recorded donors",
        width=0.75,
    )
    right.axvline(2002.5, color=style.MUTED, linestyle=":", linewidth=1)
    right.text(
        2002.3,
        right.get_ylim()[1] * 0.97,
        "more project records\nfrom 2003",
        ha="right",
        va="top",
        fontsize=6.5,
        color=style.MUTED,
    )
    right.set_ylabel("US$ million a year")
    right.legend(fontsize=7, loc="upper left", bbox_to_anchor=(0.0, 0.86))
    right.grid(axis="y")
    right.set_axisbelow(True)
    _integer_years(right)
    return fig


def trade_composition(by_commodity: pd.DataFrame, year: int = 2012) -> Figure:
    """What Mongolia buys from Japan and sells to Japan in ``year``: shares as published, per direction.

    Only the shares a source prints are drawn; the remainder is the part the source does not itemise,
    drawn hatched and labelled as such (not "other goods", which would be a claim of its own).
    """
    import matplotlib.pyplot as plt

    rows = by_commodity[(by_commodity["year"] == year) & by_commodity["share_percent"].notna()]
    flows = (
        ("mongolia_imports_from_japan", "Mongolia buys from Japan", style.SIDES["japan"]),
        ("mongolia_exports_to_japan", "Mongolia sells to Japan", style.SIDES["mongolia"]),
    )
    fig, axes = plt.subplots(1, 2, figsize=(7.0, 2.6), sharex=True, gridspec_kw={"wspace": 0.9})
    for ax, (flow, title, colour) in zip(axes, flows, strict=True):
        part = rows[rows["flow"] == flow].sort_values("share_percent", ascending=False)
        names = [str(c) for c in part["commodity"]] + ["not itemised by the source"]
        shares = [float(v) for v in part["share_percent"]]
        rest = round(100 - sum(shares), 1)
        y = range(len(names))
        ax.barh(list(y)[:-1], shares, color=colour, height=0.65)
        ax.barh(len(names) - 1, rest, color="white", edgecolor=style.MUTED, hatch="///", height=0.65)
        for i, v in enumerate([*shares, rest]):
            ax.text(v + 1.5, i, f"{v:g} %", va="center", fontsize=7.5, color=style.TEXT)
        ax.set_yticks(list(y), [n.replace(" (other than coal)", "\n(other than coal)") for n in names])
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_title(title, fontsize=9, loc="left")
        ax.set_xlabel(f"per cent of value, {year}")
    return fig


# ---------------------------------------------------------------------------------------------
# Back matter

CATEGORY_COLOURS: dict[str, str] = {
    "war": style.OKABE_ITO["vermillion"],
    "diplomacy": style.OKABE_ITO["blue"],
    "politics": style.OKABE_ITO["reddish_purple"],
    "aid": style.OKABE_ITO["bluish_green"],
    "trade": style.OKABE_ITO["orange"],
    "culture": style.OKABE_ITO["sky_blue"],
    "memory": "#555555",
}


#: The default panels of the chronology chart: the thirteenth century and the modern period.
CHRONOLOGY_SPANS: tuple[tuple[int, int], ...] = ((1260, 1300), (1900, 2026))


def chronology_timeline(
    events: pd.DataFrame, spans: tuple[tuple[int, int], ...] = CHRONOLOGY_SPANS
) -> Figure:
    """Events by year and category, one panel per span of years (by default 1266–1300 and 1900–2025).

    Events outside every span are counted in a note under the chart, so that none vanish silently.
    """
    import matplotlib.pyplot as plt
    import pandas as pd

    cats = list(CATEGORY_COLOURS)
    year = events["date"].dt.year + (events["date"].dt.dayofyear - 1) / 366
    ratios = [1, 4] if spans == CHRONOLOGY_SPANS else [hi - lo for lo, hi in spans]
    fig, axes = plt.subplots(
        1,
        len(spans),
        figsize=(7.0, 3.0),
        sharey=True,
        squeeze=False,
        gridspec_kw={"width_ratios": ratios, "wspace": 0.05},
    )
    panels = list(axes[0])
    for ax, (lo, hi) in zip(panels, spans, strict=True):
        for i, cat in enumerate(cats):
            sel = (events["category"] == cat) & (year >= lo) & (year <= hi)
            ax.scatter(
                year[sel],
                [i] * int(sel.sum()),
                s=14 if len(spans) > 1 else 22,
                color=CATEGORY_COLOURS[cat],
                alpha=0.8,
                edgecolors="none",
            )
        ax.set_xlim(lo, hi)
        ax.grid(axis="x")
        ax.set_axisbelow(True)
    panels[0].set_yticks(range(len(cats)), cats)
    panels[0].set_ylim(-0.7, len(cats) - 0.3)
    for ax in panels[1:]:
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
    if spans == CHRONOLOGY_SPANS:
        panels[0].set_xticks([1266, 1281])
    inside = pd.concat([(year >= lo) & (year <= hi) for lo, hi in spans], axis=1).any(axis=1)
    panels[-1].text(
        0.01,
        -0.2,
        f"Events of the chronology outside the years shown: {int((~inside).sum())}.",
        transform=panels[-1].transAxes,
        fontsize=6.5,
        color=style.MUTED,
    )
    return fig


def events_by_decade(events: pd.DataFrame) -> Figure:
    """Events of the chronology per decade, stacked by category (the thirteenth century at the left)."""
    import matplotlib.pyplot as plt
    import numpy as np

    decade = (events["date"].dt.year // 10) * 10
    table = events.assign(decade=decade).groupby(["decade", "category"]).size().unstack(fill_value=0)
    table = table.reindex(columns=list(CATEGORY_COLOURS), fill_value=0)
    early = [d for d in table.index if d < 1900]
    late = list(range(1900, int(table.index.max()) + 10, 10))
    table = table.reindex(early + late, fill_value=0)
    fig, ax = plt.subplots(figsize=(7.0, 3.3))
    x = np.arange(len(table)) + np.where(np.array(table.index) >= 1900, 1.0, 0.0)
    bottom = np.zeros(len(table))
    for cat in table.columns:
        ax.bar(
            x,
            table[cat],
            bottom=bottom,
            width=0.8,
            color=CATEGORY_COLOURS[cat],
            label=cat,
            edgecolor="white",
            linewidth=0.4,
        )
        bottom += table[cat].to_numpy()
    ax.set_xticks(x, [f"{d}s" for d in table.index], rotation=60, ha="right", fontsize=7)
    ax.set_ylabel("events in the chronology")
    ax.grid(axis="y")
    ax.set_axisbelow(True)
    gap = x[len(early)] - 1 if early else None
    if gap is not None:
        ax.text(gap, 0.5, "⋯", ha="center", va="bottom", fontsize=12, color=style.MUTED)
    ax.legend(
        ncol=7, fontsize=7, loc="lower left", bbox_to_anchor=(0, 1.0), handlelength=1.2, columnspacing=0.9
    )
    return fig


def cumulative_aid(cumulative: pd.DataFrame) -> Figure:
    """Japan's cumulative aid to Mongolia at the dates sources report it: yen by type (left) and
    press totals in US$ (right). Points are not joined: the sources' scopes differ."""
    import matplotlib.pyplot as plt
    import pandas as pd

    kinds = {  # the type names of oda_cumulative.csv, drawn as in the commitments chart
        "grant_aid": AID_TYPES["grant"],
        "loan_aid": AID_TYPES["loan"],
        "technical_cooperation": AID_TYPES["technical_cooperation"],
        "total": ("*", style.TEXT, "All types"),
    }
    rows = cumulative.assign(when=pd.to_datetime(cumulative["as_of"]))
    fig, (yen, usd) = plt.subplots(
        1, 2, figsize=(7.0, 3.4), gridspec_kw={"width_ratios": [3, 1.3], "wspace": 0.45}
    )
    for ax, currency, scale, unit in ((yen, "JPY", 0.1, "¥ billion"), (usd, "USD", 0.001, "US$ billion")):
        sel = rows[rows["currency"] == currency]
        for kind, (marker, colour, label) in kinds.items():
            part = sel[sel["type"] == kind]
            if part.empty:
                continue
            ax.scatter(
                part["when"].dt.year + (part["when"].dt.dayofyear - 1) / 366,
                part["value"] * scale,
                marker=marker,
                s=60 if marker == "*" else 36,
                color=colour,
                label=label,
                zorder=3,
            )
            for _, r in part.iterrows():
                ax.annotate(
                    f"{r['value'] * scale:,.1f}",
                    (r["when"].year + (r["when"].dayofyear - 1) / 366, r["value"] * scale),
                    xytext=(5, -2),
                    textcoords="offset points",
                    fontsize=6.5,
                    color=style.MUTED,
                )
        ax.set_ylabel(f"cumulative, {unit}")
        ax.set_ylim(0, None)
        ax.grid(axis="y")
        ax.set_axisbelow(True)
        _integer_years(ax)
    yen.set_title("Reported in yen", fontsize=9, loc="left")
    usd.set_title("Reported in US$", fontsize=9, loc="left")
    usd.set_xlim(2003, 2019)
    usd.set_xticks([2005, 2017])
    yen.legend(fontsize=7, loc="upper left")
    return fig


VERDICT_COLOURS: dict[str, str] = {
    "correct": style.OKABE_ITO["bluish_green"],
    "imprecise": style.OKABE_ITO["yellow"],
    "incorrect": style.OKABE_ITO["vermillion"],
    "unverifiable": "#bbbbbb",
}


def verdicts_by_document(ledger: pd.DataFrame, labels: dict[str, str]) -> Figure:
    """Stacked horizontal bars: claims per document by verdict, with counts."""
    import matplotlib.pyplot as plt

    table = ledger.groupby(["document", "verdict"]).size().unstack(fill_value=0)
    table = table.reindex(columns=list(VERDICT_COLOURS), fill_value=0)
    fig, ax = plt.subplots(figsize=(7.0, 2.6))
    left = [0] * len(table)
    hatches = {"incorrect": "///", "unverifiable": "..", "imprecise": "", "correct": ""}
    for verdict, colour in VERDICT_COLOURS.items():
        values = table[verdict].tolist()
        bars = ax.barh(
            [labels[d] for d in table.index],
            values,
            left=left,
            color=colour,
            label=verdict,
            hatch=hatches[verdict],
            edgecolor="white",
            linewidth=0.5,
        )
        for bar, v in zip(bars, values, strict=True):
            if v >= 3:
                ax.text(
                    bar.get_x() + bar.get_width() / 2,
                    bar.get_y() + bar.get_height() / 2,
                    str(v),
                    ha="center",
                    va="center",
                    fontsize=7,
                )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("number of checkable claims")
    ax.legend(ncol=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=7)
    return fig
