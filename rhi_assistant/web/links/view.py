"""What of a child's links the signed-in user may see (shared/spec/links.md, who sees what).

Another child's mention is shown, with the child's name, only to a user who may see that
child in full (`web.access`). A mention in a child of a team the user may not see is never
named: a manager learns only that the other team (named) holds a matching record, so the two
teams can talk under their information-sharing agreement; a service setting
(`LINKS_TELL_OTHER_TEAMS`) turns that off, and other roles are told nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app

from rhi_assistant.extensions import db
from rhi_assistant.models import Child, LinkMention, Team
from rhi_assistant.services.links import ChildLink, links_of_child
from rhi_assistant.web.access import Access, access_to


@dataclass
class Alert:
    """One link as the viewer may see it."""

    type: str
    here: list[LinkMention]
    others: list[LinkMention] = field(default_factory=list)   # children the viewer may see
    other_teams: list[str] = field(default_factory=list)      # managers only, no child named

    @property
    def label(self) -> str:
        return self.here[0].text

    @property
    def key(self) -> str:
        """Stable for the page (ids of this child's mentions in it)."""
        return "-".join(str(m.id) for m in self.here)


def _tell_teams(user) -> bool:
    return bool(current_app.config.get("LINKS_TELL_OTHER_TEAMS", True)) and \
        getattr(user, "role", None) == "manager"


def _team_name(team_id: int) -> str:
    team = db.session.get(Team, team_id)
    return team.name if team else ""


def alerts_for(child: Child, user, links: list[ChildLink] | None = None) -> list[Alert]:
    """The child's links as `user` may see them; links the user may see nothing of are left
    out."""
    links = links_of_child(child) if links is None else links
    tell = _tell_teams(user)
    out: list[Alert] = []
    cache: dict[int, bool] = {}
    for link in links:
        alert = Alert(link.type, link.here)
        teams: set[str] = set()
        for other in link.others:
            if other.child_id not in cache:
                cache[other.child_id] = access_to(user, other.child) is Access.FULL
            if cache[other.child_id]:
                alert.others.append(other)
            elif tell and other.child.team_id != getattr(user, "team_id", None):
                teams.add(_team_name(other.child.team_id))
        alert.other_teams = sorted(teams)
        if alert.others or alert.other_teams:
            out.append(alert)
    return out
