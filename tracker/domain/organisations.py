"""Organisations as records: what one holds, how its names are folded and checked, and
the ``organisations`` part of the interchange format's version 2.

An organisation has one name and any number of aliases ("Pentagon", "DoD"); a name or
an alias names one organisation only, compared folded (``name_key``: stripped, any
case). It may be a part of another (CDAO within the DoD): ``parent``. Merging one into
another re-points every engagement that names it and keeps its names as aliases.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from tracker.domain.controls import has_controls
from tracker.domain.errors import ValidationError
from tracker.domain.interchange import quoted
from tracker.domain.vocab import OrgKind, Region

NAME_LIMIT = 200  # characters of a name or an alias
_COUNTRY = re.compile(r"[A-Z]{2}")
V = TypeVar("V")
_KEYS = frozenset({"name", "kind", "country", "region", "parent", "aliases"})


def name_key(name: str) -> str:
    """How names and aliases are compared: stripped, in any case."""
    return name.strip().casefold()


@dataclass(frozen=True)
class OrgDetails:
    """What may be set on an organisation besides its name and aliases."""

    kind: OrgKind | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    region: Region | None = None
    parent: str | None = None  # the parent's name (or an alias of it)


@dataclass(frozen=True)
class Organisation:
    """An organisation as stored, with how many live engagements name it."""

    id: int
    name: str
    details: OrgDetails
    aliases: tuple[str, ...]
    parts: tuple[str, ...]  # the names of the organisations within it
    engagements: int


@dataclass(frozen=True)
class OrgRecord:
    """An organisation of an interchange file: name, details and aliases."""

    name: str
    details: OrgDetails
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class MergedOrganisation:
    """What a merge did, enough to undo it: the organisation merged away as it was, its
    parts, the aliases it brought, the engagements re-pointed (id → (vendor side,
    counterpart side)) and the version each reached."""

    name: str
    into: str
    details: OrgDetails
    aliases: tuple[str, ...]
    parts: tuple[str, ...]
    engagements: Mapping[int, tuple[bool, bool]]
    versions: Mapping[int, int]


def check_name(value: object, *, record: str, field: str = "name") -> str:
    """A name or an alias stripped; refused when empty, too long or holding controls."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("must be a non-empty text", record=record, field=field)
    text = value.strip()
    if len(text) > NAME_LIMIT:
        raise ValidationError(f"is longer than {NAME_LIMIT} characters", record=record, field=field)
    if has_controls(text):
        raise ValidationError("must not contain control characters", record=record, field=field)
    return text


def check_country(value: object, *, record: str) -> str | None:
    """An ISO 3166-1 alpha-2 code in capitals, or None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _COUNTRY.fullmatch(value.strip().upper()):
        raise ValidationError(
            "must be a two-letter country code (ISO 3166-1)", record=record, field="country"
        )
    return value.strip().upper()


def check_kind(value: object, *, record: str) -> OrgKind | None:
    """An organisation kind, or None."""
    text = _word(value, record=record, field="kind")
    return None if text is None else _parsed(OrgKind.parse, text, record, "kind")


def check_region(value: object, *, record: str) -> Region | None:
    """A region, or None."""
    text = _word(value, record=record, field="region")
    return None if text is None else _parsed(Region.parse, text, record, "region")


def _word(value: object, *, record: str, field: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValidationError("must be a text", record=record, field=field)
    return value


def _parsed(parse: Callable[[str], V], text: str, record: str, field: str) -> V:
    try:
        return parse(text)
    except ValueError as exc:
        raise ValidationError(str(exc), record=record, field=field) from None


def org_label(name: str) -> str:
    """How an organisation is named in messages: ``organisation "DoD"``."""
    return f"organisation {quoted(name)}"


def record_from_json(item: object, n: int) -> OrgRecord:
    """The ``n``-th organisation of a file, checked (errors name it and the field)."""
    where = f"organisation #{n}"
    if not isinstance(item, Mapping):
        raise ValidationError("must be a JSON object", record=where)
    name = check_name(item.get("name"), record=where)
    record = org_label(name)
    for key in item:
        if key not in _KEYS:
            raise ValidationError("unknown field", record=record, field=str(key))
    parent = item.get("parent")
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list):
        raise ValidationError("must be a list", record=record, field="aliases")
    details = OrgDetails(
        kind=check_kind(item.get("kind"), record=record),
        country=check_country(item.get("country"), record=record),
        region=check_region(item.get("region"), record=record),
        parent=None if parent is None else check_name(parent, record=record, field="parent"),
    )
    return OrgRecord(
        name=name,
        details=details,
        aliases=tuple(check_name(a, record=record, field="aliases") for a in aliases),
    )


def document_organisations(document: object) -> list[OrgRecord]:
    """The ``organisations`` of an interchange document, checked (none when absent); a
    name or alias given to two of them is refused."""
    items = document.get("organisations", []) if isinstance(document, Mapping) else []
    if not isinstance(items, list):
        raise ValidationError("must be a list", field="organisations")
    records = [record_from_json(item, n) for n, item in enumerate(items, start=1)]
    seen: dict[str, str] = {}
    for record in records:
        for name in (record.name, *record.aliases):
            owner = seen.setdefault(name_key(name), record.name)
            if name_key(owner) != name_key(record.name):
                field = "name" if name == record.name else "aliases"
                raise ValidationError(
                    f"{quoted(name)} names {org_label(owner)} already",
                    record=org_label(record.name),
                    field=field,
                )
    return records


def organisation_json(org: Organisation) -> dict[str, Any]:
    """An organisation as the interchange format writes it."""
    d = org.details
    return {
        "name": org.name,
        "kind": d.kind.value if d.kind else None,
        "country": d.country,
        "region": d.region.value if d.region else None,
        "parent": d.parent,
        "aliases": list(org.aliases),
    }


def listing_json(orgs: Sequence[Organisation]) -> list[dict[str, Any]]:
    """Organisations as ``tracker orgs --format json`` prints them."""
    return [
        {**organisation_json(o), "parts": list(o.parts), "engagements": o.engagements} for o in orgs
    ]


def exported_organisations(
    orgs: Sequence[Organisation], named: set[str] | None
) -> list[dict[str, Any]]:
    """The organisations an export writes: all (``named`` None: a whole export), else
    those its engagements name with the organisations they are parts of; a parent is
    written before its parts."""
    by_name = {o.name: o for o in orgs}
    wanted: dict[str, Organisation] = {}

    def add(name: str) -> None:
        org = by_name.get(name)
        if org is None or name in wanted:
            return
        if org.details.parent is not None:
            add(org.details.parent)
        wanted[name] = org

    for name in sorted(by_name) if named is None else sorted(named):
        add(name)
    return [organisation_json(o) for o in wanted.values()]
