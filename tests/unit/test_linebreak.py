"""Chinese line breaking: by display width, no closing punctuation at a line start, no opening at an end."""

import random

import pytest

from qualitytui.core.linebreak import CLOSING, OPENING, display_width, wrap

TEXT = "青岛市市场监管局局长高善武介绍，“好品山东”品牌建设取得成效。《山东省质量强省建设纲要》发布了！2025—2027年，NQI服务平台上线。"


def lines(text, width, first=None):
    return [text[s:e] for s, e in wrap(text, width, first)]


@pytest.mark.parametrize("width", range(6, 40))
def test_rules_hold_at_every_width(width):
    out = lines(TEXT, width)
    assert "".join(out) == TEXT  # nothing lost, nothing repeated
    for line in out:
        assert display_width(line) <= width
    for line in out[1:]:
        assert line[0] not in CLOSING, (width, out)
    for line in out[:-1]:
        assert line[-1] not in OPENING, (width, out)


def test_a_comma_pulls_the_character_before_it_down():
    # 8 cells fit 甲乙丙丁; the comma may not start the next line, so 丁 goes down with it
    assert lines("甲乙丙丁，戊己", 8) == ["甲乙丙", "丁，戊己"]


def test_an_opening_quote_goes_down_with_what_it_opens():
    assert lines("甲乙丙“丁戊”己", 8) == ["甲乙丙", "“丁戊”己"]


def test_latin_words_and_numbers_are_not_cut():
    assert lines("甲乙 2025年 NQI平台", 7) == ["甲乙 ", "2025年 ", "NQI平台"]
    assert lines("abcdefghij", 4) == ["abcd", "efgh", "ij"]  # wider than a line: cut where it overflows


def test_newlines_end_lines_and_first_line_may_be_narrower():
    assert lines("甲乙\n丙丁", 10) == ["甲乙", "丙丁"]
    assert lines("甲乙丙丁戊己", 6, first=4) == ["甲乙", "丙丁戊", "己"]


def test_random_text_keeps_every_character_and_the_width():
    rng = random.Random(3)
    alphabet = "质量强省建设青岛市，。、“”《》（）！ab12 "
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        width = rng.randint(4, 30)
        spans = wrap(text, width)
        covered = "".join(text[s:e] for s, e in spans)
        assert covered.replace(" ", "") == text.replace(" ", "")  # only spaces at soft breaks drop out
        assert all(display_width(text[s:e]) <= width for s, e in spans)


def test_estimated_width_is_exact_for_chinese_and_ascii_and_close_otherwise():
    from qualitytui.core.linebreak import estimated_width

    for text in ("质量强链，推进《青岛优品》。", "Quality 2024", "崂山区 NQI 平台（一站式）", ""):
        assert estimated_width(text) == display_width(text)
    assert estimated_width("“青岛优品”") == display_width("“青岛优品”") + 2  # “ ” are one cell, three bytes
    assert estimated_width("качество") == display_width("качество") + 4  # two bytes, one cell
