"""Bad database files on the command line: one clear line, exit 1, nothing written.

Each test hands ``tracker`` (in a subprocess) a file that cannot be used — not a
database, truncated, bit-flipped, from a newer program, locked by another process,
on a read-only medium — and checks the message, the exit code, that no traceback
is printed and that the file (and its folder) are left exactly as they were. A
database in a synced folder or on a network file system is opened with a warning.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db.health import file_system_type, read_only_reason, shared_location_reason
from db.schema import SCHEMA_VERSION
from tests.tracker.cli.test_cli import export_json, ok, one_line_error, run_cli, show_json


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("bad-files") / "demo.db"
    ok(run_cli(db, "demo"))
    assert not db.with_name("demo.db-wal").exists(), "the WAL is folded in at exit"
    return db


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def copy_into(template: Path, folder: Path, name: str = "tracker.db") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(template, target)
    return target


def test_a_truncated_database_is_refused_untouched(demo_template: Path, tmp_path: Path) -> None:
    db = copy_into(demo_template, tmp_path)
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 3])
    before = folder_state(tmp_path)
    for command in ("list", "stats", "demo"):
        one_line_error(run_cli(db, command), str(db), "damaged", "tracker restore")
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("start", [100, 4096, 9000])
def test_a_bit_flipped_database_is_refused_untouched(
    demo_template: Path, tmp_path: Path, start: int
) -> None:
    db = copy_into(demo_template, tmp_path)
    content = bytearray(db.read_bytes())
    for offset in range(start, len(content), 997):
        content[offset] ^= 0xFF
    db.write_bytes(bytes(content))
    before = folder_state(tmp_path)
    one_line_error(run_cli(db, "list"), str(db), "damaged")
    assert folder_state(tmp_path) == before


def test_check_reports_a_flipped_data_page(demo_template: Path, tmp_path: Path) -> None:
    """A flip that leaves the schema readable still fails ``tracker check`` (exit 1)."""
    db = copy_into(demo_template, tmp_path)
    with sqlite3.connect(db) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='audit'").fetchone()[0]
    content = bytearray(db.read_bytes())
    page = (root - 1) * page_size
    content[page + 8 : page + 16] = b"\xff" * 8  # the page's cell pointers
    db.write_bytes(bytes(content))
    damaged = db.read_bytes()
    proc = run_cli(db, "check")
    # Not just any failure: the one line that names the file, the damage and the way out.
    one_line_error(proc, str(db), "damaged", "malformed", "tracker restore")
    assert proc.stdout == ""
    assert db.read_bytes() == damaged


def test_a_newer_database_is_refused_untouched(demo_template: Path, tmp_path: Path) -> None:
    db = copy_into(demo_template, tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),)
        )
    conn.close()
    before = folder_state(tmp_path)
    one_line_error(run_cli(db, "list"), str(db), f"schema version {SCHEMA_VERSION + 1}", "newer")
    assert folder_state(tmp_path) == before


LOCKER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE meta SET value = value WHERE key = 'schema_version'")
    print("locked", flush=True)
    sys.stdin.read()
    conn.execute("ROLLBACK")
    """
)


def test_a_database_locked_by_another_process_is_reported(
    demo_template: Path, tmp_path: Path
) -> None:
    db = copy_into(demo_template, tmp_path)
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert locker.stdout is not None
        assert locker.stdout.readline().strip() == "locked"
        env = {"TRACKER_BUSY_TIMEOUT_MS": "300"}
        for command in ("list", "edit"):
            args = ("edit", "demo-nato-openai", "--set", "summary=x") if command == "edit" else ()
            one_line_error(run_cli(db, *(args or (command,)), env=env), str(db), "locked")
    finally:
        locker.communicate("", timeout=30)
    assert show_json(db, "demo-nato-openai")["summary"] != "x", "nothing was written"
    ok(run_cli(db, "edit", "demo-nato-openai", "--set", "summary=x"))  # the same edit, unlocked
    assert show_json(db, "demo-nato-openai")["summary"] == "x"


