"""Runs an interview flow: which pages apply, in what order, what comes next.

As in the ONS questionnaire runner, the route is recomputed from the answers
on every request, so resuming is simply "the first page not yet answered",
and question variants change wording for age, easy-read or language without
touching routing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rhi_assistant.flows import conditions

DATA_DIR = Path(__file__).parent / "data"
PAGE_KINDS = {"notes", "choice", "info", "text"}
# Words a person reads (and a translator translates); `icon_alt` is the picture's text alternative.
TEXT_FIELDS = ("title", "prompt", "hint", "guidance", "icon_alt")
# Not words: the name of an easy-read picture shipped in static/images/easy-read/<name>.svg.
ICON_FIELDS = ("icon",)
ICON_DIR = Path(__file__).parent.parent / "static" / "images" / "easy-read"


class FlowError(ValueError):
    pass


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Page:
    id: str
    section_id: str
    kind: str
    title: str
    prompt: str | None = None
    hint: str | None = None
    guidance: str | None = None
    options: tuple[Option, ...] = ()
    analyse: bool = False
    required: bool = False
    when: Mapping | None = None
    variants: tuple[Mapping, ...] = ()
    tags: tuple[str, ...] = ()
    icon: str | None = None
    icon_alt: str | None = None

    @property
    def child_facing(self) -> bool:
        """A page with a prompt is read to (or shown to) the child; the rest are for adults."""
        return self.prompt is not None

    def variant_for(self, name: str, ctx: FlowContext) -> Mapping | None:
        """The variant that supplies `name` for this child, or None for the page's own wording."""
        for variant in self.variants:
            if name in variant and conditions.holds(variant["when"], ctx.meta, ctx.answers):
                return variant
        return None

    def text(self, name: str, ctx: FlowContext) -> str | None:
        """The wording for this child: the first variant whose condition holds wins."""
        variant = self.variant_for(name, ctx)
        return variant[name] if variant is not None else getattr(self, name)

    def picture(self, ctx: FlowContext) -> tuple[str, str] | None:
        """The easy-read picture and its text alternative, taken together from one variant.

        Icon and alt text come from the same place so a picture is never shown
        with another picture's description.
        """
        variant = self.variant_for("icon", ctx)
        source: Mapping = variant if variant is not None else {
            "icon": self.icon, "icon_alt": self.icon_alt}
        if not source.get("icon"):
            return None
        return source["icon"], source.get("icon_alt") or ""


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    pages: tuple[Page, ...]


@dataclass
class FlowContext:
    """Facts the routing may read: `meta` about child and interview, `answers` by page id."""

    meta: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    completed: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Flow:
    id: str
    title: str
    sections: tuple[Section, ...]

    @property
    def pages(self) -> tuple[Page, ...]:
        return tuple(p for s in self.sections for p in s.pages)

    def page(self, page_id: str) -> Page | None:
        return next((p for p in self.pages if p.id == page_id), None)

    def route(self, ctx: FlowContext) -> list[Page]:
        return [p for p in self.pages if conditions.holds(p.when, ctx.meta, ctx.answers)]

    def section_route(self, section: Section, ctx: FlowContext) -> list[Page]:
        return [p for p in section.pages if conditions.holds(p.when, ctx.meta, ctx.answers)]

    def first_incomplete(self, ctx: FlowContext) -> Page | None:
        return next((p for p in self.route(ctx) if p.id not in ctx.completed), None)

    def next_page(self, page_id: str, ctx: FlowContext) -> Page | None:
        route = self.route(ctx)
        ids = [p.id for p in route]
        if page_id not in ids:
            return self.first_incomplete(ctx)
        i = ids.index(page_id)
        return route[i + 1] if i + 1 < len(route) else None

    def previous_page(self, page_id: str, ctx: FlowContext) -> Page | None:
        route = self.route(ctx)
        ids = [p.id for p in route]
        if page_id not in ids:
            return None
        i = ids.index(page_id)
        return route[i - 1] if i > 0 else None

    def section_status(self, section: Section, ctx: FlowContext) -> str:
        pages = self.section_route(section, ctx)
        done = [p for p in pages if p.id in ctx.completed]
        if pages and len(done) == len(pages):
            return "completed"
        if done:
            return "in_progress"
        return "not_started"

    def is_complete(self, ctx: FlowContext) -> bool:
        return self.first_incomplete(ctx) is None


def _page(raw: Mapping, section_id: str) -> Page:
    options = tuple(Option(o["value"], o["label"]) for o in raw.get("options", ()))
    return Page(
        id=raw["id"],
        section_id=section_id,
        kind=raw["kind"],
        title=raw["title"],
        prompt=raw.get("prompt"),
        hint=raw.get("hint"),
        guidance=raw.get("guidance"),
        options=options,
        analyse=bool(raw.get("analyse", False)),
        required=bool(raw.get("required", False)),
        when=raw.get("when"),
        variants=tuple(raw.get("variants", ())),
        tags=tuple(raw.get("tags", ())),
        icon=raw.get("icon"),
        icon_alt=raw.get("icon_alt"),
    )


def _check_icon(holder: Mapping, where: str) -> None:
    """An icon must be a picture we ship, and must always come with its text alternative."""
    icon = holder.get("icon")
    if icon is None:
        return
    if not isinstance(icon, str) or not (ICON_DIR / f"{icon}.svg").is_file():
        raise FlowError(f"{where}: no easy-read picture called {icon!r}")
    if not str(holder.get("icon_alt") or "").strip():
        raise FlowError(f"{where}: the picture {icon!r} needs 'icon_alt' text")


def parse_flow(raw: Mapping) -> Flow:
    """Build and validate a flow: every mistake is reported with where it is."""
    try:
        sections = tuple(
            Section(s["id"], s["title"], tuple(_page(p, s["id"]) for p in s["pages"]))
            for s in raw["sections"]
        )
        flow = Flow(raw["id"], raw["title"], sections)
    except KeyError as exc:
        raise FlowError(f"flow is missing the field {exc}") from exc
    ids = [p.id for p in flow.pages]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise FlowError(f"duplicate page ids: {sorted(dupes)}")
    seen: set[str] = set()
    for page in flow.pages:
        where = f"{flow.id}/{page.id}"
        if page.kind not in PAGE_KINDS:
            raise FlowError(f"{where}: unknown kind {page.kind!r}")
        if page.kind == "choice" and not page.options:
            raise FlowError(f"{where}: a choice page needs options")
        if page.when is not None:
            # Routing may only look back: a page cannot depend on one that comes after it.
            conditions.validate(page.when, seen, where)
        _check_icon({"icon": page.icon, "icon_alt": page.icon_alt}, where)
        for variant in page.variants:
            allowed = set(TEXT_FIELDS) | set(ICON_FIELDS)
            if "when" not in variant or not set(variant) - {"when"} <= allowed:
                raise FlowError(f"{where}: a variant needs 'when' and only text fields")
            conditions.validate(variant["when"], set(ids), where)
            _check_icon(variant, where)
        seen.add(page.id)
    return flow


@cache
def load_flow(flow_id: str) -> Flow:
    path = DATA_DIR / f"{flow_id}.json"
    if not path.exists():
        raise FlowError(f"no flow called {flow_id!r}")
    return parse_flow(json.loads(path.read_text(encoding="utf-8")))


def age_band(age: int | None) -> str | None:
    if age is None:
        return None
    if age < 11:
        return "under_11"
    if age < 14:
        return "11_to_13"
    if age < 16:
        return "14_to_15"
    if age < 18:
        return "16_to_17"
    return "18_plus"
