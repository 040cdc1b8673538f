"""Nothing typed is lost: words posted after an idle sign-out come back into their form.

When the idle timeout signs someone out, the post they were sending cannot be
saved, but the session cookie still says who typed it. `keep_posted_words` (called
by the security layer, web/security.py `_idle_timeout`, with the user who expired)
keeps the post's free-text fields for that user, encrypted. When that same user
next opens a page whose form posts to the same place, `restore_into_page` puts the
words back into the form's text boxes and says so; once that form is saved (a
post answered by a redirect), the kept words are dropped. Another user never
sees them: they are read by the signed-in user's id only.

A failed save re-renders the form with what was typed (the routes do); a dropped
connection is covered in the browser (static/js/app.js keeps the words in this
tab's sessionStorage), except on the young people's /help pages, which must leave
no trace on the device.
"""

from __future__ import annotations

import html
import logging
import re

from flask import Flask, Request, Response, flash, g, request, session
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError, validate_csrf
from markupsafe import escape
from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError
from wtforms.validators import ValidationError

from rhi_assistant import audit
from rhi_assistant.services import kept_words as store

log = logging.getLogger(__name__)

#: Posted fields that are never words to keep: tokens, buttons, secrets, searches.
NOT_WORDS = {"csrf_token", "action", "next", "q", "search", "submit"}
#: Endpoints whose words are kept another way (the interview's autosave keeps its own draft).
KEPT_ELSEWHERE = {"interview.autosave"}
#: The longest text kept per field (the forms themselves accept no more).
MAX_CHARS = 20_000
#: The session key naming the form just saved, so the browser can forget its copy.
SAVED_KEY = "kept_words_saved"
#: Text boxes: inputs of these types (no type means text) and every textarea.
TEXT_TYPES = {"text", "email", "tel", "url", "number", ""}

_FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)
_ATTR = r'\b{}="([^"]*)"'
_INPUT = re.compile(r"<input\b[^>]*>", re.I)


def init_app(app: Flask) -> None:
    app.after_request(_after_request)
    app.jinja_env.globals["kept_words_saved"] = saved_form_path
    app.jinja_env.globals["keeps_words_on_device"] = keeps_words_on_device


def is_free_text_name(name: str) -> bool:
    lowered = name.lower()
    return name not in NOT_WORDS and "password" not in lowered and "search" not in lowered


def keep_posted_words(user_id: int, req: Request) -> bool:
    """Keep the free text of a post that arrived just after `user_id` was signed out.

    Only a post carrying a valid CSRF token is kept, so another site cannot plant
    words in someone's form. Returns whether anything was kept.
    """
    if (req.method != "POST" or req.endpoint in KEPT_ELSEWHERE or req.endpoint is None
            or req.path.startswith("/help")):  # a young person's words are never kept
        return False
    try:
        validate_csrf(req.form.get("csrf_token") or req.headers.get("X-CSRFToken"))
    except (ValidationError, CSRFError):
        return False
    fields = {
        name: value[:MAX_CHARS]
        for name, value in req.form.items()
        if is_free_text_name(name) and isinstance(value, str) and value.strip()
    }
    if not fields:
        return False
    draft = store.keep(user_id, req.path, fields)
    audit.record("keep_words_after_timeout", None, "kept_draft", draft.id, detail=req.path,
                 user_id=user_id)
    if req.endpoint != "interview.page":  # the interview says it in its own words
        flash(_("You were signed out because you were inactive. Your words were kept: "
                "sign in again and they will be back in the form."))
    return True


def signed_in_id() -> int | None:
    """The signed-in user's id, without reading their row again.

    Why: a save's commit expires the user loaded at the start of the request, and asking
    ``current_user.is_authenticated`` or ``.id`` after it reads the row back only to learn
    the id the request was signed in with (it was checked active when loaded)."""
    user = current_user._get_current_object()
    state = inspect(user, raiseerr=False)
    if state is None or state.identity is None:  # the anonymous user: no row
        return None
    return int(state.identity[0])


