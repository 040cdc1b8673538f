"""The engine: the spaCy tokenizer + one token-pattern matcher holding every rule, built once.

Why so lean: notes are analysed as the practitioner types, so the whole
pipeline must cost little more than tokenising. Instead of a chain of spaCy
components we run ``nlp.make_doc`` (``spacy.blank("en")``, no model download)
and one token-aligned matcher call (see ``tokmatch.py``; spaCy's own
``Matcher`` was ~25x slower with this lexicon) that finds indicator patterns,
exclusions, cues, pseudo-cues, terminators and time expressions at once;
everything after that is plain Python over the (few) matches.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from bisect import bisect_left
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import spacy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from . import concepts, context, entities, fuzzy, reasons, timewindow
from .lexicon import (
    PACKAGE,
    IndicatorLexicon,
    load_indicators,
    load_lexicon,
    load_macros,
    words_of_pattern,
)
from .models import Analysis, Finding
from .tokmatch import TokenPatternMatcher

CHILD_OBJECT_NEXT = frozenset(
    {
        "but",
        "so",
        "when",
        "until",
        "till",
        "after",
        "before",
        "because",
        "cos",
        "while",
        "then",
        "again",
        "too",
        "there",
        "yesterday",
        "tonight",
        "every",
        "money",
        "cash",
        "drugs",
        "a",
        "an",
        "the",
        "to",
        "up",
        "out",
        "in",
        "into",
        "some",
        "food",
        "drinks",
        "lift",
        ".",
        ",",
        "and",
        "off",
        "away",
        "home",
        "over",
        "around",
        "round",
        "back",
        "alcohol",
        "weed",
        "pills",
        "stuff",
        "things",
        "trainers",
        "clothes",
        "presents",
        "gifts",
        "names",
        "down",
        "about",
        "for",
        "with",
        "on",
        "at",
        "by",
        "if",
        "that",
        "!",
        "?",
        ";",
    }
)


OBJECT_VERBS = frozenset(
    """let lets letting gave give gives giving told tells tell made makes make took takes hit
    hits hurt hurts kicked punched asked asks want wants wanted help helps keep keeps
    kept pay paid send sent call called calls drove drive drives picked bought buys
    offered offers texts texted messages messaged forced forces groomed grooms met meet
    see saw touched touches showed shows brought brings sold threatened threatens
    controls controlled checks slapped beat beats grabbed treat treats treated ignores ignored
    pushed shoved locked giving telling making taking buying calling sending asking paying
    hitting threatening touching showing letting forcing grooming messaging texting picking
    driving offering keeping bringing""".split()
)


QUOTES = frozenset({"'", '"', "\u2018", "\u2019", "\u201c", "\u201d", "`", "''", "``"})




SHORTHAND: dict[str, str] = json.loads(
    resources.files(PACKAGE).joinpath("data", "shorthand.json").read_text(encoding="utf-8")
)["words"]
SHORTHAND_KEYS = frozenset(SHORTHAND)


def _word(w: str) -> str:
    """Token text for matching: whitespace tokens become a newline (a break) or a filler."""
    if w.isspace():
        return "\n" if "\n" in w else "_"
    return w


def _data(name: str) -> Any:
    return json.loads(resources.files(PACKAGE).joinpath("data", name).read_text(encoding="utf-8"))


@dataclass
class _Found:
    indicator: str
    start: int
    end: int
    via: str | None = None  # set for implied findings
    source: _Found | None = None
    peer: bool = False
    extra: list[str] = field(default_factory=list)
    mention: bool = False  # a bare topic word: kept only when denied, doubted or someone else's
    combined: concepts.CombinedMatch | None = None  # found as concepts meeting in a sentence
    combined_literals: frozenset[str] = frozenset()  # the words those concepts spell


class Engine:
    """Holds the compiled rules; use :func:`get_engine` for the shared instance."""

    def __init__(self) -> None:
        self.nlp = spacy.blank("en")
        self.vocab = self.nlp.vocab
        split_cache: dict[str, list[str]] = {}
        specials = frozenset(getattr(self.nlp.tokenizer, "rules", None) or ())

        def split(word: str) -> list[str]:
            # how the tokenizer cuts a lexicon word ("cannot" -> can not); plain words
            # that are no special case stay whole without asking the tokenizer
            out = split_cache.get(word)
            if out is None:
                if word.isalpha() and word not in specials:
                    out = [word]
                else:
                    out = [t.text for t in self.nlp.make_doc(word)] or [word]
                split_cache[word] = out
            return out

        self.matcher = TokenPatternMatcher(load_macros(), split)
        self.spec = load_indicators()
        for info in self.spec.values():
            info["concerns_t"] = tuple(info["concerns"])
        self.lexicon: dict[str, IndicatorLexicon] = load_lexicon()
        macros = load_macros()
        vocab_words: set[str] = set()

        def add(
            key: str, kind: str, payload: Any, patterns: list[str], greedy: str | None = "LONGEST"
        ) -> None:
            # the matcher validates the pattern language as it parses (LexiconError)
            self.matcher.add((kind, payload), patterns)

        # words an indicator's own patterns spell out: a negation cue among them is part of
        # the finding ("never let her have food"), elsewhere inside a match it denies it
        self.literals: dict[str, frozenset[str]] = {}
        for ind_id, entry in self.lexicon.items():
            lits: set[str] = set()
            for p in entry.patterns:
                lits |= words_of_pattern(p, macros)
            self.literals[ind_id] = frozenset(w for x in lits for w in [x, *split(x)])
            vocab_words |= lits
        for ind_id, entry in self.lexicon.items():
            add("I:" + ind_id, "ind", ind_id, list(entry.patterns))
            if entry.exclude:
                add("X:" + ind_id, "excl", ind_id, list(entry.exclude))
            if entry.mentions:
                add("M:" + ind_id, "mention", ind_id, list(entry.mentions))
        ctx = _data("context_rules.json")
        self.cue_rules: list[context.CueRule] = []
        subjects = concepts.load_subjects()
        for i, r in enumerate(ctx["rules"] + subjects["rules"]):
            rule = context.CueRule(
                category=r["category"],
                direction=r["direction"],
                scope=int(r["scope"]),
                anchor=r.get("anchor"),
                skip_terminators=bool(r.get("skip_terminators", False)),
                kind=r.get("kind"),
                only_for=frozenset(r["only_for"]) if r.get("only_for") else None,
                strong=bool(r.get("strong", False)),
                followed_by=frozenset(r["followed_by"]) if r.get("followed_by") else None,
            )
            self.cue_rules.append(rule)
            add(f"C:{i}", "cue", rule, r["cue"])
        self.not_past = frozenset(ctx.get("not_past_words", ()))
        for i, p in enumerate(ctx["pseudo"]):
            add(f"P:{i}", "pseudo", frozenset(p["blocks"]), p["cue"])
        add("D", "deny_before", None, subjects["denies_before"])
        self.child_pronouns: dict[str, frozenset[str]] = {
            k: frozenset(v) for k, v in subjects["child_pronouns"].items()
        }
        self.denial_rule = context.CueRule("NEGATED", direction="previous_sentence", scope=0)
        for cat, pats in ctx["terminators"].items():
            add(f"T:{cat}", "term", cat, pats, greedy=None)
        time_rules = _data("time_rules.json")["rules"] + concepts.load_time_spans()
        for i, r in enumerate(time_rules):
            add(f"W:{i}", "time", r["kind"], r["cue"])
        self.concepts = concepts.load_concepts()
        self.combinations = concepts.load_combinations()
        self.explained_by = concepts.load_explained_by()
        self.explaining: frozenset[str] = frozenset().union(*self.explained_by.values())
        # a negation a concept spells ("wouldn't let her leave") is part of the finding
        self.concept_literals: dict[str, frozenset[str]] = {}
        for name, concept in self.concepts.items():
            add("K:" + name, "concept", name, list(concept.patterns))
            lits = set().union(*(words_of_pattern(p, macros) for p in concept.patterns))
            self.concept_literals[name] = frozenset(w for x in lits for w in [x, *split(x)])
        self.matcher.compile_all()
        entities.warm_up()
        self.fuzzy = fuzzy.FuzzyCorrector(
            vocab_words, [p for e in self.lexicon.values() for p in e.fuzzy_phrases]
        )
        # words the cue and time rules read are real words, never misspellings to fix:
        # without this "Easter" was "corrected" to a lexicon word ("eater") and lost its date
        cue_texts = [c for r in ctx["rules"] + subjects["rules"] for c in r["cue"]]
        cue_texts += subjects["denies_before"]
        cue_texts += [c for p in ctx["pseudo"] for c in p["cue"]]
        cue_texts += [c for pats in ctx["terminators"].values() for c in pats]
        cue_texts += [c for r in time_rules for c in r["cue"]]
        self.fuzzy.known |= _plain_words(cue_texts)
        # nor are the words concepts spell ("decides what she wears" was "corrected" to
        # "decide" and the concept lost)
        self.fuzzy.known |= _plain_words([p for c in self.concepts.values() for p in c.patterns])

    # ------------------------------------------------------------------ analysis
    def analyse(
        self,
        text: str,
        interview_date: dt.date | str | None = None,
        child: timewindow.ChildAge | None = None,
    ) -> Analysis:
        """Find indicator mentions and entities in one note (``child``: what the case
        knows of the child's age, for "when she was 13" and "in Year 8")."""
        today = timewindow.parse_date(interview_date)
        doc = self.nlp.make_doc(text)
        n = len(doc)
        # one C-level export instead of creating a Token object per token
        arr = doc.to_array([IDX, LENGTH]).tolist()
        starts = [a for a, _ in arr]
        ends = [a + b for a, b in arr]
        low = text.lower()
        if len(low) != len(text):  # rare Unicode whose lower case changes length
            low = "".join(c.lower()[:1] or c for c in text)
        words = [low[a:b] for a, b in zip(starts, ends, strict=True)]
        if "\n" in text or "  " in text:
            words = [_word(w) for w in words]
        if not SHORTHAND_KEYS.isdisjoint(words):
            # text-speak for function words ("wiv", "cuz", "nuffin") is matched as the word
            words = [SHORTHAND.get(w, w) for w in words]
        corrected: dict[int, tuple[str, str, float]] = {}
        raw_words = words  # entity gates look at what was written, not at spelling fixes
        fixes = self.fuzzy.corrections(words)
        if fixes:
            doc, starts, ends, words, corrected = self._corrected_doc(
                doc, starts, ends, words, fixes
            )
            n = len(doc)
            if not SHORTHAND_KEYS.isdisjoint(words):
                words = [SHORTHAND.get(w, w) for w in words]
        if not QUOTES.isdisjoint(words):
            # quote marks around a child's words ("'trapping' in Plymouth") are not words
            keep = [i for i, w in enumerate(words) if w not in QUOTES]
            words = [words[i] for i in keep]
            starts = [starts[i] for i in keep]
            ends = [ends[i] for i in keep]
            corrected = {j: corrected[i] for j, i in enumerate(keep) if i in corrected}
            n = len(words)
        findings = self._find(text, doc, n, starts, ends, words, today, corrected, child)
        ents = entities.find_entities(text, set(raw_words))
        return Analysis(text=text, findings=findings, entities=ents)

    def _corrected_doc(
        self,
        doc: Doc,
        starts: list[int],
        ends: list[int],
        words: list[str],
        fixes: dict[int, tuple[list[str], str, float]],
    ):
        new_words: list[str] = []
        spaces: list[bool] = []
        n_starts: list[int] = []
        n_ends: list[int] = []
        corrected: dict[int, tuple[str, str, float]] = {}
        for i, tok in enumerate(doc):
            if i in fixes:
                repl, target, score = fixes[i]
                for w in repl:
                    corrected[len(new_words)] = (tok.text, target, score)
                    new_words.append(w)
                    spaces.append(True)
                    n_starts.append(starts[i])
                    n_ends.append(ends[i])
                spaces[-1] = bool(tok.whitespace_)
            else:
                new_words.append(tok.text)
                spaces.append(bool(tok.whitespace_))
                n_starts.append(starts[i])
                n_ends.append(ends[i])
        new_doc = Doc(self.vocab, words=new_words, spaces=spaces)
        return new_doc, n_starts, n_ends, [_word(w.lower()) for w in new_words], corrected

    def _find(
        self,
        text: str,
        doc: Doc,
        n: int,
        starts: list[int],
        ends: list[int],
        words: list[str],
        today: dt.date,
        corrected: dict[int, tuple[str, str, float]],
        child: timewindow.ChildAge | None = None,
    ) -> list[Finding]:
        breaks = [
            i
            for i, w in enumerate(words)
            if w[-1:] in ".!?\n" and w not in ("mr.", "mrs.", "st.", "dr.", "ms.")
        ]
        found: dict[str, list[tuple[int, int]]] = {}
        mentions: dict[str, list[tuple[int, int]]] = {}
        excl: dict[str, list[tuple[int, int]]] = {}
        cues: list[context.CueHit] = []
        pseudo: list[tuple[int, int, frozenset[str]]] = []
        terms: list[int] = []
        other_terms: list[int] = []
        times: list[tuple[int, int, str]] = []
        time_terms: list[int] = []
        concept_hits: list[concepts.ConceptHit] = []
        denials: list[tuple[int, int]] = []
        for (kind, payload), s, e in self.matcher(words):
            if kind == "ind":
                found.setdefault(payload, []).append((s, e))
            elif kind == "deny_before":
                denials.append((s, e))
            elif kind == "concept":
                concept_hits.append(concepts.ConceptHit(payload, s, e))
            elif kind == "cue":
                cues.append(
                    context.CueHit(
                        payload,
                        s,
                        e,
                        text[starts[s] : ends[e - 1]],
                        tuple(words[s:e]),
                        words[e] if e < n else "",
                    )
                )
            elif kind == "term":
                if payload == "ALL":
                    terms.append(s)
                elif payload == "OTHER_PERSON":
                    other_terms.append(s)
                else:
                    time_terms.append(s)
            elif kind == "time":
                times.append((s, e, payload))
            elif kind == "pseudo":
                pseudo.append((s, e, payload))
            elif kind == "mention":
                mentions.setdefault(payload, []).append((s, e))
            else:
                excl.setdefault(payload, []).append((s, e))
        if not found and not mentions and len(concept_hits) < 2:
            return []
        terms.sort()
        other_terms.sort()
        time_terms.sort()
        breaks_set = set(breaks)
        # pseudo-cues cancel overlapping cues of the categories they block
        if pseudo and cues:
            kept_cues = []
            for c in cues:
                cs, ce, cat = c.start, c.end, c.rule.category
                for ps, pe, blk in pseudo:
                    if ps < ce and cs < pe and cat in blk:
                        break
                else:
                    kept_cues.append(c)
            cues = kept_cues
        cues = [
            c
            for c in cues
            if (
                c.rule.anchor != "clause_start"
                or context.is_clause_start(words, c.start, breaks_set)
            )
            and (c.rule.followed_by is None or c.end >= n or words[c.end] in c.rule.followed_by)
        ]
        # keep the longest of overlapping time cues
        times.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        kept_times: list[tuple[int, int, str]] = []
        for t in times:
            if kept_times and t[0] < kept_times[-1][1]:
                continue
            kept_times.append(t)

        results: list[Finding] = []
        spans: list[_Found] = []
        for ind, lst in found.items():
            ex = excl.get(ind, ())
            lst.sort(key=lambda se: (se[0], -(se[1] - se[0])))
            last_end = -1
            for s, e in lst:
                if s < last_end:
                    continue
                if any(xs < e and s < xe for xs, xe in ex):
                    continue
                if context.has_between(breaks, s, e - 1):
                    continue  # a wildcard must not reach across a sentence end
                last_end = e
                spans.append(_Found(ind, s, e))
        if len(concept_hits) >= 2:
            spans.extend(self._combined(concept_hits, spans, breaks, terms, excl))
        for ind, lst in mentions.items():
            taken = [(f.start, f.end) for f in spans if f.indicator == ind]
            ex = excl.get(ind, ())
            for s, e in sorted(lst):
                if any(a < e and s < b for a, b in taken) or any(a < e and s < b for a, b in ex):
                    continue
                taken.append((s, e))
                spans.append(_Found(ind, s, e, mention=True))
        seen: set[tuple[str, int, int]] = set()
        derived: list[tuple[_Found, str, context.CueHit | None, str | None, str | None, bool]] = []
        spans.sort(key=lambda f: (f.start, f.indicator))
        # a cue's scope never crosses a sentence break: offer each finding only the cues
        # of its own sentence (long pasted notes would otherwise cost findings x cues)
        by_sentence: dict[int, list[context.CueHit]] = {}
        if breaks:
            for c in cues:
                a, b = bisect_left(breaks, c.start), bisect_left(breaks, c.end - 1)
                by_sentence.setdefault(a, []).append(c)
                if b != a:
                    by_sentence.setdefault(b, []).append(c)
        for f in spans:
            entry = self.lexicon[f.indicator]
            child_in_span = self._child_in_span(words, f.start, f.end)
            if breaks:
                sid = bisect_left(breaks, f.start)
                f_cues = by_sentence.get(sid, [])
                sid_end = bisect_left(breaks, f.end - 1)
                if sid_end != sid:  # cannot happen for a match; kept for safety
                    f_cues = cues
            else:
                f_cues = cues
            assertion, cue = context.decide(
                f.indicator,
                f.start,
                f.end,
                f_cues,
                self.literals[f.indicator] if f.combined is None else f.combined_literals,
                breaks,
                terms,
                other_terms,
                entry.immune,
                entry.about_others,
                child_in_span,
                entry.subject_wins,
                words[f.start],
            )
            if f.mention and assertion == "present":
                continue
            window = wcue = None
            if assertion == "present":
                window, wcue = self._window(
                    f.start, f.end, kept_times, breaks, time_terms, text, starts, ends, today, child
                )
            derived.append((f, assertion, cue, window, wcue, False))
            if assertion == "present":
                for other in entry.implies:
                    derived.append(
                        (
                            _Found(other, f.start, f.end, via=f.indicator),
                            assertion,
                            cue,
                            window,
                            wcue,
                            True,
                        )
                    )
            if (
                assertion == "other_person"
                and cue is not None
                and cue.rule.kind == "peer"
                and not f.mention
            ):
                for other in entry.peer_implies:
                    pw, pwc = self._window(
                        f.start, f.end, kept_times, breaks, time_terms, text, starts, ends,
                        today, child,
                    )
                    derived.append(
                        (
                            _Found(other, f.start, f.end, via=f.indicator),
                            "present",
                            cue,
                            pw,
                            pwc,
                            True,
                        )
                    )
        if denials and breaks:
            derived = self._denied_after(derived, denials, breaks, words, text, starts, ends)
        explicit = {(f.indicator, a) for f, a, *_ in derived if f.via is None}
        if self.explained_by:
            derived = self._drop_explained(derived)
        for f, assertion, cue, window, wcue, implied in derived:
            if implied and (
                (f.indicator, assertion) in explicit or (f.indicator, "present") in explicit
            ):
                continue
            k = (f.indicator, f.start, f.end)
            if k in seen:
                continue
            seen.add(k)
            unsure = context.is_unsure(assertion, cue, words, f.start, f.end, self.not_past)
            results.append(
                self._make(text, f, assertion, cue, window, wcue, starts, ends, corrected, unsure)
            )
        return results

    def _combined(
        self,
        hits: list[concepts.ConceptHit],
        spans: list[_Found],
        breaks: list[int],
        terms: list[int],
        excl: dict[str, list[tuple[int, int]]],
    ) -> list[_Found]:
        """Suggestions from concepts meeting in a sentence where the indicator's own
        patterns found nothing there (and none of its exclusions overlaps)."""
        hits.sort(key=lambda h: (h.start, -h.end))
        sentence_of = {(f.indicator, bisect_left(breaks, f.start)) for f in spans}
        out: list[_Found] = []
        for m in concepts.combine(hits, self.combinations, breaks, terms):
            key = (m.indicator, bisect_left(breaks, m.start))
            if key in sentence_of:
                continue
            if any(xs < m.end and m.start < xe for xs, xe in excl.get(m.indicator, ())):
                continue
            sentence_of.add(key)
            lits = frozenset().union(*(self.concept_literals[p.concept] for p in m.parts))
            out.append(_Found(m.indicator, m.start, m.end, combined=m, combined_literals=lits))
        return out

    def _denied_after(
        self,
        derived: list[Any],
        denials: list[tuple[int, int]],
        breaks: list[int],
        words: list[str],
        text: str,
        starts: list[int],
        ends: list[int],
    ) -> list[Any]:
        """A short sentence in which the child denies what the sentence before said ("He
        denies it.") denies that sentence's findings; what follows from them goes too."""
        child = self._child_pronoun(words)
        denied: dict[int, context.CueHit] = {}
        for s, e in denials:
            k = bisect_left(breaks, s)
            starts_sentence = k > 0 and breaks[k - 1] == s - 1
            ends_sentence = k < len(breaks) and breaks[k] <= e
            if not (starts_sentence and ends_sentence):
                continue
            said = [w for w in words[s:e] if w in ("she", "he")]
            if said and child is not None and said[0] != child:
                continue  # someone else denies it ("Her boyfriend hit her. He denies it.")
            cue_text = text[starts[s] : ends[e - 1]]
            denied[k - 1] = context.CueHit(self.denial_rule, s, e, cue_text, tuple(words[s:e]))
        if not denied:
            return derived
        out = []
        for f, assertion, cue, window, wcue, implied in derived:
            hit = denied.get(bisect_left(breaks, f.start))
            if hit is not None and assertion in ("present", "hypothetical"):
                if implied:
                    continue
                out.append((f, "negated", hit, None, None, implied))
            else:
                out.append((f, assertion, cue, window, wcue, implied))
        return out

    def _child_pronoun(self, words: list[str]) -> str | None:
        """The child's pronoun: the first third-person pronoun the note uses (notes are
        about the child), or None when it uses none."""
        for w in words:
            for key, forms in self.child_pronouns.items():
                if w in forms:
                    return key
        return None

    def _drop_explained(self, derived: list[Any]) -> list[Any]:
        """Drop a present suggestion whose words a more telling one explains (data:
        ``explained_by`` in combinations.json)."""
        # only the few findings that explain others are compared (not every pair)
        present = [
            (f.indicator, f.start, f.end)
            for f, a, *_ in derived
            if a == "present" and f.indicator in self.explaining
        ]
        if not present:
            return derived
        out = []
        for item in derived:
            f, assertion = item[0], item[1]
            better = self.explained_by.get(f.indicator)
            if (
                better
                and assertion == "present"
                and any(i in better and s < f.end and f.start < e for i, s, e in present)
            ):
                continue
            out.append(item)
        return out

    @staticmethod
    def _child_in_span(words: list[str], s: int, e: int) -> bool:
        # the word right after the match counts too: the child as its object
        # ("The girls in her class bullied her") makes it about the child
        for i in range(s, min(e + 1, len(words))):
            w = words[i]
            if w in ("me", "him", "myself", "himself", "herself"):
                return True
            if w == "her" and (
                i + 1 >= len(words)
                or words[i + 1] in CHILD_OBJECT_NEXT
                or (i > 0 and words[i - 1] in OBJECT_VERBS)
            ):
                return True
        return False

    def _window(
        self,
        s: int,
        e: int,
        times: list[tuple[int, int, str]],
        breaks: list[int],
        time_terms: list[int],
        text: str,
        starts: list[int],
        ends: list[int],
        today: dt.date,
        child: timewindow.ChildAge | None = None,
    ) -> tuple[str, str | None]:
        best: tuple[int, int, int, str] | None = None
        # "ever since" counts only where no other time is in reach (see time_spans.json)
        others = [t for t in times if t[2] != "since_then"]
        best = self._nearest_time(s, e, others, breaks, time_terms)
        if best is None and len(others) < len(times):
            best = self._nearest_time(s, e, times, breaks, time_terms)
        if best is None:
            return timewindow.RECENT, None
        _, ts, te, kind = best
        cue_text = text[starts[ts] : ends[te - 1]]
        if kind == "since_then":
            return timewindow.RECENT, cue_text
        if kind == "after_that":
            # a span hung on an earlier time ("For months after that"): that time's window
            before = [t for t in times if t[1] <= ts and t[2] not in ("after_that", "since_then")]
            if not before:
                return timewindow.RECENT, cue_text
            _, bs, be, kind = max((t[1], *t) for t in before)
            then = text[starts[bs] : ends[be - 1]]
            return timewindow.resolve(kind, then, today, text, child), then + " … " + cue_text
        return timewindow.resolve(kind, cue_text, today, note=text, child=child), cue_text

    @staticmethod
    def _nearest_time(
        s: int,
        e: int,
        times: list[tuple[int, int, str]],
        breaks: list[int],
        time_terms: list[int],
    ) -> tuple[int, int, int, str] | None:
        """The time cue nearest the finding that no sentence end or time terminator
        separates from it (a cue before the finding wins a tie)."""
        best: tuple[int, int, int, str] | None = None
        for ts, te, kind in times:
            if te <= s:
                lo, hi, dist = te, s, s - te
            elif ts >= e:
                lo, hi, dist = e, ts, ts - e + 1  # prefer a cue before the finding on a tie
            else:
                lo = hi = dist = 0
            if hi > lo and (
                context.has_between(breaks, lo, hi) or context.has_between(time_terms, lo, hi)
            ):
                continue
            if best is None or dist < best[0]:
                best = (dist, ts, te, kind)
        return best

    def _make(
        self,
        text: str,
        f: _Found,
        assertion: str,
        cue: context.CueHit | None,
        window: str | None,
        wcue: str | None,
        starts: list[int],
        ends: list[int],
        corrected: dict[int, tuple[str, str, float]],
        unsure: bool = False,
    ) -> Finding:
        cs, ce = starts[f.start], ends[f.end - 1]
        evidence = text[cs:ce]
        info = self.spec[f.indicator]
        fixes = [corrected[i] for i in range(f.start, f.end) if i in corrected] if corrected else ()
        reason = reasons.evidence(evidence, f.combined, self.concepts, text, starts, ends)
        if fixes:
            match, score = "fuzzy", min(sc for _, _, sc in fixes)
            uniq = list(dict.fromkeys((o, t) for o, t, _ in fixes))
            reason += " " + reasons.spelling(uniq)
        elif f.combined is not None:
            match, score = "combined", 100.0
        else:
            match, score = "exact", 100.0
        if f.via:
            reason += " " + reasons.implied(self.spec[f.via]["label"])
        if assertion != "present" and cue is not None:
            reason += " " + reasons.not_offered(assertion, cue.text)
        elif assertion == "present" and cue is not None and f.via:
            reason += " " + reasons.peer(cue.text)
        if assertion == "present":
            reason += " " + reasons.timing(window, wcue)
        return Finding.build(
            indicator=f.indicator,
            label=info["label"],
            concerns=info["concerns_t"],
            assertion=assertion,
            window=window if assertion == "present" else None,
            evidence=evidence,
            start=cs,
            end=ce,
            cue=cue.text if cue is not None else None,
            window_cue=wcue if assertion == "present" else None,
            reason=reason,
            match=match,
            score=float(score),
            unsure=unsure,
        )


_ENGINE: Engine | None = None
_LOCK = threading.Lock()


def get_engine() -> Engine:
    """The shared engine, built on first use (about a second) and reused after."""
    global _ENGINE
    if _ENGINE is None:
        with _LOCK:
            if _ENGINE is None:
                _ENGINE = Engine()
    return _ENGINE


def _plain_words(patterns: list[str]) -> set[str]:
    """The literal words of cue patterns (macro names, gaps and operators left out)."""
    out: set[str] = set()
    for pat in patterns:
        for w in re.findall(r"(?<![@\w])[a-z][a-z'-]*", pat.lower()):
            out.add(w)
    return out
