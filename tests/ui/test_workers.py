"""Jobs on worker threads: waiting for one from the GUI thread (as closing does) ends."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from ui.workers import Job


def test_waiting_for_a_running_job_from_the_gui_thread_returns_when_it_ends(
    qtbot: QtBot,
) -> None:
    release = threading.Event()
    started = threading.Event()

    def work(_report: object) -> object:
        started.set()
        release.wait(10)
        return "done"

    job = Job(work)
    job.start()
    assert started.wait(10)
    threading.Timer(0.2, release.set).start()
    # The GUI thread blocks here, as MainWindow.closeEvent does while a backup runs: the
    # thread must end without needing the GUI thread's event loop.
    assert job.wait(5_000), "the job's thread did not end while the GUI thread waited"
