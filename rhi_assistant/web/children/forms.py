"""The form for a child's details: every field the case holds, typed as the team knows it."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from rhi_assistant import clock
from rhi_assistant.models import Child
from rhi_assistant.vocabulary import LANGUAGES
from rhi_assistant.vocabulary.record_labels import PLAN_LABELS
from rhi_assistant.web.base_form import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    YEAR_MESSAGE,
    BaseForm,
    year_in_range,
)
from rhi_assistant.web.episodes.forms import MultiCheckboxField

YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]
#: Free-text fields copied to and from the Child as they are.
TEXT_FIELDS = ("first_name", "last_name", "preferred_name", "gender", "ethnicity", "address",
               "address_area", "school", "home_authority", "host_authority",
               "sen_or_disability", "legal_status", "other_agencies")


def _language_choices() -> list[tuple[str, str]]:
    """The app's languages by their English names (stored as words, like the demo's)."""
    return [(english, english) for _native, english in LANGUAGES.values()]


class ChildForm(BaseForm):
    first_name = StringField(_l("First name"), validators=[
        DataRequired(message=_l("Enter the child's first name")), Length(max=100)])
    last_name = StringField(_l("Last name"), validators=[
        DataRequired(message=_l("Enter the child's last name")), Length(max=100)])
    preferred_name = StringField(_l("Preferred name or nickname (optional)"),
                                 validators=[Optional(), Length(max=100)])
    dob_day = StringField(_l("Day"))
    dob_month = StringField(_l("Month"))
    dob_year = StringField(_l("Year"))
    gender = StringField(_l("Gender (optional)"), validators=[Optional(), Length(max=40)])
    ethnicity = StringField(_l("Ethnicity (optional)"), validators=[Optional(), Length(max=80)])
    languages = MultiCheckboxField(_l("Languages"), choices=_language_choices(),
                                   validators=[Optional()])
    other_languages = StringField(_l("Other languages (optional)"),
                                  validators=[Optional(), Length(max=80)])
    address = TextAreaField(_l("Address (optional)"), validators=[Optional(), Length(max=500)])
    address_area = StringField(_l("Town or area (optional)"),
                               validators=[Optional(), Length(max=120)])
    school = StringField(_l("School or college (optional)"),
                         validators=[Optional(), Length(max=200)])
    home_authority = StringField(_l("Home authority (optional)"),
                                 validators=[Optional(), Length(max=120)])
    host_authority = StringField(_l("Host authority, if placed out of area (optional)"),
                                 validators=[Optional(), Length(max=120)])
    sen_or_disability = TextAreaField(_l("Special educational needs or disability (optional)"),
                                      validators=[Optional(), Length(max=1000)])
    looked_after = RadioField(_l("Is the child looked after?"), choices=YES_NO,
                              validators=[DataRequired(message=_l("Select yes or no"))])
    legal_status = StringField(_l("Legal status (optional)"),
                               validators=[Optional(), Length(max=80)])
    plans = MultiCheckboxField(_l("Plans and services"), choices=list(PLAN_LABELS.items()),
                               validators=[Optional()])
    other_agencies = StringField(_l("Other agencies involved (optional)"),
                                 validators=[Optional(), Length(max=200)])
    # "new" once the person has seen the possible matches and said it is a different child.
    decision = HiddenField()
    date_of_birth: date | None = None

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        parts = (self.dob_day.data, self.dob_month.data, self.dob_year.data)
        self.date_of_birth = None
        if any((p or "").strip() for p in parts):
            try:
                born = date(int(self.dob_year.data or ""), int(self.dob_month.data or ""),
                            int(self.dob_day.data or ""))
            except (TypeError, ValueError, OverflowError):
                self.dob_day.errors = [*self.dob_day.errors,
                                       _l("Enter a real date of birth, for example 14 3 2012")]
                return False
            if not year_in_range(born.year):
                self.dob_day.errors = [*self.dob_day.errors, YEAR_MESSAGE % {
                    "first": EARLIEST_YEAR, "last": LATEST_YEAR}]
                return False
            if born > clock.now().date():
                self.dob_day.errors = [*self.dob_day.errors,
                                       _l("The date of birth must be in the past")]
                return False
            self.date_of_birth = born
        extra = len(", ".join(self._languages()))
        if extra > 120:
            self.other_languages.errors = [*self.other_languages.errors,
                                           _l("Languages must be 120 characters or fewer")]
            return False
        return ok

    def _languages(self) -> list[str]:
        others = [w.strip() for w in (self.other_languages.data or "").split(",") if w.strip()]
        return [*(self.languages.data or []), *others]

    def details(self) -> dict[str, Any]:
        """The child's fields as the model holds them."""
        values: dict[str, Any] = {name: getattr(self, name).data for name in TEXT_FIELDS}
        values["date_of_birth"] = self.date_of_birth
        values["languages"] = ", ".join(self._languages()) or None
        values["looked_after"] = self.looked_after.data == "yes"
        for code in PLAN_LABELS:
            values[code] = code in (self.plans.data or [])
        return values

    def fill(self, child: Child) -> None:
        """Show a recorded child's details to correct them."""
        for name in TEXT_FIELDS:
            getattr(self, name).data = getattr(child, name)
        if child.date_of_birth:
            dob = child.date_of_birth
            self.dob_day.data, self.dob_month.data, self.dob_year.data = (
                str(dob.day), str(dob.month), str(dob.year))
        known = {english for english, _ in _language_choices()}
        words = [w.strip() for w in (child.languages or "").split(",") if w.strip()]
        self.languages.data = [w for w in words if w in known]
        self.other_languages.data = ", ".join(w for w in words if w not in known)
        self.looked_after.data = "yes" if child.looked_after else "no"
        self.plans.data = [code for code in PLAN_LABELS if getattr(child, code)]
