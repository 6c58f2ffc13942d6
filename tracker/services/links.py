"""The check every write of links passes, inside its write transaction: each link goes
to another engagement that exists (stored, or in the same file) and is not in the
trash, and no ``supersedes`` or ``part_of`` chain comes back to where it began, across
the stored links and those being written. A refusal is one ``ValidationError`` naming
the record and the link (``links[2].to``); nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db import links
from db.engine import Connection
from tracker.domain.errors import ValidationError
from tracker.domain.links import Edge, cycle
from tracker.domain.messages import quoted
from tracker.domain.model import EngagementData


@dataclass(frozen=True)
class Linking:
    """One engagement about to be written: its stable id (None: new, given one later),
    how messages name it, and its data."""

    uid: str | None
    label: str
    data: EngagementData


def check_links(conn: Connection, items: Sequence[Linking]) -> None:
    """Refuse the first bad link among ``items`` (see the module's rules)."""
    linking = [item for item in items if item.data.links]
    if not linking:
        return
    written = {item.uid for item in items if item.uid is not None}
    stored = links.targets(conn, (k.to for item in linking for k in item.data.links))
    for item in linking:
        for i, link in enumerate(item.data.links):
            problem = _target_problem(item.uid, link.to, written, stored)
            if problem:
                raise ValidationError(problem, record=item.label, field=f"links[{i}].to")
    _check_cycles(conn, linking, written)


def _target_problem(
    uid: str | None, to: str, written: set[str], stored: dict[str, tuple[int, bool]]
) -> str:
    if to == uid:
        return "an engagement cannot be linked to itself"
    if to in written:
        return ""
    if to not in stored:
        return f"no engagement has the id {quoted(to)}"
    if stored[to][1]:
        return f"the engagement {quoted(to)} is in the trash"
    return ""


def _check_cycles(conn: Connection, linking: Sequence[Linking], written: set[str]) -> None:
    """Add the new links one at a time to the stored ones (less those being replaced)
    and refuse the first that closes a cycle."""
    edges = links.ordering_edges(conn, leaving_out=written)
    for item in linking:
        if item.uid is None:
            continue  # a new engagement without an id: nothing can link back to it yet
        for i, link in enumerate(item.data.links):
            edge = Edge(item.uid, link.to, link.kind)
            loop = cycle(edges, edge)
            if loop is not None:
                round_trip = " → ".join(quoted(u) for u in loop)
                raise ValidationError(
                    f"{link.kind.value} would make a cycle: {round_trip}",
                    record=item.label,
                    field=f"links[{i}].kind",
                )
            edges.append(edge)
