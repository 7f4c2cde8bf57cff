"""Self-hosted interactive maps for the HTML edition: inline SVG, a layer per phase, zoom and pan.

:func:`interactive_map` projects GeoDataFrames with the same :class:`~mjbook.geo.Projection` as the
static maps and writes them as one SVG, grouped into layers that readers switch on and off. A small
script of the book's own (``mjbook/static/interactive_map.js``, inlined into the output, so nothing
is fetched from any host) adds the check boxes, zoom buttons, mouse-wheel and keyboard zoom, and
drag to pan. Line widths, symbols and labels keep their size at every zoom level; the scale bar is
redrawn for the zoom shown.

The returned object displays as HTML in the HTML edition and in Jupyter, and as a short MyST
paragraph (``text/markdown``) in the PDF edition, which prints the static maps instead.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from mjbook import style
from mjbook.geo import Projection

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

#: Width of the SVG coordinate system (viewBox units, about CSS pixels at full width).
WIDTH = 960.0


@dataclass(frozen=True)
class Symbol:
    """How a layer's features look: colours, widths, dashes, point marker and label offsets."""

    stroke: str = style.TEXT
    width: float = 1.5
    fill: str = "none"
    fill_opacity: float = 1.0
    dash: str | None = None
    opacity: float = 1.0
    marker: str = "circle"  # circle, triangle, square, star (points only)
    radius: float = 4.0
    arrow: bool = False  # arrowhead at the end of each line


@dataclass(frozen=True)
class MapLabel:
    """A label for a feature (by id), offset in pixels from the feature's anchor point."""

    text: str
    dx: float = 7
    dy: float = -5
    anchor: str = "start"  # SVG text-anchor
    italic: bool = False
    lang: str | None = None


@dataclass(frozen=True)
class Layer:
    """One switchable layer (or the always-on base, ``toggle=False``)."""

    key: str  # used as data-layer and in element ids: [a-z0-9-]
    title: str  # the check box's label
    parts: Sequence[tuple[gpd.GeoDataFrame, Symbol]]
    labels: dict[str, MapLabel] = field(default_factory=dict)
    toggle: bool = True
    visible: bool = True


@dataclass(frozen=True)
class LegendItem:
    label: str
    symbol: Symbol
    geometry: str = "line"  # line, area or point


def _num(v: float) -> str:
    s = f"{v:.1f}"
    return "0" if s in ("0.0", "-0.0") else s.removesuffix(".0")


class _Frame:
    """Projected coordinates to SVG units: x to the right, y down, ``WIDTH`` units wide."""

    def __init__(self, bounds: Sequence[float]) -> None:
        self.xmin, self.ymin, self.xmax, self.ymax = bounds
        self.k = WIDTH / (self.xmax - self.xmin)
        self.height = (self.ymax - self.ymin) * self.k

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.xmin) * self.k, (self.ymax - y) * self.k

    def path(self, geom: BaseGeometry) -> str:
        parts: list[str] = []
        kind = geom.geom_type
        if kind.startswith("Multi") or kind == "GeometryCollection":
            return " ".join(self.path(g) for g in geom.geoms)
        rings = [geom.exterior, *geom.interiors] if kind == "Polygon" else [geom]
        for ring in rings:
            pts = [self.xy(x, y) for x, y, *_ in ring.coords]
            d = "M" + " L".join(f"{_num(px)},{_num(py)}" for px, py in pts)
            parts.append(d + ("Z" if kind == "Polygon" else ""))
        return " ".join(parts)


def _style_attrs(sym: Symbol, geom_type: str) -> str:
    area = geom_type in ("Polygon", "MultiPolygon")
    attrs = [
        f'stroke="{sym.stroke}"',
        f'stroke-width="{_num(sym.width)}"',
        f'fill="{sym.fill if area else "none"}"',
        'vector-effect="non-scaling-stroke"',
        'stroke-linejoin="round"',
        'stroke-linecap="round"',
    ]
    if area and sym.fill != "none" and sym.fill_opacity < 1:
        attrs.append(f'fill-opacity="{sym.fill_opacity}"')
    if sym.dash:
        attrs.append(f'stroke-dasharray="{sym.dash}"')
    if sym.opacity < 1:
        attrs.append(f'opacity="{sym.opacity}"')
    return " ".join(attrs)


