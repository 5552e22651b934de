"""Scale: the built-in corpus and a generated one of thousands of articles, side by side, in one run.

    python bench/bench_scale.py [--docs 2000] [--builds 3] [--runs 5] [--rounds 10] [--json bench/out/scale.json]

For each corpus:
- cold build: `qualitytui build` in a fresh process with an empty cache (both cores), median wall
  time of --builds builds (one build's time drifted by a third between runs), and the peak memory
  of the main process;
- open after one file changed: on a copy of the folder, built, one file appended to, then
  `qualitytui docs --json` (the rebuild reads that file and reuses the rest), median of --builds;
- the floor: the same passages (normalized, as the build tags them) only tagged by the segmenter,
  in one process, best of 3, measured right after each build: these shared machines change speed
  by half within minutes, so the ratio is each build's to the floor beside it, the median of them;
- warm start: headless processes, median of --runs, from spawn to the first frame showing a
  document (clocked by the app, frame_clock.py), and a minimal Textual app (Header + Footer) to its
  first frame, alternating; qualitytui's first idle moment after it; plus the peak memory of a warm
  start that has loaded everything;
- search: p50/p95 over a fixed mix of queries (bench_search.QUERIES), --rounds rounds, in-process;
- the UI with the corpus open (headless, 120×40): opening the longest document, the entity with the
  most mentions, the timeline, and a search with many hits, each timed to the next idle screen.
The generated corpus comes from bench/gen_corpus.py (fixed seed). Goals (issue 7, 2 000 documents):
cold build ≤ 6× the floor, warm first frame < 1 s, memory < 400 MB, search p95 ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_search import QUERIES, pct, query_times  # noqa: E402
from bench_start import machine, measure_both, side_by_side, write_report  # noqa: E402
from frame_clock import compile_package, spawn_to_first_frame  # noqa: E402


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one process (run to its end)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-400:]}")
    return wall, usage.ru_maxrss / 1024


def rebuild_times(corpus: Path, tmp: Path, env: dict[str, str], runs: int) -> list[float]:
    """Seconds of `qualitytui docs` on a copy of ``corpus`` after one of its files changed (a
    paragraph added each time): the rebuild that reads that file and takes the others from the last
    build, plus the command's start and output."""
    copy, cache = tmp / "rebuild-corpus", tmp / "rebuild-cache"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    shutil.copytree(corpus, copy)
    env = dict(env, QUALITYTUI_CACHE_DIR=str(cache))
    cmd = [sys.executable, "-m", "qualitytui", "--corpus", str(copy)]
    run([*cmd, "build"], env)
    files = sorted(copy.glob("*.txt"))
    changed = files[len(files) // 2]
    out = []
    for k in range(runs):
        with changed.open("a", encoding="utf-8") as f:
            f.write(f"\n\n2026年{k + 1}月5日，青岛市召开第{k + 1}次质量工作会议。\n")
        out.append(run([*cmd, "docs", "--json"], env)[0])
    return out


def floor_texts(store_file: Path) -> list[str]:
    """Every analysed passage of a built store, normalized as the build tags them."""
    from qualitytui.core.normalize import normalize
    from qualitytui.core.tablefile import decode

    data = decode(store_file.read_bytes())
    return [normalize(p["text"]) for p in data["passages"].values() if p["kind"] != "furniture"]


def tag_seconds(texts: list[str], tag, rounds: int = 3) -> float:
    """Seconds to tag ``texts`` once with ``tag`` and throw the result away, best of ``rounds``."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t in texts:
            tag(t)
        best = min(best, time.perf_counter() - t0)
    return best


def search_times(paths, rounds: int) -> dict[str, float]:
    from qualitytui.core.corpus import Corpus

    corpus = Corpus.open(paths)
    corpus.prepare()  # as the app does once the corpus is open: index, search forms, mention tables
    for q in QUERIES:
        corpus.search(q)
    took = query_times(corpus, rounds)
    return {"search_p50_ms": pct(took, 50), "search_p95_ms": pct(took, 95), "search_max_ms": max(took)}


async def ui_times(paths) -> dict[str, float]:
    """Milliseconds from an action to the next idle frame, in a headless app on the warm store."""
    from qualitytui.ui.app import QualityApp

    app = QualityApp(paths)
    out: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        while not (app.corpus and app.sidebar_ready):  # the sidebar is filled after the first frame
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        corpus = app.corpus
        docs = corpus.documents()

        async def timed(name: str, action) -> None:
            t0 = time.perf_counter()
            action()
            await pilot.pause()
            out[name] = (time.perf_counter() - t0) * 1000

        longest = max(docs, key=lambda d: d["chars"])
        await timed("open_longest_document_ms", lambda: app.open_document(longest["id"]))
        top = max(app.entities, key=lambda e: e["count"])
        out["top_entity_mentions"] = top["count"]
        await timed("open_top_entity_ms", lambda: app.show_entity(top))
        await pilot.press("escape")
        await pilot.pause()
        out["timeline_items"] = len(corpus.timeline())
        await timed("open_timeline_ms", app.action_timeline)
        await pilot.press("escape")
        await pilot.pause()
        await timed("open_search_ms", app.action_search)
        # typed into the box (Pilot's own key presses take ≈0.1 s each): to its results on screen
        from textual.widgets import Input

        screen = app.screen
        t0 = time.perf_counter()
        screen.query_one(Input).value = "质量"
        while not (screen.result and screen.result.query == "质量"):
            await asyncio.sleep(0.001)
        await pilot.pause()
        out["search_as_you_type_ms"] = (time.perf_counter() - t0) * 1000
    return out


def measure(corpus: Path | None, builds: int, runs: int, rounds: int, tmp: Path) -> dict:
    from qualitytui.paths import Paths

    env = dict(os.environ, QUALITYTUI_CACHE_DIR=str(tmp / "cache"), QUALITYTUI_DATA_DIR=str(tmp / "data"))
    env.pop("QUALITYTUI_JOBS", None)
    arg = ["--corpus", str(corpus)] if corpus else []
    from qualitytui.core.segment import get_segmenter
    from qualitytui.paths import builtin_corpus_dir

    tag = get_segmenter().tag
    timed, floors, texts = [], [], None
    for _ in range(builds):  # each build and then the floor, so that both see the machine at one speed
        shutil.rmtree(tmp / "cache", ignore_errors=True)  # cold: no store to reuse
        timed.append(run([sys.executable, "-m", "qualitytui", *arg, "build"], env))
        if texts is None:
            texts = floor_texts(next((tmp / "cache").glob("corpus-*.json")))
        floors.append(tag_seconds(texts, tag))
    build_s = statistics.median(t for t, _ in timed)
    build_mb = max(mb for _, mb in timed)
    store_file = next((tmp / "cache").glob("corpus-*.json"))
    rebuilds = rebuild_times(corpus or builtin_corpus_dir(), tmp, env, builds)
    floor_s, chars = statistics.median(floors), sum(map(len, texts))
    ratios = [t / f for (t, _), f in zip(timed, floors)]
    ours, minimal = [], []
    for _ in range(runs):
        frame = tmp / "frame.txt"
        ours.append(spawn_to_first_frame([sys.executable, str(HERE / "first_frame_app.py"), str(corpus or "")], env, frame))
        minimal.append(spawn_to_first_frame([sys.executable, str(HERE / "minimal_app.py")], env, frame))
    _, settled_mb = run([sys.executable, str(HERE / "first_frame_app.py"), str(corpus or ""), "--settled"], env)
    paths = Paths.resolve(str(corpus) if corpus else None, str(tmp / "data"), str(tmp / "cache"))
    r = {
        "corpus": str(corpus) if corpus else "built-in", "chars": chars,
        "store_mb": store_file.stat().st_size / 2**20,
        "cold_build_s": build_s, "cold_builds_s": [t for t, _ in timed], "build_peak_mb": build_mb, "tag_floor_s": floor_s,
        "tag_floors_s": floors, "build_over_floor": statistics.median(ratios), "build_over_floor_each": ratios,
        "rebuild_one_changed_s": statistics.median(rebuilds), "rebuilds_s": rebuilds,
        "first_frame_s": statistics.median(r["frame"] for r in ours),
        "minimal_first_frame_s": statistics.median(r["frame"] for r in minimal),
        "first_idle_s": statistics.median(r["idle"] for r in ours),
        "settled_peak_mb": settled_mb,
    }
    r["first_frame_ratio"] = r["first_frame_s"] / r["minimal_first_frame_s"]
    r.update(search_times(paths, rounds))
    r.update(asyncio.run(ui_times(paths)))
    from qualitytui.core.tablefile import decode

    data = decode(store_file.read_bytes())
    r["documents"], r["passages"] = len(data["documents"]), len(data["passages"])
    r["entities"], r["events"] = len(data["entities"]), len(data["events"])
    r["mentions"] = sum(e["count"] for e in data["entities"].values())  # (the table has a row per entity)
    return r


ROWS = [
    ("documents / passages", lambda r: f"{r['documents']} / {r['passages']}"),
    ("characters analysed", lambda r: f"{r['chars']:,}"),
    ("entities / mentions / dated items", lambda r: f"{r['entities']} / {r['mentions']} / {r['events']}"),
    ("store file, MB", lambda r: f"{r['store_mb']:.1f}"),
    ("cold build, s (median)", lambda r: f"{r['cold_build_s']:.2f}"),
    ("  fastest–slowest build, s", lambda r: f"{min(r['cold_builds_s']):.2f}–{max(r['cold_builds_s']):.2f}"),
    ("segmenter-only tagging (floor), s (median)", lambda r: f"{r['tag_floor_s']:.2f}"),
    ("build / floor, median of each build's (goal ≤ 6)", lambda r: f"{r['build_over_floor']:.1f}x"),
    ("  lowest–highest", lambda r: f"{min(r['build_over_floor_each']):.1f}–{max(r['build_over_floor_each']):.1f}x"),
    ("open after 1 file changed, s (median)", lambda r: f"{r['rebuild_one_changed_s']:.2f}"),
    ("build peak memory, MB", lambda r: f"{r['build_peak_mb']:.0f}"),
    ("warm first frame, s (goal < 1)", lambda r: f"{r['first_frame_s']:.2f}"),
    ("minimal Textual app, s", lambda r: f"{r['minimal_first_frame_s']:.2f}"),
    ("first frame / minimal app", lambda r: f"{r['first_frame_ratio']:.2f}x"),
    ("warm start to first idle, s", lambda r: f"{r['first_idle_s']:.2f}"),
    ("memory, all loaded, MB (< 400)", lambda r: f"{r['settled_peak_mb']:.0f}"),
    ("search p50, ms", lambda r: f"{r['search_p50_ms']:.2f}"),
    ("search p95, ms (goal ≤ 30)", lambda r: f"{r['search_p95_ms']:.2f}"),
    ("open longest document, ms", lambda r: f"{r['open_longest_document_ms']:.0f}"),
    ("open top entity, ms", lambda r: f"{r['open_top_entity_ms']:.0f} ({r['top_entity_mentions']})"),
    ("open timeline, ms", lambda r: f"{r['open_timeline_ms']:.0f} ({r['timeline_items']})"),
    ("type 质量 in search, ms", lambda r: f"{r['search_as_you_type_ms']:.0f}"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--builds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--json", type=Path, default=HERE / "out" / "scale.json")
    args = ap.parse_args()
    compile_package()
    builtin, big = measure_both(measure, args.docs, args.builds, args.runs, args.rounds)
    print(f"machine: {machine()}")
    side_by_side(ROWS, builtin, big, args.docs)
    write_report(args.json, builtin, big)
    print(f"report: {args.json}")


if __name__ == "__main__":
    sys.exit(main())
