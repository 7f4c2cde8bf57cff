"""Load and validate the book's datasets.

``data/datapackage.json`` (a Frictionless Data Package) is the single description of every file.
This module reads the schema of each resource from it and checks every row before returning data:
column names, types, required values, allowed values, ranges, unique keys and — for every field
called ``source`` — that each key resolves in ``references.bib``. A problem raises
:class:`DataError` with a one-line message naming the file, the row and the field, so a chapter
never plots bad data and the build stops where the data are wrong.

GeoJSON resources describe their feature properties under ``x-feature-properties`` (same field
syntax as a table schema) and may give ``x-bounds`` (lon/lat box every feature must lie in).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mjbook.bib import known_keys
from mjbook.paths import BIBLIOGRAPHY, DATA, DATAPACKAGE, ROOT

if TYPE_CHECKING:  # imported lazily at run time to keep `import mjbook.data` cheap
    import geopandas as gpd
    import pandas as pd

SOURCE_SEPARATOR = ";"


class DataError(ValueError):
    """A dataset breaks its schema. The message names file, row and field."""


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


@lru_cache(maxsize=4)
def _package_cached(path: str, mtime: float) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def package(path: Path = DATAPACKAGE) -> dict[str, Any]:
    """Return the parsed data package descriptor."""
    p = Path(path)
    return _package_cached(str(p), p.stat().st_mtime)


def resource(name: str, datapackage: Path = DATAPACKAGE) -> dict[str, Any]:
    """Return the descriptor of one resource of the data package by its ``name``."""
    for res in package(datapackage)["resources"]:
        if res["name"] == name:
            return res
    names = ", ".join(r["name"] for r in package(datapackage)["resources"])
    raise KeyError(f"no resource {name!r} in {_rel(Path(datapackage))}; known: {names}")


def resource_names(datapackage: Path = DATAPACKAGE) -> list[str]:
    """Names of all resources in the data package, in descriptor order."""
    return [r["name"] for r in package(datapackage)["resources"]]


# ---------------------------------------------------------------------------------------------
# Cell checks


def split_sources(value: str) -> list[str]:
    """Split a ``source`` cell (one key, or several separated by ``;``) into keys."""
    return [k.strip() for k in value.split(SOURCE_SEPARATOR) if k.strip()]


def _convert(raw: str, field: dict[str, Any]) -> Any:
    """Convert one non-empty cell to the field's type; raise ValueError with a short reason."""
    ftype = field.get("type", "string")
    if ftype == "string":
        return raw
    if ftype == "integer":
        if not re.fullmatch(r"-?\d+", raw):
            raise ValueError(f"{raw!r} is not an integer")
        return int(raw)
    if ftype == "number":
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not a number") from None
        if not math.isfinite(value):
            raise ValueError(f"{raw!r} is not a finite number")
        return value
    if ftype == "year":
        if not re.fullmatch(r"\d{4}", raw):
            raise ValueError(f"{raw!r} is not a four-digit year")
        return int(raw)
    if ftype == "date":
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not an ISO date (YYYY-MM-DD)") from None
    if ftype == "boolean":
        if raw not in ("true", "false"):
            raise ValueError(f"{raw!r} is not true/false")
        return raw == "true"
    raise ValueError(f"unsupported field type {ftype!r} in the schema")


def _check_value(raw: str, field: dict[str, Any], bib: frozenset[str]) -> Any:
    cons = field.get("constraints", {})
    if raw == "":
        if cons.get("required"):
            raise ValueError("is empty but required")
        return None
    value = _convert(raw, field)
    if "enum" in cons and raw not in cons["enum"]:
        raise ValueError(f"{raw!r} is not one of {', '.join(cons['enum'])}")
    if "minimum" in cons and value < cons["minimum"]:
        raise ValueError(f"{value} is below the minimum {cons['minimum']}")
    if "maximum" in cons and value > cons["maximum"]:
        raise ValueError(f"{value} is above the maximum {cons['maximum']}")
    if "pattern" in cons and not re.fullmatch(cons["pattern"], raw):
        raise ValueError(f"{raw!r} does not match the pattern {cons['pattern']}")
    if "maxLength" in cons and len(raw) > cons["maxLength"]:
        raise ValueError(f"is longer than {cons['maxLength']} characters")
    if field["name"] == "source":
        unknown = [k for k in split_sources(raw) if k not in bib]
        if unknown:
            raise ValueError(f"source key {', '.join(unknown)} is not in {_rel(BIBLIOGRAPHY)}")
    return value


