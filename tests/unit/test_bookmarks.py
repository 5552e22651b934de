"""Bookmarks: re-anchoring after the corpus changes, exports, and the `bookmarks` commands."""

import csv
import io
import json

import pytest

from qualitytui.cli import main
from qualitytui.core.bookmarks import Bookmarks, export, passage_hash
from qualitytui.core.user_store import UserStore
from qualitytui.paths import BUILTIN_FOLDER

DOC = ["标题：质量强市", "第一段讲青岛市质量月活动的安排。", "第二段讲崂山区入选全国首批质量强县培育建设创新试点。", "第三段讲目标。"]


def passages(texts, doc="d"):
    return [{"doc": doc, "id": f"{doc}#{i}", "text": t} for i, t in enumerate(texts)]


def marks(tmp_path):
    return Bookmarks(UserStore(tmp_path / "user.json"))


def test_reanchors_by_hash_after_a_paragraph_is_inserted_at_the_top(tmp_path):
    m = marks(tmp_path)
    b = m.add(passages(DOC)[2], "崂山")
    moved = passages(["新加的导语。"] + DOC)
    [after] = m.reanchor(lambda doc: moved)
    assert after["passage"] == "d#3" and after["anchored"] and after["note"] == "崂山"
    assert Bookmarks(UserStore(tmp_path / "user.json")).all()[0]["passage"] == "d#3"  # saved
    assert after["id"] == b["id"]


def test_reanchors_by_closest_quote_after_a_slight_edit(tmp_path):
    m = marks(tmp_path)
    m.add(passages(DOC)[2])
    edited = DOC[:2] + ["第二段讲崂山区入选了全国首批质量强县（区）培育建设创新试点。"] + DOC[3:]
    [after] = m.reanchor(lambda doc: passages(["导语"] + edited))
    assert after["passage"] == "d#3" and after["anchored"]
    assert after["hash"] == passage_hash(edited[2])


def test_a_bookmark_whose_passage_is_gone_stays_unanchored_with_its_quote(tmp_path):
    m = marks(tmp_path)
    m.add(passages(DOC)[2], "keep me")
    [after] = m.reanchor(lambda doc: passages(["完全不同的内容。", "另一段。"]))
    assert after["anchored"] is False and after["quote"] == DOC[2] and after["note"] == "keep me"
    [gone] = m.reanchor(lambda doc: [])  # the whole document removed
    assert gone["anchored"] is False
    [back] = m.reanchor(lambda doc: passages(DOC))  # and back again
    assert back["anchored"] and back["passage"] == "d#2"


def test_a_bookmark_made_in_another_folder_is_left_as_it_is_and_cited_as_it_was(tmp_path):
    doc = {"title": "甲文", "byline": "记者 孙晶", "path": "d.txt", "date": {"value": "2022-09-29", "inferred": True}}
    a = Bookmarks(UserStore(tmp_path / "user.json"), "/corpora/a")
    made = a.add(passages(DOC)[2], "崂山", doc=doc)
    assert made["folder"] == "/corpora/a" and made["source"]["title"] == "甲文"
    b = Bookmarks(UserStore(tmp_path / "user.json"), "/corpora/b")
    other = passages(["另一个文件夹的标题", "乙文第一段。", "乙文第二段，讲别的事。"])  # the same ids, other texts
    [row] = b.reanchor(lambda d: other)
    assert row["elsewhere"] == "/corpora/a" and row["anchored"] and row["passage"] == "d#2"
    assert b.passages() == set() and b.for_passage("d#2") is None  # no ★ on b's own d#2
    assert a.all()[0]["anchored"] and a.passages() == {"d#2"}  # nothing written for it
    md = export([row], "md", lambda d: {"title": "乙文的标题"})
    assert "《甲文》, 记者 孙晶, 2022-09-29 (inferred). d.txt" in md and "乙文" not in md
    [row] = b.reanchor(lambda d: passages(["新标题"] + DOC))  # the very passage here too: it is b's now
    assert "elsewhere" not in row and row["folder"] == "/corpora/b" and row["passage"] == "d#3" and b.passages() == {"d#3"}
    frozen = UserStore(tmp_path / "frozen.json")  # a store that cannot be written: the same rows, made in memory
    Bookmarks(frozen, "/corpora/a").add(passages(DOC)[2], doc=doc)
    frozen.read_only = "not writable (the test's)"
    seen = Bookmarks(frozen, "/corpora/b")
    [row] = seen.reanchor(lambda d: other)
    assert row["elsewhere"] == "/corpora/a" and row["passage"] == "d#2"
    [row] = seen.reanchor(lambda d: passages(["新标题"] + DOC))
    assert "elsewhere" not in row and row["folder"] == "/corpora/b" and row["passage"] == "d#3"
    legacy = Bookmarks(UserStore(tmp_path / "old.json"))  # made before bookmarks kept their folder
    legacy.add(passages(DOC)[2])
    [row] = Bookmarks(UserStore(tmp_path / "old.json"), "/corpora/b").reanchor(lambda d: other)
    assert row["anchored"] is False and "elsewhere" not in row


