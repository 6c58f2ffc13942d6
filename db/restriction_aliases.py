"""Resolving restriction alias codes: an engagement naming an older code of a
restriction (``restriction_alias``) is stored under the restriction's main code.

Used by every write of engagements (``db.store``, ``db.bulk``) before the engagement
is compared, audited and stored, so that the trail records what is stored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import Connection, select

from db import tables
from tracker.domain.model import EngagementData, RestrictionStance
from tracker.domain.restriction_catalogue import merge_stances

CHUNK = 500


def main_codes(conn: Connection, codes: Iterable[str]) -> dict[str, tuple[str, str]]:
    """For each of ``codes`` that is an alias: (main code, catalogue title)."""
    wanted = sorted(set(codes))
    a, r = tables.restriction_alias, tables.restriction
    out: dict[str, tuple[str, str]] = {}
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        query = (
            select(a.c.code, r.c.code.label("main"), r.c.title)
            .join(r, r.c.id == a.c.restriction_id)
            .where(a.c.code.in_(part))
        )
        out.update({str(row.code): (str(row.main), str(row.title)) for row in conn.execute(query)})
    return out


def resolve(data: EngagementData, aliases: Mapping[str, tuple[str, str]]) -> EngagementData:
    """``data`` with every alias code replaced by its main code (and the catalogue's
    title); an engagement naming both keeps the more restrictive stance."""
    named = [s for s in data.restrictions if s.code in aliases]
    if not named:
        return data
    stances: Sequence[RestrictionStance] = data.restrictions
    for s in named:
        main, title = aliases[s.code]
        stances = merge_stances(stances, source=s.code, target=main, title=title)
    return dataclasses.replace(data, restrictions=tuple(stances))


def resolve_one(conn: Connection, data: EngagementData) -> EngagementData:
    """``data`` stored under main codes (one query, none when it names no restriction)."""
    if not data.restrictions:
        return data
    return resolve(data, main_codes(conn, (s.code for s in data.restrictions)))
