"""Search: each query form, pinyin alignment, traditional input, filters, ranking, bad queries, JSON."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from qualitytui.cli import main
from qualitytui.core.corpus import Corpus
from qualitytui.core.query import parse
from qualitytui.paths import Paths

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from markdown_items import list_items  # noqa: E402


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    return Corpus.open(Paths.resolve(None, str(tmp_path_factory.mktemp("data")), str(cache)))


def small(tmp_path, files: dict[str, str]) -> Corpus:
    root = tmp_path / "small"
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return Corpus.open(Paths.resolve(str(root), str(tmp_path / "d"), str(tmp_path / "c")))


def passages_with(corpus: Corpus, *needles: str) -> set[str]:
    """Plain scan, independent of the index: passages whose text holds every needle."""
    return {p["id"] for d in corpus.documents() for p in corpus.passages(d["id"]) if all(n in p["text"] for n in needles)}


def hit_ids(result) -> list[str]:
    return [h.passage for h in result.hits]


@pytest.mark.parametrize("word", ["质量强链", "强链", "好品山东", "链主", "NQI", "2025"])
def test_words_are_found_however_the_segmenter_cut_them(seeds, word):
    r = seeds.search(word, limit=None)
    expected = passages_with(seeds, word)
    assert expected and set(hit_ids(r)) == expected and r.total == len(expected)


def test_matches_are_offsets_into_the_passage_text(seeds):
    for h in seeds.search("质量强链", limit=None).hits:
        text = seeds.passages(h.doc)[int(h.passage.split("#")[1])]["text"]
        assert h.matches and all(text[s:e] == "质量强链" for s, e in h.matches)
        assert len(h.matches) == text.count("质量强链")


def test_case_full_width_and_traditional_forms_find_the_same(seeds):
    base = hit_ids(seeds.search("NQI", limit=None))
    assert base == hit_ids(seeds.search("nqi", limit=None)) == hit_ids(seeds.search("ＮＱＩ", limit=None))
    simplified = hit_ids(seeds.search("质量强链", limit=None))
    assert simplified and hit_ids(seeds.search("質量強鏈", limit=None)) == simplified


def test_pinyin_whole_syllables_and_initials(seeds):
    laoshan = set(hit_ids(seeds.search("laoshan", limit=None)))
    assert passages_with(seeds, "崂山") <= laoshan
    youpin = passages_with(seeds, "青岛优品")
    assert youpin <= set(hit_ids(seeds.search("qingdao youpin", limit=None)))
    assert youpin <= set(hit_ids(seeds.search("qdyp", limit=None)))
    h = seeds.search("qingdaoyoupin", limit=1).hits[0]
    text = seeds.passages(h.doc)[int(h.passage.split("#")[1])]["text"]
    assert any(text[s:e] in ("青岛优品", "『青岛优品") or "青岛优品" in text[s:e] for s, e in h.matches)


def test_pinyin_lines_up_with_syllables(tmp_path):
    c = small(tmp_path, {"a.txt": "标题一\n\n崂山区的茶园很美。\n", "b.txt": "标题二\n\n鞍山市的钢铁有名。\n"})
    got = {h.doc for h in c.search("anshan").hits}
    assert got == {"b"}  # 鞍山, never 崂山 (l-ao-sh-an)
    assert {h.doc for h in c.search("laoshan").hits} == {"a"}
    assert c.search("aoshan").hits == []


def test_zero_width_characters_neither_hide_a_word_nor_spoil_a_query(tmp_path):
    c = small(tmp_path, {"a.txt": "标题一\n\n青\u200b岛市场监管局\u2060发布通知。\n", "b.txt": "标题二\n\n济南的消息。\n"})
    assert {h.doc for h in c.search("青岛市场监管局发布").hits} == {"a"}
    assert {h.doc for h in c.search("济\u200b南").hits} == {"b"}  # a query pasted from a web page


def test_pinyin_with_tone_marks_tone_numbers_or_apostrophes_reads_as_plain_pinyin(tmp_path):
    c = small(tmp_path, {"a.txt": "标题一\n\n西安的绿色发展。\n", "b.txt": "标题二\n\n先进的女性企业家。\n",
                         "c.txt": "标题三\n\n青岛的质量强市。\n"})
    assert {h.doc for h in c.search("qīngdǎo").hits} == {h.doc for h in c.search("Qīng Dǎo").hits} == {"c"}
    assert {h.doc for h in c.search("qing1dao3").hits} == {"c"} and {h.doc for h in c.search("zhìliàng qiáng").hits} == {"c"}
    assert {h.doc for h in c.search("lǜsè").hits} == {h.doc for h in c.search("lu:se").hits} == {"a"}  # ü, as v
    assert {h.doc for h in c.search("nǚxìng").hits} == {"b"}
    # a written break parts the syllables: xi'an and xi1an1 are 西安, xian1 is one syllable (先)
    assert {h.doc for h in c.search("xian").hits} == {"a", "b"}
    assert {h.doc for h in c.search("xī'ān").hits} == {h.doc for h in c.search("xi1an1").hits} == {"a"}
    assert {h.doc for h in c.search("xian1").hits} == {"b"}
    hit = c.search("qīngdǎo").hits[0]
    assert [c.passage(hit.passage)["text"][a:b] for a, b in hit.matches] == ["青岛"]  # marked as pinyin is
    assert parse("C919").terms[0].pinyin == () and parse("mp3").terms[0].pinyin == ()  # digits of a name, no tones


def test_pinyin_reads_characters_as_they_are_read_in_words(tmp_path):
    c = small(tmp_path, {"a.txt": "标题一\n\n全力推进质量强省建设。\n", "b.txt": "标题二\n\n打造质量强县示范标杆。\n",
                         "c.txt": "标题三\n\n银行支持小微企业。\n"})
    assert {h.doc for h in c.search("qiangxian").hits} == {"b"}  # 省's archaic xiǎn is not read
    assert {h.doc for h in c.search("qiangsheng").hits} == {"a"}
    assert {h.doc for h in c.search("yinhang").hits} == {"c"}  # a second reading in use is kept


def test_a_last_syllable_being_typed_finds_the_longer_ones_after_itself(tmp_path):
    c = small(tmp_path, {"a.txt": "质量提升\n\n全面提高产品质量水平。\n", "b.txt": "标题二\n\n创新社会治理方式。\n"})
    exact = c.search("zhili ")  # typed to its end: zhi-li only (治理)
    assert [h.doc for h in exact.hits] == ["b"]
    typing = c.search("zhili")  # on the way to zhiliang: 质量 too, after 治理, which keeps its score
    assert [h.doc for h in typing.hits] == ["b", "a", "a"]
    assert typing.hits[0].score == exact.hits[0].score
    assert [h.doc for h in c.search("zhilia").hits] == ["a", "a"]  # (zhi-lia finds nothing: 质量 in full)
    assert [h.doc for h in c.search("zhili tisheng").hits] == []  # a word before the last is typed to its end
    assert [h.doc for h in c.search("kind:body -zhili").hits] == ["a"]  # leaving out leaves out no more
    (tmp_path / "2").mkdir()
    c = small(tmp_path / "2", {"a.txt": "标题一\n\n青岛质量提升。\n", "b.txt": "标题二\n\n青岛推进基层社会治理。\n"})
    assert [h.doc for h in c.search("qingdao zhili").hits] == ["b", "a"]  # 青岛质量 standing together still after


def test_a_rare_reading_finds_its_character_and_ranks_below_the_usual_ones(tmp_path):
    c = small(tmp_path, {"a.txt": "标题一\n\n全力推进质量强省建设，强力推进。\n",
                         "b.txt": "标题二\n\n崂山质量奖评选结果公布，发放奖励。\n"})
    # 强 reads jiàng only in words such as 倔强: found by it, but after 奖 (jiǎng)
    assert [h.doc for h in c.search("zhiliangjiang").hits] == ["b", "a"]  # three syllables: read through a pattern
    assert [h.doc for h in c.search("jiangli").hits] == ["b", "a"]  # two: read from the bigrams
    assert [h.doc for h in c.search("qiangli").hits] == ["a"]


def test_phrase_exclusion_and_several_words(seeds):
    apart = set(hit_ids(seeds.search("质量 强链", limit=None)))
    together = set(hit_ids(seeds.search('"质量 强链"', limit=None)))
    assert together == passages_with(seeds, "质量强链") and together <= apart
    assert apart == passages_with(seeds, "质量", "强链")
    no_qd = seeds.search("质量 -青岛", limit=None)
    assert no_qd.total and all("青岛" not in seeds.passages(h.doc)[int(h.passage.split("#")[1])]["text"] for h in no_qd.hits)
    assert no_qd.total == len(passages_with(seeds, "质量") - passages_with(seeds, "青岛"))


def test_either_word_with_or(seeds):
    either = seeds.search("青岛 OR 济南", limit=None)
    assert set(hit_ids(either)) == passages_with(seeds, "青岛") | passages_with(seeds, "济南")
    assert set(hit_ids(seeds.search("青岛|济南", limit=None))) == set(hit_ids(either))
    both_kinds = seeds.search("laoshan OR 济南 品牌", limit=None)  # pinyin in an alternative; OR binds closer than AND
    assert set(hit_ids(both_kinds)) == (passages_with(seeds, "崂山") | passages_with(seeds, "济南")) & passages_with(seeds, "品牌")
    hit = next(h for h in either.hits if "济南" in seeds.passages(h.doc)[int(h.passage.split("#")[1])]["text"])
    text = seeds.passages(hit.doc)[int(hit.passage.split("#")[1])]["text"]
    assert "济南" in {text[s:e] for s, e in hit.matches}  # the alternative that matched is marked
    assert [t.text for t in parse("青岛 or 济南").terms] == ["青岛", "or", "济南"]  # OR in capitals only: "or" is a word
    docs = seeds.search("kind:title doc:000|001", limit=None)
    assert {h.doc[:3] for h in docs.hits} == {"000", "001"}


def test_and_and_not_in_capitals_read_as_in_other_search_boxes(seeds):
    both = set(hit_ids(seeds.search("質量 AND 嶗山", limit=None)))
    assert both and both == passages_with(seeds, "质量", "崂山")  # AND adds nothing: every word is needed anyway
    without = set(hit_ids(seeds.search("质量 NOT 青岛", limit=None)))
    assert without and without == set(hit_ids(seeds.search("质量 -青岛", limit=None)))
    assert set(hit_ids(seeds.search('质量 NOT "质量 强链"', limit=None))) == passages_with(seeds, "质量") - passages_with(
        seeds, "质量强链")
    neither = passages_with(seeds, "质量") - passages_with(seeds, "青岛") - passages_with(seeds, "济南")
    assert set(hit_ids(seeds.search("质量 NOT 青岛|济南", limit=None))) == neither
    assert set(hit_ids(seeds.search("质量 -青岛 OR 济南", limit=None))) == neither
    q = parse("青岛 OR 济南 AND 品牌 NOT 崂山")
    assert [t.text for t in q.terms] == ["青岛 OR 济南", "品牌"] and [t.text for t in q.excluded] == ["崂山"]
    assert [t.text for t in parse("quality and not").terms] == ["quality", "and", "not"]  # lower case: words
    assert parse("AND").problem and parse("质量 NOT").problem  # nothing to search for; NOT with nothing after it



def test_or_between_two_values_of_one_filter_and_brackets_around_alternatives(seeds):
    either = set(hit_ids(seeds.search("kind:heading|title", limit=None)))
    assert either and either == set(hit_ids(seeds.search("kind:heading OR kind:title", limit=None)))
    assert either == set(hit_ids(seeds.search("kind:heading|kind:title", limit=None)))
    docs = seeds.doc_ids()
    assert {h.doc for h in seeds.search(f"doc:{docs[0]} OR doc:{docs[1]}", limit=None).hits} == set(docs[:2])
    assert parse("kind:heading OR type:person").problem.startswith("OR takes either value of one filter")
    grouped = set(hit_ids(seeds.search("质量 (青岛 OR 济南)", limit=None)))
    assert grouped and grouped == set(hit_ids(seeds.search("质量 青岛 OR 济南", limit=None)))
    assert [t.text for t in parse("(青岛 OR 济南) 品牌").terms] == ["青岛 OR 济南", "品牌"]
    assert [t.text for t in parse("质量强县(区").terms] == ["质量强县(区"]  # a bracket in a word is the word's
    # half typed: an alternative still to come is said (the last hits stay), a bracket still open is no word
    assert parse("质量 OR").problem == parse("质量 (青岛 OR ").problem == "OR needs a word after it"
    assert [t.text for t in parse("质量 (青岛 OR 济").terms] == ["质量", "青岛 OR 济"]


def test_a_filter_left_out_keeps_the_passages_that_fail_it(seeds):
    quality = set(hit_ids(seeds.search("质量", limit=None)))
    docs = seeds.doc_ids()
    in_first = set(hit_ids(seeds.search(f"质量 doc:{docs[0]}", limit=None)))
    assert in_first and quality - in_first
    for raw in (f"质量 -doc:{docs[0]}", f"质量 NOT doc:{docs[0]}", f'质量 -doc:"{docs[0]}"', f"质量 -DOC:{docs[0][:3]}"):
        assert set(hit_ids(seeds.search(raw, limit=None))) == quality - in_first, raw
    headings = set(hit_ids(seeds.search("kind:heading", limit=None)))
    every = {p["id"] for d in seeds.documents() for p in seeds.passages(d["id"])}
    assert set(hit_ids(seeds.search("-kind:heading", limit=None))) == every - headings  # alone, as a filter alone
    qingdao, laoshan = (set(hit_ids(seeds.search(f"entity:{n}", limit=None))) for n in ("青岛市", "崂山区"))
    assert qingdao - laoshan and qingdao & laoshan
    assert set(hit_ids(seeds.search("entity:青岛市 -entity:崂山区", limit=None))) == qingdao - laoshan
    assert set(hit_ids(seeds.search("质量 -entity:青岛市|崂山区", limit=None))) == quality - qingdao - laoshan
    q = parse("质量 -kind:heading NOT type:person -青岛")
    assert q.without == [("kind", ["heading"]), ("type", ["person"])] and not q.filters
    assert [t.text for t in q.excluded] == ["青岛"] and [t.text for t in q.terms] == ["质量"]
    assert "cannot be left out" in parse("质量 -sort:newest").problem and parse("质量 NOT sort:oldest").problem
    assert seeds.search("质量 -doc:nonesuch").message == "unknown document in doc:nonesuch"  # said, not ignored
    assert seeds.search("质量 -kind:nonsense").message.startswith("unknown passage kind")
    assert parse("质量 --doc:000").problem is None and parse("质量 --doc:000").excluded  # (two dashes: a word)


def test_filters(seeds):
    r = seeds.search("质量 doc:004", limit=None)
    assert r.total and all(h.doc.startswith("004") for h in r.hits)
    heads = seeds.search("kind:heading", limit=None)
    kinds = {p["id"]: p["kind"] for d in seeds.documents() for p in seeds.passages(d["id"])}
    assert heads.total == sum(k == "heading" for k in kinds.values())
    people = {m["passage"] for e in seeds.entities("person") for m in e["mentions"]}
    assert set(hit_ids(seeds.search("type:person", limit=None))) == people
    y2027 = set(hit_ids(seeds.search("year:2027", limit=None)))
    assert y2027 == {e["passage"] for e in seeds.timeline() if e["start"][:4] <= "2027" <= (e["end"] or e["start"])[:4]}
    qingpi = set(hit_ids(seeds.search("entity:青啤", limit=None)))
    assert qingpi and qingpi == {m["passage"] for e in seeds.entities("company") if "青啤" in e["aliases"] + [e["name"]]
                                 for m in e["mentions"]}


def test_filters_typed_apart_all_hold_and_the_values_of_one_are_either(seeds):
    def naming(name):
        return {m["passage"] for e in seeds.entities() if e["name"] == name for m in e["mentions"]}

    gao, qingdao = naming("高善武"), naming("青岛市")
    assert gao & qingdao and gao - qingdao and qingdao - gao  # (the test can tell AND from OR)
    assert set(hit_ids(seeds.search("entity:高善武 entity:青岛市", limit=None))) == gao & qingdao
    assert set(hit_ids(seeds.search("entity:高善武|青岛市", limit=None))) == gao | qingdao
    assert set(hit_ids(seeds.search('entity:"高善武" entity:青岛市|崂山区', limit=None))) == gao & (qingdao | naming("崂山区"))
    docs = seeds.doc_ids()
    assert seeds.search(f"doc:{docs[0]} doc:{docs[1]}").total == 0
    assert {h.doc for h in seeds.search(f"doc:{docs[0]}|{docs[1]}", limit=None).hits} == set(docs[:2])


def test_an_entity_filter_marks_its_mentions_and_shows_them_in_the_snippet(seeds):
    qingpi = next(e for e in seeds.entities("company") if "青啤" in e["aliases"] + [e["name"]])
    names = {qingpi["name"], *qingpi["aliases"]}
    r = seeds.search("entity:青啤", limit=None)
    assert r.total == len({m["passage"] for m in qingpi["mentions"]})
    for h in r.hits:
        text = seeds.passage(h.passage)["text"]
        want = sorted((m["start"], m["end"]) for m in qingpi["mentions"] if m["passage"] == h.passage)
        assert h.matches == want and all(text[a:b] in names for a, b in h.matches)
        assert any(text[a:b] in h.snippet.text for a, b in h.matches)  # (not the passage's first words)
    people = seeds.search("type:person 质量", limit=None)
    assert people.total and all(len(h.matches) >= 2 for h in people.hits)  # 质量 and a person's name
    # a word found inside a mention is one marked span, not two
    assert all(a < b <= c for h in seeds.search("entity:青啤 青岛", limit=None).hits
               for (a, b), (c, _) in zip(h.matches, h.matches[1:]))


def test_a_year_filter_marks_the_dates_in_that_year(seeds):
    r = seeds.search("year:2027", limit=None)
    assert r.total
    for h in r.hits:
        text = seeds.passage(h.passage)["text"]
        dates = {e["date_text"] for e in seeds.timeline() if e["passage"] == h.passage}
        assert h.matches and all(text[a:b] in dates for a, b in h.matches)
        assert "2027" in h.snippet.text


def test_titles_and_headings_rank_above_body_and_phrases_above_scattered_words(tmp_path):
    c = small(tmp_path, {
        "a.txt": "质量强链行动\n\n企业推进质量强链工作，成效明显。\n",
        "b.txt": "别的标题\n\n企业重视质量，也在推进强链。\n",
    })
    top = c.search("质量强链").hits
    assert [h.passage for h in top] == ["a#0", "a#1"]  # the title first
    both = c.search("质量 强链").hits
    assert both[0].doc == "a" and both[-1].doc == "b"  # together beats apart


def test_pinyin_words_standing_together_rank_above_scattered_ones(tmp_path):
    c = small(tmp_path, {
        "a.txt": "标题甲\n\n崂山区考察企业，崂山区加快建设。\n",
        "b.txt": "标题乙\n\n崂山茶享誉全国，品质优良，远销海外。\n",
    })
    hits = c.search("laoshan cha").hits
    assert [h.passage for h in hits] == ["b#1", "a#1"]  # 崂山茶, before two 崂山 and a 察 apart
    assert [h.passage for h in c.search("崂山 cha").hits] == ["b#1", "a#1"]


@pytest.mark.parametrize("raw, value, words", [
    ('doc:"2024-03 青岛日报" 品牌', "2024-03 青岛日报", ["品牌"]),
    ('doc:"2024-03 青岛', "2024-03 青岛", []),  # still being typed: to the end
    ('DOC:"a|b"', "a|b", []),  # one value, not either
    ('doc:"""好品"" 发布" 品牌', '"好品" 发布', ["品牌"]),  # quotes doubled (a query's form of “好品” 发布)
    ('doc:"" 品牌', None, []),
])
def test_a_filter_value_in_quotes_may_hold_spaces_and_quotes(raw, value, words):
    q = parse(raw)
    if value is None:
        assert q.problem and q.problem.startswith("doc: needs a value")
    else:
        assert q.problem is None and q.filters == [("doc", [value])] and [t.text for t in q.terms] == words


