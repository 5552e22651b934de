"""The five shipped articles, read as a person would check them."""

import re

import pytest

from qualitytui.core.repair import is_terminated

TITLES = {
    "000": ("从“省级标杆”跨越到“全国试点”", "崂山区入选全国首批质量强县(区、镇)培育建设创新试点名单"),
    "001": ("这是一场城与质更热烈的双向奔赴", "青岛市2022年“质量月”主题活动昨日举行"),
    "002": ("解锁崂山区高质量发展的创新密码", "崂山区推进新型工业化暨企业高质量发展大会召开"),
    "003": ("从『城阳制造』到『城阳创造』", "『青岛优品』工程推动城阳区全方位提升质量品牌竞争力"),
    "004": ("省市场监管局坚持标准引领和质量支撑，全力推进质量强省建设", "质量强链夯实“好品山东”品质之基"),
}


@pytest.mark.parametrize("key", sorted(TITLES))
def test_titles_and_subtitles(seed_docs, key):
    doc = seed_docs[key]
    assert (doc.title, doc.subtitle) == TITLES[key]
    # banners and co-host blocks may stand above the headline, as printed; nothing else does
    kinds = [p.kind for p in doc.passages if p.kind != "furniture"]
    assert kinds[:2] == ["title", "subtitle"]


def test_every_body_passage_is_whole_sentences_without_line_breaks(seed_docs):
    for doc in seed_docs.values():
        for p in doc.passages:
            assert "\n" not in p.text, p.id
            if p.kind == "body":
                assert is_terminated(p.text), f"{p.id} stops mid-sentence: …{p.text[-20:]}"


def test_no_layout_spaces_left_in_numbers(seed_docs):
    for doc in seed_docs.values():
        for p in doc.passages:
            assert not re.search(r"\d\s+[.%年月日个条项家名]|\d\s*\.\s+\d|[年第约近至有]\s+\d", p.text), p.text


def test_bylines(seed_docs):
    assert seed_docs["000"].byline == "青岛晚报/观海新闻/掌上青岛首席记者 张译心"
    assert seed_docs["001"].byline == "观海新闻/青报全媒体 记者 孙晶 王帅 徐歌 吴忠林"
    assert seed_docs["002"].byline == "青岛早报/观海新闻记者 姜丹宁 通讯员 张绪霞 赵子健"
    assert seed_docs["003"].byline == "本版撰稿 观海新闻/青岛早报记者 刘鹏"
    assert seed_docs["004"].byline == "王蕊 董京南 张建 于振"  # (its byline passage keeps the printed □)


def kinds_of(doc, kind):
    return [p.text for p in doc.passages if p.kind == kind]


def test_captions(seed_docs):
    assert kinds_of(seed_docs["000"], "caption") == [
        "人工智能产业园智算谷核心区。",
        "家电行业唯一第三方全链条半导体及通信综合检测实验室。",
        "虚拟现实国创中心检测平台实验室。",
        "国家高端智能家电创新中心。",
    ]
    assert kinds_of(seed_docs["001"], "caption") == ["青岛市2022年“质量月”主题活动现场。"]
    assert all(c.endswith("资料图片") for c in kinds_of(seed_docs["003"], "caption"))
    caps4 = kinds_of(seed_docs["004"], "caption")
    assert len(caps4) == 6 and caps4[2] == "③第五届跨国公司领导人青岛峰会“好品山东”互动体验展区场景"


def test_caption_in_mid_sentence_is_lifted_and_the_sentence_whole(seed_docs):
    doc = seed_docs["003"]
    body = [p for p in doc.passages if "齐抓共管、各行各业共同努力、社会各界广泛参与的共治氛围。" in p.text]
    assert len(body) == 1 and body[0].kind == "body"
    nxt = doc.passages[body[0].index + 1]
    assert nxt.kind == "caption" and "中车四方" in nxt.text


def test_furniture(seed_docs):
    assert "强信心·稳经济·促发展" in kinds_of(seed_docs["003"], "furniture")
    assert any("联合主办" in t for t in kinds_of(seed_docs["003"], "furniture"))
    assert any("扫码关注" in t for t in kinds_of(seed_docs["002"], "furniture"))
    assert any(t.startswith("《崂山区推进新型工业化") for t in kinds_of(seed_docs["002"], "furniture"))


def test_section_markers_become_headings(seed_docs):
    assert kinds_of(seed_docs["000"], "heading") == ["发展格局特色鲜明", "跨区域合作“破圈”", "打造质量强县示范标杆"]


def test_displaced_fragment_rejoined(seed_docs):
    doc = seed_docs["002"]
    texts = [p.text for p in doc.passages]
    joined = next(t for t in texts if t.startswith("崂山区不仅拥有实实在在的发展底气,还要有"))
    assert texts[texts.index(joined) - 1] == "势如破竹 实干描摹宏伟蓝图"
    assert not any(t == "崂山区不仅拥有实实在在的发展底" for t in texts)


def test_headline_block_found_at_the_end_leads_the_document(seed_docs):
    doc = seed_docs["001"]
    assert doc.passages[2].text.startswith("9月28日上午，青岛市2022年“质量月”主题活动")
    assert doc.passages[4].kind == "heading" and doc.passages[4].text == "质量氛围浓厚 汇聚质量提升更大合力"


def test_originals_keep_the_printed_text(seed_docs):
    title = seed_docs["004"].passages[0]
    assert title.original.strip().startswith("省省市市场场")
    joined = next(p for p in seed_docs["001"].passages if p.text.startswith("9月，第45个全国质量月"))
    assert joined.original.startswith("9 月，第 45 个全国质量月如约而至，此时走进青\n岛")


def test_every_repair_is_listed(seed_docs):
    w = seed_docs["004"].warnings
    assert any("doubled headline" in x for x in w)
    assert any("7 . 8%" in x for x in w)
    assert any("page or column break" in x for x in w)
