"""Seconds from a benchmark's spawn of a process to that process's first frame.

The benchmark puts its clock reading in BENCH_T0 before starting the app; the app calls ``stamp()``
right after its first frame (from ``call_after_refresh``), which appends the elapsed seconds to
BENCH_OUT. Process teardown, and work the app schedules after its first frame, are not counted.
"""

import os
import time


def stamp() -> None:
    t0, out = os.environ.get("BENCH_T0"), os.environ.get("BENCH_OUT")
    if t0 and out:
        with open(out, "a", encoding="utf-8") as f:
            f.write(f"{time.time() - float(t0)}\n")
