"""Admin forms for staff accounts."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import EmailField, RadioField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Regexp

from rhi_assistant.web.base_form import BaseForm


def role_choices() -> list[tuple[str, str]]:
    return [
        ("rhi_worker", _l("RHI worker")),
        ("manager", _l("Manager")),
        ("police_officer", _l("Police officer")),
        ("admin", _l("Admin")),
    ]


class _RoleAndTeam(BaseForm):
    role = RadioField(_l("Role"), validators=[InputRequired(_l("Select a role"))])
    team = RadioField(_l("Team"), validators=[InputRequired(_l("Select a team"))])

    def __init__(self, teams, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = role_choices()
        self.team.choices = [("none", _l("No team (admins only)"))] + [
            (str(t.id), t.name) for t in teams]


class AccountForm(_RoleAndTeam):
    name = StringField(_l("Full name"), validators=[
        DataRequired(_l("Enter the person's full name")), Length(max=120)])
    email = EmailField(_l("Work email address"), validators=[
        DataRequired(_l("Enter their work email address")),
        Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
               message=_l("Enter an email address in the correct format, like name@example.org")),
        Length(max=200)])


class AccountChangeForm(_RoleAndTeam):
    active = RadioField(
        _l("Can this person sign in?"),
        choices=[("yes", _l("Yes, the account is open")),
                 ("no", _l("No, close the account"))],
        validators=[InputRequired(_l("Select whether the account is open"))],
    )
