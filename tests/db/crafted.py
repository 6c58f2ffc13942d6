"""Crafted database files: what a hostile colleague adds to a tracker database.

Plain ``sqlite3`` only, so that the tests that use these reproduce the attack on a
program without the schema guard too.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

DOWNGRADE = (
    "CREATE TRIGGER t AFTER UPDATE ON engagement BEGIN "
    "UPDATE engagement SET marking = 'PUBLIC' WHERE id = new.id; END"
)

# (id, statements that craft the file, what the refusal says)
CRAFTED = [
    ("extra-trigger", [DOWNGRADE], 'holds a trigger "t" on engagement that this program did not'),
    (
        "extra-view",
        ["CREATE VIEW v AS SELECT id, marking FROM engagement"],
        'holds a view "v" that this program did not create',
    ),
    (
        "extra-table",
        ["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"],
        'holds a table "notes" that this program did not create',
    ),
    (
        "altered-table",
        ["ALTER TABLE engagement ADD COLUMN extra TEXT DEFAULT 'PUBLIC'"],
        'holds a table "engagement" that differs from the one this program creates',
    ),
    (
        "replaced-index",
        [
            "DROP INDEX ix_engagement_by_title",
            "CREATE INDEX ix_engagement_by_title ON engagement (marking)",
        ],
        'holds an index "ix_engagement_by_title" on engagement that differs',
    ),
    (
        "table-made-a-view",
        ["DROP TABLE engagement_tag", "CREATE VIEW engagement_tag AS SELECT 1 AS id"],
        'holds a view "engagement_tag" that this program did not create',
    ),
    (
        "missing-index",
        ["DROP INDEX ix_engagement_trash"],
        'lacks the index "ix_engagement_trash" that this program creates',
    ),
]
CRAFTED_IDS = [case[0] for case in CRAFTED]


def craft(path: Path, statements: list[str]) -> Path:
    """Run ``statements`` on the file at ``path`` as a hostile colleague would."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()
    return path


# A backup without its checksum restores (an older program's backups have none), so
# an attacker drops the checksum rather than recompute it.
UNSEAL = "DELETE FROM meta WHERE key = 'backup_digest'"
