"""The command line's tables and JSON: aligned by display width, cut only on a terminal, quick."""

import json

from rich.cells import cell_len

from qualitytui.cli import main
from qualitytui.cli_table import render

ROWS = [["place", "青岛市", 48, "青岛"], ["policy_document", "质量强国建设纲要", 2, ""], ["company", "Haier 海尔", 7, "海尔集团、海尔智家"]]
COLUMNS = ["type", "name", "count", "aliases"]


def test_columns_line_up_by_display_width_with_numbers_on_the_right():
    lines = render(COLUMNS, ROWS, right=["count"])
    assert len(lines) == 4 and lines[0].split() == COLUMNS
    # a Chinese character takes two cells: every row's count column ends at the same cell
    ends = [cell_len(line[: line.index(str(row[2])) + len(str(row[2]))]) for line, row in zip(lines[1:], ROWS)]
    assert len(set(ends)) == 1
    assert cell_len(lines[0][: lines[0].index("count") + len("count")]) == ends[0]
    assert all(line == line.rstrip() for line in lines)  # no trailing spaces, empty last cell or not


def test_into_a_pipe_every_value_goes_whole_on_one_line():
    long = "关于加强和改进新时代城阳人才工作引领高质量发展的若干政策" * 3
    lines = render(COLUMNS, ROWS + [["policy_document", long, 1, "a\nb\x1b[31m"]], right=["count"])
    assert len(lines) == 5 and long in lines[4]
    assert lines[4].endswith("a b␛[31m")  # a newline in a cell is a space; control characters are shown


def test_on_a_terminal_the_flexible_columns_are_cut_to_fit():
    long = "关于加强和改进新时代城阳人才工作引领高质量发展的若干政策"
    rows = ROWS + [["policy_document", long, 1, "、".join([long] * 3)]]
    whole = render(COLUMNS, rows, right=["count"])
    assert max(map(cell_len, whole)) > 100
    for width in (100, 60, 42):  # (42: the fixed columns and gaps, 26, and each flexible one at its floor, 8)
        lines = render(COLUMNS, rows, right=["count"], flexible=["name", "aliases"], width=width)
        assert max(map(cell_len, lines)) <= width, width
        assert "…" in lines[4] and lines[4].startswith("policy_document")
        assert [line.split()[0] for line in lines] == [line.split()[0] for line in whole]  # fixed columns whole
    # the widest flexible column gives way first: with room to spare, the short names stay whole
    lines = render(COLUMNS, rows, right=["count"], flexible=["name", "aliases"], width=150)
    assert long in lines[4] and "…" in lines[4]


def test_a_table_too_wide_for_its_fixed_columns_is_left_to_wrap():
    lines = render(["id", "title"], [["x" * 50, "标题" * 10]], flexible=["title"], width=30)
    assert lines[1].startswith("x" * 50) and "…" in lines[1]


def test_json_output_is_the_json_module_s_indented_utf8(capsys):
    from qualitytui.core.corpus import Corpus
    from qualitytui.paths import Paths

    corpus = Corpus.open(Paths.resolve())
    for argv, value in ((["entities", "--json"], corpus.entities(None)), (["timeline", "--json"], corpus.timeline()),
                        (["docs", "--json"], corpus.documents())):
        assert main(argv) == 0
        assert capsys.readouterr().out == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_json_output_with_a_lone_surrogate_is_still_json(capsys):
    assert main(["search", "--json", "\udcff质量"]) in (0, 1)
    out = capsys.readouterr().out
    assert json.loads(out)["query"] == "\udcff质量"


def test_print_table_cuts_to_the_terminal_and_bolds_the_heading_there_only(monkeypatch, capsys):
    import os
    import shutil
    import sys

    from qualitytui.cli_table import print_table

    rows = [["policy_document", "关于加强和改进新时代城阳人才工作引领高质量发展的若干政策", 1, ""]]
    monkeypatch.setattr(shutil, "get_terminal_size", lambda: os.terminal_size((50, 20)))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    print_table(COLUMNS, rows, right=["count"], flexible=["name", "aliases"])
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("\x1b[1m") and out[0].endswith("\x1b[0m")
    assert cell_len(out[1]) <= 50 and "…" in out[1]
    monkeypatch.setenv("NO_COLOR", "1")
    print_table(COLUMNS, rows, right=["count"], flexible=["name", "aliases"])
    assert "\x1b" not in capsys.readouterr().out
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)  # into a pipe: whole, plain
    print_table(COLUMNS, rows, right=["count"], flexible=["name", "aliases"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and rows[0][1] in out
