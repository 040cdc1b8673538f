"""Reading age of rendered pages: the words a young person actually sees (imported by path)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pyphen
import textstat

# Elements whose words are not read on the page.
SKIP = {"script", "style", "head", "title", "svg", "noscript"}
BLOCK_ONLY = {"p", "li", "h1", "h2", "h3", "h4", "label", "legend", "div", "button", "td", "th",
              "dt", "dd", "summary", "title", "main", "header", "footer", "nav", "ul"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _Words(HTMLParser):
    """Collects visible English text: skips hidden elements and anything marked as another
    language (the language switcher names each language in itself)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # True where this element's words are skipped
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK_ONLY:
            self.parts.append("\n")
        if tag in VOID:
            return
        a = dict(attrs)
        lang = a.get("lang")
        skip = (
            tag in SKIP
            or "hidden" in a
            or (lang is not None and not lang.startswith("en") and tag != "html")
            or (self.stack and self.stack[-1])
        )
        self.stack.append(bool(skip))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_ONLY:
            self.parts.append("\n")
        if tag in VOID:
            return
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]) and data.strip():
            self.parts.append(data.strip())

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        pass


def visible_text(html: str) -> str:
    parser = _Words()
    parser.feed(html)
    # Inline pieces (a phone number in <strong>) stay in their sentence; each block
    # (heading, label, button, paragraph) is its own sentence for the formula, as
    # headings have no full stop and must not run into the next line.
    blocks = [" ".join(b.split()) for b in " ".join(parser.parts).split("\n")]
    blocks = [b for b in blocks if re.search(r"[A-Za-z]", b)]
    return " ".join(b if re.search(r"[.!?:]$", b) else b + "." for b in blocks)


_HYPHEN = pyphen.Pyphen(lang="en_GB")


def syllables(word: str) -> int:
    """Syllables in one word: the larger of two estimates, so hard words are not undercounted.

    textstat would use the CMU dictionary, but that is a download (NLTK), and
    tests run offline. Hyphenation points (pyphen, shipped with textstat) plus
    one, and vowel groups less a silent final e, each miss some syllables on
    their own; the larger of the two is close to a dictionary count.
    """
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    by_hyphen = len(_HYPHEN.positions(w)) + 1
    groups = len(re.findall(r"[aeiouy]+", w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(by_hyphen, groups, 1)


def reading_age(text: str) -> float:
    """Reading age in years = Flesch-Kincaid grade + 5.

    Flesch-Kincaid grade = 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59.
    A US school grade is about 5 years less than the age of the child in it
    (grade 4 = age 9), hence + 5. Words and sentences are counted by textstat;
    numbers (phone numbers) are not words a child has to read, so are left out.
    """
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]
    sentences = max(1, textstat.sentence_count(text))
    count = sum(syllables(w) for w in words)
    grade = 0.39 * (len(words) / sentences) + 11.8 * (count / len(words)) - 15.59
    return grade + 5
