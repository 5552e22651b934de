"""Counting the runs of characters a pinyin reading stands for: by strings where it gives the regex's count."""

import random
import re

from qualitytui.core.pinyin import MAX_RUNS, Runs


def findall_count(sets: list[set[str]], text: str) -> int:
    """The count as a regex of character classes finds it, written out here independently."""
    return len(re.findall("".join("[" + "".join(sorted(s)) + "]" for s in sets), text))


def test_runs_count_as_the_regex_does_on_random_texts():
    rng = random.Random(7)
    cases = [
        [{"质", "制"}, {"量"}, {"奖", "强"}],  # zhiliangjiang: four runs, none overlapping
        [{"质", "量"}, {"量", "质"}],  # a run can start inside another: the regex counts
        [{"哈"}, {"哈"}],  # a run that overlaps itself (哈哈哈 holds one, not two)
        [{"青"}, {"岛"}, {"优"}, {"品"}],
        [set("abcdefghij"), set("klmnopqrst")],  # too many runs: the regex counts
    ]
    alphabet = "质制量奖强哈青岛优品abcdklmn的"
    for sets in cases:
        runs = Runs(sets)
        for _ in range(300):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
            assert runs.count(text) == findall_count(sets, text), (sets, text)


def test_runs_are_counted_as_strings_only_where_none_can_overlap():
    assert Runs([{"质", "制"}, {"量"}, {"奖", "强"}]).runs == ("制量奖", "制量强", "质量奖", "质量强")
    assert Runs([{"哈"}, {"哈"}]).runs == ()  # a run overlapping itself: left to the regex too
    assert Runs([{"质", "量"}, {"量", "质"}]).runs == ()  # 质量质: 质量 and 量质 overlap
    many = [set("abcdefghij"), set("klmnopqrst")]
    assert len(many[0]) * len(many[1]) > MAX_RUNS and Runs(many).runs == ()
    assert Runs([{"哈"}, {"哈"}]).count("哈哈哈哈哈") == 2
