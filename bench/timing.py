"""How the benches time a call: after one warm-up run (the pages in the cache, the
statement prepared), the median of ``repeats`` runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def median_run(run: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """The median seconds of ``repeats`` runs of ``run``, and what its last run returned."""
    result = run()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def median_seconds(run: Callable[[], Any], repeats: int) -> float:
    """The median seconds of ``repeats`` runs of ``run`` (after a warm-up)."""
    return median_run(run, repeats)[0]
