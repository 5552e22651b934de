"""Time to the first frame on a warm start, against a minimal Textual app (Header + Footer), same run.

    python bench/bench_first_frame.py [--runs N] [--corpus DIR]

Each is a whole headless process at 120x40, timed from spawn to the first frame handed to the
terminal that shows a document (qualitytui) or the Header and Footer (the minimal app), and to each
app's first idle moment after it, as the app clocks them (frame_clock.py). The corpus store is built
once beforehand so every qualitytui run is warm. Runs alternate between the two; medians are printed.
Goal (issue 5): first frame at most 1.3x the minimal app's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_start import machine  # noqa: E402
from frame_clock import compile_package, spawn_to_first_frame  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--corpus", default="", help="a folder of articles (default: the built-in corpus)")
    ap.add_argument("--json", type=Path, default=HERE / "out" / "first_frame.json")
    args = ap.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QUALITYTUI_CACHE_DIR=str(Path(tmp) / "cache"), QUALITYTUI_DATA_DIR=str(Path(tmp) / "data"))
        build = [sys.executable, "-m", "qualitytui", "build"] + (["--corpus", args.corpus] if args.corpus else [])
        subprocess.run(build, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ours, minimal = [], []
        for _ in range(args.runs):
            frame = Path(tmp) / "frame.txt"
            ours.append(spawn_to_first_frame([sys.executable, str(HERE / "first_frame_app.py"), args.corpus], env, frame))
            minimal.append(spawn_to_first_frame([sys.executable, str(HERE / "minimal_app.py")], env, frame))
    med = statistics.median
    report = {"machine": machine(), "runs": args.runs, "corpus": args.corpus or "built-in"}
    for kind in ("frame", "idle"):
        report[f"qualitytui_first_{kind}_s"] = med(r[kind] for r in ours)
        report[f"minimal_app_first_{kind}_s"] = med(r[kind] for r in minimal)
        report[f"{kind}_ratio"] = report[f"qualitytui_first_{kind}_s"] / report[f"minimal_app_first_{kind}_s"]
    print(f"machine: {report['machine']}  (median of {args.runs} runs, corpus: {report['corpus']})")
    print(f"{'':44}{'qualitytui':>12}{'minimal app':>13}{'ratio':>8}")
    for kind, label in (("frame", "first frame (a document on screen)"), ("idle", "first idle moment after it")):
        print(f"{label:44}{report[f'qualitytui_first_{kind}_s']:>11.3f}s{report[f'minimal_app_first_{kind}_s']:>12.3f}s"
              f"{report[f'{kind}_ratio']:>7.2f}x")
    print("goal: first frame at most 1.3x the minimal app's")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
