"""A suggestion's reason, written for the practitioner who decides on it.

Why a module of its own: the reason is read by RHI workers and managers beside
the tick they confirm or reject, so it must say in plain words what in the notes
led to it, how sure the engine is of the wording, what time it is counted in
and, for findings that are not offered, why not. Developer terms ("window
recent", "fuzzy match ... score 91") do not belong there.
"""

from __future__ import annotations

from rhi_assistant.vocabulary import window_label

from .concepts import CombinedMatch, Concept
from .timewindow import RECENT

NOT_OFFERED = {
    "negated": "Not offered as a tick: “{cue}” says it did not happen or is denied.",
    "hypothetical": "Not offered as a tick: “{cue}” makes it uncertain, possible or in the future.",
    "other_person": "Not offered as a tick: it is about someone else (“{cue}”).",
}


def evidence(
    text: str,
    combined: CombinedMatch | None,
    concepts: dict[str, Concept],
    note: str,
    starts: list[int],
    ends: list[int],
    across: bool = False,
) -> str:
    """What in the notes led to the suggestion; ``across`` when the concepts met over two
    sentences, so the worker knows to read both."""
    if combined is None:
        return f"The notes say “{text}”."
    parts = [
        f"{concepts[p.concept].means} (“{note[starts[p.start] : ends[p.end - 1]]}”)"
        for p in combined.parts
    ]
    return (
        ("Two sentences of the notes, read together, mention " if across
         else "One sentence of the notes mentions ")
        + " and ".join(parts)
        + f". Together these can point to {combined.rule.why}."
    )


def spelling(fixes: list[tuple[str, str]]) -> str:
    """Words read as a likely misspelling or short form of another."""
    return " ".join(f"“{o}” was read as “{t}”." for o, t in fixes)


def implied(label: str) -> str:
    """A suggestion that follows from another one."""
    return f"It follows from “{label}”."


def peer(cue: str) -> str:
    return f"A friend or peer is involved (“{cue}”)."


def not_offered(assertion: str, cue: str) -> str:
    return NOT_OFFERED[assertion].format(cue=cue)


# how a time cue was read (timewindow.basis), said beside the words that dated it
TIME_BASIS = {
    "earlier": "told earlier in the notes; this goes on with that story",
    "age_now": "counted back from the child's age now, {}",
    "school_year_now": "counted back from the child's school year now, Year {}",
    "age_guessed": "the child's age now is not in the notes or the case, so this is a guess: "
    "check it",
    "school_year_guessed": "the child's school year now is not in the notes or the case, so "
    "this is a guess: check it",
    "case": "counted back from the child's date of birth or age on the case",
}


def timing(window: str | None, cue: str | None, basis: str | None = None) -> str:
    """When it is counted, and from what: the words, and how they were read when that
    is not plain ("counted back from the child's age now", "told earlier in the notes"),
    so the worker can check a window read from an age or an earlier sentence."""
    when = window_label(window or RECENT)
    if cue:
        if basis:
            key, _, value = basis.partition(":")
            return f"Counted as {when}, because of “{cue}” ({TIME_BASIS[key].format(value)})."
        return f"Counted as {when}, because of “{cue}”."
    return f"No time was given, so it is counted as {window_label(RECENT)}."
