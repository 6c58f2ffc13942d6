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

from tracker.domain.controls import one_line, printable
from tracker.domain.date_words import date_label
from tracker.domain.languages import Language, translate, vocab_label
from tracker.domain.model import EngagementLink, LinkEnd
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


@dataclass(frozen=True)
class LinkItem:
    """A link as the presenter shows it (:mod:`tracker.domain.presenter`): how the other
    engagement relates ("Superseded by"), which one it is ("#3" and its title), since
    when and the note; ``trashed`` says when the other one is in the trash."""

    relation: str
    reference: str  # "#3", or "" when only the stable id is known
    title: str
    date: str
    note: str
    trashed: str = ""
    incoming: bool = False

    @property
    def other(self) -> str:
        """The other engagement as one line: "#3 Title" (its title alone when unnumbered)."""
        return f"{self.reference} {self.title}" if self.reference else self.title

    @property
    def details(self) -> str:
        """Since when, the note, and whether the other one is in the trash: " — " apart."""
        return " — ".join(p for p in (self.date, self.note, self.trashed) if p)


def link_items(
    ends: Sequence[LinkEnd] | None, own: Sequence[EngagementLink], language: Language
) -> tuple[LinkItem, ...]:
    """The presented links: ``ends`` (both ends, the others named) when read with the
    engagement, else its own links by the other ends' stable ids."""
    if ends is None:
        ends = [LinkEnd(k.kind, False, 0, k.to, "", k.on, k.note) for k in own]
    return tuple(_item(end, language) for end in ends)


def relation(kind: LinkKind, *, incoming: bool, language: Language = Language.EN) -> str:
    """How the link reads from one end: "Supersedes", and from the other "Superseded by"."""
    if incoming and kind in INVERSE:
        return translate(INVERSE[kind], language)
    return vocab_label(kind, language)


def _item(end: LinkEnd, language: Language) -> LinkItem:
    title = one_line(end.title).strip()
    return LinkItem(
        relation=relation(end.kind, incoming=end.incoming, language=language),
        reference=f"#{end.number}" if end.number else "",
        title=title or one_line(end.uid),
        date=date_label(end.on, language) if end.on is not None else "",
        note=printable(end.note).strip(),
        trashed=translate(IN_TRASH, language) if end.deleted else "",
        incoming=end.incoming,
    )
