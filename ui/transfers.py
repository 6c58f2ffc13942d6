"""File → Import…, Export… and Export briefing…: ask where, then read or write on a
worker thread (see ui.jobs) and say in the status bar what was done.

What an export covers is the window's business (the rows shown, or the selected ones);
this module only asks the window for those filters and the table's order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QStatusBar, QWidget

from tracker.domain.changes import ChangeSet, ImportResult
from tracker.domain.errors import TrackerError
from tracker.domain.flatfile import for_spreadsheets, from_csv, to_csv
from tracker.domain.import_review import ImportReview
from tracker.domain.model import Filters, SelectionSummary
from tracker.services import Tracker
from tracker.services.briefings import BriefingRequest, render_briefing, write_briefing
from tracker.services.files import dump_json, read_json, read_text, write_atomic
from ui.briefing_dialog import BriefingDialog
from ui.briefing_preview import PreviewWork
from ui.changes_dock import changes_period
from ui.export_dialog import ExportDialog
from ui.i18n import number, translate
from ui.import_review import ImportReviewDialog, refusals_text
from ui.jobs import JobRunner
from ui.settings import briefing_defaults, remember_briefing
from ui.workers import JobFunction, Report


class TransferHost(Protocol):
    """What imports and exports need of the main window."""

    @property
    def service(self) -> Tracker: ...

    @property
    def read_only(self) -> bool: ...

    def export_filters(self) -> Filters: ...

    def sort_key(self) -> str: ...

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget: ...


class Transfers:
    """The import, export and briefing commands of the main window."""

    def __init__(
        self,
        host: TransferHost,
        *,
        jobs: JobRunner,
        settings: QSettings,
        changed: Callable[[ChangeSet], None],
        failed: Callable[[str], None],
    ) -> None:
        self._host = host
        self._jobs = jobs
        self._settings = settings
        self._changed = changed
        self._failed = failed

    def import_file(self) -> None:
        """Review a JSON or CSV file's import on a worker thread, show the review, and
        import on confirmation (on a worker thread, with progress and Cancel)."""
        if self._host.read_only:
            return
        path, _ = QFileDialog.getOpenFileName(
            self._host.window(),
            translate("transfers", "Import engagements"),
            str(Path.home()),
            translate("transfers", "Engagement files (*.json *.csv);;JSON (*.json);;CSV (*.csv)"),
        )
        if path:
            work = _review_work(self._host.service, path)
            reading = translate("transfers", "Reading {file}…").format(file=Path(path).name)
            self._jobs.run(reading, work, self._reviewed)

    def _reviewed(self, result: object) -> None:
        """Show the review; import what was reviewed when the user confirms."""
        if not isinstance(result, Reviewed):
            return
        if not result.review.writable:
            self._failed(refusals_text(result.review))
            return
        name = Path(result.path).name
        dialog = ImportReviewDialog(result.review, name, self._host.window())
        try:
            confirmed = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if confirmed:
            work = _import_work(self._host.service, result)
            self._jobs.run(
                translate("transfers", "Importing {file}…").format(file=name), work, self._imported
            )

    def _imported(self, result: object) -> None:
        if not isinstance(result, ImportResult):
            return
        self._host.statusBar().showMessage(
            translate(
                "transfers",
                "Imported {total}: {created} created, {updated} updated, {unchanged} unchanged",
            ).format(
                total=number(result.total),
                created=number(result.created),
                updated=number(result.updated),
                unchanged=number(result.unchanged),
            ),
            10000,
        )
        self._changed(result.changes)

    def export_file(self) -> None:
        """Export the engagements shown (or the selected ones) as JSON or CSV, up to the
        highest marking asked for."""
        filters = self._host.export_filters()
        scope = (
            translate("transfers", "The selected engagements.")
            if filters.ids is not None
            else translate("transfers", "The engagements shown by the current filter.")
        )
        dialog = ExportDialog(
            scope=scope, markings=self._host.service.markings(), parent=self._host.window()
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            top = dialog.max_marking()
        finally:
            dialog.deleteLater()
        path, _ = QFileDialog.getSaveFileName(
            self._host.window(),
            translate("transfers", "Export engagements"),
            str(Path.home() / "engagements.json"),
            "JSON (*.json);;CSV (*.csv)",
        )
        if not path or not self._may_write(path):
            return
        work = _export_work(self._host.service, filters, path, top)
        self._jobs.run(
            translate("transfers", "Exporting to {file}…").format(file=Path(path).name),
            work,
            lambda n: self._host.statusBar().showMessage(
                translate("transfers", "Exported {count} engagements to {file}").format(
                    count=n, file=path
                ),
                10000,
            ),
        )

    def export_briefing(self) -> None:
        """Export a PDF briefing of exactly what is shown (or selected), off the GUI thread."""
        filters = self._host.export_filters()
        # One aggregate query tells how many and how secret: the engagements themselves
        # are read only on the worker thread that renders them.
        summary = self._host.service.summary(filters=filters)
        if not summary.count:
            self._failed(
                translate("transfers", "No engagements are shown: the briefing would be empty.")
            )
            return
        dialog = self._briefing_dialog(filters, summary)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            path, _ = QFileDialog.getSaveFileName(
                self._host.window(),
                translate("transfers", "Save briefing"),
                str(Path.home() / "briefing.pdf"),
                "PDF (*.pdf)",
            )
            if not path or not self._may_write(path):
                return
            answers = dialog.answers()
            remember_briefing(self._settings, answers)
            request = replace(
                dialog.request(filters=filters, sort=self._host.sort_key()),
                changes_since=changes_period(self._host.service, dialog.changes_choice()),
            )
        finally:
            dialog.deleteLater()
        self._write_briefing(path, request, open_after=answers.open_when_written)

    def _may_write(self, path: str) -> bool:
        """Whether ``path`` may be written; when it is the open database (or one of its
        files) the user is told so and nothing is written."""
        try:
            self._host.service.check_output(path)
        except TrackerError as exc:
            self._failed(str(exc))
            return False
        return True

    def _briefing_dialog(self, filters: Filters, summary: SelectionSummary) -> BriefingDialog:
        scope = (
            translate("transfers", "The {count} selected engagements.")
            if filters.ids is not None
            else translate("transfers", "The {count} engagements shown by the current filter.")
        )
        return BriefingDialog(
            scope=scope.format(count=number(summary.count)),
            markings=summary.markings,
            needed=summary.highest or summary.markings[0],
            remembered=briefing_defaults(self._settings),
            parent=self._host.window(),
            preview=lambda asked: self._preview_work(asked, filters),
            settings=self._settings,
            templates=self._host.service,
        )

    def _preview_work(self, dialog: BriefingDialog, filters: Filters) -> PreviewWork:
        """What renders the preview of the briefing ``dialog`` asks for, on the preview's
        thread: the PDF as it would be written, in memory only (nothing saved, nothing
        recorded in the briefing register)."""
        service = self._host.service
        request = dialog.request(filters=filters, sort=self._host.sort_key())
        choice = dialog.changes_choice()

        def work(report: Report, first_pages: int | None) -> bytes:
            since = replace(request, changes_since=changes_period(service, choice))
            pdf, _ = render_briefing(service, since, on_progress=report, first_pages=first_pages)
            return pdf

        return work

    def _write_briefing(self, path: str, request: BriefingRequest, *, open_after: bool) -> None:
        service = self._host.service

        def work(report: Report) -> object:
            return write_briefing(service, request, path, on_progress=report).engagement_count

        self._jobs.run(
            translate("transfers", "Writing {file}…").format(file=Path(path).name),
            work,
            lambda n: self._briefing_written(path, n, open_after=open_after),
        )

    def _briefing_written(self, path: str, count: object, *, open_after: bool) -> None:
        assert isinstance(count, int)  # what the briefing job returns
        self._host.statusBar().showMessage(
            _briefing_saved(count).format(count=number(count), file=path), 10000
        )
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def _briefing_saved(count: int) -> str:
    """What the status bar says once a briefing is written: ``{count}`` and ``{file}``
    to fill."""
    if count == 1:
        return translate("transfers", "Briefing of 1 engagement saved to {file}")
    return translate("transfers", "Briefing of {count} engagements saved to {file}")


@dataclass(frozen=True)
class Reviewed:
    """A file read for import and the review of its import."""

    path: str
    rows: list[dict[str, Any]] | None  # a CSV file's rows
    document: object  # a JSON file's document
    review: ImportReview


def _review_work(service: Tracker, path: str) -> JobFunction:
    """The job that reads ``path`` (CSV by its extension, JSON otherwise) and reviews
    its import; nothing is written."""

    def review(_report: Report) -> object:
        if path.lower().endswith(".csv"):
            rows = from_csv(read_text(path), source=Path(path).name)
            return Reviewed(path, rows, None, service.review_flat_rows(rows=rows))
        document = read_json(path)
        return Reviewed(path, None, document, service.review_import(document=document))

    return review


def _import_work(service: Tracker, reviewed: Reviewed) -> JobFunction:
    """The job that imports what was reviewed (refused if the database changed since)."""
    token = reviewed.review.token

    def work(report: Report) -> object:
        if reviewed.rows is not None:
            return service.import_flat_rows(rows=reviewed.rows, on_progress=report, reviewed=token)
        return service.import_document(
            document=reviewed.document, on_progress=report, reviewed=token
        )

    return work


def _export_work(
    service: Tracker, filters: Filters, path: str, max_marking: str | None
) -> JobFunction:
    """The job that writes what ``filters`` select, up to ``max_marking``, to ``path``:
    CSV (for spreadsheets: with Excel's byte order mark) by its extension."""
    as_csv = path.lower().endswith(".csv")

    def work(report: Report) -> object:
        document = service.export_document(filters=filters, max_marking=max_marking)
        count = len(document["engagements"])
        report(count // 2, count)
        text = for_spreadsheets(to_csv(document["engagements"])) if as_csv else dump_json(document)
        write_atomic(path, text)
        report(count, count)
        return count

    return work
