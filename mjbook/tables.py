"""Tables for both editions: a DataFrame rendered as a MyST Markdown table, which myst-nb turns into
an HTML table on the site and a (long) LaTeX table in the PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    from IPython.display import Markdown


def _cell(value: object) -> str:
    text = "" if value is None or value != value else str(value)  # NaN -> empty
    return text.replace("|", "\\|").replace("\n", " ")


def _citations(sources: str) -> str:
    """Short author–year labels for a ``;``-separated list of bibliography keys."""
    from mjbook.bib import short_citation

    return "; ".join(short_citation(key.strip()) for key in sources.split(";"))


def markdown_table(
    df: pd.DataFrame,
    columns: dict[str, str] | None = None,
    label: str | None = None,
    caption: str | None = None,
    html_class: str | None = None,
) -> Markdown:
    """Render ``df`` (optionally a subset of renamed ``columns``) as a MyST ``list-table``.

    ``label`` and ``caption`` make it a numbered, referable table; ``html_class`` lets the site's
    script add a filter box (``filterable``).
    """
    from IPython.display import Markdown

    data = df[list(columns)] if columns else df
    headers = list(columns.values()) if columns else [str(c) for c in df.columns]
    lines = [f"```{{list-table}} {caption or ''}".rstrip(), ":header-rows: 1"]
    if label:
        lines.append(f":name: {label}")
    if html_class:
        lines.append(f":class: {html_class}")
    lines.append("")
    lines.append("* - " + "\n  - ".join(headers))
    for row in data.itertuples(index=False):
        lines.append("* - " + "\n  - ".join(_cell(v) or " " for v in row))
    lines.append("```")
    return Markdown("\n".join(lines))


def yen_dollar_reconciliation(bilateral: pd.DataFrame) -> pd.DataFrame:
    """Side by side, for the years where both exist: Mongolia's NSO figures in US$ million and
    Japan's figures in ¥ million, per direction of trade. Units are rescaled, never converted
    between currencies."""
    import pandas as pd

    from mjbook.bib import short_citation

    usd = {"usd_thousand": 1e-3, "usd_million": 1.0}
    jpy = {"jpy_million": 1.0, "jpy_100million": 100.0, "jpy_billion": 1000.0}
    annual = bilateral[(bilateral["period"] == "annual") & (bilateral["flow"] != "total_turnover")].copy()
    nso = annual[annual["reporter"] == "mongolia_nso"].copy()
    nso["value_usd_m"] = nso["value"] * nso["unit"].map(usd)
    japan = annual[(annual["currency"] == "JPY")].copy()
    japan["value_jpy_m"] = japan["value"] * japan["unit"].map(jpy)
    merged = japan.merge(
        nso[["year", "flow", "value_usd_m", "source"]], on=["year", "flow"], suffixes=("_jp", "_mn")
    )
    merged["direction"] = merged["flow"].map(
        {"mongolia_exports_to_japan": "Mongolia → Japan", "mongolia_imports_from_japan": "Japan → Mongolia"}
    )
    out = pd.DataFrame(
        {
            "Year": merged["year"].astype(int),
            "Direction": merged["direction"],
            "Japan's figure (¥ million)": merged["value_jpy_m"].map(lambda v: f"{v:,.0f}"),
            "reported by": merged["source_jp"].map(short_citation),
            "Mongolia's NSO (US$ million)": merged["value_usd_m"].map(lambda v: f"{v:,.1f}"),
            "NSO source": merged["source_mn"].map(short_citation),
        }
    )
    return out.sort_values(["Year", "Direction"]).reset_index(drop=True)


def format_date(value: str, precision: str) -> str:
    """An ISO date written in full at its precision: '24 February 1972', 'March 1977', '1266'."""
    import datetime as dt

    d = dt.date.fromisoformat(str(value)[:10])
    if precision == "year":
        return str(d.year)
    if precision == "month":
        return f"{d:%B} {d.year}"
    return f"{d.day} {d:%B} {d.year}"


def chronology(events: pd.DataFrame) -> pd.DataFrame:
    """The chronology as a display table: date in words, event, category, short source citations."""
    import pandas as pd

    rows = events.sort_values(["date", "id"])
    return pd.DataFrame(
        {
            "Date": [
                format_date(d, p) + (" (Julian)" if c == "julian" else "")
                for d, p, c in zip(rows["date"], rows["date_precision"], rows["calendar"], strict=True)
            ],
            "Event": rows["event"].values,
            "Category": rows["category"].values,
            "Sources": [_citations(s) for s in rows["source"]],
        }
    )


def verdict_counts(ledger: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Claims by document (rows) and verdict (columns), with totals."""
    table = ledger.groupby(["document", "verdict"]).size().unstack(fill_value=0)
    table = table.reindex(columns=["correct", "imprecise", "incorrect", "unverifiable"], fill_value=0)
    table["total"] = table.sum(axis=1)
    table.loc["all"] = table.sum()
    table.index = [labels.get(d, "All three documents") for d in table.index]
    return table.rename_axis("Document").reset_index()