def test_doc_filter_selects_documents_whose_ids_hold_spaces_and_chinese_quotes(tmp_path):
    from qualitytui.core.query import doc_filter

    c = small(tmp_path, {
        "2024-03-18 青岛日报 品牌.txt": "标题甲\n\n青岛的品牌建设。\n",
        "2024-03-18 青岛日报 质量.txt": "标题乙\n\n青岛的品牌质量。\n",
        "“好品山东”发布.txt": "标题丙\n\n好品山东品牌。\n",
        "“好品” 济南.txt": "标题丁\n\n济南品牌。\n",
        "plain.txt": "标题戊\n\n品牌。\n",
    })
    ids = [d["id"] for d in c.documents()]
    assert len(ids) == 5
    for doc_id in ids:
        typed = doc_filter(doc_id)
        r = c.search(typed + " 品牌", limit=None)
        assert r.message is None and {h.doc for h in r.hits} == {doc_id}, typed
    assert doc_filter("plain") == "doc:plain"
    assert doc_filter("2024-03-18 青岛日报 品牌") == 'doc:"2024-03-18 青岛日报 品牌"'
    assert doc_filter("“好品” 济南") == 'doc:"""好品"" 济南"'
    ambiguous = c.search('doc:"2024-03-18 青岛日报"')
    assert ambiguous.hits == [] and "ambiguous" in ambiguous.message


