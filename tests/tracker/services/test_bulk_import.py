"""The bulk import path: new engagements are written with a few multi-row statements.

Whatever the batching, the database must end up exactly as the one-engagement-at-a-
time import left it: the same rows with the same ids in every table (catalogues,
children, full-text index, audit), timestamps aside. ``legacy_import`` replays that
old loop through ``Tracker._insert`` and ``Tracker._replace`` as the reference.
"""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from bench.generate import generate
from db import audit, loading, store, tables
from tracker.domain.changes import ImportResult
from tracker.domain.date_parser import parse_partial_date
from tracker.domain.dates import DateParseError, PartialDate
from tracker.domain.errors import ValidationError
from tracker.domain.interchange import FORMAT, record_label
from tracker.domain.model import Filters
from tracker.services import Cancelled, Tracker, transfer

N = 300


# --- helpers -----------------------------------------------------------------------------


@pytest.fixture
def open_tracker(tmp_path: Path) -> Iterator[Callable[[str], Tracker]]:
    """Opens fresh databases by name inside the test's tmp dir; closes them after."""
    opened: list[Tracker] = []

    def make(name: str) -> Tracker:
        service = Tracker.open(tmp_path / f"{name}.db", user="alice")
        opened.append(service)
        return service

    yield make
    for service in opened:
        service.close()


def legacy_import(service: Tracker, document: dict[str, Any]) -> ImportResult:
    """The import as it was before the bulk path: one engagement at a time."""
    items: list[dict[str, Any]] = copy.deepcopy(document)["engagements"]
    created = updated = unchanged = 0
    with service._write() as conn:
        ids = loading.ids_by_uid(conn, [str(o["id"]).strip() for o in items if o.get("id")])
        existing = loading.load(conn, list(ids.values()))
        parsed = []
        for index, obj in enumerate(items):
            uid = obj["id"].strip() if obj.get("id") else None
            label = record_label(index, obj.get("title"))
            parsed.append((uid, service._validate(conn, obj, label).data))
        for uid, data in parsed:
            eid = ids.get(uid) if uid else None
            if eid is None:
                store.insert_engagement(conn, data, uid=uid, who=service.user, action="import")
                created += 1
            elif store.replace_engagement(
                conn, existing[eid], data, who=service.user, action="import"
            ):
                updated += 1
            else:
                unchanged += 1
    return ImportResult(created=created, updated=updated, unchanged=unchanged)


_TIMES = {"created_at", "updated_at", "at"}
_PER_DATABASE = {("audit_seal", "hash"), ("audit_seal", "key_id")}
_WHERE = {"meta": "WHERE key != 'database_id'"}


