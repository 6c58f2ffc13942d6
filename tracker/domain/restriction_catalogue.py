"""The restriction catalogue as records: entries, their checks, the merge rule and the
"restrictions" part of interchange format version 2.

A restriction is known by its code; older codes that mean the same red line are its
aliases, and an engagement naming an alias is stored under the main code. Merging
code FROM into INTO keeps every engagement's stance; where one engagement had both,
the more restrictive stance wins (``RESTRICTIVENESS``) and its note says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from tracker.domain import limits
from tracker.domain.controls import clean
from tracker.domain.errors import ValidationError
from tracker.domain.model import RestrictionStance
from tracker.domain.vocab import Stance

# The order of stances from least to most restrictive: a rejection is the firmest
# position on a red line, a dispute says it is not conceded, a proposal is still open
# and an agreement the least binding. A merge keeps the later of two in this order.
RESTRICTIVENESS: tuple[Stance, ...] = (
    Stance.AGREED,
    Stance.PROPOSED,
    Stance.DISPUTED,
    Stance.REJECTED,
)


@dataclass(frozen=True)
class CatalogueEntry:
    """A restriction of the catalogue with its aliases and how many engagements (not in
    the trash) take a stance on it."""

    code: str
    title: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    engagements: int = 0


@dataclass(frozen=True)
class MergePreview:
    """What merging ``source`` into ``target`` would touch: engagements that carry
    ``source`` alone (re-coded), those that carry both (one stance kept), and how
    many of all those are in the trash."""

    source: str
    target: str
    moved: int
    both: int
    in_trash: int

    @property
    def affected(self) -> int:
        """Every engagement the merge writes a new version of."""
        return self.moved + self.both


def stricter(a: Stance, b: Stance) -> Stance:
    """The more restrictive of two stances (``a`` when they are equal)."""
    return b if RESTRICTIVENESS.index(b) > RESTRICTIVENESS.index(a) else a


def _merged_note(kept: RestrictionStance, other: RestrictionStance, said: str) -> str:
    """The kept stance's note, then what the merge decided, then the other's note."""
    notes = [n for n in (kept.note, said, other.note) if n]
    return "\n".join(dict.fromkeys(notes))


def merge_stances(
    stances: Sequence[RestrictionStance], *, source: str, target: str, title: str
) -> tuple[RestrictionStance, ...]:
    """An engagement's stances with ``source`` merged into ``target`` (titled ``title``).

    The merged stance stands where the first of the two stood. Where both were
    present, the more restrictive stance is kept and the note says so.
    """
    mine = {s.code: s for s in stances}
    if source not in mine:
        return tuple(stances)
    merged = _combined(mine[source], mine.get(target), source, target, title)
    out: list[RestrictionStance] = []
    for s in stances:
        if s.code in (source, target):
            if merged not in out:
                out.append(merged)
        else:
            out.append(s)
    return tuple(out)


def _combined(
    old: RestrictionStance, new: RestrictionStance | None, source: str, target: str, title: str
) -> RestrictionStance:
    """``old`` (on ``source``) merged with ``new`` (the same engagement's on ``target``)."""
    if new is None:
        return RestrictionStance(target, title, old.stance, old.note)
    kept, other = (old, new) if stricter(new.stance, old.stance) != new.stance else (new, old)
    said = (
        f"Merged from {source} ({old.stance.value}) into {target} ({new.stance.value}): "
        f"the more restrictive stance, {kept.stance.value}, kept."
    )
    return RestrictionStance(target, title, kept.stance, _merged_note(kept, other, said))


def retitled(
    stances: Sequence[RestrictionStance], code: str, title: str
) -> tuple[RestrictionStance, ...]:
    """An engagement's stances with restriction ``code`` titled ``title``."""
    return tuple(replace(s, title=title) if s.code == code else s for s in stances)


# -- checks --------------------------------------------------------------------


def check_code(value: object, *, record: str = "", field: str = "code") -> str:
    """A restriction code as given: one line of text, not empty."""
    return _line(value, record=record, field=field)


def check_title(value: object, *, record: str = "", field: str = "title") -> str:
    """A catalogue title: one line of text, not empty."""
    return _line(value, record=record, field=field)


def check_description(value: object, *, record: str = "", field: str = "description") -> str:
    """A description: free text (line breaks kept), possibly empty."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("must be text", record=record, field=field)
    if len(value) > limits.TEXT:
        raise ValidationError(
            f"is {len(value):,} characters long; at most {limits.TEXT:,} are allowed",
            record=record,
            field=field,
        )
    return clean(value, multiline=True).strip()


def _line(value: object, *, record: str, field: str) -> str:
    if not isinstance(value, str):
        raise ValidationError("must be text", record=record, field=field)
    text = clean(value, multiline=False).strip()
    if not text:
        raise ValidationError("must not be empty", record=record, field=field)
    if len(text) > limits.LINE:
        raise ValidationError(
            f"is {len(text):,} characters long; at most {limits.LINE:,} are allowed",
            record=record,
            field=field,
        )
    return text


def check_merge(source: str, target: str) -> None:
    """Refuse merging a code into itself."""
    if source == target:
        raise ValidationError(
            "cannot merge a restriction into itself", record=f'restriction "{source}"', field="into"
        )


# -- interchange format version 2 -------------------------------------------------------

_KEYS = frozenset({"code", "title", "description", "aliases"})


def catalogue_from_json(document: object) -> tuple[CatalogueEntry, ...]:
    """The "restrictions" part of an interchange document, checked (empty when absent).

    Every entry is checked before anything is written; an error names the entry
    ("restriction #2" or its code) and the field.
    """
    items = document.get("restrictions", []) if isinstance(document, Mapping) else []
    if not isinstance(items, list):
        raise ValidationError("must be a list", field="restrictions")
    out: list[CatalogueEntry] = []
    seen: set[str] = set()
    for n, item in enumerate(items, start=1):
        entry = _entry(item, f"restriction #{n}")
        for code in (entry.code, *entry.aliases):
            if code in seen:
                raise ValidationError(
                    f'code "{code}" appears twice in the file',
                    record=f'restriction #{n} "{entry.code}"',
                    field="aliases" if code != entry.code else "code",
                )
            seen.add(code)
        out.append(entry)
    return tuple(out)


def _entry(item: object, where: str) -> CatalogueEntry:
    if not isinstance(item, Mapping):
        raise ValidationError("must be a JSON object", record=where)
    unknown = sorted(str(k) for k in item if k not in _KEYS)
    if unknown:
        raise ValidationError("is not a field of a restriction", record=where, field=unknown[0])
    code = check_code(item.get("code"), record=where)
    record = f'{where} "{code}"'
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list):
        raise ValidationError("must be a list of codes", record=record, field="aliases")
    return CatalogueEntry(
        code=code,
        title=check_title(item.get("title", code), record=record),
        description=check_description(item.get("description"), record=record),
        aliases=tuple(
            dict.fromkeys(
                check_code(a, record=record, field=f"aliases[{i}]") for i, a in enumerate(aliases)
            )
        ),
    )


def catalogue_to_json(entries: Sequence[CatalogueEntry]) -> list[dict[str, Any]]:
    """The "restrictions" part of an export: every restriction of the catalogue."""
    return [
        {
            "code": e.code,
            "title": e.title,
            "description": e.description,
            "aliases": list(e.aliases),
        }
        for e in entries
    ]
