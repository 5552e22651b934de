"""Start-up figures for the built-in corpus, printed side by side with a minimal Textual app.

    python bench/bench_start.py [--runs N] [--json FILE]

Measures, each as the median of N runs:
- cold build: a whole `qualitytui build` process with an empty cache dir (wall and CPU time);
- the same build in-process (interpreter start-up and imports excluded);
- warm load in-process: opening the store when it is fresh, search index included (no segmenter,
  no rebuild);
- the minimal Textual app (Header + Footer, exits after its first frame), as a whole process.
Goals (issue 2): cold build under 2x the minimal app's start; warm load under 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from qualitytui.core.compiled import describe

    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}; qualitytui: {describe()}"


def measure_both(measure, docs: int, *args) -> tuple[dict, dict]:
    """``measure(corpus, *args, tmp)`` for the built-in corpus (corpus None) and for the generated one of
    ``docs`` articles (bench/gen_corpus.py, made if missing), each with a temporary dir of its own."""
    from gen_corpus import ensure

    generated = ensure(docs)
    with tempfile.TemporaryDirectory() as tmp:
        return measure(None, *args, Path(tmp) / "builtin"), measure(generated, *args, Path(tmp) / "generated")


def write_report(path: Path, builtin: dict, generated: dict, **extra) -> None:
    """The JSON report of a side-by-side run: the machine, ``extra``, and both corpora's figures."""
    report = {"machine": machine(), **extra, "builtin": builtin, "generated": generated}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def side_by_side(rows, builtin: dict, generated: dict, docs: int) -> None:
    """Print ``rows`` ((label, format function)) for the built-in and the generated corpus, in columns."""
    print(f"{'':36}{'built-in':>16}{f'generated ({docs})':>22}")
    for label, f in rows:
        print(f"{label:36}{f(builtin):>16}{f(generated):>22}")


def timed_process(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", type=Path, default=HERE / "out" / "start.json")
    args = ap.parse_args()

    from qualitytui.core.corpus import Corpus
    from qualitytui.paths import Paths

    env = dict(os.environ)
    cold_wall, cold_cpu, app_wall, app_cpu, build_in, warm = [], [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            cache = Path(tmp) / f"cold{i}"
            w, c = timed_process([sys.executable, "-m", "qualitytui", "--cache-dir", str(cache), "build"], env)
            cold_wall.append(w)
            cold_cpu.append(c)
            w, c = timed_process([sys.executable, str(HERE / "minimal_app.py")], env)
            app_wall.append(w)
            app_cpu.append(c)
        paths = Paths.resolve(cache_dir=Path(tmp) / "inproc")
        Corpus.open(paths, force=True)  # loads the segmenter once, as a long-running build would
        for _ in range(args.runs):
            t0 = time.perf_counter()
            Corpus.open(paths, force=True)
            build_in.append(time.perf_counter() - t0)
        for _ in range(max(20, args.runs)):
            t0 = time.perf_counter()
            c = Corpus.open(paths)
            c.searcher()  # the search index is part of a warm load (issue 4)
            warm.append(time.perf_counter() - t0)
            assert not c.built

    med = statistics.median
    report = {
        "machine": machine(),
        "runs": args.runs,
        "cold_build_process_s": med(cold_wall),
        "cold_build_process_cpu_s": med(cold_cpu),
        "build_in_process_s": med(build_in),
        "warm_load_in_process_ms": med(warm) * 1000,
        "minimal_app_process_s": med(app_wall),
        "minimal_app_process_cpu_s": med(app_cpu),
    }
    report["ratio_cold_build_to_minimal_app"] = report["cold_build_process_s"] / report["minimal_app_process_s"]
    print(f"machine: {report['machine']}  (median of {args.runs} runs)")
    print(f"{'':34}{'wall':>10}{'cpu':>10}")
    print(f"{'cold build, whole process':34}{report['cold_build_process_s']:>9.3f}s{report['cold_build_process_cpu_s']:>9.3f}s")
    print(f"{'minimal Textual app, first frame':34}{report['minimal_app_process_s']:>9.3f}s{report['minimal_app_process_cpu_s']:>9.3f}s")
    print(f"{'build in-process (5 seeds)':34}{report['build_in_process_s']:>9.3f}s")
    print(f"{'warm load in-process':34}{report['warm_load_in_process_ms']:>8.2f}ms")
    ratio = report["ratio_cold_build_to_minimal_app"]
    print(f"cold build / minimal app: {ratio:.2f}x (goal < 2x)   warm load: {report['warm_load_in_process_ms']:.2f} ms (goal < 50 ms)")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"report: {args.json}")


if __name__ == "__main__":
    main()
