"""Forms for the RHI offer and the outcomes after it.

Codes are stored, labels are shown: a refusal reason or an outcome stays
countable however the wording changes or whichever language it is shown in.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from rhi_assistant import clock
from rhi_assistant.vocabulary.labels import REFUSAL_LABELS
from rhi_assistant.web.base_form import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    YEAR_MESSAGE,
    BaseForm,
    year_in_range,
)

METHOD_LABELS = {
    "phone": _l("Phone call"),
    "text": _l("Text message"),
    "letter": _l("Letter"),
    "visit": _l("Home or placement visit"),
    "school": _l("At school or college"),
}
ATTEMPT_OUTCOME_LABELS = {
    "accepted": _l("Accepted the offer"),
    "appointment_arranged": _l("Appointment arranged"),
    "message_left": _l("Message left"),
    "no_response": _l("No answer or no reply"),
    "declined": _l("Declined"),
}
CONSENT_LABELS = {"given": _l("Consent given"), "refused": _l("Consent refused"),
                  "not_reached": _l("Could not be reached")}
OUTCOME_LABELS = {
    "no_further_action": _l("No further action"),
    "information_shared_with_police": _l("Information shared with the police"),
    "referral_childrens_social_care": _l("Referral to children's social care"),
    "referral_early_help": _l("Referral to early help"),
    "strategy_discussion_requested": _l("Strategy discussion requested"),
    "multi_agency_meeting": _l("Multi-agency meeting"),
    "exploitation_screening": _l("CSE or CCE screening, or SERAF review"),
    "nrm_referral": _l("National Referral Mechanism (NRM) referral"),
    "trigger_plan_updated": _l("Trigger plan updated"),
    "other": _l("Other"),
}


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class WhenForm(BaseForm):
    """A GOV.UK date input plus a 24-hour time, read on the team's wall clock.

    ``zone`` is the time zone of the team's protocol profile (the install's
    profile when not given), so a worker types the time their own clock shows.
    """

    day = StringField(_l("Day"))
    month = StringField(_l("Month"))
    year = StringField(_l("Year"))
    time = StringField(_l("Time"))
    when: datetime | None = None

    def __init__(self, *args: object, zone: ZoneInfo | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.zone = zone or clock.local_zone()

    def fill_now(self) -> None:
        self.fill(clock.now())

    def fill(self, moment: datetime) -> None:
        """Show an instant as the local date and time it was."""
        local = moment.astimezone(self.zone)
        self.day.data, self.month.data, self.year.data = (
            str(local.day), str(local.month), str(local.year))
        self.time.data = local.strftime("%H:%M")

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        try:
            hour, _sep, minute = (self.time.data or "").strip().replace(".", ":").partition(":")
            local = datetime(int(self.year.data or ""), int(self.month.data or ""),
                             int(self.day.data or ""),
                             int(hour), int(minute or 0), tzinfo=self.zone)
        except (TypeError, ValueError, OverflowError):
            self.day.errors = [*self.day.errors, _l("Enter a real date and a time like 14:30")]
            return False
        if not year_in_range(local.year):
            self.day.errors = [*self.day.errors, YEAR_MESSAGE % {
                "first": EARLIEST_YEAR, "last": LATEST_YEAR}]
            return False
        if local > clock.now():
            self.day.errors = [*self.day.errors, _l("The date and time must be in the past")]
            return False
        self.when = local
        return ok


class AttemptForm(WhenForm):
    method = RadioField(_l("How did you offer the interview?"),
                        choices=list(METHOD_LABELS.items()),
                        validators=[DataRequired(message=_l("Select how you offered it"))])
    outcome = RadioField(_l("What happened?"), choices=list(ATTEMPT_OUTCOME_LABELS.items()),
                         validators=[DataRequired(message=_l("Select what happened"))])
    note = TextAreaField(_l("Notes (optional)"), validators=[Optional(), Length(max=2000)])


class RefusalForm(WhenForm):
    reason = RadioField(_l("Why will the interview not take place?"),
                        choices=list(REFUSAL_LABELS.items()),
                        validators=[DataRequired(message=_l("Select a reason"))])
    detail = TextAreaField(_l("Details"), validators=[Optional(), Length(max=2000)])

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.reason.data == "other" and not (self.detail.data or "").strip():
            self.detail.errors = [*self.detail.errors, _l("Say what the reason is")]
            return False
        return ok


class IndependentPersonForm(WhenForm):
    choice = RadioField(
        _l("Does the child want an independent person to do the interview?"),
        choices=[("yes", _l("Yes")), ("no", _l("No"))],
        validators=[DataRequired(message=_l("Select yes or no"))])


class ConsentForm(BaseForm):
    parent_or_carer = RadioField(_l("Parent or carer"), choices=list(CONSENT_LABELS.items()),
                                 validators=[Optional()])
    child = RadioField(_l("The child"),
                       choices=[(k, v) for k, v in CONSENT_LABELS.items() if k != "not_reached"],
                       validators=[Optional()])


class OutcomeForm(BaseForm):
    codes = MultiCheckboxField(_l("What happened after the interview?"),
                               choices=list(OUTCOME_LABELS.items()),
                               validators=[DataRequired(message=_l("Select at least one outcome"))])
    other_detail = TextAreaField(_l("Other outcome"), validators=[Optional(), Length(max=2000)])
    notes = TextAreaField(_l("Notes for the manager (optional)"),
                          validators=[Optional(), Length(max=4000)])

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if ok and "other" in (self.codes.data or []) and not (self.other_detail.data or "").strip():
            message = _l("Say what the other outcome is")
            self.other_detail.errors = [*self.other_detail.errors, message]
            return False
        return ok


class ActionDoneForm(WhenForm):
    """A protocol action (meeting, notification, referral) done: when, and a short note."""

    note = TextAreaField(_l("Notes (optional)"), validators=[
        Optional(), Length(max=500, message=_l("Notes must be 500 characters or fewer"))])


class ConfirmForm(BaseForm):
    """A button that changes something: CSRF only."""
