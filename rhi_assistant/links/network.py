"""The network picture of a child's links, laid out for an SVG drawn on the server (no
JavaScript, printable): the child on the left, the linked things in the middle, the other
children on the right, a line for each mention. Pure layout: the template draws it, and a
table of the same facts is its text alternative."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 720
ROW = 56
TOP = 40
_COLUMNS = (110, 360, 610)


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str        # "child", "other", or an entity type
    x: int
    y: int


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node


@dataclass(frozen=True)
class Picture:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: int
    height: int


def layout(child_label: str, things: list[tuple[str, str, str]],
           ties: list[tuple[str, str, str]]) -> Picture:
    """`things`: (id, label, type) of each linked thing; `ties`: (thing id, other child id,
    other child label) for each other child's mention of a thing."""
    others: dict[str, str] = {}
    for _, other_id, other_label in ties:
        others.setdefault(other_id, other_label)
    rows = max(len(things), len(others), 1)
    height = TOP * 2 + ROW * (rows - 1)

    def column_y(count: int, index: int) -> int:
        return TOP + int((rows - count) * ROW / 2) + index * ROW

    centre = Node("child", child_label, "child", _COLUMNS[0], height // 2)
    thing_nodes = {tid: Node(f"thing-{i}", label, kind, _COLUMNS[1], column_y(len(things), i))
                   for i, (tid, label, kind) in enumerate(things)}
    other_nodes = {oid: Node(f"other-{i}", label, "other", _COLUMNS[2],
                             column_y(len(others), i))
                   for i, (oid, label) in enumerate(others.items())}
    edges = [Edge(centre, node) for node in thing_nodes.values()]
    seen: set[tuple[str, str]] = set()
    for tid, oid, _ in ties:
        if (tid, oid) not in seen and tid in thing_nodes:
            seen.add((tid, oid))
            edges.append(Edge(thing_nodes[tid], other_nodes[oid]))
    return Picture((centre, *thing_nodes.values(), *other_nodes.values()), tuple(edges),
                   WIDTH, height)


def team_layout(children: list[tuple[str, str]], things: list[tuple[str, str, str]],
                ties: list[tuple[str, str]]) -> Picture:
    """A team's network: `children` (id, label) on the left, `things` (id, label, type: places,
    people, vehicles...) on the right, a line for each `ties` (child id, thing id)."""
    rows = max(len(children), len(things), 1)
    height = TOP * 2 + ROW * (rows - 1)

    def column_y(count: int, index: int) -> int:
        return TOP + int((rows - count) * ROW / 2) + index * ROW

    child_nodes = {cid: Node(f"child-{i}", label, "other", _COLUMNS[0],
                             column_y(len(children), i))
                   for i, (cid, label) in enumerate(children)}
    thing_nodes = {tid: Node(f"thing-{i}", label, kind, _COLUMNS[2] - 20,
                             column_y(len(things), i))
                   for i, (tid, label, kind) in enumerate(things)}
    edges = [Edge(child_nodes[cid], thing_nodes[tid]) for cid, tid in dict.fromkeys(ties)
             if cid in child_nodes and tid in thing_nodes]
    return Picture((*child_nodes.values(), *thing_nodes.values()), tuple(edges), WIDTH, height)
