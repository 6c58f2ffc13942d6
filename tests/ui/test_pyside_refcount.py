"""Regression tests for the PySide6 6.12.0 / Python 3.11 reference-count bug on None.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a void
(``None``-returning) Qt method. ``None`` is not immortal before Python 3.12, so after
enough calls its count underflows and the interpreter aborts (``none_dealloc``).
pyproject.toml therefore keeps PySide6-Essentials below 6.12 on Python < 3.12; these
tests catch a regression of that pin or of the bug itself. On Python >= 3.12 ``None``
is immortal and its reported count does not move, so the first test passes trivially.
"""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

CALLS = 10_000
CHUNK = 100
TOLERANCE = 100


def _version_tuple(version: str) -> tuple[int, ...]:
    """The first three numeric parts of a version string: ``"6.11.3"`` -> ``(6, 11, 3)``."""
    parts: list[int] = []
    for part in version.split(".")[:3]:
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def test_void_method_calls_do_not_drop_references_to_none(qapp: QApplication) -> None:
    """10,000 calls of void Qt methods leave ``sys.getrefcount(None)`` where it was."""
    assert qapp is not None
    obj = QObject()
    timer = QTimer()
    before = sys.getrefcount(None)
    lowest = before
    for start in range(0, CALLS, CHUNK):
        for i in range(start, start + CHUNK):
            obj.setObjectName("probe")  # void method
            timer.setInterval(i % 1000)  # void method
        lowest = min(lowest, sys.getrefcount(None))
        # Stop early, before a real leak could underflow the count and abort pytest.
        if lowest < before - TOLERANCE:
            break
    after = sys.getrefcount(None)
    assert lowest >= before - TOLERANCE, (
        f"sys.getrefcount(None) fell from {before} to {lowest} after at most {CALLS} void "
        f"Qt calls: PySide6 {PySide6.__version__} drops references to None"
    )
    assert after >= before - TOLERANCE


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="the bug only hits Python < 3.12")
def test_pyside6_is_not_6_12_0_on_python_3_11() -> None:
    """On Python < 3.12 the installed PySide6 must not be the broken 6.12.0 release."""
    assert _version_tuple(PySide6.__version__) != (6, 12, 0), (
        f"PySide6 {PySide6.__version__} is installed on Python "
        f"{sys.version_info.major}.{sys.version_info.minor}; it aborts the process there "
        "(keep PySide6-Essentials < 6.12 for Python < 3.12)"
    )
