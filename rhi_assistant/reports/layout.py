"""Page furniture shared by the printed documents: fonts, styles, marking and page numbers.

reportlab's built-in Helvetica covers Latin-1 only, so Welsh (ŵ ŷ), Polish (ł ż ś),
Arabic names and even some punctuation would print as black boxes. The fonts shipped in
``fonts/`` are embedded (as subsets) in every PDF so the document prints the same on any
machine: DejaVu for most text, with runs in Ge'ez script or emoji set in the fallback
fonts that ``glyphs`` picks per character.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from rhi_assistant.reports import glyphs

FONT = glyphs.PRIMARY
FONT_BOLD = glyphs.PRIMARY_BOLD
MARKING = "OFFICIAL-SENSITIVE"

INK = colors.HexColor("#0b0c0c")
MUTED = colors.HexColor("#505a5f")
ACCENT = colors.HexColor("#1d3557")
RULE = colors.HexColor("#b1b4b6")
LABEL_FILL = colors.HexColor("#f3f2f1")
NOTE_FILL = colors.HexColor("#fff7e6")
NOTE_EDGE = colors.HexColor("#f0a500")

MARGIN = 18 * mm
PAGE_WIDTH, PAGE_HEIGHT = A4
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN

def register_fonts() -> None:
    """Register the shipped fonts and their fallbacks once per process (the registry is global)."""
    glyphs.load_fonts()


def styles() -> dict[str, ParagraphStyle]:
    """The few paragraph styles the documents use; built per call so nothing is shared.

    Registers the fonts first: paragraphs resolve bold faces while they are parsed.
    """
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=13, textColor=INK, spaceAfter=2
    )
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11.5, textColor=MUTED),
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=19, leading=24, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=True,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=True,
        ),
        "h2_inline": ParagraphStyle(
            "h2_inline",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "h3_inline": ParagraphStyle(
            "h3_inline",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "label": ParagraphStyle("label", parent=body, fontName=FONT_BOLD, spaceAfter=0),
        "cell": ParagraphStyle("cell", parent=body, spaceAfter=0),
        "quote": ParagraphStyle(
            "quote", parent=body, leftIndent=10, textColor=INK, spaceBefore=1, spaceAfter=1
        ),
        "marking": ParagraphStyle(
            "marking", parent=body, fontName=FONT_BOLD, alignment=TA_CENTER, fontSize=10
        ),
    }


def esc(text: object, style: ParagraphStyle | None = None) -> str:
    """Escape user text for reportlab's mini-markup, keep its line breaks, and set each
    run of characters in a font that has them (see ``glyphs.markup``)."""
    return glyphs.markup(text, bold=style is not None and style.fontName == FONT_BOLD)


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text: always escaped, so ``<b>`` or ``&`` print as typed."""
    return Paragraph(esc(text, style), style)


def heading(text: str, style: ParagraphStyle) -> Flowable:
    return Paragraph(esc(text, style), style)


def headed(
    title: str, body: Sequence[Flowable], st: dict[str, ParagraphStyle], level: str = "h2"
) -> list[Flowable]:
    """A heading kept on the same page as the first thing under it.

    Done with an explicit KeepTogether because reportlab's keepWithNext did not hold
    before lists and tables at a page foot, leaving headings orphaned.
    """
    head = Paragraph(esc(title, st[f"{level}_inline"]), st[f"{level}_inline"])
    if not body:
        return [head]
    return [KeepTogether([head, body[0]]), *body[1:]]


def key_value_table(
    rows: Sequence[tuple[str, str | Sequence[str]]], st: dict[str, ParagraphStyle]
) -> Table:
    """Label/value rows; a list value prints one item per line."""
    data = []
    for label, value in rows:
        if isinstance(value, str):
            cell: Any = para(value, st["cell"])
        else:
            cell = Paragraph("<br/>".join(esc(v) for v in value), st["cell"])
        data.append([para(label, st["label"]), cell])
    table = Table(data, colWidths=[42 * mm, FRAME_WIDTH - 42 * mm], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # the default would be Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), LABEL_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def bullet_list(
    items: Iterable[str], st: dict[str, ParagraphStyle], *, numbered: bool = False, empty: str
) -> Flowable:
    """A bulleted (or numbered, for steps in order) list, or a plain 'none' line."""
    entries = [i for i in items if i and str(i).strip()]
    if not entries:
        return para(empty, st["small"])
    rows: list[Any] = [ListItem(para(i, st["body"]), leftIndent=14) for i in entries]
    return ListFlowable(
        rows,
        bulletType="1" if numbered else "bullet",
        bulletFormat="%s." if numbered else None,
        start=None if numbered else "\u2022",
        bulletFontName=FONT,
        bulletFontSize=9,
        leftIndent=14,
    )


def note_box(flowables: list[Flowable], *, fill: Any = NOTE_FILL, edge: Any = NOTE_EDGE) -> Table:
    """A shaded box with a bar on the left, for things a reader must not miss."""
    # One row per flowable, and rows may split, so a very long quote flows onto the
    # next page instead of failing the whole document.
    box = Table([[f] for f in flowables], colWidths=[FRAME_WIDTH], hAlign="LEFT", splitInRow=1)
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("LINEBEFORE", (0, 0), (0, -1), 3, edge),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return box


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


def _numbered_canvas(footer_left: str) -> type[canvas.Canvas]:
    """A canvas that holds pages back until the end, so each can say 'Page n of m'."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's own hook, not in its stubs

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            self.saveState()
            self.setFillColor(INK)
            self.setFont(FONT_BOLD, 10)
            self.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 11 * mm, MARKING)
            self.drawCentredString(PAGE_WIDTH / 2, 7 * mm, MARKING)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, 17 * mm, PAGE_WIDTH - MARGIN, 17 * mm)
            self.setFillColor(MUTED)
            self.setFont(FONT, 8)
            self.drawString(MARGIN, 13 * mm, footer_left)
            self.drawRightString(
                PAGE_WIDTH - MARGIN, 13 * mm, f"Page {self._pageNumber} of {total}"  # type: ignore[attr-defined]
            )
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list[Flowable], *, title: str, footer_left: str) -> bytes:
    """Lay the story out on A4 with the marking top and bottom and page numbers."""
    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=title,  # no child's name in metadata: it shows in file lists and previews
        author="rhi-assistant",
        subject=MARKING,
        creator="rhi-assistant",
        # Start every page in DejaVu, so no unembedded Helvetica is referenced at all.
        initialFontName=FONT,
        initialFontSize=9.5,
    )
    doc.build(story, canvasmaker=_numbered_canvas(footer_left))
    return out.getvalue()
