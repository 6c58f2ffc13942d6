"""Where the engagement form puts each field: the UI-only facts, each keyed once.

The fields themselves (key, label, kind, vocabulary) come from tracker.domain.fields.
This module only says in which part of the form a flat field sits and which letter is
its Alt+ mnemonic, and for each child list the mnemonic of its tab and the widths of its
fixed-width columns. tests/ui/test_engagement_form.py checks that every field and child
list has its entry here, and that no mnemonic letter is used twice.

The form reads, top to bottom::

    title                               (top)
    vendor … marking (left)  |  started … tags (right)
    summary                             (bottom)
    the child tables, one tab per list

and the Tab key follows the same order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from tracker.domain.fields import FLAT_FIELDS, Field

__all__ = [
    "CHILD_LAYOUT",
    "FORM_LAYOUT",
    "SAVE_MNEMONIC",
    "SECTIONS",
    "ChildPlace",
    "Place",
    "Section",
    "fields_in",
    "mnemonics",
    "with_mnemonic",
]

Section = Literal["top", "left", "right", "bottom"]
SECTIONS: tuple[Section, ...] = ("top", "left", "right", "bottom")  # also the Tab order


@dataclass(frozen=True)
class Place:
    """Where a flat field sits and its mnemonic letter (a letter of its label)."""

    section: Section
    mnemonic: str


@dataclass(frozen=True)
class ChildPlace:
    """A child list's tab mnemonic and the widths of its columns that do not stretch."""

    mnemonic: str
    widths: Mapping[str, int] = field(default_factory=dict)


FORM_LAYOUT: dict[str, Place] = {
    "title": Place("top", "t"),
    "vendor": Place("left", "v"),
    "counterpart": Place("left", "o"),
    "region": Place("left", "r"),
    "status": Place("left", "a"),
    "confidence": Place("left", "f"),
    "marking": Place("left", "m"),
    "summary": Place("bottom", "y"),
    "started": Place("right", "d"),
    "follow_up": Place("right", "l"),
    "next_step": Place("right", "x"),
    "owner": Place("right", "w"),
    "tags": Place("right", "g"),
}

CHILD_LAYOUT: dict[str, ChildPlace] = {
    "scope_limits": ChildPlace("p", {"kind": 130}),
    "restrictions": ChildPlace("e", {"code": 240, "stance": 100}),
    "clarifications": ChildPlace(
        "i",
        {
            "original_by": 125,
            "original_on": 105,
            "clarified_by": 125,
            "clarified_on": 105,
            "source": 110,
        },
    ),
    "status_history": ChildPlace("u", {"status": 120, "on": 110, "source": 180}),
    "sources": ChildPlace("c", {"outlet": 180, "published": 110}),
    "concerns": ChildPlace("n", {"kind": 160, "severity": 90}),
    "links": ChildPlace("k", {"kind": 130, "on": 110}),
}

# The Save button's mnemonic: no field or tab may take it.
SAVE_MNEMONIC = "s"


def fields_in(section: Section) -> tuple[Field, ...]:
    """The flat fields of one section of the form, in the order of the field list."""
    return tuple(f for f in FLAT_FIELDS if FORM_LAYOUT[f.key].section == section)


def with_mnemonic(label: str, letter: str) -> str:
    """``label`` with an "&" before the first ``letter`` (any case): "Status", "a" → "St&atus";
    as it is when it has no such letter."""
    at = label.lower().find(letter.lower())
    return label if at < 0 else f"{label[:at]}&{label[at:]}"


def mnemonics(labels: Mapping[str, str]) -> dict[str, str]:
    """A distinct letter of each of ``labels`` (the first one not taken by a label before
    it), by the same keys: the form's mnemonics in a language other than English, whose
    letters ``FORM_LAYOUT`` and ``CHILD_LAYOUT`` choose by hand. A label whose letters
    are all taken gets none."""
    taken: set[str] = set()
    letters: dict[str, str] = {}
    for key, label in labels.items():
        free = next(
            (c for c in label.lower() if c.isascii() and c.isalpha() and c not in taken), None
        )
        if free is not None:
            taken.add(free)
            letters[key] = free
    return letters