def table_rows(service: Tracker) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (full-text index included), timestamps left out.

    Audit seals hash the timestamps too and each database has its own key (named in
    each seal) and random id, so only which rows are sealed is compared.
    """
    assert service.database.path is not None
    conn = sqlite3.connect(service.database.path)
    try:
        names = [
            str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'engagement_fts%' ORDER BY name"
            )
        ]
        out = {}
        for name in names:
            columns = [
                f'"{r[1]}"'
                for r in conn.execute(f'PRAGMA table_info("{name}")')
                if r[1] not in _TIMES and (name, r[1]) not in _PER_DATABASE
            ]
            out[name] = conn.execute(
                f'SELECT {", ".join(columns)} FROM "{name}" {_WHERE.get(name, "")} ORDER BY rowid'
            ).fetchall()
        out["engagement_fts"] = conn.execute(
            "SELECT rowid, title, body FROM engagement_fts ORDER BY rowid"
        ).fetchall()
        return out
    finally:
        conn.close()


def varied(n: int = N, seed: int = 5) -> dict[str, Any]:
    """A generated document with the catalogue cases a bulk path could get wrong."""
    doc = generate(n, seed=seed)
    es = doc["engagements"]
    # An organisation spelled differently keeps its first spelling; one first named
    # as a counterpart and later as a vendor keeps the kind it was created with.
    es[10]["vendor"] = es[10]["vendor"].upper()
    es[11]["counterpart"] = f"  {es[11]['counterpart'].lower()} "
    es[30]["counterpart"] = "Newco Analytics"
    es[31]["vendor"] = "NEWCO ANALYTICS"
    # New tags, case-sensitive and repeated.
    es[20]["tags"] = ["brand-new", "Brand-New", *es[20]["tags"]]
    es[21]["tags"] = ["brand-new"]
    # A restriction retitled part-way, then back to its code (an empty title).
    with_restrictions = [e for e in es[40:] if e["restrictions"]]
    code = with_restrictions[0]["restrictions"][0]["code"]
    with_restrictions[0]["restrictions"][0]["title"] = "Retitled by the file"
    later = [e for e in with_restrictions[1:] if any(r["code"] == code for r in e["restrictions"])]
    for r in later[-1]["restrictions"]:
        if r["code"] == code:
            r["title"] = ""
    # A restriction code nobody catalogued before.
    es[50]["restrictions"].append({"code": "no-new-code", "title": "", "stance": "proposed"})
    # Words found only in child records.
    es[60]["concerns"].append({"kind": "legal", "text": "Quokkafication of the archive"})
    es[61]["sources"].append({"outlet": "Wire", "title": "Zanzibarian dispatch", "url": ""})
    es[62]["clarifications"].append({"original": "said xylophonically"})
    return doc


def document(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format": FORMAT, "engagements": copy.deepcopy(items)}


# --- the bulk path writes what one by one wrote ------------------------------------------


@pytest.mark.parametrize("chunk", [transfer.IMPORT_CHUNK, 7])
def test_bulk_import_writes_the_rows_of_the_one_by_one_import(
    open_tracker: Callable[[str], Tracker], monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(transfer, "IMPORT_CHUNK", chunk)
    doc = varied()
    bulk, reference = open_tracker("bulk"), open_tracker("reference")

    result = bulk.import_document(document=copy.deepcopy(doc))

    assert result == ImportResult(created=N)
    assert legacy_import(reference, doc) == result
    assert table_rows(bulk) == table_rows(reference)
    assert bulk.check().ok


def test_bulk_import_exports_like_single_engagement_imports(
    open_tracker: Callable[[str], Tracker],
) -> None:
    doc = varied()
    bulk, single = open_tracker("bulk"), open_tracker("single")

    bulk.import_document(document=copy.deepcopy(doc))
    for obj in doc["engagements"]:
        single.import_document(document=document([obj]))

    assert bulk.export_document() == single.export_document()
    assert table_rows(bulk) == table_rows(single)


def test_export_after_a_bulk_import_equals_the_file(open_tracker: Callable[[str], Tracker]) -> None:
    doc = generate(N, seed=3)
    service = open_tracker("bulk")

    service.import_document(document=copy.deepcopy(doc))

    exported = service.export_document()
    # The export adds the organisations the engagements name (format version 2).
    named = {e[k] for e in doc["engagements"] for k in ("vendor", "counterpart")}
    assert {o["name"] for o in exported.pop("organisations")} == named
    assert exported == doc
    report = service.check()
    assert report.ok and report.engagements == N


def query(service: Tracker, sql: str) -> list[sqlite3.Row]:
    assert service.database.path is not None
    conn = sqlite3.connect(service.database.path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_stored_columns_hold_what_the_queries_rely_on(
    open_tracker: Callable[[str], Tracker],
) -> None:
    doc = generate(N, seed=3)
    service = open_tracker("bulk")
    service.import_document(document=doc)

    for name in (t.name for t in tables.CHILD_TABLES):
        positions: dict[int, list[int]] = {}
        for row in query(service, f"SELECT engagement_id, position FROM {name} ORDER BY id"):
            positions.setdefault(row["engagement_id"], []).append(row["position"])
        assert all(p == list(range(len(p))) for p in positions.values()), name
    for row in query(service, 'SELECT "on", on_from FROM status_event'):
        on = PartialDate.from_iso(row["on"]) if row["on"] else None
        assert row["on_from"] == (on.first_day.isoformat() if on else None)
    by_uid = {obj["id"]: obj for obj in doc["engagements"]}
    for row in query(service, "SELECT * FROM engagement"):
        obj = by_uid[row["uid"]]
        assert row["title_key"] == obj["title"].casefold()
        for field in ("started", "follow_up"):
            assert row[field] == obj[field]
            date = PartialDate.from_iso(obj[field]) if obj[field] else None
            assert (row[f"{field}_from"], row[f"{field}_to"]) == (
                (date.first_day.isoformat(), date.last_day.isoformat()) if date else (None, None)
            )


def test_history_has_one_import_row_per_engagement(
    open_tracker: Callable[[str], Tracker],
) -> None:
    doc = generate(N, seed=3)
    service = open_tracker("bulk")

    service.import_document(document=doc)

    assert service.info().revision == N
    exported = {o["id"]: o for o in service.export_document()["engagements"]}
    for obj in doc["engagements"][:: N // 10]:
        history = service.history(engagement_id=obj["id"])
        assert [(e.action, e.field, e.version, e.who, e.old) for e in history] == [
            ("import", "engagement", 1, "alice", None)
        ]
        # The entry records the whole engagement as stored: what an export gives.
        assert history[0].new is not None and json.loads(history[0].new) == exported[obj["id"]]
        assert history[0].recorded_title == obj["title"]
    ids = [e.engagement_id for e in store_history(service)]
    assert ids == sorted(ids) and len(set(ids)) == N


def store_history(service: Tracker) -> list[Any]:
    with service._read() as conn:
        return [e for i in range(1, N + 1) for e in audit.history(conn, i)]


def test_full_text_search_finds_the_text_of_children(
    open_tracker: Callable[[str], Tracker],
) -> None:
    doc = varied()
    service = open_tracker("bulk")

    service.import_document(document=doc)

    def found(words: str) -> list[str]:
        ids = service.list_ids(filters=Filters(search=words))
        return sorted(e.uid for e in service.get_many(ids=ids))

    es = doc["engagements"]
    assert found("quokkafication") == [es[60]["id"]]
    assert found("zanzibarian dispatch") == [es[61]["id"]]
    assert found("xylophonically") == [es[62]["id"]]
    assert found("newco") == [es[30]["id"], es[31]["id"]]
    assert found("retitled by the file")
    assert service.check().ok


def test_ids_follow_the_file_order_after_existing_engagements(
    open_tracker: Callable[[str], Tracker],
) -> None:
    service = open_tracker("bulk")
    service.load_demo()

    service.import_document(document=generate(20, seed=1))

    assert [e.uid for e in service.get_many(ids=list(range(5, 25)))] == [
        f"gen-{i:06d}" for i in range(1, 21)
    ]


def test_engagements_without_an_id_get_a_fresh_one(open_tracker: Callable[[str], Tracker]) -> None:
    items = generate(30, seed=2)["engagements"]
    for obj in items[::3]:
        del obj["id"]
    service = open_tracker("bulk")

    assert service.import_document(document=document(items)) == ImportResult(created=30)

    uids = [e["id"] for e in service.export_document()["engagements"]]
    assert len(set(uids)) == 30
    assert uids[1::3] == [obj["id"] for obj in items[1::3]]
    assert all(len(u) == 36 for u in uids[::3])  # uuid4 text
    assert service.check().ok


# --- new and existing engagements in one file ----------------------------------------------


def mixed() -> tuple[dict[str, Any], dict[str, Any]]:
    """A first file of some engagements, then a file with them (some changed) among new ones."""
    doc = varied()
    es = doc["engagements"]
    first = document([e for i, e in enumerate(es) if i % 3 == 0 or 100 <= i < 110])
    second = copy.deepcopy(doc)
    for i, obj in enumerate(second["engagements"]):
        if i % 9 == 0:
            obj["summary"] = f"Changed in the second file ({i})."
        if i % 27 == 0:
            obj["tags"] = ["second-file", *obj["tags"]]
            obj["vendor"] = "Second File Vendor"
        if i % 45 == 0:
            for r in obj["restrictions"]:
                r["title"] = f"Retitled in the second file ({i})"
    return first, second


@pytest.mark.parametrize("chunk", [transfer.IMPORT_CHUNK, 16])
def test_a_file_mixing_new_and_existing_engagements(
    open_tracker: Callable[[str], Tracker], monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(transfer, "IMPORT_CHUNK", chunk)
    first, second = mixed()
    bulk, reference = open_tracker("bulk"), open_tracker("reference")
    bulk.import_document(document=copy.deepcopy(first))
    legacy_import(reference, first)
    calls: list[tuple[int, int]] = []

    def on_progress(done: int, total: int) -> None:
        calls.append((done, total))

    result = bulk.import_document(document=copy.deepcopy(second), on_progress=on_progress)

    existing = len(first["engagements"])
    changed = sum(1 for i in range(N) if i % 9 == 0 and (i % 3 == 0 or 100 <= i < 110))
    assert result == ImportResult(
        created=N - existing, updated=changed, unchanged=existing - changed
    )
    assert calls == [(i, N) for i in range(1, N + 1)]
    assert legacy_import(reference, second) == result
    assert table_rows(bulk) == table_rows(reference)
    assert bulk.export_document() == reference.export_document()
    assert bulk.check().ok
    nine = bulk.get(engagement_id=second["engagements"][9]["id"])
    assert nine.version == 2
    assert [(e.action, e.field) for e in bulk.history(engagement_id=nine.id)] == [
        ("import", "summary"),
        ("import", "engagement"),
    ]


# --- all or nothing ----------------------------------------------------------------------


@pytest.mark.parametrize("stop_at", [1, 175, N])
def test_cancelling_a_bulk_import_writes_nothing(
    open_tracker: Callable[[str], Tracker], monkeypatch: pytest.MonkeyPatch, stop_at: int
) -> None:
    monkeypatch.setattr(transfer, "IMPORT_CHUNK", 50)  # some chunks are written before
    service = open_tracker("bulk")
    calls: list[tuple[int, int]] = []

    def on_progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < stop_at

    with pytest.raises(Cancelled):
        service.import_document(document=varied(), on_progress=on_progress)

    assert calls == [(i, N) for i in range(1, stop_at + 1)]
    assert service.count() == 0
    assert service.info().revision == 0
    assert service.names(kind="vendor") == service.names(kind="tag") == []
    assert service.restriction_catalogue() == []
    assert table_rows(service)["engagement_fts"] == []
    assert service.check().ok


def test_cancelling_a_mixed_import_keeps_the_old_rows(
    open_tracker: Callable[[str], Tracker], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transfer, "IMPORT_CHUNK", 16)
    first, second = mixed()
    service = open_tracker("bulk")
    service.import_document(document=first)
    before = table_rows(service)

    with pytest.raises(Cancelled):
        service.import_document(document=second, on_progress=lambda done, _: done < 250)

    assert table_rows(service) == before
    assert service.check().ok


def test_an_error_in_the_last_engagement_writes_nothing(
    open_tracker: Callable[[str], Tracker], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transfer, "IMPORT_CHUNK", 10)
    doc = varied()
    doc["engagements"][-1]["sources"][0]["published"] = "2026-13"
    service = open_tracker("bulk")

    with pytest.raises(ValidationError) as caught:
        service.import_document(document=doc)

    assert caught.value.record.startswith(f"engagement #{N} ")
    assert caught.value.field == "sources[0].published"
    assert service.count() == 0 and service.info().revision == 0


# --- it is a bulk path -----------------------------------------------------------------------


def statements(service: Tracker, doc: dict[str, Any]) -> int:
    count = 0

    def counted(*_: Any) -> None:
        nonlocal count
        count += 1

    event.listen(service.database.engine, "before_cursor_execute", counted)
    try:
        service.import_document(document=doc)
    finally:
        event.remove(service.database.engine, "before_cursor_execute", counted)
    return count


def test_the_number_of_statements_does_not_grow_with_the_engagements(
    open_tracker: Callable[[str], Tracker],
) -> None:
    small = statements(open_tracker("small"), generate(30, seed=1))
    large = statements(open_tracker("large"), generate(N, seed=1))

    assert large == small
    assert large < 40


# --- the validation shortcuts ----------------------------------------------------------------


@pytest.mark.parametrize("text", ["2026-02-27", "2026-02", "2025-Q3", "2025", "~2025", "~2025-Q1"])
def test_canonical_dates_read_the_same_every_time(text: str) -> None:
    first = parse_partial_date(text)
    assert parse_partial_date(text) == first == PartialDate.from_iso(text)
    assert parse_partial_date(text) is PartialDate.from_iso(text)  # one shared instance
    assert first.iso() == text
    assert parse_partial_date(f" {text.lower()} ") == first


@pytest.mark.parametrize("text", ["2026-13", "2026-02-30", "2025-Q5", "0000"])
def test_impossible_canonical_dates_are_refused_every_time(text: str) -> None:
    for _ in range(2):
        with pytest.raises(DateParseError, match="not a valid date"):
            parse_partial_date(text)
        with pytest.raises(DateParseError, match="not a valid date"):
            PartialDate.from_iso(text)


def test_vocabulary_words_read_the_same_every_time(open_tracker: Callable[[str], Tracker]) -> None:
    service = open_tracker("words")
    spellings = ["agreed", "Agreed", "AGREED", " agreed "]
    for _ in range(2):
        for n, status in enumerate(spellings):
            with pytest.raises(ValidationError, match='unknown status "agread"'):
                service.import_document(
                    document=document(
                        [{"title": "t", "vendor": "v", "counterpart": "c", "status": "agread"}]
                    )
                )
            service.import_document(
                document=document(
                    [
                        {
                            "id": f"w-{n}",
                            "title": "t",
                            "vendor": "v",
                            "counterpart": "c",
                            "status": status,
                            "region": "asia pacific",
                        }
                    ]
                )
            )
    assert {e.data.status.value for e in service.get_many(ids=[1, 2, 3, 4])} == {"agreed"}
    assert {e.data.region for e in service.get_many(ids=[1, 2, 3, 4])} == {
        service.get(engagement_id=1).data.region
    }
    assert str(service.get(engagement_id=1).data.region) == "Asia-Pacific"
