"""``tracker templates`` and ``tracker brief --template NAME``, in subprocesses (on
SQLite, or the server under test): saving with a logo, listing as text and JSON,
another user using a shared template, deleting; a briefing from a template, an option
beside it winning; an unknown template refused in one line with nothing written."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

from PIL import Image

from tests.tracker.cli.test_brief_cli import page_sizes, pages_text
from tests.tracker.cli.test_cli import ok, one_line_error, run_cli
from tracker.cli.templates import EMPTY


def tracker(url: str, *args: str, user: str = "alice") -> subprocess.CompletedProcess[str]:
    return run_cli(None, "--db", url, "--user", user, *args)


def test_templates_save_list_and_delete(tmp_db_url: str, tmp_path: Path) -> None:
    assert ok(tracker(tmp_db_url, "templates")) == EMPTY + "\n"
    logo = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (200, 80), (30, 80, 160)).save(buffer, format="PNG")
    logo.write_bytes(buffer.getvalue())
    saved = tracker(
        tmp_db_url, "templates", "save", "Board", "--title", "Board briefing",
        "--author", "A. Officer", "--page-size", "Letter", "--sections", "cover,engagements",
        "--parts", "summary", "--logo", str(logo), "--shared",
    )  # fmt: skip
    assert ok(saved) == "" and saved.stderr == 'tracker: saved template "Board"\n'
    (listed,) = json.loads(ok(tracker(tmp_db_url, "templates", "--format", "json", user="bob")))
    assert (listed["name"], listed["owner"], listed["shared"]) == ("Board", "alice", True)
    assert (listed["title"], listed["author"], listed["page_size"]) == (
        "Board briefing",
        "A. Officer",
        "Letter",
    )
    assert listed["sections"] == ["cover", "engagements"] and listed["parts"] == ["summary"]
    assert listed["language"] == "en" and listed["logo_bytes"] == logo.stat().st_size
    lines = ok(tracker(tmp_db_url, "templates")).splitlines()
    assert lines[1].split()[:3] == ["Board", "alice", "shared"]
    assert "Board briefing · logo" in lines[1]
    one_line_error(
        tracker(tmp_db_url, "templates", "save", "board"),
        'the briefing template "board", name: you have a template of that name already',
    )
    by_bob = tracker(tmp_db_url, "templates", "delete", "Board", user="bob")
    one_line_error(by_bob, "only its owner")
    deleted = tracker(tmp_db_url, "templates", "delete", "board")
    assert ok(deleted) == "" and deleted.stderr == 'tracker: deleted template "Board"\n'
    assert ok(tracker(tmp_db_url, "templates")) == EMPTY + "\n"


def test_brief_from_a_template_and_an_option_beside_it_wins(
    tmp_db_url: str, tmp_path: Path
) -> None:
    ok(tracker(tmp_db_url, "demo"))
    saved = tracker(
        tmp_db_url, "templates", "save", "Board", "--title", "Template Title Here",
        "--organisation", "Ministry of Examples", "--page-size", "Letter", "--shared",
    )  # fmt: skip
    ok(saved)
    out = tmp_path / "x.pdf"
    ok(tracker(tmp_db_url, "brief", "--template", "board", "--out", str(out), user="bob"))
    text = " ".join(pages_text(out))
    assert "Template Title Here" in text and "Ministry of Examples" in text
    assert page_sizes(out) == {(612.0, 792.0)}
    given = tmp_path / "y.pdf"
    beside = tracker(
        tmp_db_url, "brief", "--template", "Board", "--title", "Given Title",
        "--page-size", "A4", "--out", str(given),
    )  # fmt: skip
    ok(beside)
    text = " ".join(pages_text(given))
    assert "Given Title" in text and "Template Title Here" not in text
    assert "Ministry of Examples" in text  # what was not given is the template's
    assert page_sizes(given) == {(595.28, 841.89)}


def test_an_unknown_template_is_one_line_and_writes_nothing(
    tmp_db_url: str, tmp_path: Path
) -> None:
    ok(tracker(tmp_db_url, "demo"))
    folder = tmp_path / "out"
    folder.mkdir()
    one_line_error(
        tracker(tmp_db_url, "brief", "--template", "Nope", "--out", str(folder / "x.pdf")),
        'the briefing template "Nope": no such briefing template',
    )
    assert list(folder.iterdir()) == []
