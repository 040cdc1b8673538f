"""NUL and other control bytes, and dates no record can hold, are refused on every form
with a field error that keeps what was typed (web/base_form.py)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import StringField, TextAreaField

import rhi_assistant.web
from rhi_assistant.extensions import db
from rhi_assistant.models import SerafAssessment
from rhi_assistant.web.base_form import BaseForm

HIDDEN = "hidden characters"


def _all_form_classes() -> list[type]:
    for info in pkgutil.walk_packages(rhi_assistant.web.__path__, "rhi_assistant.web."):
        importlib.import_module(info.name)
    found, todo = [], [FlaskForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("rhi_assistant.web") and sub is not BaseForm:
                found.append(sub)
    return found


def _required_args(cls: type) -> list:
    """Empty lists for a form's own required arguments (the teams to choose from...)."""
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    return [[] for p in params
            if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


def test_every_form_derives_from_the_base_form():
    forms = _all_form_classes()
    assert len(forms) >= 20
    assert [f for f in forms if not issubclass(f, BaseForm)] == []


def test_every_text_field_of_every_form_refuses_a_nul_and_keeps_the_words(app):
    checked = 0
    for cls in _all_form_classes():
        with app.test_request_context(method="POST"):
            names = [name for name, unbound in vars(cls).items()
                     if getattr(unbound, "field_class", None) in (StringField, TextAreaField)]
            names += [n for base in cls.__mro__[1:] for n, u in vars(base).items()
                      if getattr(u, "field_class", None) in (StringField, TextAreaField)]
            if not names:
                continue
            form = cls(*_required_args(cls),
                       formdata=MultiDict({n: "safe\x00words\x07" for n in names}),
                       meta={"csrf": False})
            assert form.validate() is False, cls
            for name in names:
                field = form[name]
                assert any(HIDDEN in str(e) for e in field.errors), (cls, name, field.errors)
                assert field._value() == "safewords", (cls, name)
                checked += 1
    assert checked >= 40


def test_tabs_and_new_lines_are_fine(app):
    from rhi_assistant.web.auth.forms import SignInForm

    with app.test_request_context(method="POST"):
        form = SignInForm(formdata=MultiDict({"email": "a\tb", "password": "line\r\nnext"}),
                          meta={"csrf": False})
        form.validate()
        assert not any(HIDDEN in str(e) for f in form for e in f.errors)


def test_sign_in_with_a_nul_is_a_field_error(client):
    resp = client.post("/sign-in", {"email": "rhi.worker@example.org\x00", "password": "x"})
    assert resp.status_code == 200
    assert HIDDEN in resp.get_data(as_text=True)
    assert 'value="rhi.worker@example.org"' in resp.get_data(as_text=True)


def test_seraf_with_a_nul_is_refused_and_the_words_are_kept(make_client, episode):
    from support import start_interview

    worker = make_client("rhi.worker@example.org")
    interview_id = start_interview(worker, episode.id)
    url = f"/interviews/{interview_id}/seraf"
    worker.get(url)
    before = [(s.professional_judgement) for s in db.session.scalars(db.select(SerafAssessment))]
    resp = worker.post(url, {"professional_judgement": "She is safer at\x00 home now"},
                       csrf_from=url)
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200, resp.status_code
    assert HIDDEN in html
    assert "She is safer at home now" in html
    db.session.expire_all()
    after = [(s.professional_judgement) for s in db.session.scalars(db.select(SerafAssessment))]
    assert after == before


@pytest.mark.parametrize("year,time", [("20250", "10:00"), ("9999999999", "10:00"),
                                        ("2025", "99999999999:00"), ("1066", "10:00")])
def test_an_impossible_date_or_time_is_a_field_error(make_client, episode, year, time):
    worker = make_client("rhi.worker@example.org")
    url = f"/episodes/{episode.id}/offer/attempts/new"
    resp = worker.post(url, {"day": "1", "month": "2", "year": year, "time": time,
                             "method": "phone", "outcome": "no_answer", "note": "Rang twice"},
                       csrf_from=url)
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "Rang twice" in html
    assert "Enter a real date" in html or "Enter a year between 1900 and 2100" in html


@pytest.mark.parametrize("year", ["99999999999", "1850"])
def test_an_impossible_date_of_birth_is_a_field_error(make_client, year):
    worker = make_client("rhi.worker@example.org")
    resp = worker.post("/children/new", {"first_name": "Testy", "last_name": "Fictional",
                                         "dob_day": "1", "dob_month": "2", "dob_year": year},
                       csrf_from="/children/new")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "Testy" in html
    assert "Enter a real date of birth" in html or "Enter a year between 1900 and 2100" in html
