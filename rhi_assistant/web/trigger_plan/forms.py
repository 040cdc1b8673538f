"""The trigger plan form: every list is one item a line, so it works without JavaScript."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import Length, Optional

from rhi_assistant.web.base_form import BaseForm

_LIMIT = [Optional(), Length(max=8000)]


class TriggerPlanForm(BaseForm):
    carers_before_police = TextAreaField(
        _l("Actions for parents or carers before calling the police"), validators=_LIMIT)
    police_actions = TextAreaField(
        _l("Actions for the police when the child is reported missing"), validators=_LIMIT)
    approach = TextAreaField(_l("How to approach the child"), validators=_LIMIT)
    background = TextAreaField(_l("Background"), validators=_LIMIT)
    frequented_places = TextAreaField(_l("Places the child is known to go"), validators=_LIMIT)
    lines_of_enquiry = TextAreaField(_l("Lines of enquiry"), validators=_LIMIT)
    known_associates = TextAreaField(_l("Known associates"), validators=_LIMIT)
    vehicles = TextAreaField(_l("Vehicles"), validators=_LIMIT)
    addresses = TextAreaField(_l("Addresses"), validators=_LIMIT)
    family_members = TextAreaField(_l("Family members"), validators=_LIMIT)
    professionals = TextAreaField(_l("Professionals involved"), validators=_LIMIT)