_MARKERS = {
    "circle": lambda r: f'<circle r="{_num(r)}"',
    "square": lambda r: f'<rect x="{_num(-r)}" y="{_num(-r)}" width="{_num(2 * r)}" height="{_num(2 * r)}"',
    "triangle": lambda r: (
        f'<path d="M0,{_num(-1.2 * r)} L{_num(1.1 * r)},{_num(0.8 * r)} L{_num(-1.1 * r)},{_num(0.8 * r)}Z"'
    ),
    "star": lambda r: (
        '<path d="'
        + "M"
        + " L".join(
            f"{_num((r * 1.3 if i % 2 == 0 else r * 0.55) * math.sin(i * math.pi / 5))},"
            f"{_num(-(r * 1.3 if i % 2 == 0 else r * 0.55) * math.cos(i * math.pi / 5))}"
            for i in range(10)
        )
        + 'Z"'
    ),
}


def _marker(sym: Symbol) -> str:
    return _MARKERS[sym.marker](sym.radius) + f' fill="{sym.fill}" stroke="{sym.stroke}" stroke-width="1"/>'


def _anchor(geom: BaseGeometry) -> Any:
    if geom.geom_type == "Point":
        return geom
    if geom.geom_type in ("LineString", "MultiLineString"):
        return geom.interpolate(0.5, normalized=True)
    return geom.representative_point()


def _label_svg(label: MapLabel) -> str:
    attrs = [f'x="{_num(label.dx)}"', f'y="{_num(label.dy)}"', f'text-anchor="{label.anchor}"']
    if label.italic:
        attrs.append('font-style="italic"')
    if label.lang:
        attrs.append(f'lang="{label.lang}" xml:lang="{label.lang}"')
    lines = label.text.split("\n")
    if len(lines) == 1:
        return f"<text {' '.join(attrs)}>{html.escape(label.text)}</text>"
    spans = "".join(
        f'<tspan x="{_num(label.dx)}" dy="{0 if i == 0 else "1.15em"}">{html.escape(t)}</tspan>'
        for i, t in enumerate(lines)
    )
    return f"<text {' '.join(attrs)}>{spans}</text>"


def _pinned(x: float, y: float, inner: str) -> str:
    """A group at (x, y) whose content keeps its pixel size at any zoom (class ``mj-pin``)."""
    return f'<g transform="translate({_num(x)} {_num(y)})"><g class="mj-pin">{inner}</g></g>'


def _layer_svg(layer: Layer, frame: _Frame, proj: Projection, tolerance: float) -> str:
    out: list[str] = []
    pins: list[str] = []
    labelled: set[str] = set()
    for gdf, sym in layer.parts:
        projected = gdf.to_crs(proj.proj4)
        for idx, row in projected.iterrows():
            geom = row.geometry
            if geom is None or geom.is_empty:
                continue
            fid = str(row["id"]) if "id" in projected.columns else str(idx)
            if geom.geom_type == "Point":
                px, py = frame.xy(geom.x, geom.y)
                pins.append(_pinned(px, py, _marker(sym)))
            else:
                simple = geom.simplify(tolerance, preserve_topology=True)
                out.append(f'<path d="{frame.path(simple)}" {_style_attrs(sym, geom.geom_type)}/>')
                if sym.arrow and geom.geom_type == "LineString":
                    (x0, y0), (x1, y1) = (frame.xy(*c[:2]) for c in geom.coords[-2:])
                    angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
                    head = (
                        f'<path d="M2,0 L-10,-5.5 L-10,5.5Z" transform="rotate({_num(angle)})" '
                        f'fill="{sym.stroke}" opacity="{sym.opacity}"/>'
                    )
                    pins.append(_pinned(x1, y1, head))
            if fid in layer.labels and fid not in labelled:
                labelled.add(fid)
                a = _anchor(geom)
                ax, ay = frame.xy(a.x, a.y)
                pins.append(_pinned(ax, ay, _label_svg(layer.labels[fid])))
    hidden = "" if layer.visible else ' style="display:none"'
    return f'<g data-layer="{layer.key}"{hidden}>' + "".join(out) + "".join(pins) + "</g>"


def _legend_swatch(item: LegendItem) -> str:
    s = item.symbol
    if item.geometry == "area":
        body = (
            f'<rect x="2" y="3" width="24" height="12" fill="{s.fill}" fill-opacity="{s.fill_opacity}" '
            f'stroke="{s.stroke}" stroke-width="{s.width}"'
            + (f' stroke-dasharray="{s.dash}"' if s.dash else "")
        ) + "/>"
    elif item.geometry == "point":
        body = f'<g transform="translate(14 9)">{_marker(s)}</g>'
    else:
        body = (
            f'<line x1="2" y1="9" x2="{22 if s.arrow else 26}" y2="9" stroke="{s.stroke}" '
            f'stroke-width="{max(s.width, 1)}" opacity="{s.opacity}"'
            + (f' stroke-dasharray="{s.dash}"' if s.dash else "")
            + "/>"
            + (
                f'<path d="M28,9 L20,4.5 L20,13.5Z" fill="{s.stroke}" opacity="{s.opacity}"/>'
                if s.arrow
                else ""
            )
        )
    return (
        f'<svg class="mj-swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true">{body}</svg>'
    )