def check_records(
    records: Iterable[dict[str, str]],
    fields: list[dict[str, Any]],
    where: str,
    row_label: str = "row",
    primary_key: list[str] | None = None,
    bib: frozenset[str] | None = None,
) -> list[dict[str, Any]]:
    """Validate and convert records (dicts of strings) against a list of schema fields.

    Rows are numbered from 1 (the first data row). Raises :class:`DataError` on the first problem.
    """
    bib = known_keys() if bib is None else bib
    names = [f["name"] for f in fields]
    seen: dict[tuple[Any, ...], int] = {}
    unique_seen: dict[str, dict[Any, int]] = {
        f["name"]: {} for f in fields if f.get("constraints", {}).get("unique")
    }
    out = []
    for n, rec in enumerate(records, start=1):
        missing = [k for k in names if k not in rec]
        if missing:
            raise DataError(f"{where}: {row_label} {n}, field '{missing[0]}': missing")
        converted: dict[str, Any] = {}
        for field in fields:
            name = field["name"]
            raw = rec[name]
            raw = "" if raw is None else str(raw).strip()
            try:
                converted[name] = _check_value(raw, field, bib)
            except ValueError as exc:
                raise DataError(f"{where}: {row_label} {n}, field '{name}': {exc}") from None
            if name in unique_seen and raw != "":
                if raw in unique_seen[name]:
                    first = unique_seen[name][raw]
                    raise DataError(
                        f"{where}: {row_label} {n}, field '{name}': "
                        f"duplicate value {raw!r} (first in {row_label} {first})"
                    )
                unique_seen[name][raw] = n
        if primary_key:
            key = tuple(converted[k] for k in primary_key)
            if key in seen:
                raise DataError(
                    f"{where}: {row_label} {n}, field '{primary_key[0]}': duplicate key "
                    f"{key} (first in {row_label} {seen[key]})"
                )
            seen[key] = n
        for extra in rec:
            if extra not in names and extra not in ("geometry",):
                raise DataError(f"{where}: {row_label} {n}, field '{extra}': not in the schema")
        out.append(converted)
    return out


# ---------------------------------------------------------------------------------------------
# Tables


def _primary_key(schema: dict[str, Any]) -> list[str] | None:
    pk = schema.get("primaryKey")
    if pk is None:
        return None
    return [pk] if isinstance(pk, str) else list(pk)


