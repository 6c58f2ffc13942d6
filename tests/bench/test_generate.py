"""The benchmark tools: the generated dataset is valid and deterministic; the GUI
benchmark runs on a small database and reports the expected rows (never timings)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench import build_db, gui
from bench.generate import RESTRICTIONS, child_count, generate, generate_engagements
from bench.generate import main as generate_main
from tracker.domain.model import CHILD_FIELDS, Filters
from tracker.domain.vocab import Confidence, Region, Status
from tracker.services import Tracker
from ui.table_model import COLUMNS

N = 50


def _dates(e: dict[str, Any]) -> list[str]:
    found = [e["started"], e["follow_up"]]
    found += [h["on"] for h in e["status_history"]]
    found += [s["published"] for s in e["sources"]]
    for c in e["clarifications"]:
        found += [c["original_on"], c["clarified_on"]]
    return [d for d in found if d]


def test_generated_document_imports_through_the_service(tmp_path: Path) -> None:
    document = generate(N, seed=1)
    service = Tracker.open(tmp_path / "gen.db", user="test")
    try:
        result = service.import_document(document=document)
        assert result.created == N
        assert service.count(filters=Filters()) == N
        assert service.check().ok
        stored = service.get(engagement_id="gen-000001")
        assert stored.data.title == document["engagements"][0]["title"]
        # Importing again updates nothing: the same ids, the same data.
        assert service.import_document(document=document).unchanged == N
    finally:
        service.close()


def test_generation_is_deterministic_for_a_seed() -> None:
    assert generate(N, seed=7) == generate(N, seed=7)
    assert generate(N, seed=7) != generate(N, seed=8)
    # Any slice equals that slice of the whole dataset (batched builds rely on it).
    assert generate_engagements(10, 7, start=20) == generate(30, seed=7)["engagements"][20:]
    ids = [e["id"] for e in generate(N, seed=7)["engagements"]]
    assert ids[0] == "gen-000001" and ids[-1] == f"gen-{N:06d}"


def test_generated_data_covers_the_vocabularies_and_every_child_kind() -> None:
    engagements = generate(N, seed=1)["engagements"]
    assert {e["status"] for e in engagements} == set(Status.values())
    assert set(Region.values()) <= {e["region"] for e in engagements}
    assert {e["confidence"] for e in engagements} == set(Confidence.values())
    assert {e["marking"] for e in engagements} == {"PUBLIC", "UNCLASSIFIED", "NATO UNCLASSIFIED"}
    # Links name other engagements, so a slice of the data would not import alone:
    # the generated engagements have none (every file holds the key, empty).
    assert all(e["links"] == [] for e in engagements)
    for kind in (*(k for k in CHILD_FIELDS if k != "links"), "tags"):
        assert any(e[kind] for e in engagements), kind
    assert 7 <= sum(child_count(e) for e in engagements) / N <= 14
    for e in engagements:
        for r in e["restrictions"]:
            assert RESTRICTIONS[r["code"]] == r["title"]
    dates = [d for e in engagements for d in _dates(e)]
    for pattern in (r"\d{4}", r"\d{4}-Q[1-4]", r"\d{4}-\d\d", r"\d{4}-\d\d-\d\d", r"~\d{4}"):
        assert any(re.fullmatch(pattern, d) for d in dates), pattern
    assert max(len(e["summary"]) for e in engagements) > 2000
    assert any(
        re.search(r"[\u0370-\u03ff\u0400-\u04ff\u3040-\u9fff]", e["counterpart"])
        for e in generate(300, seed=1)["engagements"]
    )


def test_generate_command_writes_the_document(tmp_path: Path) -> None:
    out = tmp_path / "gen.json"
    assert generate_main(["--engagements", "20", "--seed", "3", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == generate(20, seed=3)


def test_build_db_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "built.db"
    args = ["--engagements", "30", "--db", str(db), "--batch", "8", "--seed", "4"]
    assert build_db.main(args) == 0
    document = generate(30, seed=4)
    children = sum(child_count(e) for e in document["engagements"])
    out = capsys.readouterr().out
    assert f"imported 30 engagements ({children} children)" in out
    assert f"30 engagements in {db}" in out
    service = Tracker.open(db)
    try:
        assert service.count(filters=Filters()) == 30
        # The four batches wrote exactly the generated document: importing it changes nothing.
        assert service.import_document(document=document).unchanged == 30
    finally:
        service.close()


# -- the GUI benchmark on a tiny database ---------------------------------------------


@pytest.fixture(scope="module")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    db = tmp_path_factory.mktemp("bench") / "tiny.db"
    build_db.build(db, 200, seed=1)
    yield db


@pytest.fixture(scope="module")
def report(tiny_db: Path, qapp: object) -> gui.Report:
    return gui.run(tiny_db, keystrokes="nato", repeats=1, startup_repeats=1)


def test_gui_startup_reports_every_phase(report: gui.Report) -> None:
    st = report.startup
    assert st is not None and st.rows == 200
    for times in (st.app, st.floor):
        assert 0 < times["imported"] <= times["built"] <= times["painted"]


def test_gui_interactions_report_the_rows_of_each_step(report: gui.Report, tiny_db: Path) -> None:
    assert report.engagements == 200
    service = Tracker.open(tiny_db)
    try:
        expected = [
            len(service.list_ids(filters=Filters(search=p))) for p in ("n", "na", "nat", "nato")
        ]
    finally:
        service.close()
    assert [s.label for s in report.keystrokes] == ['"n"', '"na"', '"nat"', '"nato"']
    assert [s.rows for s in report.keystrokes] == expected
    assert [s.label for s in report.statuses] == [
        f"{s.label} {state}" for s in Status for state in ("on", "off")
    ]
    on = [s.rows for s in report.statuses if s.label.endswith(" on")]
    assert sum(on) == 200 and all(on)
    assert all(s.rows == 200 for s in report.statuses if s.label.endswith(" off"))
    assert len(report.sorts) == 2 * len(COLUMNS)
    assert all(s.rows == 200 for s in report.sorts)
    for s in (*report.keystrokes, *report.statuses, *report.sorts):
        assert s.gui_s > 0 and s.floor_s > 0


def test_gui_report_prints_every_table(report: gui.Report) -> None:
    text = gui.format_report(report, "nato")
    assert "(200 engagements)" in text
    assert "first rows painted" in text
    assert re.search(r'^  "nato" +\d+ ', text, re.MULTILINE)
    assert re.search(r"^  Broken down on +\d+ ", text, re.MULTILINE)
    assert re.search(r"^  Follow-up desc +200 ", text, re.MULTILINE)
    for name in ("search keystrokes", "status toggles", "sorts", "start-up to rows"):
        assert re.search(rf"^  {name} ", text, re.MULTILINE), name
