"""On-device NLP for rhi-assistant: indicator suggestions, entities and question types.

Plain Python on spaCy (``spacy.blank("en")`` + rule matchers, no model
download) so that it runs on a practitioner's laptop without sending notes
anywhere. No Flask imports here: the web app and the CLI both call this API.
"""

from __future__ import annotations

import datetime as dt

from .bounded import analyse_bounded
from .lexicon import load_indicators
from .models import Analysis, Entity, Finding, QuestionClassification
from .pipeline import get_engine
from .questions import classify_question
from .timewindow import ChildAge

__all__ = [
    "Analysis",
    "Entity",
    "QuestionClassification",
    "Finding",
    "analyse",
    "classify_question",
    "load_indicators",
]


def analyse(
    text: str,
    interview_date: dt.date | str | None = None,
    *,
    child_age: int | None = None,
    date_of_birth: dt.date | str | None = None,
) -> Analysis:
    """Find every indicator mention (with its assertion and time window) and entity in a note.

    ``interview_date`` anchors time expressions ("eight months ago"); it
    defaults to today. All mentions are returned, including negated,
    hypothetical and other-person ones; only ``assertion == "present"`` ones
    should be offered as ticks.

    ``child_age`` or ``date_of_birth`` (from the case) let "when she was 13" and "in
    Year 8" be counted back when the note does not say how old the child is now.

    The engine reads a shortened, chunked copy (see ``bounded.py``) so that no
    note, however odd, costs more than its length; offsets still point into `text`.
    """
    engine = get_engine()
    child = ChildAge.of(child_age, date_of_birth)
    if child is None:
        return analyse_bounded(text, lambda piece: engine.analyse(piece, interview_date))
    return analyse_bounded(text, lambda piece: engine.analyse(piece, interview_date, child))