def _after_request(response: Response) -> Response:
    if request.endpoint in (None, "static"):
        return response
    user_id = signed_in_id()
    if user_id is None:
        return response
    # Whether any words were kept for this user, read with the user at the start of the
    # request (web/auth/routes.py load_user); unknown means look.
    waiting = g.get("kept_words_waiting", True)
    try:
        if request.method == "POST" and 300 <= response.status_code < 400:
            # A post answered by a redirect is a save that worked.
            if waiting:
                store.drop(user_id, request.path)
            session[SAVED_KEY] = request.path
        elif (waiting and request.method == "GET" and response.status_code == 200
              and response.mimetype == "text/html" and not response.is_streamed):
            restore_into_page(response, user_id)
    except SQLAlchemyError:
        # The page itself worked; never turn it into an error over kept words.
        log.exception("kept words could not be read or dropped")
    return response


def restore_into_page(response: Response, user_id: int) -> None:
    """Put the signed-in user's kept words back into the forms on this page that post there."""
    drafts = store.for_user(user_id)
    if not drafts:
        return
    page = response.get_data(as_text=True)
    changed = False
    for draft in drafts:
        page, filled = fill_form(page, draft.path, draft.fields, request.path)
        changed = changed or filled
    if changed:
        response.set_data(page)


def fill_form(page: str, path: str, fields: dict[str, str], page_path: str) -> tuple[str, bool]:
    """The page with `fields` put into the first form posting to `path`, and a notice above."""
    for match in _FORM.finditer(page):
        form = match.group(0)
        start_tag = form[: form.index(">") + 1]
        action = re.search(_ATTR.format("action"), start_tag)
        target = html.unescape(action.group(1)).split("?")[0] if action else page_path
        if (target or page_path) != path or "post" not in start_tag.lower():
            continue
        filled = form
        for name, text in fields.items():
            filled = _fill_field(filled, name, text)
        if filled == form:
            continue
        notice = ('<div class="govuk-inset-text app-kept-words" role="status">'
                  + str(escape(_("These are the words you typed before you were signed out. "
                                 "Check them, then save.")))
                  + "</div>")
        filled = start_tag + notice + filled[len(start_tag):]
        return page[: match.start()] + filled + page[match.end():], True
    return page, False


def _fill_field(form: str, name: str, text: str) -> str:
    quoted = re.escape(str(escape(name)))
    area = re.compile(rf'(<textarea\b[^>]*\bname="{quoted}"[^>]*>)(.*?)(</textarea>)', re.S | re.I)
    if area.search(form):
        # A newline first, as the browser drops one leading newline inside a textarea.
        return area.sub(lambda m: m.group(1) + "\n" + str(escape(text)) + m.group(3), form,
                        count=1)

    def fill_input(m: re.Match[str]) -> str:
        tag = m.group(0)
        named = re.search(_ATTR.format("name"), tag)
        kind = re.search(_ATTR.format("type"), tag)
        if named is None or html.unescape(named.group(1)) != name:
            return tag
        if (kind.group(1).lower() if kind else "") not in TEXT_TYPES:
            return tag
        value = f' value="{escape(text)}"'
        if re.search(_ATTR.format("value"), tag):
            return re.sub(_ATTR.format("value"), lambda _m: value.strip(), tag, count=1)
        return tag[:6] + value + tag[6:]

    return _INPUT.sub(fill_input, form)


def saved_form_path() -> str:
    """The form just saved (once), so the browser forgets its copy of the words."""
    return session.pop(SAVED_KEY, "") if SAVED_KEY in session else ""


def keeps_words_on_device() -> bool:
    """Whether this page may keep typed words in the browser: never on the /help pages,
    where "Exit this page" must leave nothing behind."""
    return current_user.is_authenticated and not request.path.startswith("/help")
