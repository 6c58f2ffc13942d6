"""``tracker orgs`` driven as a user would, in subprocesses on a demo database: the list
(text and JSON), an alias, details, a merge with its audit trail, and the refusals (one
line naming the record and field, exit 1, nothing written)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.tracker.cli.test_cli import DOD_OPENAI, ok, one_line_error, run_cli

DOD = "U.S. Department of Defense"


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "tracker.db"
    ok(run_cli(db, "demo"))
    return db


def orgs(db: Path) -> dict[str, Any]:
    return {o["name"]: o for o in json.loads(ok(run_cli(db, "orgs", "--format", "json")))}


def listed(db: Path, *args: str) -> list[str]:
    rows = json.loads(ok(run_cli(db, "list", "--format", "json", *args)))
    return sorted(r["uid"] for r in rows)


def test_the_demo_organisations_are_listed_with_aliases_parts_and_counts(demo_db: Path) -> None:
    found = orgs(demo_db)
    assert found[DOD]["aliases"] == ["Pentagon", "DoD", "Department of War"]
    assert found[DOD]["parts"] == ["Chief Digital and AI Office"]
    assert found[DOD]["engagements"] == 2
    assert found["Chief Digital and AI Office"]["parent"] == DOD
    assert found["NATO Communications and Information Agency"]["parent"] == "NATO"
    text = ok(run_cli(demo_db, "orgs"))
    assert text.splitlines()[0].split()[:3] == ["NAME", "KIND", "COUNTRY"]
    assert any(line.startswith(DOD) and "Pentagon, DoD" in line for line in text.splitlines())


def test_an_alias_is_found_by_search_and_filters(demo_db: Path) -> None:
    dod = listed(demo_db, "--counterpart", DOD)
    assert len(dod) == 2
    assert listed(demo_db, "--search", "Pentagon") == dod
    assert listed(demo_db, "--counterpart", "DoD") == dod
    ok(run_cli(demo_db, "orgs", "alias", "NATO", "Alliance"))
    assert listed(demo_db, "--search", "allia") == ["demo-nato-openai"]
    assert listed(demo_db, "--org", "Pentagon") == dod


def test_merge_repoints_and_audits_and_keeps_the_name(demo_db: Path) -> None:
    ok(run_cli(demo_db, "orgs", "set", "U.S. federal agencies", "--parent", "DoD"))
    assert orgs(demo_db)["U.S. federal agencies"]["parent"] == DOD
    proc = run_cli(demo_db, "orgs", "merge", "U.S. federal agencies", "Pentagon")
    ok(proc)
    assert "(1 engagement re-pointed)" in proc.stderr
    found = orgs(demo_db)
    assert "U.S. federal agencies" not in found
    assert "U.S. federal agencies" in found[DOD]["aliases"]
    assert found[DOD]["engagements"] == 3
    history = json.loads(
        ok(run_cli(demo_db, "history", "demo-openai-for-government", "--format", "json"))
    )
    assert (history[0]["field"], history[0]["old"], history[0]["new"]) == (
        "counterpart",
        "U.S. federal agencies",
        DOD,
    )
    ok(run_cli(demo_db, "check"))


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("merge", "DoD", "Pentagon"), (f'organisation "{DOD}"', "into", "itself")),
        (("merge", "DoD", "CDAO"), (f'organisation "{DOD}"', "into", "its own parts")),
        (("alias", "NATO", "Pentagon"), ('organisation "NATO"', "aliases", DOD)),
        (("set", "NATO", "--country", "NATO"), ('organisation "NATO"', "country")),
        (("set", "NATO", "--kind", "castle"), ('organisation "NATO"', "kind")),
        (("set", "DoD", "--parent", "CDAO"), (f'organisation "{DOD}"', "parent")),
        (("merge", "Nowhere", "DoD"), ('no organisation "Nowhere"',)),
    ],
)
def test_refusals_are_one_line_exit_1_and_write_nothing(
    demo_db: Path, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    before = ok(run_cli(demo_db, "export", "--format", "json"))
    one_line_error(run_cli(demo_db, "orgs", *args), *needles)
    assert ok(run_cli(demo_db, "export", "--format", "json")) == before


def test_export_writes_the_organisations_and_they_import_again(
    demo_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.json"
    ok(run_cli(demo_db, "export", "--format", "json", "--out", str(out)))
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "engagement-tracker/2"
    names = [o["name"] for o in document["organisations"]]
    assert names.index(DOD) < names.index("Chief Digital and AI Office")
    other = tmp_path / "other.db"
    ok(run_cli(other, "import", str(out)))
    assert orgs(other)[DOD]["aliases"] == ["Pentagon", "DoD", "Department of War"]
    assert listed(other, "--search", "pentagon") == listed(demo_db, "--search", "pentagon")
    assert DOD_OPENAI in listed(other, "--org", "DoD")
