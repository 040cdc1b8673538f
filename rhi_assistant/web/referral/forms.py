"""The young person's help form: few fields, plain words, hard limits on size."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from rhi_assistant.models.referrals import CONTACT_BY, SAFE_NOW
from rhi_assistant.web.base_form import BaseForm

MAX_STORY = 5000
MAX_SHORT = 200
# WTForms fills in %(max)d itself.
TOO_LONG = _l("This is too long. Use %(max)d letters or fewer.")


class HelpForm(BaseForm):
    """Labels live in the template (with hints); messages here are what a child reads on error."""

    safe_now = RadioField(
        choices=[(v, v) for v in SAFE_NOW],
        validators=[DataRequired(message=_l("Choose if you are safe now"))],
    )
    what_is_happening = TextAreaField(
        validators=[
            DataRequired(message=_l("Tell us what is happening")),
            Length(max=MAX_STORY, message=TOO_LONG),
        ]
    )
    contact_by = RadioField(
        choices=[(v, v) for v in CONTACT_BY],
        validators=[DataRequired(message=_l("Choose how we can get in touch"))],
    )
    # No Optional(): it would stop the chain before validate_contact runs.
    contact = StringField(validators=[Length(max=MAX_SHORT, message=TOO_LONG)])
    safe_times = StringField(validators=[Optional(), Length(max=MAX_SHORT, message=TOO_LONG)])
    name = StringField(validators=[Optional(), Length(max=MAX_SHORT, message=TOO_LONG)])
    anything_else = TextAreaField(validators=[Optional(), Length(max=MAX_STORY, message=TOO_LONG)])

    def validate_contact(self, field: StringField) -> None:
        if self.contact_by.data in ("text", "call", "email") and not (field.data or "").strip():
            raise ValidationError(_l("Tell us your phone number or email"))
