from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from rhi_assistant.vocabulary.labels import window_choices
from rhi_assistant.web.base_form import BaseForm
from rhi_assistant.web.episodes.forms import WhenForm

MAX_NOTE = 20000


class PageForm(BaseForm):
    """One page of a flow; the fields used depend on the page kind."""

    notes = TextAreaField(_l("Notes of the child's words"), validators=[Length(max=MAX_NOTE)])
    choice = RadioField(choices=[], validators=[Optional()], validate_choice=False)


class DecisionForm(BaseForm):
    decision = HiddenField()
    reason = StringField(_l("Reason (optional)"), validators=[Optional(), Length(max=500)])


class AddIndicatorForm(BaseForm):
    indicator = SelectField(_l("Indicator"), choices=[])
    window = SelectField(
        _l("When"),
        choices=window_choices(),
    )
    # The sentences of the notes (set by the route): added evidence is never typed afresh.
    evidence = SelectField(
        _l("The words in your notes that show it"), choices=[], validate_choice=False,
        validators=[Length(max=MAX_NOTE)],
    )


class StartInterviewForm(BaseForm):
    language = SelectField(_l("Language of the interview"), choices=[])
    easy_read = RadioField(
        _l("Easy-read wording"),
        choices=[("no", _l("No")), ("yes", _l("Yes"))],
        default="no",
    )


class QuestionCheckForm(BaseForm):
    question = StringField(
        _l("Check a question before you ask it"),
        validators=[DataRequired(), Length(max=500)],
    )


class CheckDoneForm(WhenForm):
    """When the safe and well check was done: often on the street, typed in later.

    The date and time are filled with now; the officer changes them to when they saw the
    child. WhenForm refuses a time in the future; the service refuses one before the
    child was found."""
