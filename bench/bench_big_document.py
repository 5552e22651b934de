"""One very large document: how long the app takes to show it and to move through it.

    python bench/bench_big_document.py [--passages 40000] [--json bench/out/big_document.json]

A user's folder may hold a yearbook or a year of a newspaper saved as one file. This writes one file
of --passages paragraphs (the generated corpus's paragraphs in turn, bench/gen_corpus.py, fixed
seed), builds its store, then in a headless app at 120×40 times, each to the next idle screen:
opening the document, G (its last passage), g (its first), twenty j presses, and a page of scroll.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_start import machine  # noqa: E402


def write_document(folder: Path, passages: int) -> int:
    """One .txt file of ``passages`` paragraphs under a title; its size in bytes."""
    from gen_corpus import generate

    source = folder / "source"
    generate(max(20, passages // 15), source)
    paragraphs: list[str] = []
    for path in sorted(source.glob("*.txt")):
        paragraphs += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()[3:] if len(line.strip()) > 20]
    paragraphs = [paragraphs[i % len(paragraphs)] for i in range(passages)]
    body = "青岛市质量发展年鉴（汇编）\n\n" + "\n\n".join(paragraphs) + "\n"
    (folder / "corpus").mkdir()
    target = folder / "corpus" / "yearbook.txt"
    target.write_text(body, encoding="utf-8")
    return target.stat().st_size


async def ui_times(paths) -> dict[str, float]:
    from qualitytui.ui.app import QualityApp
    from qualitytui.ui.widgets.passages import PassageList

    app = QualityApp(paths)
    out: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        while not (app.corpus and app.sidebar_ready):
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.query_one(PassageList)
        doc = app.corpus.documents()[0]
        out["passages"] = len(app.corpus.passages(doc["id"]))

        async def timed(action) -> float:
            # the key's action called directly: Pilot's own press takes ≈0.1 s whatever the key does
            t0 = time.perf_counter()
            action()
            await pilot.pause()
            return (time.perf_counter() - t0) * 1000

        out["open_ms"] = await timed(lambda: app.open_document(doc["id"]))
        pane.focus()
        await pilot.pause()
        out["last_passage_ms"] = await timed(pane.action_last)
        out["first_passage_ms"] = await timed(pane.action_first)
        steps = [await timed(pane.action_cursor_down) for _ in range(20)]
        out["j_median_ms"] = statistics.median(steps)
        out["j_max_ms"] = max(steps)
        out["page_down_ms"] = await timed(pane.action_page_down)
        out["at_passage"] = pane.highlighted
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=40000)
    parser.add_argument("--json", default=str(HERE / "out" / "big_document.json"))
    args = parser.parse_args()
    import os
    import subprocess

    from qualitytui.paths import Paths

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        size = write_document(tmp_path, args.passages)
        paths = Paths.resolve(str(tmp_path / "corpus"), str(tmp_path / "data"), str(tmp_path / "cache"))
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "qualitytui", "--corpus", str(paths.corpus), "--cache-dir", str(paths.cache_dir),
                        "build"], check=True, stdout=subprocess.DEVNULL, env={**os.environ, "QUALITYTUI_DATA_DIR": str(paths.data_dir)})
        build_s = time.perf_counter() - t0
        r = {"file_mb": size / 2**20, "build_s": build_s, **asyncio.run(ui_times(paths)), "machine": machine()}
    rows = [
        ("file, MB / passages shown", f"{r['file_mb']:.1f} / {r['passages']}"),
        ("build, s", f"{r['build_s']:.1f}"),
        ("open the document, ms", f"{r['open_ms']:.0f}"),
        ("G (last passage), ms", f"{r['last_passage_ms']:.0f}"),
        ("g (first passage), ms", f"{r['first_passage_ms']:.0f}"),
        ("j, median / slowest of 20, ms", f"{r['j_median_ms']:.0f} / {r['j_max_ms']:.0f}"),
        ("page down, ms", f"{r['page_down_ms']:.0f}"),
    ]
    for label, value in rows:
        print(f"{label:<34} {value}")
    print(r["machine"])
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(r, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
