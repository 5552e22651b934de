"""The search index builder against a plain reference: every bigram's passages and counts."""

import random
import re
from collections import Counter

import pytest

from qualitytui.core import search_index
from qualitytui.core.fold import fold
from qualitytui.core.search_index import Index, build


def reference(texts: list[str]) -> dict[str, dict[int, int]]:
    """bigram → {passage: count, capped at 255}, counted one passage at a time with the regex."""
    out: dict[str, dict[int, int]] = {}
    for i, text in enumerate(texts):
        for bg, n in Counter(re.findall(r"(?=(\w\w))", fold(text))).items():
            out.setdefault(bg, {})[i] = min(n, 255)
    return out


def decoded(stored: dict) -> dict[str, dict[int, int]]:
    index = Index(stored, [])
    return {bg: index.postings(bg) for bg in stored["postings"]}


def varied_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    alphabet = list("质量强链青岛市崂山區質量強鏈 ，。、“”《》-_ab1２ＮＱＩ\t\n") + ["𠀋", "𪚥", "é", "\0"]
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 40))) for _ in range(n)]


def test_every_bigram_has_the_passages_and_counts_a_plain_count_gives():
    texts = ["青岛市2022年质量月", "", "质量强链 Quality_ok", "質量強鏈", "a", "ＮＱＩ nqi", "𠀋𠀋𠀋 é́", "质\ud800量质量"]
    texts += varied_texts(300, 7)
    stored = build(texts)
    assert decoded(stored) == reference(texts)
    assert Index(stored, texts).lengths == [len(t) for t in texts]
    assert "质量" in stored["postings"] and "ok" in stored["postings"]  # traditional folded, case folded


def test_empty_passages_anywhere_keep_the_numbering():
    texts = ["", "青岛", "", "", "岛市", ""]
    assert decoded(build(texts)) == {"青岛": {1: 1}, "岛市": {4: 1}}


def test_no_bigram_spans_two_passages():
    assert set(build(["青", "岛"])["postings"]) == set()
    assert set(build(["青岛", "岛市"])["postings"]) == {"青岛", "岛市"}


def test_counts_stop_at_255():
    assert decoded(build(["质量" * 300, "质量"])) == {"质量": {0: 255, 1: 1}, "量质": {0: 255}}


def test_blocks_give_the_index_one_block_gives(monkeypatch):
    texts = varied_texts(500, 3)
    whole = build(texts)
    monkeypatch.setattr(search_index, "_BLOCK_BITS", 6)  # 64 passages a block: 8 blocks
    assert build(texts) == whole and decoded(whole) == reference(texts)
    monkeypatch.setattr(search_index, "_BLOCK_BITS", 20)
    monkeypatch.setattr(search_index, "_BLOCK_CHARS", 100)  # blocks of a few passages
    assert len(list(search_index._blocks([len(t) for t in texts]))) > 50
    assert build(texts) == whole


def test_blocks_cover_every_passage_once_within_their_bounds(monkeypatch):
    monkeypatch.setattr(search_index, "_BLOCK_CHARS", 10)
    monkeypatch.setattr(search_index, "_BLOCK_BITS", 2)
    lengths = [3, 4, 2, 30, 0, 0, 0, 0, 0, 1, 9]
    blocks = list(search_index._blocks(lengths))
    assert [i for a, b in blocks for i in range(a, b)] == list(range(len(lengths)))
    assert all(b - a <= 4 and (b - a == 1 or sum(lengths[a:b]) <= 10) for a, b in blocks)
    assert (3, 4) in blocks  # a passage longer than a block: a block of its own
    assert list(search_index._blocks([])) == []


def test_empty_inputs():
    for texts in ([], [""], ["", "。"], ["a"]):
        stored = build(texts)
        assert stored["postings"] == {} and Index(stored, texts).lengths == [len(t) for t in texts]


def test_too_many_passages_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(search_index, "MAX_PASSAGES", 4)
    with pytest.raises(ValueError, match="at most 3 passages"):
        build(["a"] * 4)


def test_search_forms_made_one_by_one_are_kept_and_agree_with_all_of_them():
    texts = ["質量強鏈行動", "质量强链", "ＡＢＣ品牌", "青岛"]
    idx = Index(build(texts), texts)
    assert idx.form(0) == fold(texts[0]) == "质量强链行动"
    assert idx.form(0) is idx.form(0)  # folded once: a later query's candidates are mostly the same
    assert idx.forms == [fold(t) for t in texts]
    assert idx.forms[0] is idx.form(0) and idx.forms[1] is texts[1]  # (nothing to fold: the text itself)


def test_making_every_search_form_lets_other_threads_run(monkeypatch):
    calls = []
    monkeypatch.setattr(search_index, "checkpoint", lambda: calls.append(1))
    texts = ["質量強鏈"] * 5000
    assert Index({}, texts).forms == ["质量强链"] * 5000
    assert len(calls) >= 4  # (a compiled loop hands the interpreter lock over only when it calls one)


def test_the_index_is_stored_a_few_mb_a_row_and_read_back_whole(monkeypatch):
    index = build(varied_texts(300, 7))
    monkeypatch.setattr(search_index, "_ROW_CHARS", 64)  # tiny rows, so that there are many
    rows = search_index.to_rows(index)
    assert len(rows) > 3 and "postings" not in rows[0] and rows[0]["lengths"] == index["lengths"]
    assert all(sum(len(v) + 8 for v in r["postings"].values()) < 64 + max(map(len, index["postings"].values())) + 8
               for r in rows[1:])
    assert search_index.from_rows(rows) == index
    assert search_index.from_rows([]) is None