def _read_only_runner(folder: Path) -> list[str] | None:
    """A command prefix that runs a child with ``folder`` mounted read-only, or None."""
    if os.geteuid() != 0:
        return []  # plain permissions work for ordinary users
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    probe = subprocess.run(
        [unshare, "--user", "--map-root-user", "--mount", "true"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        return None
    script = (
        f'mount --bind "{folder}" "{folder}" && '
        f'mount -o remount,ro,bind "{folder}" "{folder}" && exec "$@"'
    )
    return [unshare, "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh"]


def test_a_database_on_a_read_only_medium_is_refused_untouched(
    demo_template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "medium"
    db = copy_into(demo_template, folder)
    runner = _read_only_runner(folder)
    if runner is None:
        pytest.fail("cannot make a read-only medium here: neither unprivileged nor unshare")
    if not runner:
        db.chmod(0o444)
        folder.chmod(0o555)
    before = folder_state(folder)
    try:
        for command, needle in (("list", str(db)), ("stats", "read-only")):
            proc = subprocess.run(
                [*runner, sys.executable, "-m", "tracker", "--db", str(db), command],
                capture_output=True,
                text=True,
                env={**os.environ, "TRACKER_USER": "t"},
                timeout=60,
                check=False,
            )
            one_line_error(proc, needle, "read-only", "copy it to a writable folder")
        proc = subprocess.run(
            [*runner, sys.executable, "-m", "tracker", "--db", str(folder / "new.db"), "list"],
            capture_output=True,
            text=True,
            env={**os.environ, "TRACKER_USER": "t"},
            timeout=60,
            check=False,
        )
        one_line_error(proc, "new.db", "read-only")
    finally:
        folder.chmod(0o755)
    assert folder_state(folder) == before


def test_a_database_in_a_synced_folder_opens_with_a_warning(
    demo_template: Path, tmp_path: Path
) -> None:
    db = copy_into(demo_template, tmp_path / "Dropbox (Ministry)" / "policy")
    proc = run_cli(db, "list", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("[")
    warning = proc.stderr.strip()
    assert warning.startswith("tracker: warning: ")
    assert '"Dropbox (Ministry)"' in warning and "local disk" in warning
    assert len(proc.stderr.splitlines()) == 1


def test_a_database_in_an_ordinary_folder_gets_no_warning(
    demo_template: Path, tmp_path: Path
) -> None:
    db = copy_into(demo_template, tmp_path / "documents")
    assert run_cli(db, "list").stderr == ""


MOUNTS = textwrap.dedent(
    """\
    overlay / overlay rw,relatime 0 0
    server:/export /home/ana/shared nfs4 rw,relatime 0 0
    //fs01/policy /mnt/policy\\040team cifs rw 0 0
    tmpfs /tmp tmpfs rw 0 0
    """
)


@pytest.mark.parametrize(
    ("path", "fs_type", "warned"),
    [
        ("/home/ana/shared/tracker.db", "nfs4", True),
        ("/home/ana/shared/sub/dir/tracker.db", "nfs4", True),
        ("/home/ana/sharedness/tracker.db", "overlay", False),
        ("/mnt/policy team/tracker.db", "cifs", True),
        ("/tmp/tracker.db", "tmpfs", False),
        ("/srv/tracker.db", "overlay", False),
    ],
)
def test_network_file_systems_are_recognised(path: str, fs_type: str, warned: bool) -> None:
    assert file_system_type(path, MOUNTS) == fs_type
    reason = shared_location_reason(path, mounts=MOUNTS)
    assert (reason is not None) == warned
    if warned:
        assert f"network file system ({fs_type})" in str(reason)


@pytest.mark.parametrize(
    ("path", "folder"),
    [
        ("/home/ana/Dropbox/tracker.db", "Dropbox"),
        ("/home/ana/OneDrive - Ministry of Defence/t.db", "OneDrive - Ministry of Defence"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/t.db", "Mobile Documents"),
        ("/home/ana/Nextcloud/t.db", "Nextcloud"),
        ("/Volumes/GoogleDrive/My Drive/t.db", "GoogleDrive"),
    ],
)
def test_synced_folders_are_recognised(path: str, folder: str) -> None:
    reason = shared_location_reason(path, mounts="")
    assert reason is not None and f'"{folder}"' in reason


def test_a_unc_path_is_a_network_share() -> None:
    assert "network share" in str(shared_location_reason(r"\\fs01\policy\tracker.db", mounts=""))


def test_ordinary_names_are_not_taken_for_synced_folders() -> None:
    for path in ("/home/ana/megaproject/t.db", "/home/ana/boxes/t.db", "/home/ana/drive/t.db"):
        assert shared_location_reason(path, mounts="") is None, path


def test_a_writable_location_has_no_read_only_reason(tmp_path: Path) -> None:
    assert read_only_reason(tmp_path / "new" / "tracker.db") is None


def test_a_damaged_database_can_be_restored_from_its_backup(
    demo_template: Path, tmp_path: Path
) -> None:
    db = copy_into(demo_template, tmp_path)
    ok(run_cli(db, "backup"))
    (backup,) = (tmp_path / "backups").iterdir()
    exported = export_json(db)
    db.write_bytes(db.read_bytes()[:5000])
    damaged = db.read_bytes()
    proc = run_cli(db, "restore", str(backup))
    assert proc.returncode == 0, proc.stderr
    (kept,) = tmp_path.glob("tracker.replaced-*.db")
    assert kept.read_bytes() == damaged, "the damaged file is kept as it was"
    # Everything is back as it was backed up, and sound.
    assert export_json(db) == exported
    assert len(json.loads(exported)["engagements"]) == 4
    checked = ok(run_cli(db, "check"))
    assert "sound" in checked and "NOT sound" not in checked
