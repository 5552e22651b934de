"""The headless commands on a warm store: the built-in corpus and a generated one, side by side.

    python bench/bench_cli.py [--docs 2000] [--runs 5] [--json bench/out/cli.json]

Each command runs as a whole `qualitytui` process (interpreter start-up and imports included) with
its output into a pipe, as a script would read it; median wall time of --runs, and the peak memory.
The store is built once first, so every command opens it warm. The generated corpus comes from
bench/gen_corpus.py (fixed seed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_scale import run  # noqa: E402
from bench_start import machine, measure_both, side_by_side, write_report  # noqa: E402

COMMANDS = [
    ["--version"],
    ["docs"],
    ["docs", "--json"],
    ["entities"],
    ["entities", "--json"],
    ["timeline"],
    ["timeline", "--json"],
    ["search", "质量"],
    ["search", "laoshan"],
    ["show", "--all", "--json"],
]


def measure(corpus: Path | None, runs: int, tmp: Path) -> dict[str, dict[str, float]]:
    env = dict(os.environ, QUALITYTUI_CACHE_DIR=str(tmp / "cache"), QUALITYTUI_DATA_DIR=str(tmp / "data"))
    arg = ["--corpus", str(corpus)] if corpus else []
    base = [sys.executable, "-m", "qualitytui", *arg]
    run(base + ["build"], env)
    out = {}
    for cmd in COMMANDS:
        timed = [run(base + cmd, env) for _ in range(runs)]
        out[" ".join(cmd)] = {"s": statistics.median(t for t, _ in timed), "mb": max(mb for _, mb in timed)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", type=Path, default=HERE / "out" / "cli.json")
    args = ap.parse_args()
    builtin, big = measure_both(measure, args.docs, args.runs)
    print(f"machine: {machine()}")
    print(f"median wall time of {args.runs} runs, output into a pipe (peak memory)")
    rows = [(f"qualitytui {name}", lambda r, name=name: f"{r[name]['s']:.2f} s ({r[name]['mb']:.0f} MB)") for name in builtin]
    side_by_side(rows, builtin, big, args.docs)
    write_report(args.json, builtin, big, runs=args.runs, docs=args.docs)
    print(f"report: {args.json}")


if __name__ == "__main__":
    main()
