"""The timeline filter: kinds, years, words (any character form, pinyin), entities, one document, together."""

import json

from qualitytui.cli import main
from qualitytui.core.timeline_filter import TimelineItems, entity_term, kind_of, parse


def item(doc, kind, start, end, title, date_text, passage=None):
    return {"doc": doc, "kind": kind, "start": start, "end": end, "title": title, "date_text": date_text,
            "passage": passage or f"{doc}#{len(title) % 7}"}


ITEMS = [
    item("a", "event", "2022-09-28", None, "青岛市2022年质量月主题活动举行", "9月28日"),
    item("a", "plan_period", "2025", "2027", "发布《崂山区质量强县培育建设三年行动方案》", "2025-2027年"),
    item("b", "target", "2025-12", None, "到2025年底，全省打造试点项目10个", "2025年底"),
    item("b", "statistic_period", "2024", None, "2024年，全市规上工业增加值增长", "2024年"),
    item("c", "event", "2023-03-05", None, "济南市召开大会", "2023年3月5日"),
]
TITLES = {"a": "崂山区入选全国试点", "b": "山东省质量强省建设", "c": "济南新闻"}


def kept(text, doc=None):
    return TimelineItems(ITEMS, TITLES).keep(parse(text, doc))


def test_kind_words_name_a_kind_by_its_start():
    assert [kind_of(w) for w in ("plan", "target", "event", "stat", "statistic_period", "PLAN", "pl", "质量")] == [
        "plan_period", "target", "event", "statistic_period", "statistic_period", "plan_period", None, None]
    assert kept("plan") == [1] and kept("target") == [2]
    assert kept("plan target") == [1, 2]  # several kinds: any of them


def test_a_year_keeps_the_items_whose_dates_reach_into_it():
    assert kept("2026") == [1]  # inside 2025—2027
    assert kept("2025") == [1, 2]
    assert kept("2025 target") == [2]  # every word holds
    assert kept("2025 AND target") == [2] and kept("质量 and") == []  # AND in capitals adds nothing; "and" is a word
    assert kept("1999") == []


def test_years_keep_the_items_whose_dates_reach_into_any_of_them():
    assert kept("2023..2024") == [3, 4] and kept("2024..2023") == [3, 4]
    assert kept("2026..2030") == [1] and kept("2026—2030") == [1] and kept("2026-2030") == [1]
    assert kept("2024..") == [1, 2, 3] and kept("..2022") == [0]
    assert kept("2023..2025 target") == [2]
    assert kept("1400") == [] and kept("1400..1500") == []  # a count, not a year: a word in no item
    assert parse("2025年").years == ((2025, 2025),)


def test_words_match_the_date_title_or_document_title_in_any_form():
    assert kept("行动方案") == [1]
    assert kept("行動方案") == [1]  # traditional characters
    assert kept("laoshan") == [0, 1]  # pinyin: 崂山 in the title, or in the document's title
    assert kept("济南") == [4] and kept("jinan") == [4]
    assert kept("9月28日") == [0]
    assert kept("质量 b") == []  # a word in no item
    assert kept("") == list(range(len(ITEMS))) and parse("").empty


def test_a_last_syllable_being_typed_is_also_the_start_of_a_longer_one():
    # zhiliang typed letter by letter: zhili and zhilia (zhi-li, zhi-lia are syllables) keep 质量
    assert [kept(w) for w in ("zhil", "zhili", "zhilia", "zhiliang")] == [[0, 1, 2, 3]] * 4
    assert kept("zhili ") == [] and kept("zhili 2025") == []  # typed to its end: 质量 is not zhi-li
    assert kept("qingdaoshi") == [0]  # a syllable with no longer one (shi): as before


def test_one_documents_items():
    assert kept("", "b") == [2, 3]
    assert kept("2024", "b") == [3]
    assert kept("", "z") == []


