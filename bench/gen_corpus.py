"""Generate a large corpus from the seed articles, for the speed benchmarks.

    python bench/gen_corpus.py [--docs 2000] [--seed 7] [OUT_DIR]     (default bench/out/corpus-2000)

Each document is a title and 6–13 paragraphs drawn from the seeds' cleaned passages, with places,
people, numbers and years varied under a fixed random seed, so names and figures differ from
document to document the way a real news archive's do. Written as UTF-8 .txt files, about 5 KB each
(2 000 documents ≈ 10 MB). The same seed gives the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉力玲斌波宇浩凯健俊帆鹏飞欣怡晨阳雪琳瑶梅红鑫峰亮成"


def seed_material():
    """Titles, paragraphs, and the places and people the seeds name (found by qualitytui itself)."""
    from qualitytui.core.files import discover
    from qualitytui.core.store import build
    from qualitytui.paths import builtin_corpus_dir

    root = builtin_corpus_dir()
    data = build(root, *discover(root)).data
    passages = list(data["passages"].values())
    entities = list(data["entities"].values())
    titles = [d["title"] for d in data["documents"].values()] + [p["text"] for p in passages if p["kind"] == "heading"]
    paragraphs = [p["text"] for p in passages if p["kind"] == "body" and len(p["text"]) >= 30]
    places = sorted({e["name"] for e in entities if e["type"] == "place"}, key=len, reverse=True)
    people = sorted({e["name"] for e in entities if e["type"] == "person"}, key=len, reverse=True)
    return titles, paragraphs, places, people


def other_places() -> list[str]:
    from qualitytui.core import gazetteer

    full, _ = gazetteer._tables()
    return sorted(name for name, ps in full.items() if any(p.level in ("prefecture", "county") for p in ps))


def generate(n: int, out: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    titles, paragraphs, places, people = seed_material()
    pool = other_places()
    place_re = re.compile("|".join(map(re.escape, places))) if places else None
    person_re = re.compile("|".join(map(re.escape, people))) if people else None

    def vary(text: str, where: dict[str, str]) -> str:
        if place_re:
            text = place_re.sub(lambda m: where.setdefault(m.group(), rng.choice(pool)), text)
        if person_re:
            text = person_re.sub(lambda m: where.setdefault(m.group(), rng.choice(SURNAMES) + "".join(
                rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))), text)
        text = re.sub(r"20[12]\d", lambda m: str(rng.randint(2015, 2030)), text)
        return re.sub(r"(?<!\d)\d{1,3}(?!\d)", lambda m: str(rng.randint(1, 10 ** len(m.group()) - 1)), text)

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for i in range(n):
        where: dict[str, str] = {}  # one document keeps its own substitutions throughout
        body = [vary(p, where) for p in rng.sample(paragraphs, rng.randint(6, 13))]
        text = vary(rng.choice(titles), where) + "\n\n" + "\n\n".join(body) + "\n"
        (out / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return out


def ensure(n: int) -> Path:
    """The generated corpus of ``n`` documents under bench/out, generated first if it is not there."""
    out = HERE / "out" / f"corpus-{n}"
    if not out.is_dir() or len(list(out.glob("*.txt"))) != n:
        generate(n, out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    out = generate(args.docs, args.out or HERE / "out" / f"corpus-{args.docs}", args.seed)
    size = sum(f.stat().st_size for f in out.iterdir())
    print(f"{args.docs} documents, {size / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    sys.exit(main())
