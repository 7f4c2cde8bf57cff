"""The committed datasets: Frictionless-valid, schema-valid, sourced, documented and small."""

from __future__ import annotations

from pathlib import Path

import pytest
from frictionless import Package

from mjbook import data
from mjbook.paths import DATA, DATAPACKAGE, ROOT

RESOURCES = data.resource_names()


def test_frictionless_validates_the_data_package() -> None:
    report = Package(str(DATAPACKAGE)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_data_file_is_described() -> None:
    assert data.unlisted_files() == []


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_valid_and_sourced(name: str) -> None:
    res = data.resource(name)
    data.validate_resource(res)  # raises DataError naming file, row, field
    fields = res.get("schema", res.get("x-feature-properties"))["fields"]
    assert "source" in [f["name"] for f in fields], f"{name} has no source column"


@pytest.mark.parametrize("name", RESOURCES)
def test_resource_small_and_documented(name: str) -> None:
    path = DATA / data.resource(name)["path"]
    assert path.stat().st_size < 1_000_000, f"{path} is over 1 MB"
    readme = path.parent / "README.md"
    assert readme.exists(), f"{path.parent} has no README.md"
    assert path.name in readme.read_text(encoding="utf-8"), f"{readme} does not describe {path.name}"


@pytest.mark.parametrize("name", [n for n in RESOURCES if data.resource(n).get("format") == "geojson"])
def test_geojson_has_bounds_and_lonlat(name: str) -> None:
    res = data.resource(name)
    assert "x-bounds" in res
    gdf = data.load_features(name)
    assert gdf.crs.to_epsg() == 4326
    assert gdf.geometry.is_valid.all()


def test_historical_features_have_confidence_and_schematic_is_flagged() -> None:
    gdf = data.load_features("khalkhin_gol_features")
    assert set(gdf["confidence"]) <= {"high", "medium", "low", "schematic"}
    schematic = gdf[gdf["confidence"] == "schematic"]
    assert len(schematic) >= 1
    assert all("schematic" in n.lower() for n in schematic["name_en"]), "schematic features must say so"


def test_readme_for_every_data_folder() -> None:
    folders = {p.parent for p in DATA.rglob("*") if p.is_file() and p.suffix in {".csv", ".geojson"}}
    missing = [str(f) for f in folders if not (f / "README.md").exists()]
    assert missing == []
    assert (DATA / "README.md").exists()


def test_validate_cli_fails_on_bad_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m mjbook.validate` (the first build step) exits 1 with file, row and field."""
    import shutil
    import subprocess
    import sys

    from mjbook.paths import ROOT

    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "mjbook", copy / "mjbook")
    shutil.copytree(DATA, copy / "data")
    shutil.copy(ROOT / "references.bib", copy / "references.bib")
    feats = copy / "data" / "khalkhin_gol" / "features.geojson"
    feats.write_text(feats.read_text().replace('"confidence":"high"', '"confidence":"sure"', 1))
    proc = subprocess.run([sys.executable, "-m", "mjbook.validate"], cwd=copy, capture_output=True, text=True)
    assert proc.returncode == 1
    assert "data/khalkhin_gol/features.geojson: feature 1, field 'confidence'" in proc.stderr


def test_every_bibliography_field_renders() -> None:
    """A field that pybtex cannot read as LaTeX (an escaped brace, a doubled backslash) breaks the build."""
    import pybtex.database
    from pybtex.richtext import Text

    bad = []
    for key, entry in pybtex.database.parse_file(str(ROOT / "references.bib")).entries.items():
        for name, value in entry.fields.items():
            try:
                Text.from_latex(value)
            except Exception as exc:  # pybtex raises several types
                bad.append(f"{key}.{name}: {exc}")
    assert bad == []
