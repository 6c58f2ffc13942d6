"""Engagements written as objects of the JSON interchange format: the exact inverse of
``tracker.domain.interchange.data_from_json`` for canonical data, whole
(``data_to_json``, keys in documented order) or one field at a time (``field_json``,
what an audit entry of a changed field records)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from tracker.domain.dates import PartialDate
from tracker.domain.model import (
    Clarification,
    Concern,
    EngagementData,
    EngagementLink,
    RestrictionStance,
    ScopeLimit,
    Source,
    StatusEvent,
)
from tracker.domain.vocab import Vocabulary


def _date(value: PartialDate | None) -> str | None:
    return value.iso() if value is not None else None


def _word(value: Vocabulary | None) -> str | None:
    return str(value.value) if value is not None else None


def restrictions_json(stances: Sequence[RestrictionStance]) -> list[dict[str, str]]:
    """An engagement's "restrictions" as the interchange format holds them."""
    return [
        {"code": r.code, "title": r.title, "stance": r.stance.value, "note": r.note}
        for r in stances
    ]


def _scope_limit_json(s: ScopeLimit) -> dict[str, Any]:
    return {"kind": s.kind.value, "text": s.text}


def _clarification_json(c: Clarification) -> dict[str, Any]:
    return {
        "original_by": c.original_by,
        "original_on": _date(c.original_on),
        "original": c.original,
        "clarified_by": c.clarified_by,
        "clarified_on": _date(c.clarified_on),
        "clarification": c.clarification,
        "source": c.source,
    }


def _status_event_json(e: StatusEvent) -> dict[str, Any]:
    return {"status": e.status.value, "on": _date(e.on), "note": e.note, "source": e.source}


def _source_json(s: Source) -> dict[str, Any]:
    return {"outlet": s.outlet, "title": s.title, "url": s.url, "published": _date(s.published)}


def _concern_json(c: Concern) -> dict[str, Any]:
    return {"kind": c.kind.value, "text": c.text, "severity": _word(c.severity)}


def _link_json(k: EngagementLink) -> dict[str, Any]:
    return {"to": k.to, "kind": k.kind.value, "on": _date(k.on), "note": k.note}


def data_to_json(data: EngagementData, *, uid: str | None = None) -> dict[str, Any]:
    """The engagement as an object of the interchange format, keys in documented order."""
    out: dict[str, Any] = {}
    if uid is not None:
        out["id"] = uid
    out.update(
        title=data.title,
        vendor=data.vendor,
        counterpart=data.counterpart,
        region=_word(data.region),
        status=data.status.value,
        confidence=_word(data.confidence),
        marking=data.marking,
        summary=data.summary,
        started=_date(data.started),
        follow_up=_date(data.follow_up),
        next_step=data.next_step,
        owner=data.owner,
        tags=list(data.tags),
        scope_limits=[_scope_limit_json(s) for s in data.scope_limits],
        restrictions=restrictions_json(data.restrictions),
        clarifications=[_clarification_json(c) for c in data.clarifications],
        status_history=[_status_event_json(e) for e in data.status_history],
        sources=[_source_json(s) for s in data.sources],
        concerns=[_concern_json(c) for c in data.concerns],
        links=[_link_json(k) for k in data.links],
    )
    return out


# How one child record of each list is written (``restrictions``: restrictions_json).
_CHILD_JSON: dict[str, Callable[[Any], dict[str, Any]]] = {
    "scope_limits": _scope_limit_json,
    "clarifications": _clarification_json,
    "status_history": _status_event_json,
    "sources": _source_json,
    "concerns": _concern_json,
    "links": _link_json,
}


def field_json(data: EngagementData, name: str) -> Any:
    """``data_to_json(data)[name]`` without writing the other fields: what an audit
    entry of one changed field records (``db.audit.diff``)."""
    value = getattr(data, name)
    if name == "restrictions":
        return restrictions_json(value)
    if name in _CHILD_JSON:
        return [_CHILD_JSON[name](item) for item in value]
    if name == "tags":
        return list(value)
    if isinstance(value, PartialDate):
        return value.iso()
    if isinstance(value, Vocabulary):
        return str(value.value)
    return value
