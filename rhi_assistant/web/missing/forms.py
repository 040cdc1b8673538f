"""Forms for a missing episode as the police report it, and for the child's return.

Times are typed on the team's wall clock through the episode pages' WhenForm, one per time
with its own prefix (``last_seen-day``...), so several fit one page.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from rhi_assistant.models.cases import POLICE_RISKS
from rhi_assistant.vocabulary.record_labels import (
    FOUND_BY_LABELS,
    MISSING_FROM_LABELS,
    REPORTED_BY_LABELS,
)
from rhi_assistant.web.base_form import BaseForm
from rhi_assistant.web.episodes.forms import WhenForm
from rhi_assistant.web.templating import police_risk_label

YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]


def when_form(prefix: str, zone: ZoneInfo) -> WhenForm:
    """A date and time on the team's clock, part of a larger form (which carries the CSRF)."""
    return WhenForm(prefix=prefix, zone=zone, meta={"csrf": False})


class EpisodeForm(BaseForm):
    reported_by = RadioField(_l("Who reported the child missing?"),
                             choices=list(REPORTED_BY_LABELS.items()),
                             validators=[DataRequired(message=_l("Select who reported it"))])
    reported_by_detail = StringField(_l("Who, if someone else (optional)"),
                                     validators=[Optional(), Length(max=200)])
    police_reference = StringField(_l("Police reference (optional)"),
                                   validators=[Optional(), Length(max=60)])
    police_risk = RadioField(_l("Police risk grading"), choices=[],
                             validators=[DataRequired(message=_l("Select the police risk"))])
    missing_from = RadioField(_l("Missing from"), choices=list(MISSING_FROM_LABELS.items()),
                              validators=[DataRequired(message=_l("Select where from"))])
    placement_out_of_area = RadioField(_l("Is the child placed out of area?"), choices=YES_NO,
                                       validators=[DataRequired(message=_l("Select yes or no"))])
    placement_area = StringField(_l("Placement area (optional)"),
                                 validators=[Optional(), Length(max=120)])

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.police_risk.choices = [(c, police_risk_label(c).capitalize()) for c in POLICE_RISKS]

    def values(self) -> dict[str, Any]:
        return {
            "reported_by": self.reported_by.data,
            "reported_by_detail": self.reported_by_detail.data,
            "police_reference": self.police_reference.data,
            "police_risk": self.police_risk.data,
            "missing_from": self.missing_from.data,
            "placement_out_of_area": self.placement_out_of_area.data == "yes",
            "placement_area": self.placement_area.data,
        }

    def fill(self, episode) -> None:
        for name in ("reported_by", "reported_by_detail", "police_reference", "police_risk",
                     "missing_from", "placement_area"):
            getattr(self, name).data = getattr(episode, name)
        self.placement_out_of_area.data = "yes" if episode.placement_out_of_area else "no"


class ReturnForm(BaseForm):
    where_found = StringField(_l("Where were they found or where did they return to?"),
                              validators=[Optional(), Length(max=300)])
    found_by = RadioField(_l("Who found them or brought them back?"),
                          choices=list(FOUND_BY_LABELS.items()),
                          validators=[DataRequired(message=_l("Select who found them"))])
    return_detail = TextAreaField(_l("How did they come back? (optional)"),
                                  validators=[Optional(), Length(max=2000)])
    places_stayed = TextAreaField(
        _l("Where did they stay, or where were they taken, while missing? (optional)"),
        validators=[Optional(), Length(max=2000)])
    found_with = TextAreaField(_l("Who were they with when found? (optional)"),
                               validators=[Optional(), Length(max=2000)])

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name).data for name in self.RECORDED}

    RECORDED = ("where_found", "found_by", "return_detail", "places_stayed", "found_with")

    def fill(self, episode) -> None:
        for name in self.RECORDED:
            getattr(self, name).data = getattr(episode, name)
