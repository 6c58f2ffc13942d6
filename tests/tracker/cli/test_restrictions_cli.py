"""``tracker restrictions``: list (text and JSON), retitle, describe, merge, and bad
input, driven in subprocesses on the demo data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tracker.cli.test_cli import DOD_ANTHROPIC, DOD_OPENAI, ok, one_line_error, run_cli

WEAPONS = "no-fully-autonomous-weapons"
SURVEILLANCE = "no-mass-domestic-surveillance"
HIGH_STAKES = "no-unsupervised-high-stakes-decisions"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.db"
    ok(run_cli(path, "demo"))
    return path


def _listed(db: Path) -> dict[str, dict[str, object]]:
    return {e["code"]: e for e in json.loads(ok(run_cli(db, "restrictions", "--format", "json")))}


def test_the_list_shows_each_restriction_with_its_engagements(db: Path) -> None:
    text = ok(run_cli(db, "restrictions"))
    assert text.splitlines()[0].split() == ["CODE", "TITLE", "ENGAGEMENTS", "ALIASES"]
    assert "no-domestic-mass-surveillance" in text  # the demo's alias code
    listed = json.loads(ok(run_cli(db, "restrictions", "list", "--format", "json")))
    assert [(e["code"], e["engagements"]) for e in listed] == [
        (WEAPONS, 3),
        (SURVEILLANCE, 4),
        (HIGH_STAKES, 2),
    ]
    assert all(e["description"] for e in listed)


def test_retitle_shows_in_every_engagement_and_its_history(db: Path) -> None:
    proc = run_cli(db, "restrictions", "retitle", WEAPONS, "No lethal autonomy")
    ok(proc)
    assert "3 engagements show the new title" in proc.stderr
    shown = ok(run_cli(db, "show", DOD_ANTHROPIC))
    assert "No lethal autonomy" in shown and "No fully autonomous weapons systems" not in shown
    assert "Restrictions" in ok(run_cli(db, "history", DOD_ANTHROPIC))
    assert DOD_ANTHROPIC in ok(run_cli(db, "list", "--search", "lethal", "--format", "json"))
    assert "sound" in ok(run_cli(db, "check"))


def test_describe_sets_the_description(db: Path) -> None:
    ok(run_cli(db, "restrictions", "describe", WEAPONS, "Humans decide."))
    assert _listed(db)[WEAPONS]["description"] == "Humans decide."


def test_merge_says_what_it_touches_and_leaves_an_alias(db: Path) -> None:
    proc = run_cli(db, "restrictions", "merge", HIGH_STAKES, WEAPONS)
    ok(proc)
    assert "touches 2 engagements (2 with both)" in proc.stderr
    listed = _listed(db)
    assert HIGH_STAKES not in listed
    assert listed[WEAPONS]["aliases"] == [HIGH_STAKES]
    shown = " ".join(ok(run_cli(db, "show", DOD_OPENAI)).split())  # unwrapped
    assert "the more restrictive stance, agreed, kept" in shown
    assert "sound" in ok(run_cli(db, "check"))


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (("retitle", WEAPONS, " "), (f'restriction "{WEAPONS}"', "title", "must not be empty")),
        (("retitle", "unknown", "X"), ('restriction "unknown"', "code")),
        (("describe", "unknown", "X"), ('restriction "unknown"', "code")),
        (("merge", WEAPONS, WEAPONS), (f'restriction "{WEAPONS}"', "into itself")),
        (("merge", "unknown", WEAPONS), ('restriction "unknown"', "from")),
        (("merge", WEAPONS, "unknown"), ('restriction "unknown"', "into")),
    ],
)
def test_bad_input_is_one_line_exit_1_and_writes_nothing(
    db: Path, args: tuple[str, ...], needles: tuple[str, ...]
) -> None:
    before = _listed(db)
    one_line_error(run_cli(db, "restrictions", *args), *needles)
    assert _listed(db) == before
