"""A timeline exported as a chronology: each item with its source, in every format, from the CLI."""

import csv
import io
import json
import re
from datetime import date

import pytest

from qualitytui.cli import main
from qualitytui.core.citations import FORMATS, chronology

DOCS = {
    "a": {"title": "崂山区入选全国试点", "date": {"value": "2025", "inferred": True}, "byline": "青岛晚报记者 张译心",
          "path": "a.txt"},
    "b": {"title": "山东省质量强省建设", "date": {"value": "2023-05-01", "inferred": False}, "byline": "",
          "path": "b.html", "url": "https://example.org/b"},
}
TEXT = {"a#1": "崂山区发布《三年行动方案(2025-2027年)》。", "b#2": "去年，全省选树首席质量官。", "a#3": "到2025年底，打造试点10个。"}
ITEMS = [
    {"doc": "b", "passage": "b#2", "date_text": "去年", "start": "2022", "end": None, "kind": "event",
     "title": "去年，全省选树首席质量官", "inferred": True, "inference_note": "“去年” read against the article's date, 2023"},
    {"doc": "a", "passage": "a#1", "date_text": "2025-2027年", "start": "2025", "end": "2027", "kind": "plan_period",
     "title": "崂山区发布《三年行动方案(2025-2027年)》", "inferred": False, "inference_note": None},
    {"doc": "a", "passage": "a#3", "date_text": "2025年底", "start": "2025-12", "end": None, "kind": "target",
     "title": "到2025年底，打造试点10个", "inferred": False, "inference_note": None},
]


def export(fmt):
    return chronology(ITEMS, fmt, DOCS.get, TEXT.__getitem__, "Timeline: 测试", date(2026, 12, 3))


def test_json_and_csv_have_a_row_per_item_with_its_source_and_passage():
    rows = json.loads(export("json"))
    assert [(r["n"], r["start"], r["end"], r["kind"], r["when"]) for r in rows] == [
        (1, "2022", "", "event", "去年"), (2, "2025", "2027", "plan_period", "2025-2027年"), (3, "2025-12", "", "target", "2025年底")]
    assert rows[0]["inferred"] and "2023" in rows[0]["inference_note"] and not rows[1]["inferred"]
    assert [r["quote"] for r in rows] == [TEXT[i["passage"]] for i in ITEMS]
    assert (rows[0]["title"], rows[0]["url"], rows[1]["title"], rows[1]["source"]) == (
        "山东省质量强省建设", "https://example.org/b", "崂山区入选全国试点", "青岛晚报记者 张译心")
    table = list(csv.DictReader(io.StringIO(export("csv"))))
    assert [r["what"] for r in table] == [i["title"] for i in ITEMS] and table[2]["passage"] == "a#3"
    assert list(table[0])[:6] == ["n", "start", "end", "kind", "when", "what"]


def test_markdown_gives_each_item_its_dates_citation_and_passage():
    md = export("md")
    assert md.startswith("# Timeline: 测试\n")
    first = md[md.index("\n1. "):md.index("\n2. ")]
    assert "**2022** 去年 (event; inferred: “去年” read against the article's date, 2023): 去年，全省选树首席质量官" in first
    assert "《山东省质量强省建设》" in first and "<https://example.org/b>" in first and "> 去年，全省选树首席质量官。" in first
    assert "**2025 – 2027** 2025-2027年 (plan period)" in md and "2025 (inferred)" in md


def test_gbt_numbers_each_item_to_its_documents_reference():
    lines = export("gbt").splitlines()
    assert lines[0] == "Timeline: 测试"
    items = [line for line in lines if re.match(r"\d{4}", line)]
    assert items == ["2022（去年，事件，推断）：去年，全省选树首席质量官[1]",
                     "2025—2027（2025-2027年，规划期）：崂山区发布《三年行动方案(2025-2027年)》[2]",
                     "2025-12（2025年底，目标）：到2025年底，打造试点10个[2]"]  # one document, one number
    refs = lines[lines.index("参考文献") + 2:]
    assert len(refs) == 2 and refs[0].startswith("[1] 山东省质量强省建设[EB/OL]. ") and "[2026-12-03]" in refs[0]
    assert refs[1] == "[2] 张译心. 崂山区入选全国试点[N]. 青岛晚报, 2025(推断)."


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        export("docx")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_timeline_command_cites_the_items_it_keeps(tmp_path, capsys, fmt):
    base = ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c")]
    assert main([*base, "timeline", "2025", "target", "--json"]) == 0
    kept = json.loads(capsys.readouterr().out)
    assert main([*base, "timeline", "2025", "target", "--cite", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert [(r["passage"], r["what"]) for r in json.loads(out)] == [(i["passage"], i["title"]) for i in kept]
    elif fmt == "csv":
        assert [r["passage"] for r in csv.DictReader(io.StringIO(out))] == [i["passage"] for i in kept]
    else:
        assert "Timeline: 2025 target" in out.splitlines()[0] and all(" ".join(i["title"].split()) in out for i in kept)
    assert main([*base, "timeline", "--cite", fmt, "--json"]) == 2