def test_update_and_remove(tmp_path):
    m = marks(tmp_path)
    b = m.add(passages(DOC)[1])
    m.update(b["id"], note="新的备注", tags=["质量月，2022", "质量月"])
    got = m.get(b["id"][:7])
    assert got["note"] == "新的备注" and got["tags"] == ["质量月", "2022"]
    m.remove(b["id"])
    assert m.all() == []


def test_exports_carry_the_citation(tmp_path):
    m = marks(tmp_path)
    m.add(passages(DOC)[1], note="活动", tags=["质量月"])
    doc = {"title": "这是一场城与质更热烈的双向奔赴", "byline": "记者 孙晶", "path": "d.txt",
           "date": {"value": "2022-09-29", "inferred": True}}
    rows = m.all()
    md = export(rows, "md", lambda d: doc)
    assert "《这是一场城与质更热烈的双向奔赴》, 记者 孙晶, 2022-09-29 (inferred)" in md
    assert f"> {DOC[1]}" in md and "Note: 活动" in md and "Tags: 质量月" in md
    [row] = json.loads(export(rows, "json", lambda d: doc))
    assert row["title"] == doc["title"] and row["quote"] == DOC[1] and row["tags"] == ["质量月"]
    [rec] = list(csv.DictReader(io.StringIO(export(rows, "csv", lambda d: doc))))
    assert rec["quote"] == DOC[1] and rec["date"] == "2022-09-29" and rec["tags"] == "质量月"


def test_passages_found_are_cited_in_the_order_given():
    from qualitytui.core.citations import passages as cited

    docs = {"a": {"title": "甲文", "byline": "记者 孙晶", "path": "a.txt", "date": {"value": "2025-03-20", "inferred": True}},
            "b": {"title": "乙文", "path": "sub/b.md", "date": None}}
    found = [{"doc": "b", "id": "b#3", "text": "质量强链\n  走深走实"}, {"doc": "a", "id": "a#1", "text": "青岛优品"},
             {"doc": "gone", "id": "gone#0", "text": "旧文"}]
    md = cited(found, "md", docs.get, "Search: 质量")
    assert md.startswith("# Search: 质量\n")
    assert md.index("1. 《乙文》, n.d. sub/b.md, passage b#3.") < md.index("2. 《甲文》, 记者 孙晶, 2025-03-20 (inferred). a.txt, passage a#1.")
    assert "   > 质量强链 走深走实" in md and "3. 《gone》, n.d. Passage gone#0." in md and "Note" not in md
    rows = json.loads(cited(found, "json", docs.get, "x"))
    assert [(r["rank"], r["passage"], r["quote"]) for r in rows] == [(1, "b#3", found[0]["text"]), (2, "a#1", "青岛优品"),
                                                                     (3, "gone#0", "旧文")]
    recs = list(csv.DictReader(io.StringIO(cited(found, "csv", docs.get, "x"))))
    assert list(recs[0]) == ["rank", "title", "date", "source", "path", "url", "passage", "quote"]
    assert recs[1]["title"] == "甲文" and recs[1]["source"] == "记者 孙晶" and recs[1]["date"] == "2025-03-20"


