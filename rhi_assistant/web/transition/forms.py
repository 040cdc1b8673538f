"""The handover plan form: who supports the young person after 18, and what they want."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from rhi_assistant.web.base_form import BaseForm

ROUTE_LABELS = {  # one for each of models.transition.HANDOVER_ROUTES (a test checks)
    "leaving_care": _l("The leaving care service (a personal adviser)"),
    "adult_services": _l("Adult services (adult social care or adult mental health)"),
    "both": _l("Both the leaving care service and adult services"),
    "no_service": _l("No continuing service: told where to find help"),
    "not_decided": _l("Not decided yet"),
}


class HandoverPlanForm(BaseForm):
    route = RadioField(_l("Who will support them after they turn 18?"),
                       choices=list(ROUTE_LABELS.items()),
                       validators=[DataRequired(message=_l("Select who will support them"))])
    young_person_wishes = TextAreaField(
        _l("What the young person wants"),
        validators=[DataRequired(message=_l("Write what the young person wants, or that "
                                            "they were not asked and why")),
                    Length(max=5000)])
    plan = TextAreaField(_l("The plan"), validators=[Optional(), Length(max=5000)])
