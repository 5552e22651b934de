"""The app's first start on a folder: the store built while the app shows its progress, side by side.

    python bench/bench_app_build.py [--docs 2000] [--runs 3] [--in-app] [--json bench/out/app_build.json]

Each run is a fresh headless app process (120×40) on an empty cache dir, clocked from the start of
the process: when the corpus is shown (the build is done and the first document is on screen), and
when everything is loaded (sidebar, search index, mention tables); the longest the app's event loop
was held up while the store was built (a 10 ms sleep, again and again: what a key press would wait),
and then while the rest was loaded;
then the process's resident memory, and the same for a warm start on the store just built, for
comparison. Medians of --runs. With --in-app the store is built in a thread of the app's process
(with worker processes), instead of in a child process of its own (core/build_process.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


async def one_start(corpus: str, cache: str, data: str, in_app: bool) -> dict[str, float]:
    """In the measured process: the app on ``corpus``, clocked until all is loaded."""
    from qualitytui.core import build_process
    from qualitytui.paths import Paths
    from qualitytui.ui.app import QualityApp

    if in_app:
        build_process.SeparateBuild.wanted = lambda self, files: False
    app = QualityApp(Paths.resolve(corpus or None, data_dir=data, cache_dir=cache))

    async def longest_stall(until) -> float:
        """The longest a 10 ms sleep overran (the event loop held up) before ``until()``, in ms."""
        stall = 0.0
        while not until():
            t = time.perf_counter()
            await asyncio.sleep(0.01)
            stall = max(stall, time.perf_counter() - t - 0.01)
        return stall * 1000

    async with app.run_test(size=(120, 40)) as pilot:
        stall = await longest_stall(lambda: app.corpus is not None)
        shown = time.perf_counter() - T0
        # then the sidebar, the entities, the search index and the mention tables (in a thread)
        loading = await longest_stall(lambda: app.sidebar_ready and app.entities and not any(
            w.is_running or w.state.name == "PENDING" for w in app.workers))
        await pilot.pause()
        return {"shown_s": shown, "loaded_s": time.perf_counter() - T0, "stall_ms": stall, "loading_stall_ms": loading,
                "rss_mb": rss_mb()}


def measure(corpus: Path | None, runs: int, in_app: bool, tmp: Path) -> dict[str, float]:
    cold, warm = [], []
    for k in range(runs):
        cache, data = tmp / f"cache{k}", tmp / "data"
        cmd = [sys.executable, __file__, "--child", str(corpus or ""), str(cache), str(data)] + (["--in-app"] if in_app else [])
        cold.append(json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout))
        warm.append(json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout))
    out = {f"cold_{key}": statistics.median(r[key] for r in cold) for key in cold[0]}
    out.update({f"warm_{key}": statistics.median(r[key] for r in warm) for key in warm[0]})
    return out


ROWS = [
    ("first start: corpus shown, s", lambda r: f"{r['cold_shown_s']:.2f}"),
    ("first start: all loaded, s", lambda r: f"{r['cold_loaded_s']:.2f}"),
    ("first start: longest UI stall, ms", lambda r: f"{r['cold_stall_ms']:.0f}"),
    ("  then while the rest loads, ms", lambda r: f"{r['cold_loading_stall_ms']:.0f}"),
    ("first start: memory, MB", lambda r: f"{r['cold_rss_mb']:.0f}"),
    ("warm start: all loaded, s", lambda r: f"{r['warm_loaded_s']:.2f}"),
    ("warm start: longest UI stall after the first document, ms", lambda r: f"{r['warm_loading_stall_ms']:.0f}"),
    ("warm start: memory, MB", lambda r: f"{r['warm_rss_mb']:.0f}"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--in-app", action="store_true", help="build in the app's own process, as before")
    ap.add_argument("--json", type=Path, default=HERE / "out" / "app_build.json")
    ap.add_argument("--child", nargs=3, metavar=("CORPUS", "CACHE", "DATA"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(one_start(*args.child, args.in_app))))
        return
    from bench_start import machine, measure_both, side_by_side, write_report

    print(machine())
    print("build in the app's process (--in-app)" if args.in_app else "build in a child process")
    builtin, generated = measure_both(measure, args.docs, args.runs, args.in_app)
    side_by_side(ROWS, builtin, generated, args.docs)
    write_report(args.json, builtin, generated, in_app=args.in_app, runs=args.runs)


if __name__ == "__main__":
    main()
