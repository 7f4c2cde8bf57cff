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

    from mjbook.bib import short_citation

    rows = events.sort_values(["date", "id"])
    return pd.DataFrame(
        {
            "Date": [
                format_date(d, p) + (" (Julian)" if c == "julian" else "")
                for d, p, c in zip(rows["date"], rows["date_precision"], rows["calendar"], strict=True)
            ],
            "Event": rows["event"].values,
            "Category": rows["category"].values,
            "Sources": ["; ".join(short_citation(k.strip()) for k in s.split(";")) for s in rows["source"]],
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

    from mjbook.bib import short_citation

    return pd.DataFrame(
        {
            "Claim": claims["id"].values,
            "Document": claims["document"].map(labels).values,
            "What it says (paraphrase)": claims["claim"].values,
            "Verdict": claims["verdict"].values,
            "What the sources say": claims["correct_fact"].fillna("").values,
            "Sources": ["; ".join(short_citation(k.strip()) for k in s.split(";")) for s in claims["source"]],
        }
    )


def glossary(terms: pd.DataFrame) -> pd.DataFrame:
    """The glossary as a display table; native forms wrapped in language-tagged spans for the web."""
    import pandas as pd

    from mjbook.bib import short_citation

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
            "Sources": ["; ".join(short_citation(k.strip()) for k in s.split(";")) for s in rows["source"]],
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
