"""Derive the shipped search tables: character readings (pinyin) and traditional → simplified.

    pip install pypinyin==0.55.0 opencc-python-reimplemented==0.1.7
    python scripts/build_search_tables.py src/qualitytui/data

Sources: pypinyin's pinyin_dict.json (MIT; readings of each character, from the Unihan database and
the 现代汉语词典) and OpenCC's TSCharacters.txt (Apache-2.0; as shipped in
opencc-python-reimplemented). The app reads the derived files; neither package is needed at run time.

pinyin.tsv: each syllable without tones (ü as v, and as u), the characters that can be read so in
use: a character's first reading and those its words in phrases_dict.json give it (省 reads shěng
and xǐng there; its archaic xiǎn would rank 强省 for qiangxian). A character in no phrase keeps all.
Second column: the characters for which this is a main reading (the first listed, or one of at least
RARE_SHARE of the character's phrases); third: those that read so only rarely (强 is jiàng in 6 of
its 210 phrases, so zhiliangjiang finds 质量强 but ranks 质量奖 first).
t2s.tsv: traditional character, its simplified form (the first OpenCC gives), where they differ.
"""

import json
import sys
import unicodedata
from pathlib import Path

import opencc
import pypinyin


def toneless(reading: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFD", reading) if c not in "\u0300\u0301\u0304\u030c")
    return unicodedata.normalize("NFC", base).replace("ü", "v")


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3007" == ch  # the unified block: what news text uses


RARE_SHARE = 0.1


def in_words(phrases: dict[str, list[list[str]]]) -> dict[str, dict[str, int]]:
    """Each character's readings in the phrases that hold it, toneless, with how many phrases read it so."""
    used: dict[str, dict[str, int]] = {}
    for phrase, readings in phrases.items():
        if len(phrase) == len(readings):
            for ch, (r, *_) in zip(phrase, readings):
                counts = used.setdefault(ch, {})
                counts[toneless(r)] = counts.get(toneless(r), 0) + 1
    return used


def main(out: Path) -> None:
    base = Path(pypinyin.__file__).parent
    table = json.loads((base / "pinyin_dict.json").read_text(encoding="utf-8"))
    used = in_words(json.loads((base / "phrases_dict.json").read_text(encoding="utf-8")))
    by_syllable: dict[str, tuple[list[str], list[str]]] = {}  # syllable → (main readers, rare readers)
    for code, readings in sorted(table.items(), key=lambda kv: int(kv[0])):
        ch = chr(int(code))
        if not is_cjk(ch):
            continue
        listed = [toneless(r.strip()) for r in readings.split(",")]
        counts = used.get(ch, {})
        total = sum(counts.values())
        for t in dict.fromkeys(listed[:1] + list(counts) if counts else listed):
            if not (t.isascii() and t.isalpha()):
                continue
            main = t == listed[0] or not counts or counts.get(t, 0) >= RARE_SHARE * total
            for syl in {t, t.replace("v", "u")}:  # 绿: lv, and lu as many people type it
                chars = by_syllable.setdefault(syl, ([], []))[0 if main else 1]
                if ch not in chars:
                    chars.append(ch)
    lines = [f"{syl}\t{''.join(main)}\t{''.join(rare)}" for syl, (main, rare) in sorted(by_syllable.items())]
    head = ("# syllable\tcharacters mainly read so\tcharacters rarely read so — from pypinyin 0.55.0 pinyin_dict.json"
            " and phrases_dict.json (MIT), readings in use, tones removed, ü as v and u\n")
    (out / "pinyin.tsv").write_text(head + "\n".join(lines) + "\n", encoding="utf-8")

    src = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    pairs = []
    for line in src.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        first = simp.split(" ")[0]
        if len(trad) == 1 and len(first) == 1 and trad != first and first <= "\uffff" and trad <= "\uffff":
            pairs.append(f"{trad}\t{first}")
    head = "# traditional\tsimplified — from OpenCC TSCharacters.txt (Apache-2.0) via opencc-python-reimplemented 0.1.7\n"
    (out / "t2s.tsv").write_text(head + "\n".join(pairs) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "src/qualitytui/data"))