def test_ties_keep_document_order(tmp_path):
    c = small(tmp_path, {"b.txt": "标题乙\n\n同样的一句话写品牌。\n", "a.txt": "标题甲\n\n同样的一句话写品牌。\n"})
    hits = c.search("品牌").hits
    assert [h.passage for h in hits] == ["a#1", "b#1"] and hits[0].score == hits[1].score


@pytest.mark.parametrize("query", ["", "   ", "，。！", "[b]", "\\", "(.*", "a" * 10_000, "\x1b[31m\x07", "*+?^$", '"',
                                   "kind:nonsense", "doc:", "year:20x5", "-", "--", "type:alien", "entity:不存在的东西",
                                   "doc:zzz", "[/]", "[link=x]y[/link]", "\u0000"])
def test_bad_queries_give_an_empty_result_or_a_message(seeds, query):
    r = seeds.search(query)
    assert isinstance(r.hits, list)
    assert r.message or r.total == len(r.hits) == 0 or all(h.matches or h.score == 0 for h in r.hits)
    if query in ("", "a" * 10_000, "kind:nonsense", "doc:zzz", "，。！"):
        assert r.message and r.hits == []


def test_a_search_says_when_its_documents_were_written(tmp_path, capsys):
    c = small(tmp_path, {
        "a.txt": "甲文\n\n2023年，全市推进质量强链。\n", "b.txt": "乙文\n\n2023年，质量强链成效明显。\n",
        "c.txt": "丙文\n\n2025年，质量强链再上台阶。\n", "d.txt": "丁文\n\n质量强链没有日期。\n",
        "e.txt": "戊文\n\n2024年，品牌建设。\n",
    })
    r = c.search("质量强链", limit=1)
    assert sorted(r.doc_ids) == ["a", "b", "c", "d"] and r.documents == 4  # all found, not only the one shown
    years = {d["id"]: (d["date"] or {}).get("value") for d in c.documents()}
    assert [years[d] for d in "abcd"] == ["2023", "2023", "2025", None]
    assert c.years_found(r) == "2023 █ ▄ 2025 · most in 2023 (2) · 1 undated"  # 2024: none of them
    assert c.years_found(c.search("品牌建设")) == ""  # one year: nothing to draw
    assert main(["--corpus", str(tmp_path / "small"), "--data-dir", str(tmp_path / "d"), "--cache-dir",
                 str(tmp_path / "c"), "search", "质量强链"]) == 0
    assert "by year (documents): 2023 █ ▄ 2025 · most in 2023 (2) · 1 undated" in capsys.readouterr().out


