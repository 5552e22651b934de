"""Line-level repairs on small made-up strings."""

import pytest

from qualitytui.core.normalize import normalize
from qualitytui.core.repair import fix_spacing, is_terminated, join_lines, undouble


@pytest.mark.parametrize(
    "line, expected",
    [
        ("天天气气晴晴朗朗，，适适合合出出游游", "天气晴朗，适合出游"),
        ("““新新品品发发布布””会会议议召召开开", "“新品发布”会议召开"),
    ],
)
def test_undouble_restores_doubled_headlines(line, expected):
    assert undouble(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "质量建设久久为功",  # a real reduplicated word
        "实实在在的发展底气",
        "时时刻刻",  # too short to be a doubled headline
        "人人重视质量、人人参与质量、人人创造质量",
        "研究院参与制定的国家标准有7项",
    ],
)
def test_undouble_leaves_real_words_alone(line):
    assert undouble(line) is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("不合格率由7 . 8% 逐步降低", "不合格率由7.8%逐步降低"),
        ("热效率52 .28%柴油机", "热效率52.28%柴油机"),
        ("2017 年，国家确定每年 5 月 10 日", "2017年，国家确定每年5月10日"),
        ("第 45 个全国质量月", "第45个全国质量月"),
        ("立足我省“ 6997 ”现代化", "立足我省“6997”现代化"),
        ("能力提升17% ，帮助", "能力提升17%，帮助"),
        ("性能基准、 SVT等", "性能基准、SVT等"),
    ],
)
def test_fix_spacing_removes_layout_spaces_in_numbers(line, expected):
    assert fix_spacing(line) == expected


@pytest.mark.parametrize(
    "line",
    ["Windows 11 and version 2.1", "RCEP 区域", "推动质量创新变革 促进质量强市建设", "MW 级PEM 电解槽"],
)
def test_fix_spacing_keeps_spaces_between_words(line):
    assert fix_spacing(line) == line


def test_join_lines_joins_chinese_without_spaces_and_latin_words_as_given():
    assert join_lines(["以“推动质量创新变革 促进质量", "强市建设”为主题"]) == "以“推动质量创新变革 促进质量强市建设”为主题"
    assert join_lines(["开展双向拉伸诱导e", "-PTFE 成孔机理"]) == "开展双向拉伸诱导e-PTFE 成孔机理"
    assert join_lines(["Hello world.", "This is English,", "and so on."]) == "Hello world. This is English, and so on."
    assert join_lines(["增长3.", "5%"]) == "增长3.5%"  # a number broken at its point stays one number
    assert join_lines(["IPC.", "质量"]) == "IPC.质量"
    assert join_lines(["word", "", "next"]) == "word next"  # (an empty piece between keeps the join)
    block = ["Quality", "first", "质量", "42", "7", "end."]
    assert join_lines(block) == "Quality first质量427 end."
    assert join_lines(block * 5000) == " ".join(["Quality first质量427 end."] * 5000)  # 30 000 lines at once


@pytest.mark.parametrize("text", ["成效显著。", "你好吗？", "“质量第一”。", "他说：“好。”", "等等……", "方案》。"])
def test_is_terminated_true(text):
    assert is_terminated(text)


@pytest.mark.parametrize("text", ["现场就《关于共同建", "质量强市", "支撑，", "发布《方案》", "如下："])
def test_is_terminated_false(text):
    assert not is_terminated(text)


def test_normalize_keeps_length_and_maps_full_width():
    text = "ＮＱＩ，２０２５年『好品山东』（试点）"
    norm = normalize(text)
    assert len(norm) == len(text)
    assert norm == "nqi,2025年“好品山东”(试点)"
    # an offset found in the normalized form points at the same thing in the displayed text
    start = norm.index("2025")
    assert text[start : start + 4] == "２０２５"


def _undouble_rule(line: str) -> str | None:
    """undouble's rule without its shortcuts: a greedy walk over pairs, at least 6, singles ≤ pairs/10."""
    s, out, pairs, singles, i = line.strip(), [], 0, 0, 0
    while i < len(s):
        double = i + 1 < len(s) and s[i] == s[i + 1]
        out.append(s[i])
        pairs, singles, i = pairs + double, singles + (not double), i + 1 + double
    return "".join(out) if len(s) >= 12 and pairs >= 6 and singles <= pairs // 10 else None


def test_undouble_shortcuts_reject_only_what_the_rule_rejects():
    import random

    rnd = random.Random(5)
    lines = []
    for _ in range(4000):
        text = "".join(rnd.choice("质量强链青岛，。") for _ in range(rnd.randrange(6, 80)))
        # doubled lines with a few single characters put anywhere, the start included
        doubled = "".join(ch * 2 if rnd.random() > rnd.choice((0.02, 0.06, 0.15)) else ch for ch in text)
        lines += [text, doubled, text[:3] + doubled]
    assert sum(_undouble_rule(line) is not None for line in lines) > 1000
    assert [undouble(line) for line in lines] == [_undouble_rule(line) for line in lines]


def test_is_terminated_is_the_pattern_read_from_the_end():
    import random
    import re

    pattern = re.compile(r"[。！？!?；;…]+[”’」』）)》〉】\"']*$|\.{3,}[”’」』）)\"']*$")
    rnd = random.Random(9)
    pieces = list("。！？!?；;….”’」』）)》〉】\"'质a ,") + ["...", "\u3000", "\n"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 7))) for _ in range(20000)]
    assert sum(map(is_terminated, texts)) > 2000
    assert [is_terminated(t) for t in texts] == [bool(pattern.search(t.rstrip())) for t in texts]


def test_a_headline_extracted_twice_over_is_undone():
    assert undouble("烟台：打造先进制造业强市烟台：打造先进制造业强市") == "烟台：打造先进制造业强市"
    assert undouble("质量强链质量强链") == "质量强链"
    assert undouble("好好学习") is None  # too short to tell from a reduplicated phrase
    assert undouble("质量强链 质量强链") is None  # (two words with a space between are the text's own)


def test_a_long_text_repeating_itself_is_no_headline_twice_over():
    assert undouble("青岛市市场监管局局长王建国说" * 8) is None
