"""Seconds from a benchmark's spawn of a process to that process's first frame.

The benchmark puts its clock reading in BENCH_T0 before starting the app; the app calls ``stamp()``
right after its first frame (from ``call_after_refresh``), which appends the elapsed seconds to
BENCH_OUT. Process teardown, and work the app schedules after its first frame, are not counted.
"""

import os
import subprocess
import time
from pathlib import Path


def stamp() -> None:
    t0, out = os.environ.get("BENCH_T0"), os.environ.get("BENCH_OUT")
    if t0 and out:
        with open(out, "a", encoding="utf-8") as f:
            f.write(f"{time.time() - float(t0)}\n")


def spawn_to_first_frame(cmd: list[str], env: dict[str, str], out: Path) -> float:
    """Run ``cmd`` (an app that calls ``stamp()``) to its end; seconds from spawn to its first frame."""
    out.unlink(missing_ok=True)
    subprocess.run(cmd, env=dict(env, BENCH_T0=repr(time.time()), BENCH_OUT=str(out)), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return float(out.read_text().split()[0])