def test_search_command_json_shape(capsys):
    code = main(["search", "质量强链", "--json", "--limit", "3"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and set(out) >= {"query", "total", "took_ms", "hits"} and out["query"] == "质量强链"
    assert len(out["hits"]) == 3 and out["total"] >= 3
    h = out["hits"][0]
    assert set(h) == {"doc", "passage", "score", "snippet", "matches"}
    assert isinstance(h["score"], float) and "质量强链" in h["snippet"]
    assert all(isinstance(m, list) and len(m) == 2 and m[0] < m[1] for m in h["matches"])


def test_search_command_excludes_and_reports_bad_queries(capsys):
    assert main(["search", "质量", "-青岛", "--json", "--limit", "0"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == len(out["hits"]) > 0
    assert main(["search", "-kind:furniture", "-kind:byline", "--json", "--limit", "0"]) == 0  # a query opening on a dash
    kept = {h["passage"] for h in json.loads(capsys.readouterr().out)["hits"]}
    assert main(["search", "kind:furniture|byline", "--json", "--limit", "0"]) == 0
    left_out = {h["passage"] for h in json.loads(capsys.readouterr().out)["hits"]}
    assert main(["docs", "--json"]) == 0
    every = sum(d["passages"] for d in json.loads(capsys.readouterr().out))
    assert left_out and not kept & left_out and len(kept) + len(left_out) == every
    assert main(["search", "--limit", "3"]) == 2
    assert "search needs a QUERY" in capsys.readouterr().err
    assert main(["search", "kind:nonsense"]) == 1
    assert "unknown passage kind" in capsys.readouterr().err


def test_search_command_cites_the_passages_found(capsys):
    assert main(["search", "laoshan", "--json", "--limit", "0"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert main(["search", "laoshan", "--cite", "md", "--limit", "0"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# Search: laoshan\n") and len(list_items(md)[0]) == len(hits) > 10 and not list_items(md)[1]
    assert main(["search", "laoshan", "--cite", "csv", "--limit", "3"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["passage"] for r in rows] == [h["passage"] for h in hits[:3]] and all("崂山" in r["quote"] for r in rows)
    assert main(["search", "laoshan", "--cite", "md", "--json"]) == 2
    assert "give one of them" in capsys.readouterr().err


def test_a_warm_search_needs_no_segmenter(tmp_path):
    env_dirs = ["--data-dir", str(tmp_path / "d"), "--cache-dir", str(tmp_path / "c")]
    assert main(["build", *env_dirs]) == 0
    code = (
        "import sys, json; from qualitytui.cli import main\n"
        f"rc = main(['search', 'laoshan', '--json', *{env_dirs!r}])\n"
        "bad = [m for m in ('jieba', 'rjieba') if m in sys.modules]\n"
        "print(json.dumps({'rc': rc, 'loaded': bad}), file=sys.stderr)\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    report = json.loads(p.stderr.strip().splitlines()[-1])
    assert report == {"rc": 0, "loaded": []} and json.loads(p.stdout)["total"] > 0


QUERIES = ["质量", "质量强链", "zhiliang", "qdyp", "質量", '"质量 强"', "青 -质量", "kind:heading 质量", "entity:青啤",
           "type:company", "date:2025 质量", "崂山 品牌"]


def test_a_one_off_search_makes_only_what_its_query_needs(tmp_path):
    """From the command line a query answered by the postings folds only its hits' passages and reads
    no mention table; the answers are the same as with everything made (the app's way, prepare())."""
    paths = Paths.resolve(None, str(tmp_path / "d"), str(tmp_path / "c"))
    Corpus.open(paths)  # built and saved; the next opens read it as a warm start does
    lazy = Corpus.open(paths)
    result = lazy.search("质量强链")
    assert result.total > 5 and lazy.searcher().index._forms is None  # 20 forms folded, not all 141
    assert "mentions" not in lazy.db.storage.read()._decoded
    ready = Corpus.open(paths)
    ready.prepare()
    assert ready.searcher().index._forms is not None
    fresh = Corpus.open(paths)
    for q in QUERIES:
        assert fresh.search(q).to_dict() | {"took_ms": 0} == ready.search(q).to_dict() | {"took_ms": 0}, q


def test_prepare_decodes_every_table_before_it_makes_more(tmp_path, monkeypatch):
    """The store file's bytes are held until every table is decoded (tablefile): prepare() decodes
    them all first, so the search forms and mention maps are not made on top of the file (the app's
    peak memory on 2 000 articles was 259 MB when they were, 235 MB now)."""
    from qualitytui.core import search_index

    paths = Paths.resolve(None, str(tmp_path / "d"), str(tmp_path / "c"))
    Corpus.open(paths)
    corpus = Corpus.open(paths)  # warm: tables decoded on first use
    tables = corpus.db.storage.read()
    undecoded_when_forms_made = []
    real = search_index.Index.forms.fget

    def forms(index):
        undecoded_when_forms_made.append(sorted(tables._raw))
        return real(index)

    monkeypatch.setattr(search_index.Index, "forms", property(forms))
    corpus.prepare()
    assert undecoded_when_forms_made == [[]]


def test_a_closed_corpus_is_freed_as_soon_as_it_is_let_go_of(tmp_path):
    import gc
    import weakref

    c = small(tmp_path, {"a.txt": "标题\n\n质量强链推进。\n"})
    c.prepare()
    assert c.search("质量").total == 1 and c.entity_mentions("x") == []
    gone = weakref.ref(c)
    was = gc.isenabled()
    gc.disable()  # as in the app, where the loaded corpus is frozen out of collections
    try:
        c.close()
        del c
        assert gone() is None  # no cycle left: freed by its count of references alone
    finally:
        if was:
            gc.enable()
    (tmp_path / "again").mkdir()
    again = small(tmp_path / "again", {"a.txt": "标题\n\n质量强链推进。\n"})
    again.prepare()
    again.close()
    assert again.search("质量").total == 1  # built again when asked for


def test_a_hit_snippet_can_be_made_as_wide_as_the_screen_has_room_for(seeds):
    from rich.cells import cell_len

    hit = next(h for h in seeds.search("质量月", None).hits if len(seeds.passage(h.passage)["text"]) > 150)
    text = seeds.passage(hit.passage)["text"]
    s, e = hit.anchor
    assert text[s:e] == "质量月"
    for width in (30, 100, 140):
        wide = seeds.hit_snippet(hit, width)
        assert "质量月" in wide.text and wide.spans([hit.anchor])  # the match stays in view
        assert width - 4 <= cell_len(wide.text.strip("…")) <= width
    assert cell_len(seeds.hit_snippet(hit, 140).text) > cell_len(hit.snippet.text) + 40


def test_sort_newest_and_oldest_order_the_hits_by_their_documents_dates(seeds):
    best = seeds.search("质量强县", limit=None)
    dates = {d["id"]: d["date"]["value"] for d in seeds.documents()}
    order = {d: i for i, d in enumerate(sorted(dates, key=lambda d: (dates[d], d)))}  # (one date per document here)
    for sort, step in (("newest", -1), ("oldest", 1)):
        r = seeds.search(f"质量强县 sort:{sort}", limit=None)
        assert r.order == sort and r.to_dict()["order"] == sort
        assert {h.passage for h in r.hits} == {h.passage for h in best.hits}  # the same hits, in another order
        places = [(step * order[h.doc], int(h.passage.split("#")[1])) for h in r.hits]
        assert places == sorted(places)  # by date, then in the document's own order
        assert {h.passage: h.score for h in r.hits} == {h.passage: h.score for h in best.hits}
    assert seeds.search("质量强县 sort:newest", limit=3).hits == seeds.search("质量强县 sort:newest", limit=None).hits[:3]
    assert "order" not in best.to_dict() and best.order == "best"
    assert parse("质量 sort:NEWEST").order == "newest" and parse("质量 SORT:oldest").order == "oldest"
    assert "sort:" in parse("质量 sort:latest").problem and parse("sort:newest").problem  # nothing to search for


def test_a_year_with_a_date_a_year_alone_sorts_after_that_years_days_when_newest_first(tmp_path):
    c = small(tmp_path, {
        "a.txt": "甲文\n\n2024年3月5日电 今天召开质量大会。\n",
        "b.txt": "乙文\n\n2024年，质量工作取得成效。\n",
        "c.txt": "丙文\n\n2023年6月1日电 质量月启动。\n",
        "d.txt": "丁文\n\n质量是生命。\n",  # no date
    })
    when = {d["id"]: (d.get("date") or {}).get("value") for d in c.documents()}
    assert when["a"] == "2024-03-05" and when["b"] == "2024" and when["c"] == "2023-06-01" and not when["d"]
    newest = [h.doc for h in c.search("质量 sort:newest", limit=None).hits]
    oldest = [h.doc for h in c.search("质量 sort:oldest", limit=None).hits]
    assert newest == ["a", "b", "c", "d"] and oldest == ["c", "b", "a", "d"]  # undated last either way


def test_a_date_filter_keeps_the_passages_of_documents_dated_then(seeds):
    dates = {d["id"]: d["date"]["value"] for d in seeds.documents()}
    every = {p["id"]: p["doc"] for d in seeds.documents() for p in seeds.passages(d["id"])}

    def docs_of(query):
        r = seeds.search(query, limit=None)
        assert not r.message, r.message
        return {every[h.passage] for h in r.hits}, r.total

    for query, holds in (("date:2025", lambda v: v.startswith("2025")),
                         ("date:2022-09", lambda v: v.startswith("2022-09")),
                         ("date:..2023", lambda v: v[:4] <= "2023"),
                         ("date:2024..", lambda v: v[:4] >= "2024"),
                         ("date:2022年9月29日", lambda v: v == "2022-09-29")):
        wanted = {d for d, v in dates.items() if holds(v)}
        found, total = docs_of(query)
        assert wanted and found == wanted, query
        assert total == sum(every[p] in wanted for p in every)  # a filter alone: all their passages
    assert docs_of("date:2025-03")[0] == {d for d, v in dates.items() if v.startswith("2025-03")}  # not the ≈2025 one
    found, _ = docs_of("质量强链 date:2023")
    assert found and found <= {d for d, v in dates.items() if v.startswith("2023")}
    assert "date:" in seeds.search("质量 date:2024-13").message and seeds.search("date:abc").message


def test_a_year_range_keeps_passages_with_a_dated_item_reaching_into_it(seeds):
    def reaching(first, last):
        return {e["passage"] for e in seeds.timeline()
                if int(e["start"][:4]) <= last and int((e["end"] or e["start"])[:4]) >= first}

    assert set(hit_ids(seeds.search("year:2026..2027", limit=None))) == reaching(2026, 2027)
    assert set(hit_ids(seeds.search("year:2021..2022", limit=None))) == reaching(2021, 2022)
    assert set(hit_ids(seeds.search("year:2025—2027", limit=None))) == reaching(2025, 2027)
    assert reaching(2026, 2027) and reaching(2021, 2021)
    assert set(hit_ids(seeds.search("year:2021..2023", limit=None))) == set().union(
        *(hit_ids(seeds.search(f"year:{y}", limit=None)) for y in (2021, 2022, 2023)))  # the years' together
    assert "year:" in seeds.search("year:2024-03").message  # a month is no year


def test_the_search_command_sorts_by_date_and_shows_the_dates(capsys):
    assert main(["search", "质量强县", "--sort", "oldest", "--json", "--limit", "0"]) == 0
    by_option = json.loads(capsys.readouterr().out)
    assert main(["search", "质量强县", "sort:oldest", "--json", "--limit", "0"]) == 0
    by_term = json.loads(capsys.readouterr().out)
    assert by_option["order"] == "oldest" and by_option["hits"] == by_term["hits"]
    assert main(["search", "质量强县 sort:newest", "--sort", "best", "--json", "--limit", "0"]) == 0
    assert "order" not in json.loads(capsys.readouterr().out)  # the option has the last word
    assert main(["docs", "--json"]) == 0
    dates = {d["id"]: d["date"]["value"] for d in json.loads(capsys.readouterr().out)}
    found = {h["doc"] for h in by_term["hits"]}
    assert main(["search", "质量强县", "--sort", "newest", "--limit", "3"]) == 0
    first, years, *rows = capsys.readouterr().out.splitlines()
    assert first.endswith("the newest 3") and years.startswith("by year (documents): ")
    newest = max(found, key=lambda d: dates[d])
    assert dates[newest] > min(dates[d] for d in found)
    assert f"≈{dates[newest]}" in rows[0] and newest in rows[0]  # the date column, the newest document first
    assert main(["search", "质量", "date:2024-13"]) == 1 and "date:" in capsys.readouterr().err


def test_a_search_counts_the_documents_its_passages_are_in(seeds, capsys):
    for query in ("质量强县", "质量", "kind:heading", "高善武", "date:2025"):
        r = seeds.search(query, limit=3)
        assert r.documents == len({h.doc for h in seeds.search(query, limit=None).hits}) >= 1, query
    assert seeds.search("不存在的词语组合").documents == 0
    assert main(["search", "质量强县", "--limit", "1"]) == 0
    r = seeds.search("质量强县")
    assert capsys.readouterr().out.startswith(f"{r.total} passages in {r.documents} documents for 质量强县 ")
    assert main(["search", "质量强县", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == r.documents
