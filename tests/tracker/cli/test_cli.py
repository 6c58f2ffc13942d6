"""The ``tracker`` command line, driven as a user would: in subprocesses, on real files.

Every test runs ``python -m tracker --db FILE ...`` (one test the installed ``tracker``
console script) on its own temporary SQLite file, with ``TRACKER_DB`` unset and
``TRACKER_USER`` set in the child's environment. Most tests start from a copy of one
demo database built once per module, which keeps the module fast.

What is checked is what the README promises: exit codes (0 success, 1 a user-facing
error on exactly one stderr line naming the record and field, 2 bad usage), never a
traceback, all-or-nothing imports, optimistic locking with ``--expect-version``, the
audit trail, partial dates, the trash, and export → import → export round trips.
"""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
import stat
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from db.schema import SCHEMA_VERSION
from tracker.domain.fields import LIST_KEYS
from tracker.domain.flatfile import FLAT_FIELDS

USER = "cli-tester"
NATO = "demo-nato-openai"
DOD_OPENAI = "demo-dod-openai"
DOD_ANTHROPIC = "demo-dod-anthropic"
FOR_GOVERNMENT = "demo-openai-for-government"
DEMO_IDS = {NATO, DOD_OPENAI, DOD_ANTHROPIC, FOR_GOVERNMENT}
DOD_OPENAI_TITLE = "U.S. Department of Defense agreement with OpenAI"
RED_LINES = {
    "no-mass-domestic-surveillance",
    "no-fully-autonomous-weapons",
    "no-unsupervised-high-stakes-decisions",
}


# -- running the command ------------------------------------------------------------


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The child's environment: no TRACKER_DB (unless given), a fixed TRACKER_USER."""
    env = dict(os.environ)
    env.pop("TRACKER_DB", None)
    env["TRACKER_USER"] = USER
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra or {})
    return env