@pytest.mark.parametrize("byline, parts", [
    ("青岛晚报/观海新闻/掌上青岛首席记者 张译心", ("青岛晚报/观海新闻/掌上青岛", ["张译心"])),
    ("观海新闻/青报全媒体 记者 孙晶 王帅 徐歌 吴忠林", ("观海新闻/青报全媒体", ["孙晶", "王帅", "徐歌", "吴忠林"])),
    ("本版撰稿 观海新闻/青岛早报记者 刘鹏", ("观海新闻/青岛早报", ["刘鹏"])),
    ("大众日报记者 王伟 通讯员 刘洋", ("大众日报", ["王伟", "刘洋"])),
    ("王蕊 董京南", ("", ["王蕊", "董京南"])),
    ("", ("", [])),
])
def test_a_bylines_outlet_and_people(byline, parts):
    from qualitytui.core.citations import byline_parts

    assert byline_parts(byline) == parts


def test_a_gbt_7714_reference_list_by_kind_of_source():
    from datetime import date

    from qualitytui.core.citations import passages as cited

    docs = {
        "a": {"title": "甲文", "byline": "观海新闻/青报全媒体 记者 孙晶 王帅 徐歌 吴忠林",
              "date": {"value": "2022-09-29", "inferred": True}},
        "w": {"title": "乙文", "byline": "大众日报记者 王伟", "url": "https://example.cn/a.html",
              "date": {"value": "2025-03-06", "inferred": False}},
        "z": {"title": "丙文", "date": None},
        "g": {"title": "关于印发行动方案的通知", "byline": "青岛市人民政府办公厅", "date": {"value": "2025-03-05", "inferred": False}},
    }
    found = [{"doc": d, "id": f"{d}#1", "text": "质量强链\n 走深走实"} for d in ("a", "w", "z", "g")]
    from qualitytui.core.citations import table, source_fields

    rows = [{**source_fields(p["doc"], docs.get), "passage": p["id"], "quote": p["text"]} for p in found]
    text = table(rows, "gbt", "参考文献", [], today=date(2026, 12, 2))
    assert text.split("\n")[:9] == [
        "参考文献",
        "",
        "[1] 孙晶, 王帅, 徐歌, 等. 甲文[N]. 观海新闻/青报全媒体, 2022-09-29(推断).",  # a date the text suggests
        "    “质量强链 走深走实”（a#1）",
        "[2] 王伟. 乙文[EB/OL]. 大众日报, (2025-03-06)[2026-12-02]. https://example.cn/a.html.",  # cited today
        "    “质量强链 走深走实”（w#1）",
        "[3] 丙文[Z]. 出版日期不详.",
        "    “质量强链 走深走实”（z#1）",
        "[4] 青岛市人民政府办公厅. 关于印发行动方案的通知[Z]. 2025-03-05.",  # an official document, by its issuer
    ]
    assert cited(found, "gbt", docs.get, "x").startswith("x\n\n[1] 孙晶")
    md = cited(found, "md", docs.get, "x")
    assert "2. 《乙文》, 大众日报记者 王伟, 2025-03-06. Passage w#1. <https://example.cn/a.html>" in md  # (a date stated)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_add_list_export_remove_round_trip(capsys, tmp_path):
    code, out, _ = run(capsys, "bookmarks", "add", "001#3", "--note", "开幕", "--tag", "质量月", "--tag", "2022", "--json")
    assert code == 0
    b = json.loads(out)
    assert set(b) == {"id", "doc", "passage", "quote", "note", "tags", "created", "updated", "anchored", "folder"}
    assert b["passage"] == "001_8b5557aee29fe76b#3" and b["tags"] == ["质量月", "2022"] and b["anchored"]
    assert b["folder"] == BUILTIN_FOLDER  # (wherever the package is installed)
    code, out, _ = run(capsys, "bookmarks", "--json")
    assert code == 0 and [x["id"] for x in json.loads(out)] == [b["id"]]
    code, out, _ = run(capsys, "show", "001", "--json")
    text = json.loads(out)["passages"][3]["text"]
    assert b["quote"] == text
    code, out, _ = run(capsys, "bookmarks", "export", "--format", "md")
    assert code == 0 and "《这是一场城与质更热烈的双向奔赴》" in out and text in out
    target = tmp_path / "out.csv"
    code, _, err = run(capsys, "bookmarks", "export", "--format", "csv", "-o", str(target))
    assert code == 0 and "1 bookmark written" in err and text in target.read_text(encoding="utf-8")
    code, _, err = run(capsys, "bookmarks", "export", "--format", "csv", "-o", str(target / "x.csv"))  # a file in the way
    assert code == 1 and err.strip() == f"qualitytui: cannot write {target / 'x.csv'}: the output folder {target} " \
                                         "cannot be created (a file is in the way)"
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("别的标题\n\n别的文章的正文。\n", encoding="utf-8")
    code, out, _ = run(capsys, "--corpus", str(other), "bookmarks")  # listed from another folder: where it is
    assert code == 0 and f"#3 (in {BUILTIN_FOLDER})" in out
    code, out, _ = run(capsys, "--corpus", str(other), "bookmarks", "export", "--format", "md")
    assert code == 0 and "《这是一场城与质更热烈的双向奔赴》" in out  # cited as it was bookmarked
    code, out, _ = run(capsys, "bookmarks", "remove", b["id"])
    assert code == 0
    assert json.loads(run(capsys, "bookmarks", "--json")[1]) == []