def ledger(claims: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The fact-check ledger as a display table with short citations of the checking sources."""
    import pandas as pd

    return pd.DataFrame(
        {
            "Claim": claims["id"].values,
            "Document": claims["document"].map(labels).values,
            "What it says (paraphrase)": claims["claim"].values,
            "Verdict": claims["verdict"].values,
            "What the sources say": claims["correct_fact"].fillna("").values,
            "Sources": [_citations(s) for s in claims["source"]],
        }
    )


def glossary(terms: pd.DataFrame) -> pd.DataFrame:
    """The glossary as a display table; native forms wrapped in language-tagged spans for the web."""
    import pandas as pd

    def tagged(values: pd.Series, lang: str) -> list[str]:
        return [f'<span lang="{lang}">{v}</span>' if v else "" for v in values.fillna("")]

    rows = terms.sort_values("term", key=lambda s: s.str.lower())
    return pd.DataFrame(
        {
            "Term": rows["term"].values,
            "Category": rows["kind"].values,
            "Mongolian": tagged(rows["mongolian"], "mn"),
            "Japanese": tagged(rows["japanese"], "ja"),
            "Russian": tagged(rows["russian"], "ru"),
            "Chinese": tagged(rows["chinese"], "zh"),
            "Definition": rows["definition"].values,
            "Sources": [_citations(s) for s in rows["source"]],
        }
    )


#: Workbench notebook that makes or checks each data folder.
WORKBENCH = {
    "basemap": "notebooks/basemap_extracts.ipynb",
    "khalkhin_gol": "notebooks/khalkhin_gol_features.ipynb",
    "aid": "notebooks/aid_trade_checks.ipynb",
    "trade": "notebooks/aid_trade_checks.ipynb",
}


def datasets() -> pd.DataFrame:
    """Every resource of data/datapackage.json: file, title, size in rows or features, licence,
    number of distinct sources, and the workbench notebook that makes or checks it."""
    import pandas as pd

    from mjbook.data import DATA, load_features, load_table, package, split_sources

    rows = []
    for res in package()["resources"]:
        frame = load_features(res["name"]) if res["format"] == "geojson" else load_table(res["name"])
        sources = {k for cell in frame["source"] for k in split_sources(cell)}
        folder = res["path"].split("/")[0]
        licences = ", ".join(lic["name"] for lic in res.get("licenses", package()["licenses"]))
        rows.append(
            {
                "File": f"data/{res['path']}",
                "Content": res["title"],
                "Rows": len(frame),
                "Sources": len(sources),
                "Licence": licences,
                "Made or checked by": WORKBENCH.get(folder, f"compiled by hand; see data/{folder}/README.md"),
            }
        )
        assert (DATA / folder / "README.md").exists()
    return pd.DataFrame(rows)


def relationship_in_numbers(
    annual: pd.DataFrame,
    bilateral: pd.DataFrame,
    by_partner: pd.DataFrame,
    cars: pd.DataFrame,
    years: tuple[int, ...] = (1990, 2005, 2016, 2022, 2024),
) -> pd.DataFrame:
    """A few indicators at benchmark years, each straight from one dataset row (blank where the
    series has no value for that year; nothing is interpolated)."""
    import pandas as pd

    from mjbook.bib import short_citation

    def pick(df: pd.DataFrame, scale: float, fmt: str) -> tuple[dict[str, str], set[str]]:
        df = df[df["value"].notna() & df["year"].isin(years)]
        if not df["year"].is_unique:
            raise ValueError(f"two values for one year in {sorted(df['year'])}: pick one series")
        by_year = {int(y): v for y, v in zip(df["year"], df["value"], strict=True)}
        cells = {str(y): (fmt.format(by_year[y] * scale) if y in by_year else "–") for y in years}
        return cells, set(df["source"])

    oda = annual[(annual["series"] == "net_oda_received") & (annual["donor"] == "all_donors")]
    nso = bilateral[(bilateral["reporter"] == "mongolia_nso") & (bilateral["period"] == "annual")]
    exports = by_partner[(by_partner["flow"] == "exports") & by_partner["value"].notna()]
    total = exports[exports["partner"] == "world"]
    china = exports[exports["partner"] == "china"]
    share = china.merge(total, on="year", suffixes=("", "_total"))
    share = share.assign(value=100 * share["value"] / share["value_total"])
    share_cells, share_src = pick(share, 1, "{:.0f}")
    share_src |= set(share["source_total"])
    imports_jp = nso[nso["flow"] == "mongolia_imports_from_japan"]
    exports_jp = nso[nso["flow"] == "mongolia_exports_to_japan"]
    rows = [
        ("Net ODA received by Mongolia, all donors (US$ million, current)", *pick(oda, 1, "{:,.0f}")),
        ("Mongolia's imports from Japan (US$ million, current)", *pick(imports_jp, 1e-3, "{:,.0f}")),
        ("Mongolia's exports to Japan (US$ million, current)", *pick(exports_jp, 1e-3, "{:,.1f}")),
        ("China's share of Mongolia's exports (%)", share_cells, share_src),
        (
            "Passenger cars imported from Japan (number)",
            *pick(cars[cars["measure"] == "count"], 1, "{:,.0f}"),
        ),
    ]
    return pd.DataFrame(
        [
            {"Indicator": name, **vals, "Source": "; ".join(sorted({short_citation(k) for k in src}))}
            for name, vals, src in rows
        ]
    )


def figures_by_source(figures: pd.DataFrame, measures: dict[str, str]) -> pd.DataFrame:
    """Competing figures for display: what is counted, the figure or range, as of when, who says so."""
    import pandas as pd

    def present(v: object) -> bool:
        return v is not None and v == v and v != ""

    def figure(r: pd.Series) -> str:
        if present(r["value"]):
            num = f"{float(r['value']):,.0f}"
        elif present(r["value_high"]):
            num = f"{float(r['value_low']):,.0f}–{float(r['value_high']):,.0f}"
        else:
            num = f"more than {float(r['value_low']):,.0f}"
        return num if r["unit"] == "persons" else f"{num} ({r['unit']})"

    rows = figures.assign(order=figures["measure"].map(list(measures).index)).sort_values(["order", "id"])
    return pd.DataFrame(
        {
            "What is counted": rows["measure"].map(measures).values,
            "Figure": [figure(r) for _, r in rows.iterrows()],
            "As of": rows["as_of"].fillna("").values,
            "Source": [_citations(s) for s in rows["source"]],
            "Notes": rows["notes"].fillna("").values,
        }
    )


def epa_milestones(milestones: pd.DataFrame) -> pd.DataFrame:
    """The EPA's milestones: date, event, source."""
    import pandas as pd

    rows = milestones.sort_values(["date", "id"])
    return pd.DataFrame(
        {
            "Date": [
                format_date(d + "-01" if len(d) == 7 else d, "month" if len(d) == 7 else "day")
                for d in rows["date"]
            ],
            "Event": rows["event"].values,
            "Source": [_citations(s) for s in rows["source"]],
        }
    )


#: What each measure of the prisoner-of-war figures counts, in the order the table lists them.
POW_MEASURES: dict[str, str] = {
    "arrived": "Arrived in Mongolia",
    "died": "Died",
    "repatriated": "Repatriated or retained",
    "graves_identified": "Graves and burial sites",
    "worked_sites": "Allocated to work sites",
}


#: How each denominator of a published donor share is described in the table.
SHARE_BASES: dict[str, str] = {
    "reported_development_cooperation": "of all development cooperation reported (all partners)",
    "bilateral_aid": "of all bilateral aid",
}


def donor_shares(shares: pd.DataFrame) -> pd.DataFrame:
    """Published shares of donors in aid to Mongolia: period, donor, share and its basis, rank, source."""
    import pandas as pd

    rows = shares.sort_values(["period", "id"])
    ranks = [
        "" if pd.isna(r) else f"{int(r)}" + (" (from the shares)" if b == "derived_from_shares" else "")
        for r, b in zip(rows["rank"], rows["rank_basis"], strict=True)
    ]
    return pd.DataFrame(
        {
            "Period": rows["period"].str.replace("-", "–").values,
            "Donor": rows["donor"].values,
            "Share": [
                f"{v:g} % {SHARE_BASES[d]}"
                for v, d in zip(rows["share_percent"], rows["denominator"], strict=True)
            ],
            "Rank": ranks,
            "Source": [_citations(s) for s in rows["source"]],
        }
    )
