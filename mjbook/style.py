"""The house style: one palette, one set of fonts and figure defaults for every map and chart.

Colours follow the Okabe–Ito colour-blind-safe palette and are chosen to stay distinct in greyscale
print (a dark blue against a light orange). The same colour always means the same side:
:data:`SIDES` is used by maps and charts alike.
"""

from __future__ import annotations

from typing import Any

#: Okabe–Ito palette (colour-blind safe).
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: One colour per side, on every map and chart.
SIDES: dict[str, str] = {
    "japan_manchukuo": OKABE_ITO["orange"],
    "soviet_mongolian": OKABE_ITO["blue"],
    "japan": OKABE_ITO["orange"],
    "mongol_yuan": OKABE_ITO["blue"],
    "manchukuo": OKABE_ITO["reddish_purple"],
    "ussr": OKABE_ITO["blue"],
    "mongolia": OKABE_ITO["sky_blue"],
    "both": "#555555",
    "none": "#444444",
}

#: Readable labels of the sides.
SIDE_LABELS: dict[str, str] = {
    "japan_manchukuo": "Japan and Manchukuo",
    "soviet_mongolian": "USSR and Mongolia",
    "japan": "Japan",
    "mongol_yuan": "Mongol (Yuan) and Koryŏ forces",
    "manchukuo": "Manchukuo",
    "ussr": "USSR",
    "mongolia": "Mongolia",
    "both": "Both sides",
}

#: Areas in dispute (hatched as well as coloured, so they read without colour).
DISPUTED = OKABE_ITO["yellow"]

#: Base-map colours.
LAND = "#f4f1ea"
LAND_OTHER = "#e6e2d8"
WATER = "#c9e3f2"
RIVER = "#3a8dc1"
BORDER = "#333333"
TEXT = "#1a1a1a"
MUTED = "#666666"

FONT_FAMILY: list[str] = ["DejaVu Sans", "Noto Sans CJK JP"]

RC: dict[str, Any] = {
    "font.family": FONT_FAMILY,
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": TEXT,
    "axes.grid": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "legend.frameon": False,
    "legend.fontsize": 8,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.transparent": False,
    "savefig.bbox": "tight",
    "svg.hashsalt": "steppe-and-archipelago",  # stable SVG ids: identical files run to run
    "svg.fonttype": "path",  # text as paths: CJK labels need no reader fonts
    "pdf.fonttype": 42,
}


def use() -> None:
    """Apply the house style to matplotlib and ask notebooks for SVG (HTML) and PDF (LaTeX) figures.

    Call once at the top of a chapter: ``from mjbook import style; style.use()``.
    """
    import matplotlib as mpl

    mpl.rcParams.update(RC)
    try:  # inside IPython: vector figures for both editions
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        if get_ipython() is not None:
            set_matplotlib_formats("svg", "pdf")
    except ImportError:  # plain Python (tests): nothing to configure
        pass
