from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

from rhi_assistant.web.base_form import BaseForm


class SignInForm(BaseForm):
    email = EmailField(_l("Email address"), validators=[DataRequired(), Length(max=200)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


class ChangePasswordForm(BaseForm):
    current = PasswordField(_l("Your current password"), validators=[
        DataRequired(_l("Enter your current password")), Length(max=200)])
    new = PasswordField(_l("New password"), validators=[
        DataRequired(_l("Enter a new password")), Length(max=200)])
    confirm = PasswordField(_l("Type the new password again"), validators=[
        DataRequired(_l("Type the new password again")),
        EqualTo("new", _l("The two new passwords do not match"))])
