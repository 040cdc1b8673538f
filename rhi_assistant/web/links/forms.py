"""Forms of the links page: a decision on a mention, and "not the same" on a link."""

from __future__ import annotations

from wtforms import HiddenField, IntegerField
from wtforms.validators import DataRequired, InputRequired, Length

from rhi_assistant.web.base_form import BaseForm


class MentionDecisionForm(BaseForm):
    """Confirm or reject one person, place, vehicle or contact found in the child's notes."""

    kind = HiddenField(validators=[DataRequired(), Length(max=10)])
    text = HiddenField(validators=[DataRequired(), Length(max=300)])
    interview_id = IntegerField(validators=[InputRequired()])
    decision = HiddenField(validators=[DataRequired()])


class NotSameForm(BaseForm):
    """A person says two linked mentions are not the same thing (remembered)."""

    here_id = IntegerField(validators=[InputRequired()])
    other_id = IntegerField(validators=[InputRequired()])
