"""The demo interview the summary is measured on: a fictional RHI touching several concerns,
written as workers write notes (their words, with the odd quote of the child's).

Kept apart from the tests so the same interview is measured before and after a change
(`test_summary_intelligence.py::test_demo_summary_pdf_pages`, run with -s)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from rhi_assistant.extensions import db
from rhi_assistant.models import Suggestion, Summary

PAGES = {
    "time_away_account": (
        "She said she got into a car with two men she didn't know and they drove her to "
        "Weston. She said Jay told her she owes him for the phone he gave her. She told me: "
        "\"Jay said I have to hold the bag or else.\" She was made to sell drugs from a flat."),
    "time_away_more": (
        "She was moved between flats in Bristol and Bath by older men. She was given alcohol "
        "and cannabis. She stayed out overnight and did not eat all day."),
    "where_stayed": "She stayed at 14 Harbour Road with Jay.",
    "who_with": (
        "She said Jay is really called Jason Miller. Jay's phone is 07700 900123 and he is "
        "@jay_m on Snapchat. He drives a silver Vauxhall Corsa WX21 ABC."),
    "why_left": "She argued with her mum about her phone.",
    "what_drew": "She goes to see older friends who give her money and cigarettes.",
    "what_would_help": (
        "She would like to move school. She does not want the police involved because she is "
        "scared Jay will find out she talked."),
    "who_to_call": "Her aunt Lou, or Childline.",
}
#: Cards the worker ties: Jay's names and contacts; the car and its plate.
CARDS = {1: ("Jay", "Jason Miller", "07700 900123", "@jay_m"),
         2: ("silver Vauxhall Corsa", "WX21 ABC")}


def run(worker, episode_id: int, start_interview) -> bytes:
    """Answer every page, confirm every suggestion, share a summary with cards: its PDF."""
    interview_id = start_interview(worker, episode_id)
    for page_id, notes in PAGES.items():
        url = f"/interviews/{interview_id}/pages/{page_id}"
        assert worker.post(url, {"notes": notes, "action": "continue"},
                           csrf_from=url).status_code == 302
    url = f"/interviews/{interview_id}/pages/time_away_account"
    for s in db.session.scalars(db.select(Suggestion).filter_by(status="suggested")).all():
        worker.post(f"/interviews/{interview_id}/suggestions/{s.id}",
                    {"decision": "confirmed"}, csrf_from=url)
    new_url = f"/interviews/{interview_id}/summaries/new"
    page = worker.get(new_url).get_data(as_text=True)
    form: dict[str, object] = {"recipients": ["police_missing_team"], "purpose": "Safety",
                               "legal_basis": "safeguarding_public_task"}
    tokens = []
    for n, (token, label) in enumerate(re.findall(
            r'name="entities" type="checkbox" value="([^"]+)"[^>]*><label[^>]*>([^<]+)<',
            page), start=1):
        tokens.append(token.replace("&#34;", '"').replace("&quot;", '"'))
        for card, names in CARDS.items():
            if any(label.endswith(f": {name}") or f": {name} (" in label for name in names):
                form[f"card-{n}"] = str(card)
    form["entities"] = tokens
    assert worker.post(new_url, form, csrf_from=new_url).status_code == 302
    summary = db.session.scalars(db.select(Summary).order_by(Summary.id.desc())).first()
    resp = worker.get(f"/summaries/{summary.id}/download")
    assert resp.status_code == 200
    return resp.data


def pages_and_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())