class InteractiveMap:
    """The map as displayed: HTML (inline SVG, controls, script) or, for the PDF, a MyST note."""

    def __init__(self, html_text: str, pdf_note: str) -> None:
        self.html = html_text
        self.pdf_note = pdf_note

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html, "text/markdown": self.pdf_note, "text/plain": self.pdf_note}


def _script() -> str:
    return files("mjbook").joinpath("static/interactive_map.js").read_text(encoding="utf-8")


def interactive_map(
    key: str,
    title: str,
    description: str,
    layers: Sequence[Layer],
    extent: tuple[float, float, float, float],
    projection: Projection,
    legend: Sequence[LegendItem],
    credits: str,
    pdf_note: str,
    tolerance_px: float = 0.4,
    max_zoom: float = 8.0,
) -> InteractiveMap:
    """An interactive SVG map: ``layers`` (base first), ``extent`` in lon/lat, ``legend`` below it.

    ``title`` and ``description`` are the SVG's accessible name and description; the visible caption
    is ``title``, with ``credits`` under the legend.
    """
    import geopandas as gpd
    from shapely.geometry import box

    frame_geom = box(*extent).segmentize(0.05)
    bounds = gpd.GeoSeries([frame_geom], crs=4326).to_crs(projection.proj4).total_bounds
    frame = _Frame(bounds)
    tolerance = tolerance_px / frame.k
    w, h = WIDTH, frame.height
    uid = f"mj-imap-{key}"
    body = [_layer_svg(layer, frame, projection, tolerance) for layer in layers]
    metres_per_unit = 1 / frame.k
    furniture = (
        '<g class="mj-furniture" aria-hidden="true">'
        f'<g transform="translate({_num(w - 34)} 20)">'
        f'<path d="M0,0 L8,22 L0,17 L-8,22Z" fill="{style.TEXT}"/>'
        f'<text x="0" y="36" text-anchor="middle" font-weight="bold">N</text></g>'
        f'<g class="mj-scale" transform="translate(16 {_num(h - 18)})">'
        f'<rect x="-6" y="-17" width="10" height="26" fill="{style.LAND}" fill-opacity="0.8" '
        'class="mj-scale-bg"/>'
        f'<line x1="0" y1="0" x2="100" y2="0" stroke="{style.TEXT}" stroke-width="3"/>'
        '<text x="0" y="-6" class="mj-scale-label">0 km</text></g></g>'
    )
    svg = (
        f'<svg class="mj-imap-svg" viewBox="0 0 {_num(w)} {_num(h)}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" data-metres-per-unit="{metres_per_unit:.3f}" '
        f'data-max-zoom="{max_zoom}" tabindex="0" '
        f'font-family="DejaVu Sans, Noto Sans CJK JP, sans-serif" font-size="12" fill="{style.TEXT}">'
        f'<title id="{uid}-title">{html.escape(title)}</title>'
        f'<desc id="{uid}-desc">{html.escape(description)}</desc>'
        f'<rect width="{_num(w)}" height="{_num(h)}" fill="{style.LAND}"/>'
        f'<g class="mj-viewport">{"".join(body)}</g>{furniture}</svg>'
    )
    boxes = "".join(
        f'<label><input type="checkbox" data-layer="{layer.key}"{" checked" if layer.visible else ""}> '
        f"{html.escape(layer.title)}</label>"
        for layer in layers
        if layer.toggle
    )
    controls = (
        f'<div class="mj-imap-controls"><fieldset><legend>Layers shown</legend>{boxes}</fieldset>'
        '<div class="mj-imap-zoom" role="group" aria-label="Zoom">'
        '<button type="button" data-zoom="in" aria-label="Zoom in">+</button>'
        '<button type="button" data-zoom="out" aria-label="Zoom out">−</button>'
        '<button type="button" data-zoom="reset">Reset view</button></div></div>'
    )
    legend_html = "".join(f"<li>{_legend_swatch(i)} {html.escape(i.label)}</li>" for i in legend)
    out = (
        f'<div class="mj-imap" id="{uid}" data-mj-imap="{key}">'
        f'<p class="mj-imap-caption"><strong>Interactive map.</strong> {html.escape(title)}. '
        "Switch the layers on and off; zoom with the buttons, the mouse wheel or the + and − keys, "
        "and drag (or use the arrow keys) to move the map.</p>"
        f'{controls}<div class="mj-imap-frame">{svg}</div>'
        f'<ul class="mj-imap-legend">{legend_html}</ul>'
        f'<p class="mj-imap-credits">{html.escape(credits)}</p>'
        f"<script>{_script()}</script></div>"
    )
    return InteractiveMap(out, pdf_note)
