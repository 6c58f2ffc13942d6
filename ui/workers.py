"""Long work (import, export, briefing, backup) on a worker thread, with progress and Cancel.

The window keeps painting while a ``Job`` runs; progress and the outcome come
back as queued signals on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal

from tracker.domain.errors import TrackerError

# A job receives a progress callback (done, total) that answers False to stop.
Report = Callable[[int, int], bool]
JobFunction = Callable[[Report], object]


class Job(QObject):
    """Runs one function on its own thread; emits progress, then finished or failed."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, function: JobFunction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._function = function
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("tracker-job")
        self._worker = _Worker(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        # Direct, not queued: quit() is thread-safe, and a queued call would wait for the
        # GUI thread, which blocks in wait() while the window closes: a deadlock.
        self._worker.done.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)

    def start(self) -> None:
        """Begin the work on the worker thread."""
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancel.is_set()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the thread has ended (at shutdown); False if it is still running."""
        return bool(self._thread.wait(msecs))

    def _report(self, done: int, total: int) -> bool:
        self.progress.emit(done, total)
        return not self._cancel.is_set()


class _Worker(QObject):
    done = Signal()

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        job = self._job
        try:
            result = job._function(job._report)
        except TrackerError as exc:
            job.failed.emit(str(exc))
        except Exception as exc:  # shown to the user, never a silent crash
            job.failed.emit(f"unexpected error: {exc!r}")
        else:
            job.finished.emit(result)
        finally:
            self.done.emit()
