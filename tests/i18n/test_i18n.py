"""Every child can take part: languages, right to left, and no untranslated flow text."""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import force_locale, gettext

from rhi_assistant import vocabulary
from rhi_assistant.extensions import db
from rhi_assistant.flows.babel_extract import flow_strings
from rhi_assistant.flows.engine import DATA_DIR, load_flow
from rhi_assistant.models import Interview, User

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "translations"
LANGUAGES = [code for code in vocabulary.LANGUAGES if code != "en"]
FLOWS = sorted(p.stem for p in DATA_DIR.glob("*.json"))
# One interface string per language: a missing or stale .mo silently shows English.
GET_HELP = {"cy": "Cael help", "pl": "Uzyskaj pomoc", "ro": "Cere ajutor",
            "ar": "اطلب المساعدة", "sq": "Merr ndihmë"}


def catalogue(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


def all_flow_strings() -> dict[str, str]:
    """English flow text -> where it is, for every flow shipped."""
    found: dict[str, str] = {}
    for flow_id in FLOWS:
        raw = json.loads((DATA_DIR / f"{flow_id}.json").read_text(encoding="utf-8"))
        for where, text in flow_strings(raw):
            found.setdefault(text, where)
    return found


def test_every_flow_is_seen_by_the_extractor():
    strings = all_flow_strings()
    for flow_id in FLOWS:
        flow = load_flow(flow_id)
        assert flow.title in strings
        for section in flow.sections:
            assert section.title in strings
            for page in section.pages:
                for name in ("title", "prompt", "hint", "guidance"):
                    if getattr(page, name):
                        assert getattr(page, name) in strings, (flow_id, page.id, name)
                for option in page.options:
                    assert option.label in strings
                for variant in page.variants:
                    for key, value in variant.items():
                        if key != "when" and isinstance(value, str) and key != "icon":
                            assert value in strings, (flow_id, page.id, key)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_flow_string_has_a_reviewed_or_drafted_translation(lang):
    cat = catalogue(lang)
    missing = []
    for text, where in all_flow_strings().items():
        message = cat.get(text)
        if message is None or not message.string or message.fuzzy:
            missing.append(where)
    assert not missing, f"{lang}: untranslated flow text at {missing[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_says_it_is_a_draft_awaiting_review(lang):
    assert "Translation-Status: draft - awaiting review by a qualified translator" in (
        catalogue(lang).header_comment)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_interface_string_per_language_is_translated(client, lang):
    html = client.get(f"/help?lang={lang}").get_data(as_text=True)
    assert GET_HELP[lang] in html, f"{lang}: is translations/{lang}/LC_MESSAGES/messages.mo built?"
    with force_locale(lang):
        assert gettext("Get help") == GET_HELP[lang]


def test_arabic_pages_are_right_to_left_and_others_left_to_right(client):
    assert '<html lang="ar" dir="rtl"' in client.get("/help?lang=ar").get_data(as_text=True)
    assert '<html lang="cy" dir="ltr"' in client.get("/help?lang=cy").get_data(as_text=True)


def test_language_choice_is_remembered_and_bad_values_ignored(client):
    client.get("/help?lang=pl")
    assert '<html lang="pl"' in client.get("/help/tell-us").get_data(as_text=True)
    assert '<html lang="pl"' in client.get("/help?lang=xx").get_data(as_text=True)
    with client.client.session_transaction() as session:
        assert session["lang"] == "pl"


def test_language_switcher_links_keep_the_page_and_name_each_language_in_itself(client):
    html = client.get("/help/tell-us?lang=ro").get_data(as_text=True)
    assert 'href="/help/tell-us?lang=cy" lang="cy" hreflang="cy"' in html
    assert 'lang="ar" hreflang="ar" dir="rtl">العربية</a>' in html
    assert 'aria-current="true">Română</strong>' in html


def test_dates_follow_the_language(client):
    from datetime import UTC, datetime

    from rhi_assistant.web.templating import _day

    with client.client.application.test_request_context("/?lang=cy"):
        assert "Tachwedd" in _day(datetime(2026, 11, 20, tzinfo=UTC))


class _Text(HTMLParser):
    """Text nodes of a page, leaving out the English shown on purpose beneath a prompt."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip_at: int | None = None
        self.nodes: list[str] = []
        self.attrs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("input", "img", "br", "meta", "link"):
            self.attrs += [v for k, v in attrs if k in ("alt",) and v]
            return
        self.depth += 1
        if self.skip_at is None and "app-prompt-english" in (dict(attrs).get("class") or ""):
            self.skip_at = self.depth
        self.attrs += [v for k, v in attrs if k in ("data-read-aloud",) and v]

    def handle_endtag(self, tag):
        if tag in ("input", "img", "br", "meta", "link"):
            return
        if self.skip_at == self.depth:
            self.skip_at = None
        self.depth -= 1

    def handle_data(self, data):
        if self.skip_at is None and data.strip():
            self.nodes.append(" ".join(data.split()))


def _visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.nodes + parser.attrs)


@pytest.fixture
def interviews(episode):
    """One interview per flow, plain and easy-read, on the demo child, by the demo worker."""
    worker = db.session.scalar(db.select(User).filter_by(email="rhi.worker@example.org"))
    made = []
    for flow_id in FLOWS:
        for easy in (False, True):
            iv = Interview(episode=episode, kind=flow_id, flow_id=flow_id,
                           conducted_by_id=worker.id, language="en", easy_read=easy)
            db.session.add(iv)
            made.append(iv)
    db.session.commit()
    return made


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_flow_page_renders_with_no_untranslated_flow_text(make_client, interviews, lang):
    cat = catalogue(lang)
    english = {text for text in all_flow_strings()
               if (cat.get(text) and cat.get(text).string != text)}  # same by nature: allowed
    worker = make_client("rhi.worker@example.org")
    pages_seen = 0
    for iv in interviews:
        iv.language = lang
        db.session.commit()
        for page in load_flow(iv.flow_id).pages:
            resp = worker.get(f"/interviews/{iv.id}/pages/{page.id}?lang={lang}")
            assert resp.status_code == 200, (iv.flow_id, page.id)
            html = resp.get_data(as_text=True)
            text = _visible(html)
            left = sorted(s for s in english
                          if s in text.split("\n") or (len(s.split()) >= 4 and s in text))
            assert not left, f"{lang} {iv.flow_id}/{page.id}: English flow text {left}"
            if page.text("prompt", _ctx(iv)):
                # The interpreter still sees the English beneath the child's language.
                assert 'class="govuk-body-s app-prompt-english" lang="en"' in html
                assert f'class="app-prompt" id="prompt" lang="{lang}"' in html
            pages_seen += 1
    assert pages_seen == 2 * sum(len(load_flow(f).pages) for f in FLOWS)


def _ctx(iv):
    from rhi_assistant.services.interviews import context_for

    return context_for(iv)


def test_catalogues_are_up_to_date_with_the_code():
    """The check CI runs: fails when words changed and `scripts/translations update` was not."""
    result = subprocess.run(["bash", str(REPO / "scripts" / "translations"), "check"],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]


def test_admin_sees_translation_status_and_no_one_else_does(make_client):
    admin = make_client("admin@example.org")
    html = admin.get("/admin/translations").get_data(as_text=True)
    for lang in LANGUAGES:
        assert f"({lang})" in html or f", {lang})" in html
    assert html.count("draft - awaiting review by a qualified translator") == len(LANGUAGES)
    assert re.search(r"\d+ / \d+ \(\d+%\)", html)
    for email in ("rhi.worker@example.org", "manager@example.org", "police@example.org"):
        assert make_client(email).get("/admin/translations").status_code == 403


TEMPLATES = REPO / "rhi_assistant" / "templates"


def young_peoples_templates() -> set[str]:
    """The pages a young person sees without an account: every template built on the young
    people's layout, the layout itself and what it includes (found, not listed, so a new
    page is covered without being named here)."""
    found = {"referral/_layout.html"}
    for path in TEMPLATES.rglob("*.html"):
        if "referral/_layout.html" in path.read_text(encoding="utf-8"):
            found.add(path.relative_to(TEMPLATES).as_posix())
    layout = (TEMPLATES / "referral" / "_layout.html").read_text(encoding="utf-8")
    found |= set(re.findall(r'{%\s*include\s+"([^"]+)"', layout))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_on_the_young_peoples_pages_is_translated(lang):
    """A young person who is not safe now reads what to do in their language, not in
    English left behind by a new sentence."""
    pages = {f"rhi_assistant/templates/{t}" for t in young_peoples_templates()}
    assert "rhi_assistant/templates/referral/now.html" in pages
    missing = []
    for message in catalogue(lang):
        if not message.id or not any(where in pages for where, _line in message.locations):
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    assert not missing, f"{lang}: untranslated on the young people's pages: {missing}"
