"""``tracker show``'s text form: one engagement as a heading, its facts and its sections."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TextIO

from tracker.domain.model import Engagement, EngagementData


def write_engagement(engagement: Engagement, out: TextIO) -> None:
    """Write ``engagement`` as plain text: a heading, its facts, then each section it has."""
    e = engagement
    d = e.data
    w = out.write
    w(f"{d.title}\n{'=' * min(len(d.title), 78)}\n")
    facts = [
        ("Number", str(e.id)),
        ("Id", e.uid),
        ("Version", str(e.version)),
        ("Counterpart", d.counterpart),
        ("Vendor", d.vendor),
        ("Region", d.region.label if d.region else "—"),
        ("Status", d.status.label),
        ("Confidence", d.confidence.label if d.confidence else "—"),
        ("Marking", d.marking),
        ("Started", d.started.label() if d.started else "—"),
        ("Follow-up", d.follow_up.label() if d.follow_up else "—"),
        ("Next step", d.next_step or "—"),
        ("Owner", d.owner or "—"),
        ("Tags", ", ".join(d.tags) or "—"),
        ("Last change", e.updated_at),
    ]
    if e.deleted_at:
        facts.append(("Deleted", e.deleted_at))
    for label, value in facts:
        w(f"{label + ':':13} {value}\n")
    if d.summary:
        w("\nSummary\n" + textwrap.fill(d.summary, 78) + "\n")
    if d.scope_limits:
        w("\nScope limits\n")
        for s in d.scope_limits:
            w(f"  - [{s.kind.label}] {s.text}\n")
    if d.restrictions:
        w("\nRestrictions\n")
        for r in d.restrictions:
            w(
                f"  - {r.title} ({r.code}): {r.stance.label}"
                + (f" — {r.note}" if r.note else "")
                + "\n"
            )
    for c in d.clarifications:
        w("\nClarification\n")
        when = f", {c.original_on.label()}" if c.original_on else ""
        w(f"  originally said ({c.original_by}{when}): {c.original}\n")
        when = f", {c.clarified_on.label()}" if c.clarified_on else ""
        w(f"  → clarified ({c.clarified_by}{when}): {c.clarification}\n")
        if c.source:
            w(f"  source: {c.source}\n")
    _write_record(d, w)


def _write_record(d: EngagementData, w: Callable[[str], object]) -> None:
    """The status timeline, concerns and sources (split off only to keep each function simple)."""
    if d.status_history:
        w("\nStatus timeline\n")
        for ev in d.status_history:
            when = ev.on.label() if ev.on else "date unknown"
            extra = " — ".join(x for x in (ev.note, ev.source) if x)
            w(f"  {when:>14}  {ev.status.label}" + (f": {extra}" if extra else "") + "\n")
    if d.concerns:
        w("\nConcerns\n")
        for cn in d.concerns:
            sev = f" ({cn.severity.label})" if cn.severity else ""
            w(f"  - {cn.kind.label}{sev}: {cn.text}\n")
    if d.sources:
        w("\nSources\n")
        for n, src in enumerate(d.sources, start=1):
            when = f", {src.published.label()}" if src.published else ""
            w(f"  [{n}] {src.outlet}: {src.title}{when}\n      {src.url}\n")
