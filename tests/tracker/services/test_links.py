"""Links between engagements through the service, on SQLite and (with TRACKER_TEST_DB)
PostgreSQL: written from a file and from a save, read from both ends, filtered by, and
every bad link refused in one line with nothing written."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tracker.domain.errors import ValidationError
from tracker.domain.interchange import FORMAT
from tracker.domain.model import EngagementLink, Filters
from tracker.domain.vocab import LinkKind
from tracker.services import Tracker


@pytest.fixture
def service(tmp_db_url: str) -> Iterator[Tracker]:
    tracker = Tracker.open(tmp_db_url, user="tester")
    yield tracker
    tracker.close()


def engagement(uid: str, *links: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": uid,
        "title": f"Talks {uid}",
        "vendor": "V",
        "counterpart": "C",
        "status": "negotiating",
        "links": list(links),
    }


def document(*engagements: dict[str, Any]) -> dict[str, Any]:
    return {"format": FORMAT, "engagements": list(engagements)}


def snapshot(service: Tracker) -> Any:
    return service.export_document(), service.check().ok


def test_a_file_links_forward_and_back_and_both_ends_show_it(service: Tracker) -> None:
    service.import_document(
        document=document(
            # "a" links to "b", later in the same file
            engagement("a", {"to": "b", "kind": "supersedes", "on": "2026-Q1", "note": "new"}),
            engagement("b", {"to": "c", "kind": "part_of"}),
            engagement("c"),
        )
    )
    a, b, c = (service.get(engagement_id=u) for u in "abc")
    assert a.data.links[0].to == "b" and str(a.data.links[0].on) == "2026-Q1"
    seen = {(k.uid, k.kind.value, k.incoming) for k in b.linked}
    assert seen == {("c", "part_of", False), ("a", "supersedes", True)}
    assert [(k.number, k.title, k.incoming) for k in c.linked] == [(b.id, "Talks b", True)]
    assert sorted(service.list_ids(filters=Filters(linked_to=b.id))) == sorted([a.id, c.id])
    assert service.list_ids(filters=Filters(linked_to=c.id)) == [b.id]
    exported = service.export_document()["engagements"][0]["links"]
    assert exported == [{"to": "b", "kind": "supersedes", "on": "2026-Q1", "note": "new"}]
    assert service.check().ok  # the audit trail replays to the stored links


@pytest.mark.parametrize(
    ("links", "field", "words"),
    [
        (
            [{"to": "nowhere", "kind": "related"}],
            "links[0].to",
            'no engagement has the id "nowhere"',
        ),
        ([{"to": "c", "kind": "related"}], "links[0].to", "cannot be linked to itself"),
        ([{"to": "a", "kind": "friends"}], "links[0].kind", 'unknown link kind "friends"'),
        ([{"to": "a", "kind": "supersedes"}], "links[0].kind", "would make a cycle"),
        ([{"to": "trashed", "kind": "related"}], "links[0].to", "is in the trash"),
    ],
)
def test_a_bad_link_is_refused_and_nothing_is_written(
    service: Tracker, links: list[dict[str, Any]], field: str, words: str
) -> None:
    service.import_document(
        document=document(
            engagement("a", {"to": "b", "kind": "supersedes"}),
            engagement("b", {"to": "c", "kind": "supersedes"}),
            engagement("c"),
            engagement("trashed"),
        )
    )
    service.delete(engagement_id="trashed")
    before = snapshot(service)
    with pytest.raises(ValidationError) as info:
        service.import_document(document=document(engagement("new"), engagement("c", *links)))
    assert info.value.field == field and words in str(info.value)
    assert 'engagement #2 "Talks c"' in str(info.value) and "\n" not in str(info.value)
    assert snapshot(service) == before


def test_a_cycle_within_one_file_is_refused(service: Tracker) -> None:
    with pytest.raises(ValidationError, match="part_of would make a cycle") as info:
        service.import_document(
            document=document(
                engagement("x", {"to": "y", "kind": "part_of"}),
                engagement("y", {"to": "x", "kind": "part_of"}),
            )
        )
    assert info.value.field == "links[0].kind"
    assert service.list_ids(filters=Filters()) == []


def test_links_of_two_kinds_and_symmetric_kinds_make_no_cycle(service: Tracker) -> None:
    service.import_document(
        document=document(
            engagement("x", {"to": "y", "kind": "part_of"}, {"to": "y", "kind": "related"}),
            engagement("y", {"to": "x", "kind": "supersedes"}, {"to": "x", "kind": "related"}),
        )
    )
    assert len(service.get(engagement_id="x").linked) == 4


def test_a_save_adds_and_removes_links_audited(service: Tracker) -> None:
    service.import_document(document=document(engagement("a"), engagement("b")))
    a = service.get(engagement_id="a")
    link = EngagementLink("b", LinkKind.ALTERNATIVE_TO, note="chosen instead")
    saved = service.save(
        engagement_id=a.id, expected_version=a.version, data=_with(a.data, (link,))
    )
    assert saved.engagement.data.links == (link,)
    assert "links" in saved.changes.fields
    b = service.get(engagement_id="b")
    assert [(k.kind, k.incoming, k.note) for k in b.linked] == [
        (LinkKind.ALTERNATIVE_TO, True, "chosen instead")
    ]
    assert any(e.field == "links" for e in service.history(engagement_id=a.id))
    with pytest.raises(ValidationError, match="cannot be linked to itself"):
        service.save(
            engagement_id=a.id,
            expected_version=saved.engagement.version,
            data=_with(a.data, (EngagementLink("a", LinkKind.RELATED),)),
        )
    service.save(
        engagement_id=a.id, expected_version=saved.engagement.version, data=_with(a.data, ())
    )
    assert service.get(engagement_id="b").linked == ()
    assert service.check().ok


def test_a_link_from_an_engagement_in_the_trash_is_not_shown_at_its_other_end(
    service: Tracker,
) -> None:
    service.import_document(
        document=document(engagement("a", {"to": "b", "kind": "follows"}), engagement("b"))
    )
    service.delete(engagement_id="a")
    assert service.get(engagement_id="b").linked == ()
    assert service.get(engagement_id="a").data.links[0].to == "b"  # its own data is kept


def test_the_demo_links_its_engagements(service: Tracker) -> None:
    service.load_demo()
    openai = service.get(engagement_id="demo-dod-openai")
    anthropic = service.get(engagement_id="demo-dod-anthropic")
    (end,) = anthropic.linked
    assert (end.number, end.kind, end.incoming) == (openai.id, LinkKind.ALTERNATIVE_TO, True)
    assert end.note == "Chosen after the Anthropic talks broke down"
    assert openai.id in service.list_ids(filters=Filters(linked_to=anthropic.id))


def _with(data: Any, links: tuple[EngagementLink, ...]) -> Any:
    from dataclasses import replace

    return replace(data, links=links)


def test_a_briefing_shows_the_links_from_both_ends(service: Tracker, tmp_path: Any) -> None:
    import shutil
    import subprocess

    from tracker.domain.languages import Language
    from tracker.services.briefings import BriefingRequest, render_briefing

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    service.load_demo()
    pdf, _ = render_briefing(service, BriefingRequest())
    french, _ = render_briefing(service, BriefingRequest(language=Language.FR))
    texts = []
    for name, data in (("en.pdf", pdf), ("fr.pdf", french)):
        path = tmp_path / name
        path.write_bytes(data)
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
        texts.append(" ".join(out.stdout.split()))
    english, in_french = texts
    openai = service.get(engagement_id="demo-dod-openai").id
    anthropic = service.get(engagement_id="demo-dod-anthropic").id
    assert "Chosen after the Anthropic talks broke down" in english
    assert f"Alternative to #{anthropic} U.S. Department of Defense negotiations" in english
    assert f"Alternative to #{openai} U.S. Department of Defense agreement" in english
    assert "Has part #" in english and "Part of #" in english
    assert "Liens" in in_french and "Comprend #" in in_french