def test_the_timeline_command_filters(tmp_path, capsys):
    base = ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c")]
    assert main([*base, "timeline", "--json"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert main([*base, "timeline", "2025", "target", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    want = [i for i in everything if i["kind"] == "target" and int(i["start"][:4]) <= 2025 <= int((i["end"] or i["start"])[:4])]
    assert got == want and want
    doc = everything[0]["doc"]
    assert main([*base, "timeline", "--doc", doc[:3], "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [i for i in everything if i["doc"] == doc]
    assert main([*base, "timeline", "--doc", "nope"]) == 1
    assert "unknown document" in capsys.readouterr().err


def test_the_entities_command_keeps_one_documents(tmp_path, capsys):
    base = ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c")]
    assert main([*base, "entities", "--json"]) == 0
    everything = json.loads(capsys.readouterr().out)
    doc = everything[0]["mentions"][0]["doc"]
    assert main([*base, "entities", "--doc", doc[:3], "--type", "person", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    want = [e for e in everything if e["type"] == "person" and any(m["doc"] == doc for m in e["mentions"])]
    assert got == want and want


NAMED = {"崂山区": {ITEMS[1]["passage"], ITEMS[2]["passage"], "z#9"}, "高善武": {ITEMS[0]["passage"]}}


def test_an_entity_keeps_the_items_whose_passage_names_it():
    items = TimelineItems(ITEMS, TITLES, NAMED.get)
    assert items.keep(parse("entity:崂山区")) == [1, 2]
    assert items.keep(parse("entity:高善武 event")) == [0]
    assert items.keep(parse("entity:高善武 plan")) == []  # with every other word
    assert items.keep(parse("ENTITY:无此人")) == [] and items.unknown_entities(parse("entity:无此人 2025")) == ["无此人"]
    assert items.unknown_entities(parse("entity:崂山区")) == []
    assert not parse("entity:崂山区").empty and parse("entity:崂山区").words == ()


def test_an_entity_name_with_spaces_is_typed_in_quotes():
    assert entity_term("潮生活 夜城阳") == 'entity:"潮生活 夜城阳"' and entity_term("崂山区") == "entity:崂山区"
    flt = parse(entity_term("潮生活 夜城阳") + " 2025")
    assert flt.entities == ("潮生活 夜城阳",) and flt.years == ((2025, 2025),)
    assert parse('entity:"潮生活').entities == ("潮生活",)  # (still being typed)
    assert parse("entity:").entities == ()
    assert parse(entity_term('“好品” "山东" 品牌') + " plan").entities == ('“好品” "山东" 品牌',)  # quotes doubled, as in search


def test_the_timeline_command_keeps_an_entitys_items(tmp_path, capsys):
    base = ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c")]
    assert main([*base, "entities", "--json"]) == 0
    entity = next(e for e in json.loads(capsys.readouterr().out) if e["name"] == "高善武")
    passages = {m["passage"] for m in entity["mentions"]}
    assert main([*base, "timeline", "--json"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert main([*base, "timeline", "entity:高善武", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got == [i for i in everything if i["passage"] in passages] and got
    assert main([*base, "timeline", "entity:无此人"]) == 1
    assert "no entity named '无此人'" in capsys.readouterr().err


def test_a_word_after_a_dash_or_not_leaves_out_what_it_would_keep():
    every = list(range(len(ITEMS)))
    assert kept("-target") == [0, 1, 3, 4] and kept("NOT target") == kept("-target")
    assert kept("-2025") == [0, 3, 4] and kept("-2023..2025") == [0]
    assert kept("-laoshan") == [2, 3, 4] and kept("-行動方案") == [0, 2, 3, 4]  # pinyin, traditional: as kept
    assert kept("2025 -target") == [1] and kept("-target -event") == [1, 3]  # each word left out drops its own
    assert kept("-") == every and kept("质量 -") == kept("质量")  # a dash alone: the word is still to come
    assert kept("-zhili") == every  # left out, a word reads as typed to its end: zhi-li (治理) is in no item
    items = TimelineItems(ITEMS, TITLES, NAMED.get)
    assert items.keep(parse("-entity:崂山区")) == [0, 3, 4] and items.keep(parse('NOT entity:"崂山区"')) == [0, 3, 4]
    assert items.unknown_entities(parse("-entity:无此人")) == ["无此人"]
    assert not parse("-target").empty


def test_the_timeline_command_leaves_out_words_after_a_dash(tmp_path, capsys):
    base = ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c")]
    assert main([*base, "timeline", "--json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert main([*base, "timeline", "-target", "NOT", "2022", "--json"]) == 0  # (-target is no option)
    got = json.loads(capsys.readouterr().out)
    want = [i for i in every if i["kind"] != "target" and not (i["start"][:4] <= "2022" <= (i["end"] or i["start"])[:4])]
    assert got == want and 0 < len(want) < len(every)


def test_the_entities_command_keeps_those_named_as_the_sidebars_filter_does(tmp_path, capsys):
    base = ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c")]
    assert main([*base, "entities", "--json"]) == 0
    everything = json.loads(capsys.readouterr().out)

    def names(*argv):
        assert main([*base, "entities", *argv, "--json"]) == 0
        return [e["name"] for e in json.loads(capsys.readouterr().out)]

    holding = [e["name"] for e in everything if any("青岛" in n for n in [e["name"], *e["aliases"]])]
    assert names("青岛") == holding and len(holding) > 5  # by name or alias, in the list's order
    assert names("青島", "--type", "company") == [n for n in holding if any(
        e["name"] == n and e["type"] == "company" for e in everything)]
    assert names("qingpi") == ["青岛啤酒"] and names("gsw") == ["高善武"]  # pinyin: an alias's, initials
    assert names("无此名") == []
    got = [e for e in everything if e["name"] == "高善武"]
    assert main([*base, "entities", "gsw", "--json"]) == 0 and json.loads(capsys.readouterr().out) == got  # mentions too
    assert main([*base, "entities", "gsw"]) == 0 and "高善武" in capsys.readouterr().out
