"""The network picture of a child's links, drawn for the PDF with reportlab's own graphics
(the same layout as the page's SVG, rhi_assistant/links/network.py): the child on the left,
the linked people, vehicles, contacts and places in the middle, the other children (never
named in a summary) on the right. Vector shapes and real text, so the labels can be read,
searched and copied; the list of links printed beside it says the same in words."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from rhi_assistant import vocabulary
from rhi_assistant.links.network import Picture, layout
from rhi_assistant.reports import glyphs
from rhi_assistant.reports.data import NetworkThing
from rhi_assistant.reports.layout import FONT, FONT_BOLD, FRAME_WIDTH, INK, register_fonts

BLUE = colors.HexColor("#1d70b8")
GREY = colors.HexColor("#505a5f")
FILL = colors.HexColor("#f3f2f1")
LABEL = colors.HexColor("#484949")


def picture_for(child_label: str, things: list[NetworkThing]) -> Picture:
    """Lay out the chosen links: each other child is one node, whatever things tie them."""
    nodes = [(str(i), t.label, t.type) for i, t in enumerate(things)]
    ties = [(str(i), other, other) for i, t in enumerate(things) for other in t.others]
    return layout(child_label, nodes, ties)


def _fit(text: str, font: str, size: float, room: float) -> str:
    """The label cut to fit its box (with an ellipsis): a long one would run over its
    neighbours. The full text is in the list of links above the picture."""
    bold = font == FONT_BOLD
    if _width(glyphs.runs(text, bold=bold), size) <= room:
        return text
    while text and _width(glyphs.runs(text + "…", bold=bold), size) > room:
        text = text[:-1]
    return text.rstrip(" ,") + "…"


def _width(runs: list[glyphs.Run], size: float) -> float:
    return sum(stringWidth(r.text, r.font, size) for r in runs)


def _label(drawing: Drawing, centre: float, baseline: float, text: str, *, font: str,
           size: float, fill: Color) -> None:
    """A centred label drawn run by run, each in a font that has its characters (a Tigrinya
    name or an emoji printed in DejaVu alone would be empty boxes); a character no font has
    is drawn as a visible marker, as in the rest of the PDF."""
    runs = glyphs.runs(text, bold=font == FONT_BOLD)
    left = centre - _width(runs, size) / 2
    for run in runs:
        colour = colors.HexColor(glyphs.MARKER_COLOUR) if run.marked else fill
        drawing.add(String(left, baseline, run.text, fontName=run.font, fontSize=size,
                           fillColor=colour))
        left += stringWidth(run.text, run.font, size)


def _box(left: float, bottom: float, width: float, height: float, *, radius: float,
         fill: Color, edge: Color, stroke: float = 1) -> Rect:
    """A node's box (colours set after: the reportlab stubs mistype Rect's keywords)."""
    box = Rect(left, bottom, width, height, rx=radius, ry=radius)
    box.fillColor, box.strokeColor, box.strokeWidth = fill, edge, stroke
    return box


def network_drawing(picture: Picture, width: float = FRAME_WIDTH) -> Drawing:
    """The picture scaled to `width` points; SVG's y runs down, reportlab's up."""
    register_fonts()
    scale = width / picture.width
    drawing = Drawing(width, picture.height * scale)

    def x(value: float) -> float:
        return value * scale

    def y(value: float) -> float:
        return (picture.height - value) * scale

    for edge in picture.edges:
        drawing.add(Line(x(edge.source.x), y(edge.source.y), x(edge.target.x),
                         y(edge.target.y), strokeColor=GREY, strokeWidth=2 * scale))
    for node in picture.nodes:
        if node.kind in ("child", "other"):
            own = node.kind == "child"
            drawing.add(_box(x(node.x - 100), y(node.y + 18), x(200), x(36), radius=x(18),
                             fill=BLUE if own else colors.white, edge=BLUE, stroke=2 * scale))
            font, size = (FONT_BOLD if own else FONT), 15 * scale
            _label(drawing, x(node.x), y(node.y + 5), _fit(node.label, font, size, x(180)),
                   font=font, size=size, fill=colors.white if own else INK)
        else:
            drawing.add(_box(x(node.x - 115), y(node.y + 20), x(230), x(40), radius=0,
                             fill=FILL, edge=INK, stroke=scale))
            drawing.add(String(x(node.x), y(node.y - 4), vocabulary.entity_label(node.kind),
                               fontName=FONT, fontSize=11 * scale, fillColor=LABEL,
                               textAnchor="middle"))
            _label(drawing, x(node.x), y(node.y + 13), _fit(node.label, FONT, 14 * scale, x(215)),
                   font=FONT, size=14 * scale, fill=INK)
    return drawing
