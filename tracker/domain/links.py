"""Links between engagements: how each kind reads from its other end, and the rule that
``supersedes`` and ``part_of`` never come back to where they started.

A link goes from one engagement to another (``EngagementLink.to``, a stable id). From
the engagement it starts at it reads as its kind ("Supersedes"); from the other end as
the kind's inverse ("Superseded by"); ``alternative_to`` and ``related`` read the same
both ways. The cycle rule holds per kind: a chain of ``supersedes`` links (or of
``part_of`` links) may not return to its first engagement; links of the two kinds
mixed are no cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from tracker.domain.vocab import ACYCLIC_LINK_KINDS, LinkKind

FOLLOWED_BY: Final = "Followed by"
SUPERSEDED_BY: Final = "Superseded by"
HAS_PART: Final = "Has part"
IN_TRASH: Final = "in the trash"

INVERSE: Final[Mapping[LinkKind, str]] = {
    LinkKind.FOLLOWS: FOLLOWED_BY,
    LinkKind.SUPERSEDES: SUPERSEDED_BY,
    LinkKind.PART_OF: HAS_PART,
}
"""The words of a link read from its other end, for the kinds that have a direction
(the others read as their own label from both ends)."""


@dataclass(frozen=True)
class Edge:
    """One link of an ordering kind: from one stable id to another."""

    start: str
    end: str
    kind: LinkKind


def cycle(edges: Iterable[Edge], new: Edge) -> tuple[str, ...] | None:
    """The stable ids round the cycle that ``new`` would close among ``edges`` (``new``'s
    start first and last), or None when it closes none (or its kind may loop)."""
    if new.kind not in ACYCLIC_LINK_KINDS:
        return None
    onward: dict[str, list[str]] = {}
    for e in edges:
        if e.kind == new.kind:
            onward.setdefault(e.start, []).append(e.end)
    path = _path(onward, new.end, new.start)
    return (new.start, *path) if path is not None else None


def _path(onward: Mapping[str, Sequence[str]], start: str, goal: str) -> tuple[str, ...] | None:
    """A path from ``start`` to ``goal`` along ``onward`` (both ends included), or None."""
    came_from: dict[str, str | None] = {start: None}
    stack = [start]
    while stack:
        here = stack.pop()
        if here == goal:
            out = [here]
            while (before := came_from[out[-1]]) is not None:
                out.append(before)
            return tuple(reversed(out))
        for there in onward.get(here, ()):
            if there not in came_from:
                came_from[there] = here
                stack.append(there)
    return None
