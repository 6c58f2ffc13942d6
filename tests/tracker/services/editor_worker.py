"""One editor in its own process, driven line by line by ``test_concurrent_editors``.

``python -m tests.tracker.services.editor_worker DB USER`` reads JSON commands on stdin and
answers each with one JSON line, doing what the edit form does:

* ``{"op": "open", "id": N}`` — load the engagement (the form opens);
* ``{"op": "set", "field": F, "value": V}`` — change a field in the form;
* ``{"op": "save"}`` — save at the version the form was opened at
  (``saved`` or ``conflict`` with the fields the other writer changed);
* ``{"op": "merge"}`` — after a conflict: three-way merge with what is stored now,
  saved at once when no field clashes (``merged``), else ``clash`` and nothing saved.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from tracker.domain.errors import ConflictError
from tracker.domain.merge import three_way_merge
from tracker.domain.model import Engagement, EngagementData
from tracker.services import Tracker


class Editor:
    """The state of one open edit form."""

    def __init__(self, service: Tracker) -> None:
        self.service = service
        self.base: Engagement | None = None
        self.mine: EngagementData | None = None

    def handle(self, command: dict[str, Any]) -> dict[str, Any]:
        op = command["op"]
        if op == "open":
            self.base = self.service.get(engagement_id=command["id"])
            self.mine = self.base.data
            return {"version": self.base.version}
        assert self.base is not None and self.mine is not None
        if op == "set":
            self.mine = dataclasses.replace(self.mine, **{command["field"]: command["value"]})
            return {}
        if op == "save":
            try:
                saved = self.service.save(
                    engagement_id=self.base.id, expected_version=self.base.version, data=self.mine
                ).engagement
            except ConflictError as exc:
                return {
                    "result": "conflict",
                    "fields": list(exc.fields),
                    "current": exc.current_version,
                }
            return {"result": "saved", "version": saved.version}
        if op == "merge":
            theirs = self.service.get(engagement_id=self.base.id)
            result = three_way_merge(self.base.data, self.mine, theirs.data)
            if not result.clean:
                return {"result": "clash", "fields": [c.field for c in result.conflicts]}
            saved = self.service.save(
                engagement_id=self.base.id, expected_version=theirs.version, data=result.merged
            ).engagement
            return {"result": "merged", "version": saved.version}
        raise ValueError(f"unknown op {op!r}")


def main(db: Path, user: str) -> None:
    service = Tracker.open(db, user=user)
    editor = Editor(service)
    for line in sys.stdin:
        try:
            answer = editor.handle(json.loads(line))
        except Exception as exc:  # reported to the test, which fails on it
            answer = {"error": f"{type(exc).__name__}: {exc}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    service.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
