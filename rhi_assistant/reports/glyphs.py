"""Which font prints which character, so a PDF shows what the worker saw on screen.

DejaVu Sans covers Latin (Welsh, Polish), Greek, Cyrillic, Arabic and much else, but
not Ge'ez (Tigrinya, Amharic) or emoji: printed in DejaVu alone those came out as
empty boxes, and the police would read something other than what was confirmed. Each
piece of text is split into runs by the first font in ``FALLBACKS`` that has the
glyph; a character no font has is printed as a visible marker such as ``[U+1F525]``,
never silently dropped. A font file that is missing or unreadable is skipped, so the
documents still print (with markers) on a machine without it.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

PRIMARY = "DejaVuSans"
PRIMARY_BOLD = "DejaVuSans-Bold"


@dataclass(frozen=True)
class FontFace:
    """A font family to fall back on: its regular and bold files in ``fonts/``."""

    name: str
    regular: str
    bold: str


# In order of preference. Bold falls back to the regular file where no bold is shipped.
FALLBACKS: tuple[FontFace, ...] = (
    FontFace(PRIMARY, "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    FontFace("NotoSansEthiopic", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf"),
    # Monochrome outlines for emoji and symbols: reportlab cannot embed colour
    # bitmap fonts such as Noto Color Emoji.
    FontFace("Symbola", "Symbola_hint.ttf", "Symbola_hint.ttf"),
)

MARKER_COLOUR = "#d4351c"


@dataclass(frozen=True)
class _Loaded:
    name: str
    bold: str
    chars: frozenset[int]


_BEYOND_BMP = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.M)
_reportlab_to_unicode = ttfonts.makeToUnicodeCMap


def _utf16(match: re.Match[str]) -> str:
    encoded = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
    return f"{match.group(1)} <{encoded}>"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF as UTF-16 pairs.

    reportlab writes ``<1F525>``, which the PDF format does not allow: readers then
    copy, search and extract an emoji as nothing. The map must say ``<D83DDD25>``.
    """
    return _BEYOND_BMP.sub(_utf16, _reportlab_to_unicode(fontname, subset))


ttfonts.makeToUnicodeCMap = _to_unicode_cmap

_lock = threading.Lock()
_loaded: list[_Loaded] | None = None


def _register(name: str, filename: str) -> TTFont | None:
    fonts = resources.files("rhi_assistant.reports").joinpath("fonts")
    try:
        with resources.as_file(fonts.joinpath(filename)) as path:
            font = TTFont(name, str(path))
    except Exception:  # a missing or broken file must not stop the document
        log.warning("PDF font %s (%s) could not be loaded; its characters will be marked",
                    name, filename)
        return None
    pdfmetrics.registerFont(font)
    return font


def load_fonts(faces: tuple[FontFace, ...] = FALLBACKS) -> list[_Loaded]:
    """Register every font that can be read, once per process; return them in order.

    Each family is registered with its bold face, so ``<b>`` and bold styles pick the
    bold file for a fallback run too.
    """
    global _loaded
    with _lock:
        if _loaded is not None:
            return _loaded
        loaded: list[_Loaded] = []
        for face in faces:
            regular = _register(face.name, face.regular)
            if regular is None:
                continue
            bold_name = PRIMARY_BOLD if face.name == PRIMARY else f"{face.name}-Bold"
            bold = _register(bold_name, face.bold)
            if bold is None:
                bold_name = face.name
            pdfmetrics.registerFontFamily(
                face.name, normal=face.name, bold=bold_name, italic=face.name,
                boldItalic=bold_name,
            )
            loaded.append(_Loaded(face.name, bold_name, frozenset(regular.face.charToGlyph)))
        _loaded = loaded
        return loaded


def reset_for_tests(faces: tuple[FontFace, ...] = FALLBACKS) -> None:
    """Forget what was loaded (tests use it to simulate a missing font file)."""
    global _loaded
    with _lock:
        _loaded = None
    load_fonts(faces)


def _ignorable(ch: str) -> bool:
    """Invisible joiners and emoji variation selectors: nothing to print, nothing lost."""
    code = ord(ch)
    return (
        0xFE00 <= code <= 0xFE0F
        or code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)
        or 0xE0020 <= code <= 0xE007F
        or 0xE0100 <= code <= 0xE01EF
    )


def font_for(ch: str, *, bold: bool = False) -> str | None:
    """The first font that has a glyph for ``ch``, or None when none does."""
    code = ord(ch)
    for font in load_fonts():
        if code in font.chars:
            return font.bold if bold else font.name
    return None


def printable(ch: str) -> bool:
    """Whether ``ch`` prints in the PDF (spaces, line breaks and joiners always do)."""
    return ch.isspace() or _ignorable(ch) or font_for(ch) is not None


def marker(ch: str) -> str:
    """The visible stand-in for a character no font has, e.g. ``[U+1F525]``."""
    return f"[U+{ord(ch):04X}]"


def unprintable(text: str) -> list[str]:
    """The characters of ``text`` no shipped font can print, each once, in order."""
    seen: dict[str, None] = {}
    for ch in text:
        if not printable(ch):
            seen.setdefault(ch, None)
    return list(seen)


@dataclass(frozen=True)
class Run:
    """A piece of text in one font; ``marked`` when it is the stand-in for a character no
    font has (drawn in the marker colour)."""

    text: str
    font: str
    marked: bool = False


def runs(text: str, *, bold: bool = False) -> list[Run]:
    """``text`` split into runs by the first font that has each character, with a marker
    run for a character none has: the one place that choice is made, for paragraphs
    (``markup``) and for drawings (reportlab graphics' ``String`` takes one font). Spaces
    stay in the run they fall in; a space no font has (an em space, say) becomes a plain
    one, and line breaks are spaces here (``markup`` splits lines first)."""
    primary = PRIMARY_BOLD if bold else PRIMARY
    out: list[Run] = []
    chunk: list[str] = []
    font = primary

    def flush() -> None:
        if chunk:
            out.append(Run("".join(chunk), font))
            chunk.clear()

    for ch in unicodedata.normalize("NFC", text):
        if _ignorable(ch):
            continue
        if ch.isspace():
            chunk.append(" " if ch != " " and font_for(ch) is None else ch)
            continue
        name = font_for(ch, bold=bold)
        if name is None:
            flush()
            out.append(Run(marker(ch), primary, marked=True))
            continue
        if name != font:
            flush()
            font = name
        chunk.append(ch)
    flush()
    return out


def markup(text: object, *, bold: bool = False) -> str:
    """User text as reportlab paragraph markup: escaped, one ``<font>`` per run.

    Runs in DejaVu carry no tag, so they follow the paragraph's own style; fallback
    runs name their font, the bold face when ``bold`` (a ``<font name>`` is not made
    bold by the style). Line breaks become ``<br/>``.
    """
    primary = PRIMARY_BOLD if bold else PRIMARY

    def tagged(run: Run) -> str:
        chunk = escape(run.text)
        if run.marked:
            return f'<font color="{MARKER_COLOUR}">{chunk}</font>'
        return chunk if run.font == primary else f'<font name="{run.font}">{chunk}</font>'

    value = unicodedata.normalize("NFC", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return "<br/>".join("".join(map(tagged, runs(line, bold=bold))) for line in value.split("\n"))
