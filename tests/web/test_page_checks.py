"""The page checks every web test's responses go through (tests/support.py `check_html`)
catch what they promise to, so a page that breaks one cannot pass by a check gone blind."""

from __future__ import annotations

import pytest
from support import check_html

NONCE = "n0nce"


def page(body: str, title: str = "<title>A page</title>") -> str:
    return f"<!DOCTYPE html><html><head>{title}</head><body>{body}</body></html>"


GOOD = page(
    '<label for="email">Email</label><div id="email-hint">Hint</div>'
    '<input id="email" name="email" aria-describedby="email-hint">'
    '<form method="post"><input type="hidden" name="csrf_token" value="t"></form>'
    '<form method="get" action="/figures"></form>'
    f'<script nonce="{NONCE}" src="/static/app.js"></script>'
)


def test_a_sound_page_passes() -> None:
    check_html(GOOD, NONCE)


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (page("<p>x</p>", title=""), "title"),
        (page("<p>x</p>", title="<title> </title>"), "title"),
        (page('<p id="a"></p><div id="a"></div>'), "ids used more than once"),
        (page('<label for="missing">Name</label>'), "no element"),
        (page('<input aria-describedby="gone-hint">'), "no element"),
        (page('<form method="post"></form>'), "CSRF"),
        (page('<form method="POST" action="/x"><input name="csrf_token" value=""></form>'), "CSRF"),
        (page('<form method="get" action=""></form>'), "empty form action"),
        (page('<script src="/a.js"></script>'), "nonce"),
        (page('<script nonce="other">1</script>'), "nonce"),
    ],
)
def test_each_broken_invariant_is_caught(html: str, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_html(html, NONCE)
