"""Forms of the police notification pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, RadioField
from wtforms.validators import DataRequired, InputRequired

from rhi_assistant.web.base_form import BaseForm


class UploadForm(BaseForm):
    notifications = FileField(_l("Police notification file (CSV)"), validators=[
        FileRequired(_l("Select the police notification file"))])


class ImportForm(BaseForm):
    """The previewed file, carried to the import so nothing is read twice from the disk."""

    upload = HiddenField(validators=[DataRequired()])
    filename = HiddenField()


class ResolveForm(BaseForm):
    child = RadioField(_l("Which child is this?"),
                       validators=[InputRequired(_l("Select the child, or record a new child"))])
