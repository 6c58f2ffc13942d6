"""``db.bulk_edit`` stores what ``db.store`` would: the engagement as loaded back, and
audit rows equal to ``db.audit.diff`` of before and after, whether a list grew at its
end (only new child rows written) or changed inside (rewritten)."""

from __future__ import annotations

import dataclasses

from db import audit, bulk_edit, loading
from tracker.domain.model import RestrictionStance
from tracker.domain.vocab import Stance, Status
from tracker.services import Tracker


def test_bulk_writes_load_back_and_audit_as_one_by_one(tmp_db_url: str) -> None:
    service = Tracker.open(tmp_db_url, user="alice")
    try:
        service.load_demo()
        ids = service.list_ids()
        with service._write() as conn:  # the db layer inside one sealed transaction
            loaded = loading.load(conn, ids)
            pairs = []
            for n, eid in enumerate(ids):
                data = loaded[eid].data
                grown = dataclasses.replace(
                    data, status=Status.ENDED, tags=(*data.tags, f"t{n}"), owner=f"Desk {n}"
                )
                if n % 2:  # a list changed inside: restrictions replaced, tags reordered
                    grown = dataclasses.replace(
                        grown,
                        tags=tuple(reversed(grown.tags)),
                        restrictions=(RestrictionStance("new-code", "A new one", Stance.AGREED),),
                    )
                pairs.append((loaded[eid], grown))
            items = [(c, d, audit.diff(c.data, d)) for c, d in pairs]
            changed = bulk_edit.replace_many(conn, items, who="alice", action="update")
        assert set(changed) == set(ids)
        for current, data in pairs:
            stored = service.get(engagement_id=current.id)
            assert stored.data == data
            assert stored.version == current.version + 1
            entries = [
                (e.field, e.old, e.new)
                for e in service.history(engagement_id=current.id)
                if e.version == stored.version
            ]
            assert sorted(entries) == sorted(audit.diff(current.data, data))
        assert service.check().problems == ()
    finally:
        service.close()
