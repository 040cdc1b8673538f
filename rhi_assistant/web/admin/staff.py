"""Admin pages for staff accounts: list, add, change role or team, close, reset password.

An admin sees no child's record; these pages hold only staff details. A temporary
password is shown once, on the page that made it, and never stored in clear or flashed.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from rhi_assistant import audit
from rhi_assistant.extensions import db
from rhi_assistant.models import Team, User
from rhi_assistant.services.accounts import AccountError, change_user, create_user, set_password
from rhi_assistant.services.accounts import temporary_password as make_temporary_password
from rhi_assistant.web.access import require_role
from rhi_assistant.web.admin.forms import AccountChangeForm, AccountForm, role_choices
from rhi_assistant.web.admin.routes import bp
from rhi_assistant.web.form_errors import add_error


def _teams() -> list[Team]:
    return list(db.session.scalars(db.select(Team).order_by(Team.name)))


def _team(choice: str | None) -> Team | None:
    return None if choice in (None, "", "none") else db.session.get(Team, int(choice))


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


@bp.route("/accounts")
@login_required
def accounts():
    require_role("admin")
    users = list(db.session.scalars(db.select(User).order_by(User.active.desc(), User.name)))
    return render_template("admin/accounts.html", users=users, roles=dict(role_choices()))


@bp.route("/accounts/new", methods=["GET", "POST"])
@login_required
def new_account():
    require_role("admin")
    form = AccountForm(_teams())
    if form.validate_on_submit():
        password = make_temporary_password()
        try:
            user = create_user(form.email.data or "", form.name.data or "", form.role.data,
                               _team(form.team.data), password)
        except AccountError as exc:
            add_error(form.email, str(exc))
        else:
            audit.record("account_created", None, "user", user.id, detail=user.role)
            return render_template("admin/password_shown.html", user=user, password=password,
                                   created=True)
    return render_template("admin/account_new.html", form=form)


@bp.route("/accounts/<int:user_id>", methods=["GET", "POST"])
@login_required
def account(user_id: int):
    require_role("admin")
    user = _user_or_404(user_id)
    form = AccountChangeForm(_teams())
    if request.method == "GET":
        form.role.data = user.role
        form.team.data = str(user.team_id) if user.team_id else "none"
        form.active.data = "yes" if user.active else "no"
    if form.validate_on_submit():
        try:
            changed = change_user(user, role=form.role.data, team=_team(form.team.data),
                                  active=form.active.data == "yes", acting=current_user)
        except AccountError as exc:
            add_error(form.role, str(exc))
        else:
            if changed:
                audit.record("account_changed", None, "user", user.id,
                             detail=",".join(changed)[:200])
                flash(_("The account of %(name)s was changed.", name=user.name))
            return redirect(url_for("admin.accounts"))
    return render_template("admin/account.html", form=form, user=user)


@bp.route("/accounts/<int:user_id>/password", methods=["POST"])
@login_required
def reset_password(user_id: int):
    require_role("admin")
    user = _user_or_404(user_id)
    password = make_temporary_password()
    set_password(user, password)
    audit.record("account_password_reset", None, "user", user.id)
    return render_template("admin/password_shown.html", user=user, password=password,
                           created=False)
