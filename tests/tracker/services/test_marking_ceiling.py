"""The marking ceiling (``tracker.domain.ceiling``): nothing above it in an export (JSON,
CSV) or a briefing (its engagements, follow-ups and "Changes since …" sections).

Each engagement above the ceiling carries a canary word in every text it holds; the
tests search the whole output, not the parts they expect to find it in.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader

from tracker.domain.briefing_sections import (
    CHANGES,
    COVER,
    ENGAGEMENTS,
    FOLLOW_UPS,
    MATRIX,
    OVERVIEW,
)
from tracker.domain.ceiling import ceiling
from tracker.domain.change_words import ChangePeriod
from tracker.domain.errors import ValidationError
from tracker.domain.flatfile import to_csv
from tracker.domain.model import Filters
from tracker.services import Tracker
from tracker.services.briefings import BriefingRequest, render_briefing


def secret_ish(word: str, marking: str, **extra: Any) -> dict[str, Any]:
    """An engagement marked ``marking`` whose every text names ``word``."""
    return {
        "id": f"uid-{word}",
        "title": f"Talks {word}",
        "vendor": f"Vendor{word}",
        "counterpart": f"Ministry{word}",
        "status": "negotiating",
        "marking": marking,
        "summary": f"Summary {word} words",
        "owner": f"desk{word}",
        "next_step": f"Call {word}",
        "follow_up": "2020-01",
        "tags": [f"tag{word}"],
        "restrictions": [{"code": f"code{word}", "title": f"No {word}", "stance": "agreed"}],
        "sources": [{"outlet": f"Outlet{word}", "title": f"Story{word}"}],
        **extra,
    }


ABOVE = ("Zanzibarquux", "Xylophonequux")  # above PUBLIC: UNCLASSIFIED, NATO UNCLASSIFIED


@pytest.fixture
def marked(tmp_db_url: str) -> Iterator[Tracker]:
    tracker = Tracker.open(tmp_db_url, user="tester")
    tracker.load_demo()
    tracker.create(data=secret_ish(ABOVE[0], "UNCLASSIFIED"))
    tracker.create(data=secret_ish(ABOVE[1], "NATO UNCLASSIFIED"))
    tracker.create(data=secret_ish("Publicword", "PUBLIC"))
    yield tracker
    tracker.close()


def leaks(text: str, words: tuple[str, ...] = ABOVE) -> list[str]:
    """The canary words found anywhere in ``text`` (any case)."""
    return [w for w in words if w.lower() in text.lower()]


def demo_above(tracker: Tracker) -> list[str]:
    """The uids, titles and summary words of the demo engagements above PUBLIC that no
    engagement at or below it also uses."""
    everything = tracker.export_document()["engagements"]
    kept = json.dumps([e for e in everything if e["marking"] == "PUBLIC"]).lower()
    found: list[str] = []
    for e in everything:
        if e["marking"] != "PUBLIC" and e["id"].startswith("demo-"):
            found += [e["id"], e["title"]]
            found += [w for w in re.findall(r"[A-Za-z]{6,}", e["summary"]) if w.lower() not in kept]
    return found


def downgrade(tracker: Tracker, uid: str, version: int) -> None:
    """Rewrite every text of engagement ``uid`` and mark it PUBLIC."""
    fresh = {k: v for k, v in secret_ish("Publicnow", "PUBLIC").items() if k != "id"}
    tracker.update(engagement_id=uid, expected_version=version, changes=fresh)


def pdf_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join((p.extract_text() or "").split()) for p in pages)


def test_the_ceiling_keeps_the_markings_up_to_it_in_the_database_order() -> None:
    markings = ("PUBLIC", "UNCLASSIFIED", "NATO UNCLASSIFIED")
    limit = ceiling("unclassified", markings)
    assert limit is not None and limit.allowed == ("PUBLIC", "UNCLASSIFIED")
    assert limit.allows("public") and not limit.allows("NATO UNCLASSIFIED")
    assert not limit.allows("SOMETHING ELSE")  # not in the list: above every ceiling
    assert limit.narrow(Filters(markings=("NATO UNCLASSIFIED",))).markings == ("",)
    assert ceiling(None, markings) is None and ceiling(" ", markings) is None
    with pytest.raises(ValidationError, match="--max-marking"):
        ceiling("SECRET", markings)


def test_a_json_export_under_the_ceiling_holds_nothing_above_it(marked: Tracker) -> None:
    document = marked.export_document(max_marking="PUBLIC")
    text = json.dumps(document, ensure_ascii=False)

    assert {e["marking"] for e in document["engagements"]} == {"PUBLIC"}
    assert "Publicword" in text
    assert leaks(text) == []
    assert leaks(text, tuple(demo_above(marked))) == []
    assert len(marked.export_document()["engagements"]) == 7  # no ceiling: all


def test_a_csv_export_under_the_ceiling_holds_nothing_above_it(marked: Tracker) -> None:
    text = to_csv(marked.export_document(max_marking="PUBLIC")["engagements"])
    assert "Publicword" in text
    assert leaks(text) == [] and leaks(text, tuple(demo_above(marked))) == []


def test_the_ceiling_narrows_the_filter_and_never_widens_it(marked: Tracker) -> None:
    filters = Filters(markings=("NATO UNCLASSIFIED",))
    assert marked.export_document(filters=filters, max_marking="UNCLASSIFIED")["engagements"] == []
    kept = marked.export_document(filters=filters, max_marking="NATO UNCLASSIFIED")
    assert {e["marking"] for e in kept["engagements"]} == {"NATO UNCLASSIFIED"}


def test_an_unknown_ceiling_is_refused_naming_the_option(marked: Tracker) -> None:
    with pytest.raises(ValidationError, match=r"--max-marking.*unknown marking"):
        marked.export_document(max_marking="OFFICIAL")


def test_a_briefing_under_the_ceiling_prints_nothing_above_it(marked: Tracker) -> None:
    # A once-UNCLASSIFIED engagement downgraded in the period: its old text is above.
    down = marked.create(data=secret_ish("Downgradedquux", "UNCLASSIFIED"), uid="down").engagement
    downgrade(marked, down.uid, down.version)
    request = BriefingRequest(
        max_marking="PUBLIC",
        sections=(COVER, OVERVIEW, FOLLOW_UPS, CHANGES, MATRIX, ENGAGEMENTS),
        changes_since=ChangePeriod(),
    )
    pdf, count = render_briefing(marked, request)
    text = pdf_text(pdf)

    assert count == 4  # two demo engagements, Publicword, the downgraded one
    assert "Publicword" in text and "Publicnow" in text
    assert leaks(text, (*ABOVE, "Downgradedquux")) == []
    assert leaks(text, tuple(demo_above(marked))) == []


def test_without_a_ceiling_the_briefing_shows_the_downgrade(marked: Tracker) -> None:
    down = marked.create(data=secret_ish("Downgradedquux", "UNCLASSIFIED"), uid="down").engagement
    downgrade(marked, down.uid, down.version)
    request = BriefingRequest(
        filters=Filters(ids=(down.id,)),
        sections=(COVER, CHANGES, ENGAGEMENTS),
        changes_since=ChangePeriod(),
    )
    assert "Downgradedquux" in pdf_text(render_briefing(marked, request)[0])
