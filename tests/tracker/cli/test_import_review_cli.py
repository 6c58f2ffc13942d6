"""``tracker import FILE --dry-run [--format text|json]``, ``tracker export --max-marking``
and CSV formula cells, through a subprocess as a user types them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.tracker.cli.test_cli import export_json, ok, run_cli

NATO = "demo-nato-openai"


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "tracker.db"
    ok(run_cli(db, "demo"))
    return db


def edited_file(db: Path, tmp_path: Path, **nato: object) -> Path:
    document = json.loads(export_json(db))
    for e in document["engagements"]:
        if e["id"] == NATO:
            e.update(nato)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_dry_run_prints_what_would_change_and_writes_nothing(demo_db: Path, tmp_path: Path) -> None:
    before = export_json(demo_db)
    path = edited_file(demo_db, tmp_path, owner="Brussels desk")

    out = ok(run_cli(demo_db, "import", str(path), "--dry-run"))

    lines = out.splitlines()
    assert lines[0] == "0 created, 1 updated, 3 unchanged, 0 refused"
    assert any(line.startswith("update: NATO exploratory talks") for line in lines)
    assert any(line.strip().startswith("Owner: ") and "→ Brussels desk" in line for line in lines)
    assert export_json(demo_db) == before


def test_dry_run_json_and_every_refusal_exit_1(demo_db: Path, tmp_path: Path) -> None:
    path = edited_file(demo_db, tmp_path, marking="SECRET")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["engagements"][3]["status"] = "shredded"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = export_json(demo_db)

    proc = run_cli(demo_db, "import", str(path), "--dry-run", "--format", "json")

    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    review = json.loads(proc.stdout)
    assert review["writable"] is False
    refused = [(r["record"].split(" ")[1], r["field"]) for r in review["refused"]]
    assert refused == [("#1", "marking"), ("#4", "status")]
    assert "SECRET" in review["refused"][0]["reason"]
    assert len(review["unchanged"]) == 2
    assert export_json(demo_db) == before


def test_export_max_marking_leaves_out_what_is_above(demo_db: Path) -> None:
    full = json.loads(export_json(demo_db))
    above = [e for e in full["engagements"] if e["marking"] != "PUBLIC"]
    assert above  # the demo has engagements above PUBLIC

    text = ok(run_cli(demo_db, "export", "--max-marking", "public"))
    csv_text = ok(run_cli(demo_db, "export", "--format", "csv", "--max-marking", "PUBLIC"))

    for output in (text, csv_text):
        for e in above:
            assert e["id"] not in output and e["title"] not in output
    assert {e["marking"] for e in json.loads(text)["engagements"]} == {"PUBLIC"}
    bad = run_cli(demo_db, "export", "--max-marking", "TOP SECRET")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "--max-marking" in bad.stderr


def test_csv_formula_cells_are_neutralised_and_round_trip(demo_db: Path, tmp_path: Path) -> None:
    formula = '=HYPERLINK("http://example.org/x","click")'
    path = edited_file(demo_db, tmp_path, owner=formula, next_step="'kept as typed")
    ok(run_cli(demo_db, "import", str(path)))
    before = export_json(demo_db)
    out = tmp_path / "out.csv"

    ok(run_cli(demo_db, "export", "--format", "csv", "--out", str(out)))

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    cells = [c for r in csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")) for c in r]
    assert "'" + formula in cells and "''kept as typed" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "4 unchanged" in run_cli(demo_db, "import", str(out)).stderr
    assert export_json(demo_db) == before
    plain = ok(run_cli(demo_db, "export", "--format", "csv", "--no-bom"))
    assert plain.startswith("id,title,")


def test_brief_max_marking_prints_nothing_above_it(demo_db: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    above = [e for e in json.loads(export_json(demo_db))["engagements"] if e["marking"] != "PUBLIC"]
    out = tmp_path / "public.pdf"

    proc = run_cli(demo_db, "brief", "--out", str(out), "--max-marking", "PUBLIC", "--due", "1y")

    assert "briefing of 2 engagements" in proc.stderr, proc.stderr
    pages = PdfReader(str(out)).pages
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pages)
    for e in above:
        assert e["id"] not in text and e["title"] not in text
