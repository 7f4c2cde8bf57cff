"""Unit tests of mjbook.data: good data loads; each kind of bad data fails with file, row, field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mjbook import data
from mjbook.bib import entry_keys, known_keys
from mjbook.paths import DATA, DATAPACKAGE

TABLE_SCHEMA = {
    "primaryKey": ["id"],
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
        {"name": "year", "type": "year", "constraints": {"required": True, "minimum": 1900}},
        {"name": "value", "type": "number", "constraints": {"minimum": 0}},
        {"name": "count", "type": "integer"},
        {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
        {"name": "source", "type": "string", "constraints": {"required": True}},
    ],
}
GOOD_CSV = "id,year,value,count,kind,source\nx1,1939,1.5,3,a,coox1985nomonhan\nx2,1945,,,b,coox1985nomonhan\n"


@pytest.fixture()
def tiny_package(tmp_path: Path) -> Path:
    """A one-table data package in a temporary folder; returns the descriptor path."""
    (tmp_path / "t.csv").write_text(GOOD_CSV, encoding="utf-8")
    desc = {
        "name": "t",
        "resources": [{"name": "t", "path": "t.csv", "format": "csv", "schema": TABLE_SCHEMA}],
    }
    path = tmp_path / "datapackage.json"
    path.write_text(json.dumps(desc))
    return path


def test_good_table_loads_typed(tiny_package: Path) -> None:
    df = data.load_table("t", tiny_package)
    assert list(df["id"]) == ["x1", "x2"]
    assert str(df["year"].dtype) == "Int64"
    assert df.loc[0, "value"] == 1.5
    assert df["count"].isna().tolist() == [False, True]


@pytest.mark.parametrize(
    ("csv_text", "expected"),
    [
        ("id,year,value,count,kind\nx1,1939,1,1,a\n", "t.csv: header, field 'source': column missing"),
        (GOOD_CSV.replace("1.5", "lots"), "t.csv: row 1, field 'value': 'lots' is not a number"),
        (GOOD_CSV.replace(",a,", ",c,"), "t.csv: row 1, field 'kind': 'c' is not one of a, b"),
        (
            GOOD_CSV.replace("1945,,,b,coox1985nomonhan", "1945,,,b,nobody2020"),
            "t.csv: row 2, field 'source': source key nobody2020 is not in references.bib",
        ),
        (GOOD_CSV + "x1,1950,2,2,a,coox1985nomonhan\n", "t.csv: row 3, field 'id': duplicate value 'x1'"),
        (GOOD_CSV.replace("1939,1.5", "1939,-2"), "t.csv: row 1, field 'value': -2.0 is below the minimum 0"),
        (GOOD_CSV.replace("x2,1945", "x2,"), "t.csv: row 2, field 'year': is empty but required"),
        (GOOD_CSV.replace(",3,a,", ",3.5,a,"), "t.csv: row 1, field 'count': '3.5' is not an integer"),
        (GOOD_CSV + "x3,1950,2,2,a,coox1985nomonhan,extra\n", "t.csv: row 3, field '(extra cell)'"),
    ],
)
def test_bad_table_names_file_row_field(tiny_package: Path, csv_text: str, expected: str) -> None:
    (tiny_package.parent / "t.csv").write_text(csv_text, encoding="utf-8")
    with pytest.raises(data.DataError) as err:
        data.load_table("t", tiny_package)
    assert expected in str(err.value)


def test_multiple_source_keys_each_checked() -> None:
    fields = [{"name": "source", "type": "string", "constraints": {"required": True}}]
    ok = data.check_records([{"source": "coox1985nomonhan; wessel1996gshhg"}], fields, "x")
    assert ok[0]["source"] == "coox1985nomonhan; wessel1996gshhg"
    with pytest.raises(data.DataError, match="field 'source': source key bad2000"):
        data.check_records([{"source": "coox1985nomonhan;bad2000"}], fields, "x")


def _copy_features(tmp_path: Path) -> tuple[Path, dict]:
    """Copy the real Khalkhin Gol features and a descriptor pointing at the copy."""
    res = dict(data.resource("khalkhin_gol_features"))
    shutil.copy(DATA / res["path"], tmp_path / "f.geojson")
    res["path"] = "f.geojson"
    (tmp_path / "datapackage.json").write_text(json.dumps({"name": "t", "resources": [res]}))
    return tmp_path / "f.geojson", json.loads((tmp_path / "f.geojson").read_text())


def test_real_features_load(tmp_path: Path) -> None:
    path, _ = _copy_features(tmp_path)
    gdf = data.load_features("khalkhin_gol_features", path.parent / "datapackage.json")
    assert gdf.crs.to_epsg() == 4326
    assert gdf["id"].is_unique


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["features"][0]["properties"].update(confidence="certain"),
            "feature 1, field 'confidence': 'certain' is not one of",
        ),
        (
            lambda d: d["features"][1]["properties"].update(source="ghost1999"),
            "feature 2, field 'source': source key ghost1999",
        ),
        (
            lambda d: d["features"][3].update(geometry={"type": "Point", "coordinates": [10.0, 10.0]}),
            "feature 4, field 'geometry': outside the bounds",
        ),
        (
            lambda d: d["features"][2].update(
                geometry={
                    "type": "Polygon",
                    "coordinates": [[[118, 47.5], [119, 48], [119, 47.5], [118, 48], [118, 47.5]]],
                }
            ),
            "feature 3, field 'geometry': invalid",
        ),
        (
            lambda d: d["features"][0].update(geometry={"type": "LineString", "coordinates": "nope"}),
            "feature 1, field 'geometry': malformed",
        ),
        (lambda d: d["features"][0]["properties"].pop("kind"), "feature 1, field 'kind': missing"),
    ],
)
def test_bad_geojson_names_file_feature_field(tmp_path: Path, mutate, expected: str) -> None:
    path, doc = _copy_features(tmp_path)
    mutate(doc)
    path.write_text(json.dumps(doc))
    with pytest.raises(data.DataError) as err:
        data.load_features("khalkhin_gol_features", path.parent / "datapackage.json")
    assert "f.geojson" in str(err.value) and expected in str(err.value)


def test_truncated_geojson_reports_line(tmp_path: Path) -> None:
    path, _ = _copy_features(tmp_path)
    path.write_text('{"type": "FeatureCollection",\n "features": [')
    with pytest.raises(data.DataError, match=r"f.geojson: line 2: not valid JSON"):
        data.load_features("khalkhin_gol_features", path.parent / "datapackage.json")


def test_unknown_resource_lists_known_ones() -> None:
    with pytest.raises(KeyError, match="khalkhin_gol_features"):
        data.resource("no_such_thing")


def test_bibliography_keys_unique_and_known() -> None:
    keys = entry_keys()
    assert len(keys) == len(set(keys)), "duplicate keys in references.bib"
    assert "coox1985nomonhan" in known_keys()


def test_datapackage_is_the_real_one() -> None:
    assert DATAPACKAGE.exists() and data.resource_names()


def test_ordered_pair_rule() -> None:
    recs = [{"lo": 5, "hi": 3}]
    with pytest.raises(data.DataError, match="x.csv: row 1, field 'hi': 3 is below lo"):
        data.check_order(recs, [["lo", "hi"]], "x.csv")
    data.check_order([{"lo": 3, "hi": 3}], [["lo", "hi"]], "x.csv")


def test_dependencies_of_a_chapter(tmp_path: Path) -> None:
    from mjbook.depends import dependencies, fingerprint

    page = tmp_path / "p.md"
    page.write_text(
        "```{code-cell} ipython3\n:tags: [remove-cell]\n\nfrom mjbook import charts\n"
        'charts.casualty_figures(load_table("khalkhin_gol_casualties"))\n```\n'
    )
    names = {p.name for p in dependencies(page)}
    assert {
        "casualties.csv",
        "references.bib",
        "datapackage.json",
        "charts.py",
        "style.py",
        "bib.py",
    } <= names
    assert "maps.py" not in names and "features.geojson" not in names
    before = fingerprint(page)
    page.write_text(page.read_text().replace("charts", "maps"))
    assert fingerprint(page) != before


def test_datasets_page_depends_on_every_data_file(tmp_path: Path) -> None:
    from mjbook.depends import dependencies

    page = tmp_path / "p.md"
    page.write_text("```{code-cell} ipython3\nfrom mjbook import tables\ntables.datasets()\n```\n")
    files = set(dependencies(page))
    assert all(DATA / data.resource(n)["path"] in files for n in data.resource_names())


def test_the_build_tracks_every_notebook_page_of_the_toc() -> None:
    """Stale outputs are dropped for back-matter notebooks too (the data-and-methods page lists every
    dataset): the build fingerprints every page of the table of contents that executes code."""
    import importlib.util

    from mjbook.paths import ROOT

    spec = importlib.util.spec_from_file_location("build_book", ROOT / "scripts" / "build_book.py")
    build_book = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_book)
    tracked = {p.relative_to(ROOT).as_posix() for p in build_book.chapters()}
    assert {"back/data_methods.md", "back/chronology.md", "chapters/03_khalkhin_gol.md"} <= tracked
    assert "about/edition.md" not in tracked  # no code cell: nothing to execute
