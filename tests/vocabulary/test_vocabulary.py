"""One vocabulary: every shared word and list is written once, in rhi_assistant.vocabulary.

The scans below fail when a label, a list of languages or an id-prefix grouping
turns up again outside the vocabulary (its module and its indicators.json), so a
second spelling cannot creep back in unnoticed.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from support import shared_file

from rhi_assistant import vocabulary
from rhi_assistant.seraf import load_scoring, scoring_profiles

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "rhi_assistant"
VOCABULARY = PACKAGE / "vocabulary"


MIGRATIONS = PACKAGE / "migrations"


def _sources(*patterns: str, under: Path = PACKAGE) -> list[Path]:
    """Files that must take their words from the vocabulary. Migrations are left out: each
    is a frozen snapshot of the schema and data of its day, and must not change with it."""
    found = [p for pattern in patterns for p in under.rglob(pattern)]
    return sorted(p for p in found
                  if VOCABULARY not in p.parents and MIGRATIONS not in p.parents)


def _hits(pattern: re.Pattern[str], files: list[Path]) -> list[str]:
    return [
        f"{path.relative_to(REPO)}:{n}: {line.strip()}"
        for path in files
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line)
    ]


CODE = _sources("*.py", "*.html", "*.js")
TESTS_AND_SCRIPTS = _sources("*.py", under=REPO / "tests") + _sources("*", under=REPO / "scripts")


# --- the one indicators file ----------------------------------------------------------


def test_one_indicators_file_in_the_package() -> None:
    copies = sorted(p.relative_to(REPO) for p in PACKAGE.rglob("indicators.json"))
    assert copies == [Path("rhi_assistant/vocabulary/indicators.json")]


def test_indicators_file_equals_the_shared_spec() -> None:
    """The ids are a contract with the evaluation sets: the shipped file is the spec's copy."""
    spec = shared_file("spec/indicators.json")
    assert vocabulary.load_spec() == json.loads(spec.read_text(encoding="utf-8"))


def test_enums_match_the_indicators_file() -> None:
    spec = vocabulary.load_spec()
    assert [c.value for c in vocabulary.Concern] == list(spec["concerns"])
    assert {g.value for g in vocabulary.Group} == set(spec["groups"])
    for meta in vocabulary.indicators().values():
        assert meta["group"] in set(vocabulary.Group)
        assert set(meta["concerns"]) <= set(vocabulary.Concern)


def test_nlp_and_seraf_read_the_same_vocabulary() -> None:
    from rhi_assistant.nlp import load_indicators
    from rhi_assistant.seraf import seraf_items

    assert load_indicators() == vocabulary.indicators()
    on_form = {i for items in seraf_items().values() for i, _label in items}
    assert on_form == {
        i for i, meta in vocabulary.indicators().items()
        if meta["group"] in vocabulary.SERAF_GROUPS
    }


def test_band_labels_come_from_the_scoring_data() -> None:
    for name in scoring_profiles():
        for band in load_scoring(name).bands:
            assert vocabulary.seraf_category_label(band.category, name) == band.label
    assert vocabulary.seraf_category_label(None) is None


# --- nothing written twice ------------------------------------------------------------

_LABEL_WORDS = [
    # concern labels, in the words used before they came from indicators.json
    "child sexual exploitation",
    "child criminal exploitation",
    "trafficking and modern slavery",
    "harm, risk or need",
    "other harm or need",
    # time-window labels
    "now or in the past 6 months",
    "6 to 12 months ago",
    "more than 12 months ago",
    "during this missing episode",
    # entity kind labels
    "number plates",
    "online handles",
]
LABEL_LITERAL = re.compile(
    r"""["'](?:""" + "|".join(re.escape(w) for w in _LABEL_WORDS) + r""")[^"']{0,60}["']""",
    re.IGNORECASE,
)


def test_no_label_is_written_outside_the_vocabulary() -> None:
    assert _hits(LABEL_LITERAL, CODE) == []


def test_no_seraf_band_label_is_written_in_code() -> None:
    assert _hits(re.compile(r"""["']Category [1-4]: """), CODE) == []


def test_languages_are_listed_once() -> None:
    natives = [native for native, _english in vocabulary.LANGUAGES.values() if native != "English"]
    names = re.compile("|".join(re.escape(n) for n in natives))
    code_list = re.compile(r"""["']cy["']\s*,\s*["']pl["']""")
    assert _hits(names, CODE) == []
    assert _hits(code_list, CODE + TESTS_AND_SCRIPTS) == []


def test_entity_kinds_are_listed_once() -> None:
    kinds = re.compile(r"""["']PERSON["']\s*,\s*["']PLACE["']""")
    assert _hits(kinds, CODE + TESTS_AND_SCRIPTS) == []


def test_indicators_are_grouped_by_their_group_not_their_id() -> None:
    prefixes = "|".join(re.escape(g.value.split("_")[0]) for g in vocabulary.Group)
    by_prefix = re.compile(rf"""startswith\(\(?\s*["'](?:{prefixes})\.""")
    assert _hits(by_prefix, CODE) == []


def test_no_feature_imports_another_features_labels() -> None:
    """Shared words live in the vocabulary, not in one feature's routes or forms."""
    web = PACKAGE / "web"
    found = []
    for path in web.rglob("*.py"):
        feature = path.relative_to(web).parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                if (parts[:2] == ["rhi_assistant", "web"] and len(parts) >= 4
                        and parts[3] in ("routes", "forms") and parts[2] != feature):
                    found += [f"{path.relative_to(REPO)} imports {node.module}.{a.name}"
                              for a in node.names if a.name.isupper()]
    assert found == []


# --- the engines stay free of Flask -------------------------------------------------------


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    "path",
    [*sorted((PACKAGE / "nlp").rglob("*.py")), VOCABULARY / "__init__.py",
     VOCABULARY / "babel_extract.py"],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_engine_side_imports_no_flask(path: Path) -> None:
    modules = _imported_modules(path)
    assert not {m for m in modules if m.split(".")[0].startswith("flask")}
    assert "rhi_assistant.vocabulary.labels" not in modules
