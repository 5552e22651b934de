"""normalize() gives what the one-pass character table gives, for every character."""

from __future__ import annotations

import random

from qualitytui.core import normalize as N


def test_every_character_normalizes_as_the_table_maps_it():
    rng = random.Random(7)
    codes = [c for c in range(0x10000) if not 0xD800 <= c < 0xE000] + rng.sample(range(0x10000, 0x110000), 5000)
    rng.shuffle(codes)
    for i in range(0, len(codes), 64):
        text = "质量" + "".join(map(chr, codes[i : i + 64]))
        assert N.normalize(text) == text.translate(N._TABLE), [hex(c) for c in codes[i : i + 64]]


def test_common_forms():
    assert N.normalize("青岛，２０２２年（ＮＱＩ）：「好品山东」") == "青岛,2022年(nqi):“好品山东”"
    assert N.normalize("ABC abc") == "abc abc"
    text = "质量强链"
    assert N.normalize(text) is text  # nothing to change: the same string back


def test_a_chain_of_mappings_is_applied_in_one_pass(monkeypatch):
    table = N.CharTable(lambda ch: {"，": "、", "、": "。"}.get(ch, ch))
    monkeypatch.setattr(N, "_TABLE", table)
    assert N.normalize("甲，乙、丙") == "甲、乙。丙"  # not 甲。乙。丙
