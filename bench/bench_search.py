"""Search figures on the built-in corpus and on a generated one, printed side by side.

    python bench/bench_search.py [--docs 2000] [--rounds 20] [--json FILE]

For each corpus: the store build time and the part of it spent building the search index; the
warm load (store + index, in-process); query latency p50/p95 over a fixed mix of queries (Chinese
words of every frequency, phrases, exclusions, filters, traditional characters, pinyin and initials),
each query run once to warm up, then --rounds times; and, in the same run, a plain scan of every
passage with str.find for the same words, for comparison. The generated corpus comes from
bench/gen_corpus.py (fixed seed). Goals (issue 4): p95 ≤ 5 ms (built-in), ≤ 30 ms (2 000 documents);
index build ≤ half the rest of the build.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_start import machine, measure_both, side_by_side, write_report  # noqa: E402

QUERIES = [
    "质量", "质量强链", "强链", "好品山东", "青岛优品", "标准化", "高质量发展", "2025", "NQI", "崂山区",
    "質量強鏈", "质量 品牌", '"质量 强链"', "质量 -青岛", "kind:heading 质量", "year:2025 质量", "type:person",
    "laoshan", "qingdao youpin", "qdyp", "zhiliang", "pinpai jianshe", "zhiliangjiang",
    "质量 sort:newest", "date:2024 质量", "year:2023..2025 质量",
]
PLAIN = [q for q in QUERIES if ":" not in q and '"' not in q and not q.isascii() or q in ("2025", "NQI")]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def query_times(corpus, rounds: int) -> list[float]:
    """Milliseconds of each search, every query in QUERIES ``rounds`` times (warm them up first)."""
    took = []
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            corpus.search(q)
            took.append((time.perf_counter() - t) * 1000)
    return took


def measure(root: Path | None, rounds: int, cache: Path) -> dict:
    from qualitytui.core import search_index
    from qualitytui.core.corpus import Corpus
    from qualitytui.core.fold import fold
    from qualitytui.paths import Paths

    paths = Paths.resolve(str(root) if root else None, str(cache / "data"), str(cache / "cache"))
    spent = [0.0]
    original = search_index.build

    def timed(fn):
        def wrapper(*a, **kw):
            t0 = time.perf_counter()
            out = fn(*a, **kw)
            spent[0] += time.perf_counter() - t0
            return out
        return wrapper

    # in-process build (QUALITYTUI_JOBS=1), so the time spent in the index builder can be counted
    search_index.build = timed(original)
    jobs = os.environ.get("QUALITYTUI_JOBS")
    os.environ["QUALITYTUI_JOBS"] = "1"
    t0 = time.perf_counter()
    Corpus.open(paths, force=True)
    build = time.perf_counter() - t0
    search_index.build = original
    if jobs is None:
        os.environ.pop("QUALITYTUI_JOBS")
    else:
        os.environ["QUALITYTUI_JOBS"] = jobs

    t0 = time.perf_counter()
    corpus = Corpus.open(paths)
    opened = time.perf_counter() - t0
    searcher = corpus.searcher()
    loaded = time.perf_counter() - t0

    first = {}
    for q in QUERIES:  # first run of each: lazy tables, patterns, postings
        first[q] = corpus.search(q).took_ms
    took = query_times(corpus, rounds)

    forms = searcher.index.forms  # the plain scan gets the same search forms, ready
    scan = []
    for _ in range(rounds):
        for q in PLAIN:
            words = fold(q).split()
            t = time.perf_counter()
            [i for i, f in enumerate(forms) if all(f.find(w) >= 0 for w in words)]
            scan.append((time.perf_counter() - t) * 1000)
    chars = sum(len(f) for f in forms)
    return {
        "documents": len(corpus.documents()), "passages": len(forms), "chars": chars,
        "build_s": build, "index_s": spent[0], "index_share": spent[0] / max(build - spent[0], 1e-9),
        "warm_open_ms": opened * 1000, "warm_open_with_index_ms": loaded * 1000,
        "p50_ms": pct(took, 50), "p95_ms": pct(took, 95), "max_ms": max(took),
        "first_p95_ms": pct(list(first.values()), 95), "first_max_ms": max(first.values()),
        "scan_p50_ms": pct(scan, 50), "scan_p95_ms": pct(scan, 95),
        "per_query_ms": {q: statistics.median(took[i::len(QUERIES)]) for i, q in enumerate(QUERIES)},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--json", type=Path, default=HERE / "out" / "search.json")
    args = ap.parse_args()
    builtin, big = measure_both(measure, args.docs, args.rounds)
    print(f"machine: {machine()}")
    rows = [
        ("documents / passages", lambda r: f"{r['documents']} / {r['passages']}"),
        ("characters", lambda r: f"{r['chars']:,}"),
        ("store build (one process), s", lambda r: f"{r['build_s']:.2f}"),
        ("  of which index, s", lambda r: f"{r['index_s']:.2f}"),
        ("  index / rest of build (≤ 0.5)", lambda r: f"{r['index_share']:.2f}"),
        ("warm open, ms", lambda r: f"{r['warm_open_ms']:.1f}"),
        ("warm open + index load, ms", lambda r: f"{r['warm_open_with_index_ms']:.1f}"),
        ("query p50, ms", lambda r: f"{r['p50_ms']:.2f}"),
        ("query p95, ms (≤ 5 / ≤ 30)", lambda r: f"{r['p95_ms']:.2f}"),
        ("query max, ms", lambda r: f"{r['max_ms']:.2f}"),
        ("first run of each query: p95, ms", lambda r: f"{r['first_p95_ms']:.2f}"),
        ("plain str.find scan p50, ms", lambda r: f"{r['scan_p50_ms']:.2f}"),
        ("plain str.find scan p95, ms", lambda r: f"{r['scan_p95_ms']:.2f}"),
    ]
    side_by_side(rows, builtin, big, args.docs)
    print("slowest queries on the generated corpus (median ms):")
    for q, ms in sorted(big["per_query_ms"].items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {ms:7.2f}  {q}")
    write_report(args.json, builtin, big)


if __name__ == "__main__":
    sys.exit(main())
