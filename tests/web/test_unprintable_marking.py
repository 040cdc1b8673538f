"""The summary page marks each character the PDF cannot print, so the worker knows
before sharing what the police will read in its place (see reports/glyphs.py)."""

from __future__ import annotations

from flask import render_template_string

MELTING = "\U0001FAE0"  # in no shipped PDF font


def test_unprintable_characters_are_wrapped_and_labelled(app) -> None:
    with app.test_request_context():
        html = render_template_string(
            "{{ words | mark_unprintable }}", words=f"ሰላም 🔥 <b>{MELTING}</b>"
        )
    assert "ሰላም 🔥 &lt;b&gt;" in html  # printable: shown as typed, escaped
    assert 'class="rhi-unprintable"' in html
    assert f">{MELTING}<" in html
    assert "[U+1FAE0]" in html
    assert html.count("rhi-unprintable") == 1
    assert "<b>" not in html


def test_plain_text_is_only_escaped(app) -> None:
    with app.test_request_context():
        html = render_template_string("{{ words | mark_unprintable }}", words="Zofia & <i>")
    assert html == "Zofia &amp; &lt;i&gt;"


def test_the_summary_page_marks_the_child_s_words(app) -> None:
    source = app.jinja_loader.get_source(app.jinja_env, "summary/view.html")[0]
    for field in ("i.evidence", "data.child.name", "data.next_steps", "values | join"):
        line = next(ln for ln in source.splitlines() if field in ln)
        assert "mark_unprintable" in line, field
