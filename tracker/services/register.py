"""The briefing register: recording each PDF briefing written, reading them back, and
telling which recorded briefing a PDF file is (by its SHA-256)."""

from __future__ import annotations

import datetime
import hashlib
import os
from pathlib import Path, PurePath

from db import briefings
from db.store import utc_now
from tracker.domain import limits
from tracker.domain.controls import one_line
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.model import Filters
from tracker.domain.register import BriefingRecord, selection_json
from tracker.services.base import TrackerBase

_CHUNK = 1 << 20  # the file is hashed a megabyte at a time, never read whole


class Register(TrackerBase):
    """Recording and listing the briefings written (the register's calls)."""

    def record_briefing(
        self,
        *,
        title: str,
        marking: str,
        engagement_count: int,
        filters: Filters,
        sort: str,
        as_of: datetime.date | None = None,
        file_name: str,
        pdf: bytes,
        revision: int,
        audit_seal: str,
    ) -> BriefingRecord:
        """Record a briefing just written to ``file_name`` (its folder is not kept: it
        says where someone keeps their files, which the register need not share)."""
        with self._write() as conn:
            return briefings.add(
                conn,
                at=utc_now(),
                who=self.user,
                title=one_line(title)[: limits.LINE],
                marking=marking,
                engagement_count=engagement_count,
                selection=selection_json(filters, sort=sort, as_of=as_of),
                file_name=one_line(PurePath(file_name).name)[: limits.LINE],
                sha256=hashlib.sha256(pdf).hexdigest(),
                revision=revision,
                audit_seal=audit_seal,
            )

    def briefings(self) -> list[BriefingRecord]:
        """Every briefing recorded, the latest first."""
        with self._read() as conn:
            return briefings.newest_first(conn)

    def briefing(self, *, briefing_id: int | None = None) -> BriefingRecord:
        """Briefing ``briefing_id`` of the register, or the latest one when None."""
        with self._read() as conn:
            found = briefings.one(conn, briefing_id)
        if found is None:
            what = (
                "no briefing has been recorded"
                if briefing_id is None
                else (f"no briefing {briefing_id} in the register")
            )
            raise ValidationError(what, field="briefing")
        return found

    def briefing_for_file(self, *, path: str | os.PathLike[str]) -> BriefingRecord | None:
        """The recorded briefing whose file had the same content as ``path`` (its SHA-256),
        the latest if several did; None when no recorded briefing has that content."""
        digest = file_sha256(path)
        with self._read() as conn:
            return briefings.with_sha256(conn, digest)


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The SHA-256 (hex) of the file at ``path``; a file that cannot be read is one error."""
    digest = hashlib.sha256()
    try:
        with Path(path).open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        raise TrackerError(f"{path}: no such file") from None
    except OSError as exc:
        raise TrackerError(f"cannot read {path}: {exc.strerror or exc}") from None
    return digest.hexdigest()