def test_cli_errors_are_one_line(capsys):
    for argv, code in ((["bookmarks", "add", "001#999"], 1), (["bookmarks", "add", "nonsense"], 2),
                       (["bookmarks", "remove", "bm-nothere"], 1), (["bookmarks", "export", "--format", "pdf"], 2)):
        got, out, err = run_safely(capsys, argv)
        assert got == code, argv
        assert "Traceback" not in err and err.strip().splitlines()[-1].startswith("qualitytui")
        if code == 1:
            assert err.count("\n") == 1  # one line


def run_safely(capsys, argv):
    try:
        code = main(argv)
    except SystemExit as e:  # argparse's usage errors
        code = e.code
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_reanchors_after_the_file_changes(capsys, seeds_copy):
    code, out, _ = run(capsys, "--corpus", str(seeds_copy), "bookmarks", "add", "004#5", "--json")
    b = json.loads(out)
    f = seeds_copy / "004_e0fac6992d39068e.txt"
    lines = f.read_text(encoding="utf-8").split("\n")
    # a new paragraph after the headline block: every later passage moves down by one
    at = next(i for i, line in enumerate(lines) if b["quote"][:10] in line)
    lines.insert(at, "编者按：这是新加的一段导语，用来说明本文的背景。\n")
    f.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = run(capsys, "--corpus", str(seeds_copy), "bookmarks", "--json")
    [after] = json.loads(out)
    assert after["anchored"] and after["passage"] != b["passage"]
    code, out, _ = run(capsys, "--corpus", str(seeds_copy), "show", "004", "--json")
    shown = {p["id"]: p["text"] for p in json.loads(out)["passages"]}
    assert shown[after["passage"]] == b["quote"]


def test_citation_names_title_source_date_and_passage():
    p = {"doc": "d", "id": "d#1", "text": "第一段讲青岛市\n质量月活动。"}
    doc = {"title": "标题", "byline": "记者 孙晶", "path": "d.txt", "date": {"value": "2022-09-29", "inferred": True}}
    from qualitytui.core.bookmarks import citation

    assert citation(p, doc) == "“第一段讲青岛市 质量月活动。”\n— 《标题》, 记者 孙晶, 2022-09-29 (inferred). d.txt, passage d#1.\n"
    assert citation(p, {**doc, "url": "https://a.cn/1.html"}).endswith("passage d#1. <https://a.cn/1.html>\n")
    # undated, with no file: no doubled full stop, no empty place before the passage
    assert citation(p, {"title": "标题", "date": None}) == "“第一段讲青岛市 质量月活动。”\n— 《标题》, n.d. Passage d#1.\n"


