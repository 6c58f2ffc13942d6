"""``tracker brief --sections … --parts … --key-points FILE``, and the banner's marking
when a "Changes since" section prints old values of a higher marking; in subprocesses."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.tracker.cli.test_brief_cli import pages_text, run


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "demo.db"
    assert run(db, "demo").returncode == 0
    return db


def refused(db: Path, out: Path, *args: str) -> str:
    """The one line a refused ``brief`` says; exit 1 and nothing written."""
    result = run(db, "brief", "--out", str(out), *args)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert not out.exists()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}")]
    return lines[0]


def test_sections_parts_and_key_points(demo_db: Path, tmp_path: Path) -> None:
    out, points = tmp_path / "b.pdf", tmp_path / "points.txt"
    points.write_text("Why this matters.\n\n- One\n- Two <b>bold</b>\n", encoding="utf-8")
    result = run(
        demo_db, "brief", "--out", str(out), "--key-points", str(points),
        "--sections", "key-points,engagements,cover", "--parts", "summary,sources",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    outline = [i.title for i in PdfReader(out).outline if not isinstance(i, list)]
    assert outline == ["Key points", "Engagements"]
    texts = pages_text(out)
    assert "Key points Why this matters." in texts[0]
    assert "Two <b>bold</b>" in texts[0]
    assert "ENGAGEMENT BRIEFING" in texts[-1]  # the cover, last as asked
    whole = " ".join(texts)
    assert "Restriction matrix" not in whole and "Status timeline" not in whole


@pytest.mark.parametrize(
    ("args", "word"),
    [
        (("--sections", "cover,overveiw"), 'unknown section "overveiw"'),
        (("--sections", "cover,cover"), 'section "cover" is named twice'),
        (("--parts", "summary,linkz"), 'unknown part "linkz"'),
        (("--sections", "cover,key-points"), '"key-points" section needs'),
        (("--sections", "changes-since"), '"changes-since" section needs a period'),
        (("--key-points", "no-such-file.txt"), "no-such-file.txt: no such file"),
    ],
)
def test_bad_choices_say_one_line(
    demo_db: Path, tmp_path: Path, args: tuple[str, ...], word: str
) -> None:
    line = refused(demo_db, tmp_path / "b.pdf", *args)
    assert word in line and "Traceback" not in line


def test_a_downgraded_engagement_briefed_with_its_changes_keeps_the_higher_banner(
    demo_db: Path, tmp_path: Path
) -> None:
    # #1 is NATO UNCLASSIFIED; briefed, then downgraded to PUBLIC with a new summary.
    assert run(demo_db, "brief", "--out", str(tmp_path / "first.pdf"), "--ids", "1").returncode == 0
    edited = run(demo_db, "edit", "1", "--set", "marking=PUBLIC", "--set", "summary=Now public.")
    assert edited.returncode == 0, edited.stderr
    plain, since = tmp_path / "plain.pdf", tmp_path / "since.pdf"
    assert run(demo_db, "brief", "--out", str(plain), "--ids", "1").returncode == 0
    assert pages_text(plain)[0].startswith("PUBLIC")
    result = run(demo_db, "brief", "--out", str(since), "--ids", "1", "--since-briefing", "1")
    assert result.returncode == 0, result.stderr
    texts = pages_text(since)
    assert "Changes since" in " ".join(texts)
    for page in texts:
        assert page.count("NATO UNCLASSIFIED") >= 2, page[:80]
    # Nor may a lower banner be chosen for it.
    line = refused(
        demo_db, tmp_path / "low.pdf", "--ids", "1", "--since-briefing", "1", "--marking", "PUBLIC"
    )
    assert 'lower than "NATO UNCLASSIFIED"' in line