def read_table_records(
    path: Path, schema: dict[str, Any], bib: frozenset[str] | None = None
) -> list[dict[str, Any]]:
    """Read a CSV file and validate it against a Table Schema; return typed records."""
    where = _rel(path)
    fields = schema["fields"]
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            expected = [f["name"] for f in fields]
            for name in expected:
                if name not in header:
                    raise DataError(f"{where}: header, field '{name}': column missing")
            for name in header:
                if name not in expected:
                    raise DataError(f"{where}: header, field '{name}': column not in the schema")
            rows = list(reader)
    except UnicodeDecodeError as exc:
        raise DataError(f"{where}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    for n, row in enumerate(rows, start=1):
        if None in row:  # more cells than header columns
            raise DataError(f"{where}: row {n}, field '(extra cell)': more cells than columns")
    records = check_records(rows, fields, where, primary_key=_primary_key(schema), bib=bib)
    check_order(records, schema.get("x-ordered", []), where)
    return records


def check_order(records: list[dict[str, Any]], pairs: list[list[str]], where: str) -> None:
    """Check ``x-ordered`` rules: for each ``[low, high]`` pair, ``low <= high`` in every row."""
    for n, rec in enumerate(records, start=1):
        for low, high in pairs:
            if rec[low] is not None and rec[high] is not None and rec[low] > rec[high]:
                raise DataError(f"{where}: row {n}, field '{high}': {rec[high]} is below {low} ({rec[low]})")


def load_table(name: str, datapackage: Path = DATAPACKAGE) -> pd.DataFrame:
    """Load a tabular resource as a validated, typed :class:`pandas.DataFrame`.

    Integer columns with gaps become pandas' nullable ``Int64``; dates become ``datetime64``.
    """
    import pandas as pd

    res = resource(name, datapackage)
    path = Path(datapackage).parent / res["path"]
    records = read_table_records(path, res["schema"])
    df = pd.DataFrame.from_records(records, columns=[f["name"] for f in res["schema"]["fields"]])
    for field in res["schema"]["fields"]:
        col = field["name"]
        if field.get("type") in ("integer", "year"):
            df[col] = df[col].astype("Int64")
        elif field.get("type") == "number":
            df[col] = df[col].astype("float64")
        elif field.get("type") == "date":
            df[col] = pd.to_datetime(df[col])
    df.attrs["resource"] = name
    df.attrs["path"] = _rel(path)
    return df


# ---------------------------------------------------------------------------------------------
# GeoJSON


def read_feature_records(
    path: Path, res: dict[str, Any], bib: frozenset[str] | None = None
) -> tuple[list[dict[str, Any]], list[Any]]:
    """Read a GeoJSON FeatureCollection and validate properties and geometries.

    Returns (validated properties, shapely geometries). Features are numbered from 1.
    """
    from shapely.geometry import box, shape
    from shapely.validation import explain_validity

    where = _rel(path)
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{where}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    if doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise DataError(f"{where}: not a GeoJSON FeatureCollection")
    fields = res["x-feature-properties"]["fields"]
    props = []
    geoms = []
    bounds = res.get("x-bounds")
    frame = box(*bounds) if bounds else None
    for n, feat in enumerate(doc["features"], start=1):
        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            raise DataError(f"{where}: feature {n}, field 'type': not a GeoJSON Feature")
        try:
            geom = shape(feat.get("geometry") or {})
        except Exception as exc:  # shapely raises several types for malformed geometry
            raise DataError(f"{where}: feature {n}, field 'geometry': malformed ({exc})") from None
        if geom.is_empty:
            raise DataError(f"{where}: feature {n}, field 'geometry': empty")
        if not geom.is_valid:
            why = explain_validity(geom)
            raise DataError(f"{where}: feature {n}, field 'geometry': invalid ({why})")
        if frame is not None and not frame.contains(geom):
            raise DataError(f"{where}: feature {n}, field 'geometry': outside the bounds {bounds}")
        geoms.append(geom)
        props.append({k: ("" if v is None else str(v)) for k, v in (feat.get("properties") or {}).items()})
    records = check_records(
        props,
        fields,
        where,
        row_label="feature",
        primary_key=_primary_key(res["x-feature-properties"]),
        bib=bib,
    )
    return records, geoms


def load_features(name: str, datapackage: Path = DATAPACKAGE) -> gpd.GeoDataFrame:
    """Load a GeoJSON resource as a validated :class:`geopandas.GeoDataFrame` in EPSG:4326."""
    import geopandas as gpd

    res = resource(name, datapackage)
    path = Path(datapackage).parent / res["path"]
    records, geoms = read_feature_records(path, res)
    columns = [f["name"] for f in res["x-feature-properties"]["fields"]]
    gdf = gpd.GeoDataFrame(records, columns=columns, geometry=geoms, crs="EPSG:4326")
    gdf.attrs["resource"] = name
    gdf.attrs["path"] = _rel(path)
    return gdf


# ---------------------------------------------------------------------------------------------
# Whole package


def validate_resource(res: dict[str, Any], base: Path = DATA) -> None:
    """Validate one resource descriptor's file; raise :class:`DataError` on the first problem."""
    path = base / res["path"]
    if not path.exists():
        raise DataError(f"{_rel(path)}: listed in datapackage.json but missing")
    if res.get("format") == "geojson":
        read_feature_records(path, res)
    elif res.get("format") == "csv":
        read_table_records(path, res["schema"])
    else:
        raise DataError(f"{_rel(path)}: unsupported format {res.get('format')!r} in datapackage.json")


def unlisted_files(base: Path = DATA, datapackage: Path = DATAPACKAGE) -> list[Path]:
    """Data files (CSV/GeoJSON) under ``data/`` that the data package does not describe."""
    listed = {(base / r["path"]).resolve() for r in package(datapackage)["resources"]}
    found = [p for ext in ("*.csv", "*.geojson", "*.json") for p in base.rglob(ext)]
    return sorted(
        p for p in found if p.resolve() not in listed and p.resolve() != Path(datapackage).resolve()
    )


def validate_all(base: Path = DATA, datapackage: Path = DATAPACKAGE) -> list[str]:
    """Validate every resource; return a list of one-line error messages (empty when all pass)."""
    errors = []
    for res in package(datapackage)["resources"]:
        try:
            validate_resource(res, base)
        except DataError as exc:
            errors.append(str(exc))
    for path in unlisted_files(base, datapackage):
        errors.append(f"{_rel(path)}: data file not described in datapackage.json")
    return errors
