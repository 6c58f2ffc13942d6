"""The briefing register: every briefing written is recorded once its file is complete."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

import pytest

from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.model import Filters
from tracker.domain.seals import SealToken
from tracker.domain.vocab import Region, Status
from tracker.services import Tracker
from tracker.services.briefings import BriefingRequest, write_briefing


def test_a_written_briefing_is_recorded_with_its_file_hash_and_seal(
    demo: Tracker, tmp_path: Path
) -> None:
    filters = Filters(statuses=(Status.ACTIVE, Status.AGREED), regions=(Region.NORTH_AMERICA,))
    out = tmp_path / "folder" / "brief.pdf"
    out.parent.mkdir()
    seal = demo.selection(filters=filters).audit_seal
    record = write_briefing(
        demo,
        BriefingRequest(filters=filters, sort="updated_at", title="  Morning brief "),
        str(out),
    )
    assert record.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert (record.title, record.file_name, record.who) == ("Morning brief", "brief.pdf", demo.user)
    assert record.engagement_count == demo.count(filters=filters) > 0
    assert record.marking == demo.summary(filters=filters).highest
    assert record.audit_seal == seal and SealToken.parse(seal).entries == record.revision > 0
    assert record.selection == {
        "filters": {"statuses": ["active", "agreed"], "regions": ["North America"]},
        "sort": "updated_at",
    }
    assert demo.briefings() == [record]
    assert demo.briefing() == record == demo.briefing(briefing_id=record.id)


def test_the_latest_briefing_comes_first(demo: Tracker, tmp_path: Path) -> None:
    first = write_briefing(demo, BriefingRequest(), str(tmp_path / "a.pdf"))
    chosen = Filters(ids=tuple(demo.list_ids()[:2]))
    second = write_briefing(demo, BriefingRequest(filters=chosen), str(tmp_path / "b.pdf"))
    assert [b.id for b in demo.briefings()] == [second.id, first.id]
    assert demo.briefing().id == second.id
    assert second.selection["filters"] == {"ids": list(chosen.ids or ())}
    assert second.engagement_count == 2


def test_a_briefing_that_fails_is_not_recorded(demo: Tracker, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        write_briefing(demo, BriefingRequest(marking="NO SUCH MARKING"), str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()
    assert demo.briefings() == []


def test_an_unknown_or_missing_briefing_is_one_clear_error(demo: Tracker) -> None:
    with pytest.raises(ValidationError, match="no briefing has been recorded"):
        demo.briefing()
    with pytest.raises(ValidationError, match="no briefing 7 in the register"):
        demo.briefing(briefing_id=7)


def test_a_briefing_of_the_record_as_of_a_date_records_that_day(
    demo: Tracker, tmp_path: Path
) -> None:
    today = datetime.datetime.now(datetime.UTC).date()
    record = write_briefing(demo, BriefingRequest(as_of=today), str(tmp_path / "then.pdf"))
    assert record.selection == {"filters": {}, "sort": "title", "as_of": today.isoformat()}


def test_a_file_is_told_apart_by_its_content(demo: Tracker, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    record = write_briefing(demo, BriefingRequest(), str(out))
    copy = tmp_path / "renamed copy.pdf"
    copy.write_bytes(out.read_bytes())
    assert demo.briefing_for_file(path=copy) == record  # the name does not matter
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(out.read_bytes() + b"\n")
    assert demo.briefing_for_file(path=changed) is None
    with pytest.raises(TrackerError, match="no such file"):
        demo.briefing_for_file(path=tmp_path / "missing.pdf")
    with pytest.raises(TrackerError, match="cannot read"):
        demo.briefing_for_file(path=tmp_path)  # a folder
