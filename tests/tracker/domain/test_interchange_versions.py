"""The file's format marker: version 1 and 2 are read, version 2 alone may hold the
organisations and the restriction catalogue, and anything else is refused by field."""

from __future__ import annotations

import pytest

from tracker.domain.errors import ValidationError
from tracker.domain.interchange import FORMAT, FORMAT_V1, document_engagements


def test_exports_write_version_2() -> None:
    assert FORMAT == "engagement-tracker/2" and FORMAT_V1 == "engagement-tracker/1"


@pytest.mark.parametrize("version", ["engagement-tracker/1", "engagement-tracker/2"])
def test_both_versions_are_read(version: str) -> None:
    item = {"title": "T", "vendor": "V", "counterpart": "C", "status": "active"}
    assert document_engagements({"format": version, "engagements": [item]}) == [item]


def test_version_2_may_hold_organisations_and_restrictions() -> None:
    document = {"format": FORMAT, "engagements": [], "organisations": [], "restrictions": []}
    assert document_engagements(document) == []


@pytest.mark.parametrize("part", ["organisations", "restrictions"])
def test_a_version_1_file_may_not(part: str) -> None:
    with pytest.raises(ValidationError) as caught:
        document_engagements({"format": FORMAT_V1, "engagements": [], part: []})
    assert caught.value.field == part and "unknown field" in str(caught.value)


@pytest.mark.parametrize("marker", ["engagement-tracker/3", None, 2])
def test_another_marker_is_refused(marker: object) -> None:
    with pytest.raises(ValidationError) as caught:
        document_engagements({"format": marker, "engagements": []})
    assert caught.value.field == "format"
    assert '"engagement-tracker/1" or "engagement-tracker/2"' in str(caught.value)