def test_matching_filters_by_tag_note_quote_and_title_folded():
    from qualitytui.core.bookmarks import matching

    rows = [{"doc": "a", "quote": "質量強鏈", "note": "", "tags": ["链"]},
            {"doc": "b", "quote": "别的", "note": "Note", "tags": ["质量月"]}]
    titles = {"a": "标题甲", "b": "标题乙"}
    assert [r["doc"] for r in matching(rows, "质量强链", titles)] == ["a"]  # traditional folded
    assert [r["doc"] for r in matching(rows, "质量月 note", titles)] == ["b"]
    assert [r["doc"] for r in matching(rows, "标题乙", titles)] == ["b"]
    assert len(matching(rows, "  ", titles)) == 2 and matching(rows, "无此词", titles) == []
    # as the other filter boxes: pinyin (the last syllable perhaps still typed), words left out
    assert [r["doc"] for r in matching(rows, "zhiliangyue", titles)] == ["b"]
    assert [r["doc"] for r in matching(rows, "zhili", titles)] == ["a", "b"] and matching(rows, "zhili ", titles) == []
    assert [r["doc"] for r in matching(rows, "-质量月", titles)] == ["a"] == [r["doc"] for r in matching(rows, "NOT note", titles)]
    assert matching(rows, "别的note", titles) == []  # no word across the quote and the note


def test_counts_in_messages_agree_with_their_number():
    from qualitytui.core.wording import counted

    assert [counted(n, "bookmark") for n in (0, 1, 2)] == ["0 bookmarks", "1 bookmark", "2 bookmarks"]
    assert counted(1, "dated item") == "1 dated item"


def test_cli_follows_a_bookmark_to_its_renamed_file_and_keeps_it_when_the_file_is_gone(capsys, seeds_copy):
    code, out, _ = run(capsys, "--corpus", str(seeds_copy), "bookmarks", "add", "004#5", "--note", "留着", "--json")
    b = json.loads(out)
    f = seeds_copy / "004_e0fac6992d39068e.txt"
    (seeds_copy / "2023").mkdir()
    f.rename(seeds_copy / "2023" / "质量强省.txt")  # moved and renamed: another document id
    code, out, _ = run(capsys, "--corpus", str(seeds_copy), "bookmarks", "--json")
    [after] = json.loads(out)
    assert after["anchored"] and after["doc"] == "2023/质量强省" and after["passage"] == "2023/质量强省#5"
    assert after["quote"] == b["quote"] and after["note"] == "留着"
    code, out, _ = run(capsys, "--corpus", str(seeds_copy), "show", "2023/质量强省", "--json")
    assert {p["id"]: p["text"] for p in json.loads(out)["passages"]}[after["passage"]] == b["quote"]
    (seeds_copy / "2023" / "质量强省.txt").unlink()  # and gone: kept, unanchored, with its quote
    code, out, _ = run(capsys, "--corpus", str(seeds_copy), "bookmarks", "--json")
    [gone] = json.loads(out)
    assert code == 0 and gone["anchored"] is False and gone["quote"] == b["quote"] and gone["note"] == "留着"


def test_a_bookmark_is_looked_for_elsewhere_only_when_its_document_is_gone(tmp_path):
    m = marks(tmp_path)
    m.add(passages(DOC)[2])
    other = [{"doc": "e", "id": "e#0", "kind": "body", "text": DOC[2]}]
    asked = []

    def starting(text):
        asked.append(text)
        return other

    [kept] = m.reanchor(lambda doc: passages(["完全不同的内容。"]), starting)  # its document is there, edited
    assert kept["anchored"] is False and not asked
    [moved] = m.reanchor(lambda doc: [], starting)
    assert moved["anchored"] and moved["doc"] == "e" and moved["passage"] == "e#0" and asked == [DOC[2][:24]]
