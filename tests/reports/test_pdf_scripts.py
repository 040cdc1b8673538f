"""PDFs print every script the screen shows: Ge'ez (Tigrinya), Arabic, Polish, Welsh,
emoji; a character no font has is printed as a visible marker, never a silent box.

Read back with pypdf (text and embedded fonts) and rendered with pdftoppm. All people
are fictional.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from rhi_assistant.reports import glyphs
from rhi_assistant.reports.data import ConfirmedIndicator
from rhi_assistant.reports.summary_pdf import render_summary_pdf
from rhi_assistant.reports.trigger_plan_pdf import render_trigger_plan_pdf
from tests.reports.test_reports_pdf import flat, fonts, read, summary, trigger_plan

TIGRINYA = "ሰላም ኣሎኹ"  # "hello, I am here"
ARABIC = "يوسف"
POLISH = "Zofia Łężak-Śmiałowska"
WELSH = "Gwenllian Ŵyn-Pryce"
FIRE = "🔥"  # in Symbola, the monochrome fallback
MELTING = "\U0001FAE0"  # Unicode 14 (2021): in no shipped font, so it must be marked


def _mixed_summary():
    words = f"{TIGRINYA} {FIRE} he said {MELTING} {ARABIC}"
    return summary(
        indicators=[
            ConfirmedIndicator(
                indicator="cce.holding_drugs",
                label="Asked to hold or carry drugs",
                concerns=("CCE",),
                window="recent",
                evidence=words,
            )
        ],
        push_factors=[f"{POLISH} {WELSH} {TIGRINYA}"],
        next_steps=[f"Ask about the {FIRE} message"],
    )


@pytest.fixture(scope="module")
def mixed_pdf() -> bytes:
    return render_summary_pdf(_mixed_summary())


def test_every_script_is_in_the_text(mixed_pdf: bytes) -> None:
    _reader, text = read(mixed_pdf)
    flat_text = flat(text)
    for words in (TIGRINYA, POLISH, WELSH, FIRE):
        assert words in flat_text, words
    assert ARABIC in flat_text or ARABIC[::-1] in flat_text


def test_a_character_no_font_has_is_marked_visibly(mixed_pdf: bytes) -> None:
    _reader, text = read(mixed_pdf)
    assert "[U+1FAE0]" in flat(text)
    assert MELTING not in text


def test_fallback_fonts_are_embedded(mixed_pdf: bytes) -> None:
    reader, _text = read(mixed_pdf)
    names = fonts(reader)
    assert any("NotoSansEthiopic" in n for n in names), names
    assert any("Symbola" in n for n in names), names
    assert any("DejaVuSans" in n for n in names), names


def test_bold_text_uses_the_bold_fallback() -> None:
    """A <font name> is not made bold by the style, so bold runs name the bold face."""
    from rhi_assistant.reports.layout import para, styles

    st = styles()
    assert '<font name="NotoSansEthiopic-Bold">' in para(TIGRINYA, st["label"]).text
    assert '<font name="NotoSansEthiopic">' in para(TIGRINYA, st["body"]).text


def _plan_with(words: str):
    plan = trigger_plan()
    plan.background = words
    plan.known_associates = [words]
    return plan


def test_trigger_plan_prints_tigrinya_and_emoji() -> None:
    reader, text = read(render_trigger_plan_pdf(_plan_with(f"{TIGRINYA} {FIRE} {MELTING}")))
    assert TIGRINYA in flat(text)
    assert FIRE in text
    assert "[U+1FAE0]" in flat(text)
    assert any("Symbola" in n for n in fonts(reader))


def test_markup_escapes_each_run() -> None:
    out = glyphs.markup(f"<b>&{TIGRINYA}</b>")
    assert out.startswith("&lt;b&gt;&amp;")
    assert '<font name="NotoSansEthiopic">' in out
    assert "<b>" not in out


def test_a_missing_font_file_falls_back_to_dejavu_and_marks() -> None:
    missing = (
        glyphs.FALLBACKS[0],
        glyphs.FontFace("NoSuchFont", "NoSuchFont.ttf", "NoSuchFont.ttf"),
    )
    try:
        glyphs.reset_for_tests(missing)
        reader, text = read(render_summary_pdf(_mixed_summary()))
        assert "[U+1230]" in flat(text)  # ሰ, now in no loaded font
        assert POLISH in flat(text)
        assert not any("NotoSansEthiopic" in n for n in fonts(reader))
    finally:
        glyphs.reset_for_tests()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_page_renders_with_ink(mixed_pdf: bytes, tmp_path: Path) -> None:
    source = tmp_path / "summary.pdf"
    source.write_bytes(mixed_pdf)
    subprocess.run(
        ["pdftoppm", "-r", "40", "-gray", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
    )
    page = next(tmp_path.glob("p*.pgm")).read_bytes()
    # A PGM is a short header then one byte per pixel: a blank page is all white.
    pixels = page.split(b"\n", 3)[3]
    assert sum(1 for b in pixels if b < 128) > 500


def test_the_network_pictures_labels_print_every_script() -> None:
    """The network picture draws its labels itself (reportlab graphics, one font a string):
    each run goes in a font that has it, and a character none has is marked."""
    from rhi_assistant.reports.data import NetworkThing

    network = [NetworkThing(type="PERSON", label=f"{TIGRINYA} {FIRE}", others=["Other child 1"]),
               NetworkThing(type="HANDLE", label=f"@kez{MELTING}", others=["Other child 1"])]
    reader, text = read(render_summary_pdf(summary(
        links=["Link (people): a name", "Link (online accounts): a handle"], network=network)))
    picture = flat(text).split("Network picture of the links above")[1]
    assert TIGRINYA in picture and FIRE in picture
    assert "[U+1FAE0]" in picture and MELTING not in text
    names = fonts(reader)
    assert any("NotoSansEthiopic" in n for n in names) and any("Symbola" in n for n in names)
