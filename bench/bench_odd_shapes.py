"""Files of odd shapes: does a build stay linear in their size?

    python bench/bench_odd_shapes.py [--size 20000] [--json bench/out/odd_shapes.json]

Users' folders hold more than news articles: one paragraph of a whole report with no full stop, a
table saved as thousands of short lines, a list of thousands of names. Each shape here is written
as a one-file corpus of --size pieces and of twice that (fixed random seed), and built with
`qualitytui build` in a fresh process; the ratio of the two times is about 2 when the work grows
with the file, far more when some step looks at all of it for each piece.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_start import machine  # noqa: E402

WORDS = ["质量", "强链", "发展", "青岛", "崂山", "品牌", "标准", "企业", "创新", "服务", "建设", "推进"]


def shapes(rng: random.Random) -> dict[str, callable]:
    pick = rng.choice
    return {
        "one paragraph, clauses but no full stop": lambda n: "".join(pick(WORDS) + ("，" if rng.random() < 0.1 else "") for _ in range(n)),
        "one paragraph, no punctuation at all": lambda n: "".join(pick(WORDS + ["2024年3月", "张伟局长", "青岛市市场监管局"]) for _ in range(n)),
        "short lines, one paragraph": lambda n: "\n".join(pick(["质量强链", "青岛市", "2024年3月", "张伟局长说"]) for _ in range(n)),
        "short paragraphs": lambda n: "\n\n".join(pick(["质量强链推进。", "青岛市市场监管局发布。", "2024年3月召开会议。"]) for _ in range(n)),
        "a list of names": lambda n: "、".join(pick(["青岛市", "海尔集团", "质量强链", "崂山"]) for _ in range(n)) + "等。",
        "quotes and titles": lambda n: "".join(pick(["“青岛优品”", "“质量", "强链”", "，", "《方案", "》"]) for _ in range(n)) + "。",
        "English words": lambda n: " ".join(pick(["quality", "Qingdao", "brand,", "the", "plan.", "2024"]) for _ in range(n)),
    }


def build_seconds(folder: Path, text: str) -> float:
    corpus = folder / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "file.txt").write_text("一个文件\n\n" + text + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "qualitytui", "--corpus", str(corpus), "--cache-dir", str(folder / "cache"),
                    "--data-dir", str(folder / "data"), "build"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--json", default=str(HERE / "out" / "odd_shapes.json"))
    args = parser.parse_args()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k, (name, make) in enumerate(shapes(random.Random(5)).items()):
            times = []
            for n in (args.size, 2 * args.size):
                folder = Path(tmp) / f"{k}-{n}"
                times.append(build_seconds(folder, make(n)))
                shutil.rmtree(folder)
            rows[name] = {"seconds": times, "ratio": times[1] / times[0]}
            print(f"{name:<42} {times[0]:6.2f} s  {times[1]:6.2f} s  ×{times[1] / times[0]:.1f}")
    print(machine())
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({"size": args.size, "shapes": rows, "machine": machine()}, indent=2, ensure_ascii=False),
                               encoding="utf-8")


if __name__ == "__main__":
    main()
