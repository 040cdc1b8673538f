"""What the duty manager did about a young person's request for help."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, RadioField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from rhi_assistant.vocabulary.record_labels import REFERRAL_OUTCOME_LABELS
from rhi_assistant.web.base_form import BaseForm


class OutcomeForm(BaseForm):
    outcome = RadioField(_l("What was done?"), choices=list(REFERRAL_OUTCOME_LABELS.items()),
                         validators=[DataRequired(message=_l("Select what was done"))])
    note = TextAreaField(_l("Notes (optional)"), validators=[
        Optional(), Length(max=2000, message=_l("Notes must be 2000 characters or fewer"))])

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if ok and self.outcome.data == "other" and not (self.note.data or "").strip():
            self.note.errors = [*self.note.errors, _l("Say what was done")]
            return False
        return ok


class LinkForm(BaseForm):
    child_id = IntegerField(validators=[DataRequired()])


class AssignForm(BaseForm):
    """Who follows the request up: choices are the team's managers and RHI workers."""

    assignee = SelectField(_l("Who follows it up?"), coerce=int,
                           validators=[DataRequired(message=_l("Select who follows it up"))])


class NoteForm(BaseForm):
    text = TextAreaField(_l("Add a note"), validators=[
        DataRequired(message=_l("Write the note")),
        Length(max=2000, message=_l("Notes must be 2000 characters or fewer"))])
