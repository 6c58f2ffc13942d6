"""Running long work off the GUI thread: one job at a time behind a progress dialog with
Cancel (import, export, briefing), and quiet background jobs (the automatic backup).

Closing the window cancels the running job and waits for every job to end: a thread
destroyed while it runs takes the process with it, and a half-written file helps nobody.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.i18n import translate
from ui.plain_text import information, plain_label
from ui.settings import APPLICATION
from ui.workers import Job, JobFunction

# How long closing waits for a job to end; an automatic backup of a large database
# takes seconds, never minutes.
SHUTDOWN_WAIT_MS = 600_000


class JobRunner(QObject):
    """Starts jobs for ``window``; the failure of a progress-dialog job goes to ``failed``."""

    def __init__(self, window: QWidget, *, failed: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window = window
        self._failed = failed
        self._current: Job | None = None

    def run(self, label: str, work: JobFunction, done: Callable[[object], None]) -> None:
        """Run ``work`` behind a progress dialog saying ``label``; ``done`` gets its result.

        Only one such job runs at a time: a second one is refused with a message.
        """
        if self._current is not None:
            information(
                self._window, APPLICATION, translate("jobs", "Another import or export is running.")
            )
            return
        job = Job(work, self)
        progress = self._progress_dialog(label, job)

        def finish() -> None:
            progress.reset()
            progress.deleteLater()
            self._current = None

        def on_finished(result: object) -> None:
            finish()
            done(result)

        def on_failed(message: str) -> None:
            finish()
            self._failed(message)

        job.finished.connect(on_finished)
        job.failed.connect(on_failed)
        self._current = job
        job.start()

    def run_in_background(
        self,
        work: JobFunction,
        *,
        done: Callable[[object], None],
        failed: Callable[[str], None],
    ) -> None:
        """Run ``work`` without a dialog, beside any other job."""
        job = Job(work, self)
        job.finished.connect(done)
        job.failed.connect(failed)
        job.start()

    def cancel(self) -> None:
        """Ask the job behind the progress dialog to stop."""
        if self._current is not None:
            self._current.cancel()

    def wait(self, msecs: int = SHUTDOWN_WAIT_MS) -> bool:
        """Block until every job started here has ended; False if one is still running."""
        # Every Job is a child of the runner: those already ended return at once.
        return all(job.wait(msecs) for job in self.findChildren(Job))

    def _progress_dialog(self, label: str, job: Job) -> QProgressDialog:
        progress = QProgressDialog(self._window)
        progress.setLabel(plain_label(label, progress))  # it names a file, as it is named
        progress.setCancelButtonText(translate("jobs", "Cancel"))
        progress.setRange(0, 0)
        progress.setWindowTitle(APPLICATION)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(job.cancel)

        def on_progress(current: int, total: int) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(current)

        job.progress.connect(on_progress)
        return progress
