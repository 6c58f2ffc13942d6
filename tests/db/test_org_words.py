"""Organisations' words (schema version 11): what search matches names by, kept in step
with every write of a name or alias, while a merge rewrites no engagement's index row."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from db import fulltext, org_words, tables
from tests.db.test_schema import _load_fixture
from tracker.domain.model import EngagementData, Filters
from tracker.domain.vocab import Status
from tracker.services import Tracker


def _add(tracker: Tracker, title: str, vendor: str, counterpart: str) -> int:
    data = EngagementData(title=title, vendor=vendor, counterpart=counterpart, status=Status.ACTIVE)
    return tracker.create(data=data).engagement.id


def _index_rows(tracker: Tracker) -> list[tuple[int, str, str]]:
    with tracker.database.read() as conn:
        rows = conn.execute(text(f"SELECT rowid, title, body FROM {fulltext.FTS_TABLE}"))
        return sorted((int(i), str(t), str(b)) for i, t, b in rows)


def _words_in_step(tracker: Tracker) -> None:
    """Every organisation's stored words are those of its name and aliases."""
    o, a, w = tables.organisation, tables.organisation_alias, tables.organisation_word
    with tracker.database.read() as conn:
        names: dict[int, list[str]] = {}
        for org_id, name in conn.execute(select(o.c.id, o.c.name)):
            names[int(org_id)] = [str(name)]
        for org_id, alias in conn.execute(select(a.c.organisation_id, a.c.alias)):
            names[int(org_id)].append(str(alias))
        stored: dict[int, list[str]] = {i: [] for i in names}
        for org_id, word in conn.execute(select(w.c.organisation_id, w.c.word)):
            stored[int(org_id)].append(str(word))
    assert {i: sorted(ws) for i, ws in stored.items()} == {
        i: org_words.words_of(given) for i, given in names.items()
    }


def test_the_words_follow_every_write_of_names_and_aliases(tmp_path: Path) -> None:
    tracker = Tracker.open(tmp_path / "t.db", user="test")
    _add(tracker, "Frontier AI pilot", "OpenAI", "U.S. Department of Defense")
    _add(tracker, "Agentic workflows", "Anthropic", "Chief Digital and AI Office")
    _words_in_step(tracker)
    tracker.add_alias(name="U.S. Department of Defense", alias="Pentagon")
    _words_in_step(tracker)
    merged = tracker.merge_organisations(
        source="Chief Digital and AI Office", into="U.S. Department of Defense"
    )
    _words_in_step(tracker)
    tracker.unmerge_organisation(merged=merged.merged)
    _words_in_step(tracker)
    tracker.import_document(
        document={
            "format": "engagement-tracker/2",
            "engagements": [
                {
                    "title": "Imported",
                    "vendor": "Ünïcode Labs",
                    "counterpart": "NATO",
                    "status": "active",
                }
            ],
        }
    )
    _words_in_step(tracker)
    assert tracker.list_ids(filters=Filters(search="unicode nato imported"))


def test_a_merge_rewrites_no_index_row(tmp_path: Path) -> None:
    tracker = Tracker.open(tmp_path / "t.db", user="test")
    for n in range(5):
        _add(tracker, f"Pilot {n}", "OpenAI", "US DoD" if n % 2 else "Pentagon office")
    before = _index_rows(tracker)
    tracker.merge_organisations(source="Pentagon office", into="US DoD")
    assert _index_rows(tracker) == before
    assert len(tracker.list_ids(filters=Filters(search="pentagon pilot"))) == 5


def test_the_upgrade_drops_names_from_index_rows_and_folds_them(tmp_path: Path) -> None:
    service = Tracker.open(_load_fixture(10, tmp_path / "v10.db"))
    _words_in_step(service)
    rows = _index_rows(service)
    assert rows
    for eid, title, body in rows:
        data = service.get(engagement_id=eid).data
        assert title == fulltext.folded(data.title)
        assert not body.startswith(fulltext.folded(f"{data.vendor}\n{data.counterpart}"))
        assert body == fulltext.folded(body)
    for eid, _, _ in rows:
        data = service.get(engagement_id=eid).data
        assert eid in service.list_ids(filters=Filters(search=f"{data.vendor} {data.counterpart}"))