def run_cli(
    db: Path | None, *args: str, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m tracker [--db DB] ARGS...`` in a subprocess."""
    command = [sys.executable, "-m", "tracker"]
    if db is not None:
        command += ["--db", str(db)]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env=child_env(env),
        cwd=cwd,
        timeout=120,
        check=False,
    )


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    """The standard output of a command that must succeed."""
    assert proc.returncode == 0, (
        f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    )
    assert "Traceback" not in proc.stderr
    return proc.stdout


def one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> str:
    """Assert exit 1 with exactly one stderr line (containing ``needles``), no traceback."""
    assert proc.returncode == 1, f"exit {proc.returncode}\nstderr:\n{proc.stderr}"
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got:\n{proc.stderr}"
    line = lines[0]
    assert line.startswith("tracker: error: ")
    for needle in needles:
        assert needle in line, f"{needle!r} not in {line!r}"
    return line


def export_json(db: Path) -> str:
    """The text of ``tracker export --format json``."""
    return ok(run_cli(db, "export", "--format", "json"))


def show_json(db: Path, ref: str) -> dict[str, Any]:
    """``tracker show REF --format json``, parsed."""
    result: dict[str, Any] = json.loads(ok(run_cli(db, "show", ref, "--format", "json")))
    return result


def list_json(db: Path, *args: str) -> list[dict[str, Any]]:
    """``tracker list ARGS --format json``, parsed."""
    result: list[dict[str, Any]] = json.loads(ok(run_cli(db, "list", *args, "--format", "json")))
    return result


def write_json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


# -- fixtures ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the demo loaded by ``tracker demo``, built once per module."""
    db = tmp_path_factory.mktemp("template") / "demo.db"
    proc = run_cli(db, "demo")
    ok(proc)
    assert "4 created" in proc.stderr
    return db


@pytest.fixture(scope="module")
def demo_export(demo_template: Path) -> str:
    """The JSON export of the demo database (export holds no timestamps)."""
    return export_json(demo_template)


@pytest.fixture(scope="module")
def demo_show_1(demo_template: Path) -> dict[str, Any]:
    """``show 1 --format json`` of the demo database (the same in every copy of it)."""
    return show_json(demo_template, "1")


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    """This test's own copy of the demo database."""
    target = tmp_path / "tracker.db"
    for suffix in ("", "-wal"):
        source = Path(f"{demo_template}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{target}{suffix}")
    return target


# -- demo and export ----------------------------------------------------------------


def test_demo_export_holds_the_four_engagements_with_every_child_kind(demo_export: str) -> None:
    document = json.loads(demo_export)
    assert document["format"] == "engagement-tracker/2"
    engagements = {e["id"]: e for e in document["engagements"]}
    assert set(engagements) == DEMO_IDS
    assert len(document["engagements"]) == 4
    for kind in sorted(LIST_KEYS):
        assert any(e[kind] for e in engagements.values()), f"no engagement has {kind}"

    dod = engagements[DOD_OPENAI]
    assert dod["counterpart"] == "U.S. Department of Defense"
    assert dod["vendor"] == "OpenAI"
    assert dod["status"] == "agreed"
    assert {r["code"] for r in dod["restrictions"]} == RED_LINES
    assert len(dod["restrictions"]) == 3
    assert "2026-02-27" in {e["on"] for e in dod["status_history"]}

    nato = engagements[NATO]
    assert (nato["status"], nato["region"]) == ("exploratory", "Europe")
    assert nato["clarifications"][0]["clarification"]
    assert nato["scope_limits"][0]["kind"] == "network"
    assert engagements[DOD_ANTHROPIC]["status"] == "broken_down"


def test_second_demo_changes_nothing(demo_db: Path, demo_export: str) -> None:
    history_before = ok(run_cli(demo_db, "history", DOD_OPENAI))
    proc = run_cli(demo_db, "demo")
    ok(proc)
    assert "0 created, 0 updated, 4 unchanged" in proc.stderr
    assert export_json(demo_db) == demo_export
    assert ok(run_cli(demo_db, "history", DOD_OPENAI)) == history_before


# -- list -----------------------------------------------------------------------------


def test_list_by_status_and_region_gives_only_nato(demo_db: Path) -> None:
    table = ok(run_cli(demo_db, "list", "--status", "exploratory", "--region", "Europe"))
    header, *rows = table.splitlines()
    assert header.split()[:2] == ["ID", "TITLE"]
    assert len(rows) == 1
    assert "NATO" in rows[0] and "Exploratory" in rows[0]

    listed = list_json(demo_db, "--status", "exploratory", "--region", "Europe")
    assert [r["uid"] for r in listed] == [NATO]
    assert listed[0]["status"] == "exploratory"
    assert listed[0]["region"] == "Europe"


def test_list_by_no_region_set(demo_db: Path, tmp_path: Path) -> None:
    regionless = {
        "title": "Ministry pilot",
        "vendor": "Mistral AI",
        "counterpart": "MoD",
        "status": "paused",
    }
    document = {"format": "engagement-tracker/1", "engagements": [regionless]}
    ok(run_cli(demo_db, "import", str(write_json(tmp_path / "new.json", document))))

    for word in ("none", "not set", "(Not set)"):
        listed = list_json(demo_db, "--region", word)
        assert [(r["title"], r["region"]) for r in listed] == [("Ministry pilot", None)]
    either = list_json(demo_db, "--region", "Europe,none")
    assert {r["uid"] for r in either} == {NATO, listed[0]["uid"]}
    line = one_line_error(run_cli(demo_db, "list", "--region", "Mars"), '"Mars"', "none")
    assert "--region:" in line


def test_list_and_export_by_stance_alone_and_of_a_restriction(demo_db: Path) -> None:
    disputed = list_json(demo_db, "--stance", "disputed")
    assert [r["uid"] for r in disputed] == [DOD_ANTHROPIC]
    agreed = list_json(
        demo_db, "--restriction", "no-mass-domestic-surveillance", "--stance", "Agreed"
    )
    assert [r["uid"] for r in agreed] == [DOD_OPENAI]
    proposed = list_json(demo_db, "--stance", "proposed")
    assert {r["uid"] for r in proposed} == {NATO, FOR_GOVERNMENT}
    exported = json.loads(
        ok(run_cli(demo_db, "export", "--format", "json", "--stance", "disputed"))
    )
    assert [e["id"] for e in exported["engagements"]] == [DOD_ANTHROPIC]

    line = one_line_error(run_cli(demo_db, "list", "--stance", "maybe"), '"maybe"', "disputed")
    assert "--stance" in line


def test_list_by_owner_in_any_case(demo_db: Path) -> None:
    defence = list_json(demo_db, "--owner", "defence desk")
    assert {r["uid"] for r in defence} == {DOD_OPENAI, DOD_ANTHROPIC}
    assert list_json(demo_db, "--owner", "Nobody") == []


def test_list_search_narrows(demo_db: Path) -> None:
    # Anthropic is the vendor of one engagement and named in the DoD-OpenAI one.
    anthropic = {r["uid"] for r in list_json(demo_db, "--search", "Anthropic")}
    assert anthropic == {DOD_ANTHROPIC, DOD_OPENAI}
    both = list_json(demo_db, "--search", "Anthropic", "--status", "agreed")
    assert [r["uid"] for r in both] == [DOD_OPENAI]
    # Full text reaches the children: Mistral AI is named only in a NATO concern.
    assert [r["uid"] for r in list_json(demo_db, "--search", "Mistral")] == [NATO]


def test_list_csv_has_a_header_row(demo_db: Path) -> None:
    lines = ok(run_cli(demo_db, "list", "--format", "csv", "--region", "North America"))
    rows = lines.splitlines()
    assert tuple(rows[0].split(",")) == FLAT_FIELDS
    assert len(rows) == 3
    assert all(",North America," in row for row in rows[1:])


def test_list_bad_from_date_names_the_option(demo_db: Path) -> None:
    line = one_line_error(run_cli(demo_db, "list", "--from", "sometime"), '"sometime"')
    assert "--from:" in line


# -- import: all or nothing, one line naming engagement and field ------------------


def _set_marking(e: dict[str, Any]) -> None:
    e["marking"] = "SECRET"


def _set_status(e: dict[str, Any]) -> None:
    e["status"] = "pondering"


def _drop_title(e: dict[str, Any]) -> None:
    del e["title"]


def _tags_as_text(e: dict[str, Any]) -> None:
    e["tags"] = "defence, red-lines"


@pytest.mark.parametrize(
    ("spoil", "label", "field", "word"),
    [
        (_set_marking, f'engagement #2 "{DOD_OPENAI_TITLE}"', "marking", "SECRET"),
        (_set_status, f'engagement #2 "{DOD_OPENAI_TITLE}"', "status", "pondering"),
        (_drop_title, "engagement #2 (untitled)", "title", "required"),
        (_tags_as_text, f'engagement #2 "{DOD_OPENAI_TITLE}"', "tags", "list"),
    ],
    ids=["secret-marking", "unknown-status", "missing-title", "tags-as-text"],
)
def test_import_refuses_a_bad_engagement_and_writes_nothing(
    demo_db: Path,
    demo_export: str,
    tmp_path: Path,
    spoil: Any,
    label: str,
    field: str,
    word: str,
) -> None:
    document = copy.deepcopy(json.loads(demo_export))
    engagements = document["engagements"]
    # Valid changes around the bad record, which a partial import would leave behind.
    engagements[0]["summary"] = "changed by the import"
    new = copy.deepcopy(engagements[2])
    new.update(id="brand-new", title="A brand-new engagement")
    engagements.append(new)
    assert engagements[1]["id"] == DOD_OPENAI
    spoil(engagements[1])

    proc = run_cli(demo_db, "import", str(write_json(tmp_path / "bad.json", document)))
    one_line_error(proc, f"{label}, {field}:", word)
    assert export_json(demo_db) == demo_export


@pytest.mark.parametrize(
    ("name", "content", "needles"),
    [
        ("broken.json", '{"format": "engagement-tracker/1", "engagements": [', ("not valid JSON",)),
        ("missing.json", None, ("missing.json", "no such file")),
        (
            "sheet.csv",
            "title,vendor,counterpart,status,colour\r\nX,OpenAI,NATO,agreed,red\r\n",
            ("colour", "unknown column"),
        ),
    ],
    ids=["not-json", "missing-file", "csv-unknown-column"],
)
def test_import_of_an_unusable_file_fails_in_one_line(
    demo_db: Path, tmp_path: Path, name: str, content: str | None, needles: tuple[str, ...]
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    line = one_line_error(run_cli(demo_db, "import", str(path)), *needles)
    assert name in line


# -- edit: versions, conflicts, history, dates -----------------------------------------


def test_edit_with_stale_version_is_a_conflict_and_writes_nothing(
    demo_db: Path, demo_show_1: dict[str, Any]
) -> None:
    before = demo_show_1
    assert before["version"] == 1
    first = run_cli(demo_db, "edit", "1", "--set", "summary=First edit.", "--expect-version", "1")
    ok(first)
    assert "version 2" in first.stderr
    after_first = show_json(demo_db, "1")
    assert after_first["summary"] == "First edit."
    assert after_first["version"] == 2

    second = run_cli(demo_db, "edit", "1", "--set", "summary=Second edit.", "--expect-version", "1")
    one_line_error(second, "conflict", "summary", "nothing was saved")
    assert show_json(demo_db, "1") == after_first

    history = ok(run_cli(demo_db, "history", "1"))
    newest = history.splitlines()[:3]
    assert "v2" in newest[0] and USER in newest[0] and "summary" in newest[0]
    assert newest[1].strip() == f"old: {before['summary']}"
    assert newest[2].strip() == "new: First edit."
    assert "Second edit." not in history


def test_history_shows_the_created_title_and_its_json_the_whole_engagement(
    demo_db: Path, demo_show_1: dict[str, Any]
) -> None:
    lines = ok(run_cli(demo_db, "history", "1")).splitlines()
    assert "import  engagement" in lines[-2]
    assert lines[-1].strip() == f"imported: {demo_show_1['title']}"
    (created,) = json.loads(ok(run_cli(demo_db, "history", "1", "--format", "json")))
    recorded = json.loads(created["new"])
    assert recorded["id"] == demo_show_1["id"] and recorded["title"] == demo_show_1["title"]
    assert recorded["concerns"] == demo_show_1["concerns"]
    assert created["server_user"] is None  # SQLite has no server


def test_history_words_a_restriction_added_and_removed_and_its_json_stays_raw(
    demo_db: Path, demo_show_1: dict[str, Any]
) -> None:
    (kept,) = demo_show_1["restrictions"]
    weapons = {"code": "no-fully-autonomous-weapons", "title": "No autonomous weapons"}
    weapons |= {"stance": "agreed", "note": ""}
    both = json.dumps([kept, weapons])
    ok(run_cli(demo_db, "edit", "1", "--set", f"restrictions={both}", "--set", "confidence=denied"))
    ok(run_cli(demo_db, "edit", "1", "--set", f"restrictions={json.dumps([weapons])}"))
    text = ok(run_cli(demo_db, "history", "1"))
    assert "[{" not in text and '"code"' not in text
    lines = [line.strip() for line in text.splitlines()]
    gone = f"Restrictions: removed restriction {kept['title']} · Proposed · "
    (removed,) = [n for n, line in enumerate(lines) if line.startswith(gone)]
    added = lines.index("Restrictions: added restriction No autonomous weapons · Agreed")
    assert "v3" in lines[removed - 1] and "restrictions" in lines[removed - 1]
    assert "v2" in lines[added - 1] and removed < added  # newest first
    confidence = lines.index("new: Denied")  # the vocabulary's label, not "denied"
    assert lines[confidence - 1] == f"old: {demo_show_1['confidence'].capitalize()}"
    # --format json: the entries as recorded, for programs
    entries = json.loads(ok(run_cli(demo_db, "history", "1", "--format", "json")))
    newest = entries[0]
    assert newest["field"] == "restrictions" and json.loads(newest["new"]) == [weapons]
    assert json.loads(newest["old"]) == [kept, weapons]


@pytest.mark.parametrize(
    ("started", "follow_up", "started_iso", "follow_up_iso"),
    [
        ("Q3 2025", "mid-2025", "2025-Q3", "mid-2025"),
        ("late 2025", "first half of 2026", "late-2025", "2026-H1"),
        ("c. early 2026", "c. 2026", "~early-2026", "~2026"),
        ("27 Feb 2026", "03/04/2026", "2026-02-27", "2026-04-03"),
    ],
)
def test_edit_takes_partial_dates_in_typed_forms(
    demo_db: Path, started: str, follow_up: str, started_iso: str, follow_up_iso: str
) -> None:
    ok(
        run_cli(
            demo_db, "edit", NATO, "--set", f"started={started}", "--set", f"follow_up={follow_up}"
        )
    )
    shown = show_json(demo_db, NATO)
    assert (shown["started"], shown["follow_up"]) == (started_iso, follow_up_iso)
    assert shown["version"] == 2


def test_mid_2025_is_kept_shown_and_filtered_as_written(demo_db: Path) -> None:
    ok(run_cli(demo_db, "edit", NATO, "--set", "started=mid-2025"))

    assert show_json(demo_db, NATO)["started"] == "mid-2025"
    text = ok(run_cli(demo_db, "show", NATO))
    assert "Started:     mid-2025\n" in text
    assert "c. 2025" not in text.split("\n\n")[0]  # the facts above the summary
    # Filters keep today's overlap semantics, over May to August 2025 for mid-2025;
    # the demo's "2025" and "~2025" engagements cover June too.
    in_june = {r["uid"] for r in list_json(demo_db, "--from", "2025-06", "--to", "2025-06")}
    assert in_june == {NATO, DOD_ANTHROPIC, FOR_GOVERNMENT}
    assert NATO in {r["uid"] for r in list_json(demo_db, "--from", "2025-08-31", "--to", "2025-09")}
    assert NATO not in {r["uid"] for r in list_json(demo_db, "--from", "2025-09")}
    assert NATO not in {r["uid"] for r in list_json(demo_db, "--to", "2025-04")}
    exported = json.loads(export_json(demo_db))["engagements"]
    assert next(e for e in exported if e["id"] == NATO)["started"] == "mid-2025"


@pytest.mark.parametrize(
    ("assignment", "needles"),
    [
        ("started=the thirty-second of Smarch", ("started", '"the thirty-second of Smarch"')),
        ("colour=red", ("colour", "unknown field")),
        ("marking=NATO RESTRICTED", ("marking", "NATO RESTRICTED")),
    ],
    ids=["bad-date", "unknown-field", "disallowed-marking"],
)
def test_edit_refuses_bad_values_and_writes_nothing(
    demo_db: Path, demo_show_1: dict[str, Any], assignment: str, needles: tuple[str, ...]
) -> None:
    one_line_error(run_cli(demo_db, "edit", "1", "--set", assignment), "engagement 1", *needles)
    assert show_json(demo_db, "1") == demo_show_1


# -- show, delete, restore ---------------------------------------------------------------


def test_show_by_number_and_by_stable_id(demo_db: Path) -> None:
    by_number = show_json(demo_db, "2")
    by_uid = show_json(demo_db, DOD_OPENAI)
    assert by_number == by_uid
    assert by_uid["version"] == 1
    assert by_uid["number"] == 2
    assert by_uid["id"] == DOD_OPENAI
    text = ok(run_cli(demo_db, "show", DOD_OPENAI))
    assert text.startswith(DOD_OPENAI_TITLE + "\n")
    assert "No mass domestic surveillance" in text


def test_show_unknown_engagement_fails_in_one_line(demo_db: Path) -> None:
    line = one_line_error(run_cli(demo_db, "show", "999"))
    assert "999" in line


def test_delete_moves_to_trash_and_restore_brings_back(demo_db: Path) -> None:
    ok(run_cli(demo_db, "delete", DOD_ANTHROPIC))
    assert {r["uid"] for r in list_json(demo_db)} == DEMO_IDS - {DOD_ANTHROPIC}
    assert [r["uid"] for r in list_json(demo_db, "--trash")] == [DOD_ANTHROPIC]

    ok(run_cli(demo_db, "restore", DOD_ANTHROPIC))
    assert list_json(demo_db, "--trash") == []
    restored = show_json(demo_db, DOD_ANTHROPIC)
    assert restored["deleted_at"] is None
    assert restored["version"] == 3


# -- export / import round trips ------------------------------------------------------------


def test_export_csv_to_file_reimports_unchanged(
    demo_db: Path, demo_export: str, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "engagements.csv"
    proc = run_cli(demo_db, "export", "--format", "csv", "--out", str(out))
    assert ok(proc) == ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("\ufeffid,title,vendor,counterpart")  # a BOM, for Excel
    assert len(lines) == 5
    assert [p.name for p in out.parent.iterdir()] == ["engagements.csv"]

    imported = run_cli(demo_db, "import", str(out))
    ok(imported)
    assert "4 unchanged" in imported.stderr
    assert export_json(demo_db) == demo_export


def test_export_json_imports_identically_into_a_fresh_database(
    demo_export: str, tmp_path: Path
) -> None:
    source = tmp_path / "export.json"
    source.write_text(demo_export, encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    proc = run_cli(fresh, "import", str(source))
    ok(proc)
    assert "4 created" in proc.stderr
    assert export_json(fresh) == demo_export


# -- check, stats -------------------------------------------------------------------------------


def test_check_on_a_sound_database(demo_db: Path) -> None:
    out = ok(run_cli(demo_db, "check"))
    assert f"schema version {SCHEMA_VERSION}" in out
    assert "4 engagements" in out
    assert "sound" in out and "NOT sound" not in out


def stats_table(out: str) -> tuple[list[str], dict[str, list[str]]]:
    """``tracker stats`` as its column names and, per row label, its cells read strictly
    under the header: each cell must end where its column's name ends (right-aligned)."""
    header, *lines = out.splitlines()
    assert header.startswith("STATUS")
    # Column names hold single spaces ("North America"); columns are 2+ spaces apart.
    names = [n.strip() for n in header[12:].split("  ") if n.strip()]
    ends = [header.index(n) + len(n) for n in names]
    starts = [12, *ends[:-1]]
    rows: dict[str, list[str]] = {}
    for line in lines:
        assert len(line) == len(header), f"{line!r} is not as wide as {header!r}"
        cells = [line[a:b] for a, b in zip(starts, ends, strict=True)]
        assert all(len(c.split()) == 1 and c == c.rstrip() for c in cells), f"misaligned: {line!r}"
        rows[line[:12].strip()] = [c.strip() for c in cells]
    return names, rows


def test_stats_prints_counts(demo_db: Path) -> None:
    names, rows = stats_table(ok(run_cli(demo_db, "stats")))
    assert names == ["Europe", "North America", "Global", "TOTAL"]
    assert rows["Exploratory"] == ["1", "0", "0", "1"]
    assert rows["Broken down"] == ["0", "1", "0", "1"]
    assert rows["Total"] == ["1", "2", "1", "4"]


def test_stats_total_row_sums_every_column_the_none_region_too(demo_db: Path) -> None:
    ok(run_cli(demo_db, "edit", "1", "--set", "region="))
    names, rows = stats_table(ok(run_cli(demo_db, "stats")))
    assert names == ["North America", "Global", "(none)", "TOTAL"]
    total = rows.pop("Total")
    sums = [str(sum(int(r[i]) for r in rows.values())) for i in range(len(names))]
    assert total == sums == ["2", "1", "1", "4"]


# -- bad usage, bad databases, environment ---------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--sort", "nonsense"),
        ("edit", "1"),
        ("edit", "1", "--set", "no-equals-sign"),
        ("nonsense",),
    ],
    ids=["bad-sort", "edit-without-set", "set-without-equals", "unknown-command"],
)
def test_bad_usage_exits_2(demo_db: Path, args: tuple[str, ...]) -> None:
    proc = run_cli(demo_db, *args)
    assert proc.returncode == 2
    assert "usage:" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(("size", "command"), [(1, "demo"), (100, "list"), (4096, "demo")])
def test_a_file_that_is_not_a_database_is_refused_untouched(
    tmp_path: Path, size: int, command: str
) -> None:
    path = tmp_path / "notes.db"
    content = random.Random(size).randbytes(size)
    path.write_bytes(content)
    one_line_error(run_cli(path, command), str(path), "not a database")
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == ["notes.db"]


def test_a_database_path_that_cannot_be_created_fails_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a directory\n", encoding="utf-8")
    one_line_error(run_cli(blocker / "sub" / "tracker.db", "list"), str(blocker))
    assert blocker.read_text(encoding="utf-8") == "not a directory\n"


def test_tracker_db_environment_variable_is_honoured(demo_db: Path, tmp_path: Path) -> None:
    env = {"TRACKER_DB": str(demo_db)}
    listed = json.loads(ok(run_cli(None, "list", "--format", "json", env=env, cwd=tmp_path)))
    assert {r["uid"] for r in listed} == DEMO_IDS
    # --db wins over the variable.
    other = tmp_path / "other.db"
    assert ok(run_cli(other, "list", "--format", "json", env=env)) == "[]\n"
    assert other.exists()


def test_installed_console_script(demo_db: Path) -> None:
    script = Path(sys.executable).parent / "tracker"
    assert script.exists()
    proc = subprocess.run(
        [str(script), "--db", str(demo_db), "show", NATO, "--format", "json"],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
        check=False,
    )
    shown = json.loads(ok(proc))
    assert shown["id"] == NATO
    assert shown["version"] == 1


# -- links between engagements (issue 15 point 3) ------------------------------------


def test_import_a_version_2_file_with_links_and_list_linked_to(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    base = {"vendor": "V", "counterpart": "C", "status": "active"}
    doc = {
        "format": "engagement-tracker/2",
        "engagements": [
            {**base, "id": "old", "title": "Old deal"},
            {**base, "id": "new", "title": "New deal",
             "links": [{"to": "old", "kind": "supersedes", "on": "2026-03", "note": "terms"}]},
            {**base, "id": "other", "title": "Unlinked"},
        ],
    }  # fmt: skip
    path = tmp_path / "links.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    ok(run_cli(db, "import", str(path)))
    listed = json.loads(ok(run_cli(db, "list", "--linked-to", "1", "--format", "json")))
    assert [row["title"] for row in listed] == ["New deal"]
    shown = ok(run_cli(db, "show", "old"))
    assert "Superseded by: #2 New deal — Mar 2026 — terms" in shown
    cycle = dict(doc, engagements=[
        {**base, "id": "old", "title": "Old deal", "links": [{"to": "new", "kind": "supersedes"}]}
    ])  # fmt: skip
    path.write_text(json.dumps(cycle), encoding="utf-8")
    line = one_line_error(run_cli(db, "import", str(path)), '"Old deal"', "links[0].kind", "cycle")
    assert '"old" → "new" → "old"' in line
    assert ok(run_cli(db, "show", "old")).count("Supersedes") == 0  # nothing written
