"""The engine's English is data: word lists live in ``nlp/data/en/``, not in its modules.

Why: another note language should be another data folder, and a reviewer should find
every word the engine reads beside the patterns, each list saying what it is for.
"""

from __future__ import annotations

import ast
import json
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

NLP = Path(__file__).resolve().parents[2] / "rhi_assistant" / "nlp"
LANGUAGE_DIR = NLP / "data" / "en"
# command-line tools, not the engine: their literals are options and demo names
TOOLS = {"cli.py", "lint.py"}
MOST_WORDS = 5  # a literal collection of more words than this is a word list


def _word_literals(node: ast.AST) -> int:
    """How many words a literal set, list, tuple or dict, or a "a b c".split(), spells."""
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        elts = node.elts
    elif isinstance(node, ast.Dict):  # a table of words (a key's value a literal)
        elts = [
            k
            for k, v in zip(node.keys, node.values, strict=True)
            if k is not None and isinstance(v, ast.Constant | ast.Tuple)
        ]
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        return len(node.func.value.value.split())
    else:
        return 0
    return sum(
        1
        for e in elts
        if isinstance(e, ast.Constant)
        and isinstance(e.value, str)
        and e.value.isalpha()
        and not e.value.isupper()  # constants' names ("NEGATED"), not words
    )


@pytest.mark.parametrize("module", sorted(p.name for p in NLP.glob("*.py") if p.name not in TOOLS))
def test_no_engine_module_spells_out_a_word_list(module: str) -> None:
    tree = ast.parse((NLP / module).read_text(encoding="utf-8"))
    lists = [
        f"line {n.lineno}: {_word_literals(n)} words"
        for n in ast.walk(tree)
        if _word_literals(n) > MOST_WORDS
    ]
    assert lists == [], (
        f"{module} spells out word lists ({lists}): put them in nlp/data/en/ with an "
        "_about saying what each is for, and read them once at import: entities.py's "
        "in entities.json (_set/_alt), timewindow.py's in time_words.json, the others' in "
        "word_lists.json (language.words(name))"
    )


def _entries(path: Path) -> dict[str, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, dict) and "words" in v}


@pytest.mark.parametrize("name", ["word_lists.json", "entities.json", "time_words.json"])
def test_each_word_list_says_what_it_is_for(name: str) -> None:
    path = LANGUAGE_DIR / name
    entries = _entries(path)
    assert entries and "_about" in json.loads(path.read_text(encoding="utf-8"))
    for key, entry in entries.items():
        assert len(entry.get("_about", "")) > 20, f"{name}: {key} needs an _about"
        assert entry["words"], f"{name}: {key} is empty"


def test_the_language_folder_is_package_data() -> None:
    pyproject = tomllib.loads(
        (NLP.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    )
    globs = pyproject["tool"]["setuptools"]["package-data"]["rhi_assistant"]
    for path in LANGUAGE_DIR.iterdir():
        rel = path.relative_to(NLP.parent).as_posix()
        assert any(fnmatch(rel, g) for g in globs), rel
