"""The form to share a child's case with another team."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.validators import DataRequired, Length

from rhi_assistant.web.base_form import BaseForm


class ShareForm(BaseForm):
    team_id = RadioField(_l("Which team?"), coerce=int, choices=[],
                         validators=[DataRequired(message=_l("Select a team"))])
    reason = TextAreaField(_l("Why are you sharing the case?"), validators=[
        DataRequired(message=_l("Say why the team needs to see the case")),
        Length(max=1000, message=_l("The reason must be 1000 characters or fewer"))])


class RevokeForm(BaseForm):
    """A button that stops a share: CSRF only."""
