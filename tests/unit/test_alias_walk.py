"""The walk linking makes for known names: the compiled one and the Python one find the same."""

import random
from array import array

import pytest

from qualitytui.core import alias_walk
from qualitytui.core.alias_walk import PureAliasTrie
from qualitytui.core.compiled import compiled_modules


def _starts(words):
    out = [0]
    for w in words:
        out.append(out[-1] + len(w))
    return array("I", out)


WALKS = [alias_walk.AliasTrie, PureAliasTrie]


@pytest.mark.parametrize("trie", WALKS)
def test_an_alias_is_found_only_from_token_boundary_to_token_boundary(trie):
    words = ["青岛", "市", "市场", "监管局", "和", "青岛啤酒", "集团"]
    text = "".join(words)
    walk = trie(["青岛", "青岛市", "市场监管局", "场监", "啤酒", "青岛啤酒集团"])
    found = walk.matches(text, _starts(words), bytearray(len(text) + 1))
    named = [(i, j, walk.aliases[a]) for i, j, a in found]
    # 场监 and 啤酒 lie inside tokens; 青岛 of 青岛啤酒 ends inside one; the shorter match comes first
    assert named == [(0, 1, "青岛"), (0, 2, "青岛市"), (2, 4, "市场监管局"), (5, 7, "青岛啤酒集团")]


@pytest.mark.parametrize("trie", WALKS)
def test_a_used_start_is_skipped_but_a_name_may_run_into_used_text(trie):
    words = ["青岛", "市", "崂山", "区"]
    text = "".join(words)
    used = bytearray(len(text) + 1)
    used[2] = 1  # 市 was named already: no walk starts there; whether 青岛市 overlaps is the caller's to settle
    walk = trie(["青岛市", "市崂山", "崂山区"])
    assert [(i, j) for i, j, _ in walk.matches(text, _starts(words), used)] == [(0, 2), (2, 4)]


@pytest.mark.parametrize("trie", WALKS)
def test_nothing_to_walk(trie):
    assert trie([]).matches("青岛", _starts(["青岛"]), bytearray(3)) == []
    assert trie(["青岛"]).matches("", array("I", [0]), bytearray(1)) == []
    assert trie(["青岛"]).matches("青岛", [0, 2], bytearray(3)) == [(0, 1, 0)]  # starts as a list too


class _Folded(str):
    """A str subclass, as the folding to simplified characters hands the linker."""


@pytest.mark.parametrize("trie", WALKS)
def test_a_str_subclass_is_walked_like_a_str(trie):
    assert trie(["青岛"]).matches(_Folded("青岛"), [0, 2], bytearray(3)) == [(0, 1, 0)]
    with pytest.raises(TypeError):
        trie(["青岛"]).matches(b"qd", [0, 2], bytearray(3))


def test_the_compiled_walk_finds_what_the_python_walk_finds():
    if not compiled_modules()["_alias_walk"]:
        pytest.skip("a pure-Python install: no compiled walk to compare (CI checks that its install has one)")
    rng = random.Random(7)
    alphabet = "青岛市区崂山质量局中心a😀"  # (an emoji: a character beyond the 16-bit range)
    aliases = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 6))) for _ in range(300)})
    compiled, pure = alias_walk.AliasTrie(aliases), PureAliasTrie(aliases)
    for _ in range(300):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(0, 40))]
        text = "".join(words)
        used = bytearray(rng.random() < 0.1 for _ in range(len(text) + 1))
        assert compiled.matches(text, _starts(words), used) == pure.matches(text, _starts(words), used)
