"""Regenerate ``fixtures/schema_v1.sql``: a database at schema version 1 with hostile text.

Version 1 had every table but the full-text index (added by version 2), so the
fixture is a current database with the index dropped and the version set back.
Run once per schema version, when that version is current: ``python -m
tests.db.make_fixture_v1``. The committed file must not change afterwards.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from tracker.services import Tracker

HOSTILE = "<b>bold</b> & <a href='x'>link</a> \"quotes\" 'single' ; DROP TABLE engagement; --"
SCRIPTS = "Ελληνικά · Кириллица · 中文字符 · العربية · \u202eevil\u202c · zero\u200bwidth · 🛰️"


def fill(service: Tracker) -> None:
    """The fixtures' user data: the demo plus one engagement of hostile text."""
    service.load_demo()
    service.create(
        data={
            "id": "hostile-1",
            "title": f"Hostile {HOSTILE}",
            "vendor": "Vendor & Co <script>",
            "counterpart": "Ministère de l'Intérieur",
            "status": "negotiating",
            "summary": f"{SCRIPTS}\n{HOSTILE}",
            "started": "2025-Q3",
            "tags": ["ünïcode", "a&b"],
            "scope_limits": [{"kind": "data", "text": SCRIPTS}],
            "concerns": [{"kind": "other", "text": HOSTILE}],
        }
    )


def build(target: Path) -> None:
    """Write the fixture SQL to ``target``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "v1.db"
        service = Tracker.open(path, user="fixture")
        fill(service)
        service.close()
        conn = sqlite3.connect(path)
        conn.execute("DROP TABLE engagement_fts")
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        conn.commit()
        lines = list(conn.iterdump())
        conn.close()
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build(Path(__file__).with_name("fixtures") / "schema_v1.sql")
