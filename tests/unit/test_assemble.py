"""The layout repairs and passage kinds, on small made-up articles."""

import re

from qualitytui.core.assemble import assemble


def column(text: str, width: int = 16) -> str:
    """Set ``text`` in a print column of ``width`` characters, as a PDF extraction gives it."""
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


P1 = "今年以来，本市持续推进质量强市建设，组织企业参加培训并开展标准化试点工作，取得了明显成效。"
P2 = "下一步，有关部门将继续完善政策体系，加强监督检查，推动产业链上下游企业协同发展。"
P3 = "与此同时，全市还将组织开展品牌建设系列活动，邀请专家学者走进企业开展诊断服务，提升企业质量管理水平。"


def kinds(a):
    return [(i.kind, i.text) for i in a.items]


def bodies(a):
    return [i.text for i in a.items if i.kind == "body"]


def test_print_column_lines_are_rejoined_and_paragraph_breaks_kept():
    text = "示范标题\n\n" + column(P1) + "\n\n" + column(P2) + "\n\n" + column(P3)
    a = assemble(text)
    assert bodies(a) == [P1, P2, P3]
    assert any("print column" in w for w in a.warnings)


def test_blank_line_inside_a_sentence_is_rejoined():
    broken = column(P1).split("\n")
    text = "示范标题\n\n" + "\n".join(broken[:2]) + "\n\n" + "\n".join(broken[2:]) + "\n\n" + column(P2) + "\n\n" + column(P3)
    a = assemble(text)
    assert bodies(a) == [P1, P2, P3]
    assert any("page or column break" in w for w in a.warnings)


def test_caption_inserted_mid_sentence_is_lifted_out():
    text = (
        "示范标题\n\n"
        "建立健全市场运行和政府监管双重机制，营造全区上下齐抓共管、各行\n\n\n\n"
        "城阳区中车四方上榜首批“青岛优品”，图为自主研发的新型城际列车。资料图片\n\n"
        "各业共同努力、社会各界广泛参与的共治氛围。\n"
    )
    a = assemble(text)
    assert kinds(a)[1:] == [
        ("body", "建立健全市场运行和政府监管双重机制，营造全区上下齐抓共管、各行各业共同努力、社会各界广泛参与的共治氛围。"),
        ("caption", "城阳区中车四方上榜首批“青岛优品”，图为自主研发的新型城际列车。资料图片"),
    ]
    assert any("lifted out of a sentence" in w for w in a.warnings)


def test_isolated_photo_caption_between_paragraphs():
    text = "示范标题\n\n" + P1 + "\n\n\n\n人工智能产业园核心区。\n\n\n\n" + P2
    a = assemble(text)
    assert ("caption", "人工智能产业园核心区。") in kinds(a)
    assert bodies(a) == [P1, P2]


def test_short_sentence_paragraph_is_not_a_caption_without_a_photo_gap():
    text = "示范标题\n\n" + P1 + "\n\n会议取得圆满成功。\n\n" + P2
    assert "会议取得圆满成功。" in bodies(assemble(text))


def test_a_one_sentence_article_is_its_body_not_a_caption():
    only = assemble("青岛市质量月活动今天举行。\n")
    assert kinds(only) == [("body", "青岛市质量月活动今天举行。")]
    assert only.title == "青岛市质量月活动今天举行。"  # no headline: the first sentence stands in
    headed = assemble("示范标题\n\n\n\n会议取得圆满成功。\n")
    assert kinds(headed) == [("title", "示范标题"), ("body", "会议取得圆满成功。")]


def test_a_caption_shaped_last_line_after_a_body_is_still_a_caption():
    a = assemble("示范标题\n\n" + P1 + "\n\n\n\n人工智能产业园核心区。\n")
    assert kinds(a)[-1] == ("caption", "人工智能产业园核心区。")


def test_bylines_alone_and_glued_to_the_last_paragraph():
    text = "示范标题\n\n□王蕊 董京南\n\n" + P1 + "\n\n" + P2 + "观海新闻/\n青报全媒体 记者 孙晶 王帅\n"
    a = assemble(text)
    assert ("byline", "□王蕊 董京南") in kinds(a)
    assert ("byline", "观海新闻/青报全媒体 记者 孙晶 王帅") in kinds(a)
    assert bodies(a)[-1] == P2
    assert a.byline == "王蕊 董京南；观海新闻/青报全媒体 记者 孙晶 王帅"  # the document's credit, without the box


def test_furniture_banner_cohost_promo_and_section_markers():
    text = (
        "强信心·稳经济·促发展\n\n"
        "某市质量工作领导小组办公室\n某市质量发展促进会\n某某早报 联合主办\n\n"
        "示范标题\n\n>>>发展格局特色鲜明\n\n" + P1 + "\n\n扫码关注“政务号”\n了解更多详情\n"
    )
    a = assemble(text)
    got = kinds(a)
    assert got[0] == ("furniture", "强信心·稳经济·促发展")
    assert got[1][0] == "furniture" and "联合主办" in got[1][1]
    assert got[2] == ("title", "示范标题")
    assert ("heading", "发展格局特色鲜明") in got
    assert got[-1][0] == "furniture" and "扫码关注" in got[-1][1]


def test_doubled_headline_becomes_title_and_subtitle():
    text = "省省市市场场监监管管局局推推进进质质量量强强省省建建设设\n\n质质量量强强链链夯夯实实品品质质之之基基\n\n" + P1
    a = assemble(text)
    assert a.title == "省市场监管局推进质量强省建设"
    assert a.subtitle == "质量强链夯实品质之基"
    assert [i.kind for i in a.items][:2] == ["title", "subtitle"]
    assert a.items[0].original.startswith("省省市市")


def test_headline_found_after_the_body_moves_to_the_top_with_its_lead():
    lead = "9月28日上午，全市质量月主题活动在国家质量基础设施总部基地隆重举行。"
    text = (
        "质量氛围浓厚 汇聚质量提升更大合力\n\n" + column(P1, 22) + "\n\n" + column(P2, 22) + "\n\n" + column(P3, 22) + "\n\n"
        "这是一场城与质的双向奔赴\n全市质量月主题活动昨日举行\n\n" + column(lead, 22) + "\n"
    )
    a = assemble(text)
    assert (a.title, a.subtitle) == ("这是一场城与质的双向奔赴", "全市质量月主题活动昨日举行")
    assert [i.kind for i in a.items][:4] == ["title", "subtitle", "body", "heading"]
    assert a.items[2].text == lead
    assert any("headline found after the body" in w for w in a.warnings)


def test_fragment_displaced_to_the_end_is_put_back():
    text = (
        "示范标题\n\n" + P1 + "\n\n"
        "气，还要有“不破楼兰终不还”的韧劲。\n\n" + P2 + "\n\n"
        "势如破竹 实干描摹宏伟蓝图\n\n崂山区不仅拥有实实在在的发展底\n"
    )
    a = assemble(text, has_word=lambda w: w == "底气")
    assert bodies(a) == [P1, "崂山区不仅拥有实实在在的发展底气，还要有“不破楼兰终不还”的韧劲。", P2]
    order = [i.text for i in a.items]
    assert order.index("势如破竹 实干描摹宏伟蓝图") == order.index(bodies(a)[1]) - 1
    assert any("fragment" in w for w in a.warnings)


def test_fragment_without_an_identifiable_other_half_stays_put():
    text = "示范标题\n\n" + P1 + "\n\n" + P2 + "\n\n崂山区不仅拥有实实在在的发展底\n"
    a = assemble(text, has_word=lambda w: False)
    assert bodies(a) == [P1, P2]
    assert a.items[-1].text == "崂山区不仅拥有实实在在的发展底"


def test_truncated_duplicate_of_a_title_is_furniture():
    full = "大会正式发布《某区推进新型工业化高质量发展三年行动计划(2025—2027年)》。"
    text = "示范标题\n\n" + full + "\n\n《某区推进新型工业化高质量发展三年行动计划\n\n" + P1
    a = assemble(text)
    assert ("furniture", "《某区推进新型工业化高质量发展三年行动计划") in kinds(a)


def test_numbered_captions_broken_by_the_layout_are_joined():
    text = "示范标题\n\n" + P1 + "\n\n①潍柴全球首款柴油机\n②某某峰会互动\n\n体验展区场景\n③轮胎国家工程实验室\n\n" + P2
    a = assemble(text)
    caps = [t for k, t in kinds(a) if k == "caption"]
    assert caps == ["①潍柴全球首款柴油机", "②某某峰会互动体验展区场景", "③轮胎国家工程实验室"]
    assert bodies(a) == [P1, P2]


def test_crlf_and_cr_line_ends_and_bom():
    text = "\ufeff示范标题\r\n\r\n" + P1 + "\r" + "\r" + P2
    a = assemble(text)
    assert a.title == "示范标题"
    assert bodies(a) == [P1, P2]


def test_markdown_headings_and_list_items():
    text = "# 示范标题\n\n## 第一部分\n\n- 第一项工作已经完成。\n- 第二项工作正在推进。\n"
    a = assemble(text, markdown=True)
    assert a.title == "示范标题"
    assert ("heading", "第一部分") in kinds(a)
    assert bodies(a) == ["- 第一项工作已经完成。", "- 第二项工作正在推进。"]


def test_a_first_line_in_another_script_heads_the_article_instead_of_joining_it():
    a = assemble("English only article\n\nThis has no Chinese at all. Qingdao is a city.\n")
    assert kinds(a) == [("title", "English only article"), ("body", "This has no Chinese at all. Qingdao is a city.")]
    b = assemble("NEWS\n\n" + P1 + "\n\n" + P2)
    assert b.title == "NEWS" and bodies(b) == [P1, P2]
    c = assemble(P1 + "\n\nQingdao Port\n\n" + P2)  # further down, a Latin line is text as before
    assert "Qingdao Port" in "".join(bodies(c))


def test_headline_lines_over_paragraphs_with_no_blank_line_between_stay_apart():
    """A file of one paragraph a line, its title on the first: the title was glued into the lead."""
    a = assemble("济南发布重点项目清单\n" + P1 + "\n" + P2 + "\n")
    assert kinds(a) == [("title", "济南发布重点项目清单"), ("body", P1), ("body", P2)]
    assert a.warnings == []  # the file's own lines: nothing repaired
    b = assemble("济南发布重点项目清单\n全年安排项目一千一百个\n" + P1 + "\n")  # headline over deck
    assert (b.title, b.subtitle, bodies(b)) == ("济南发布重点项目清单", "全年安排项目一千一百个", [P1])
    c = assemble("示范标题\n\n" + P1 + "\n强化品牌引领\n" + P2 + "\n")  # a section heading between paragraphs
    assert kinds(c) == [("title", "示范标题"), ("body", P1), ("heading", "强化品牌引领"), ("body", P2)]


def test_a_short_line_over_a_line_about_as_long_is_still_a_broken_line():
    a = assemble("示范标题\n\n今年以来本市持续推进质量\n强市建设并取得了明显成效。\n\n" + P2)
    assert bodies(a) == ["今年以来本市持续推进质量强市建设并取得了明显成效。", P2]
    plain = "今年以来本市持续推进质量强市建设组织企业参加培训并开展标准化试点工作取得了明显成效。"
    b = assemble("示范标题\n\n" + column(plain, 10) + "\n\n" + P2)  # lines with no punctuation, each as long as the next
    assert kinds(b) == [("title", "示范标题"), ("body", plain), ("body", P2)]
    m = assemble("# 示范标题\n\n- 质量强链\n- " + P1 + "\n", markdown=True)  # a short list item is no heading
    assert bodies(m) == ["- 质量强链", "- " + P1]


def test_a_files_first_line_may_be_a_long_headline_or_end_on_a_question_or_an_exclamation():
    for head in ("山东省市场监管局召开全省质量强省建设工作推进会议部署2025年重点任务安排",  # 38 characters
                 "青岛为何能成为“品牌之都”？", "青岛推进质量强市建设！"):
        a = assemble(head + "\n\n" + P1 + "\n\n" + P2)
        assert kinds(a) == [("title", head), ("body", P1), ("body", P2)]
    too_long = re.sub(r"[，。]", "", P1 + P2)  # 79 characters with no punctuation
    for first in ("你知道吗，青岛为何能成为“品牌之都”？", too_long):  # a sentence with a comma; a line too long
        assert kinds(assemble(first + "\n\n" + P1))[0][0] == "body"
    later = assemble("示范标题\n\n" + P1 + "\n\n青岛为何能成为“品牌之都”？\n\n" + P2)  # not the first line: a sentence
    assert ("body", "青岛为何能成为“品牌之都”？") in kinds(later)


def test_document_without_headline_gets_its_first_sentence_as_title():
    a = assemble(P1 + "\n\n" + P2)
    assert a.title.startswith("今年以来")
    assert a.subtitle is None


def test_a_byline_credit_drops_the_printed_box_and_the_brackets():
    from qualitytui.core.shapes import byline_credit

    assert byline_credit("□王蕊 董京南") == "王蕊 董京南"
    assert byline_credit("■ 记者 孙晶") == "记者 孙晶"
    assert byline_credit("观海新闻/青报全媒体 记者 孙晶") == "观海新闻/青报全媒体 记者 孙晶"
    assert byline_credit("□") == "□"  # nothing but the box: kept, not emptied
    assert byline_credit("（记者 王伟 通讯员 刘洋）") == byline_credit("(记者 王伟 通讯员 刘洋)") == "记者 王伟 通讯员 刘洋"


WEB_COPY = """山东出台质量强省建设行动方案
来源：大众日报\u3000\u3000发布时间：2025-03-18 09:30\u3000\u3000字号：大 中 小
{p1}
{p2}
（大众日报记者 王伟 通讯员 刘洋）
责任编辑：李明
"""


def test_an_article_copied_from_a_web_page_one_paragraph_a_line_has_its_lines_told_apart():
    a = assemble(WEB_COPY.format(p1=P1, p2=P2))
    assert [k for k, _ in kinds(a)] == ["title", "furniture", "body", "body", "byline", "furniture"]
    assert a.title == "山东出台质量强省建设行动方案" and bodies(a) == [P1, P2]
    assert a.byline == "大众日报记者 王伟 通讯员 刘洋"  # the brackets are not the credit's
    assert kinds(a)[-1] == ("furniture", "责任编辑：李明")  # the editor's line is not a fragment of the lead
    b = assemble("示范标题\n\n青岛早报记者 姜丹宁\n通讯员 张绪霞 赵子健\n\n" + P1)  # a byline of two lines stays one
    assert kinds(b)[1] == ("byline", "青岛早报记者 姜丹宁 通讯员 张绪霞 赵子健")


AGENCY_COPY = """烟台推进质量强市建设取得新成效
原标题：质量强市 烟台在行动
中新网烟台3月5日电（记者 王伟）记者5日从烟台市市场监管局获悉，2024年烟台市新增“好品山东”品牌12个，总数居全省前列。
一、强化标准引领
烟台市共主导制定国家标准15项。
二、做强品牌矩阵
截至2024年底，全市拥有中国驰名商标80件。
图为烟台港集装箱码头。 王伟 摄
（完）
【编辑：李明】
"""


def test_a_news_agency_article_of_one_paragraph_a_line_keeps_its_headings_caption_and_end_marks_apart():
    a = assemble(AGENCY_COPY)
    assert [k for k, _ in kinds(a)] == ["title", "subtitle", "body", "heading", "body", "heading", "body", "caption",
                                        "furniture", "furniture"]
    assert kinds(a)[-3:] == [("caption", "图为烟台港集装箱码头。王伟 摄"), ("furniture", "（完）"), ("furniture", "【编辑：李明】")]
    assert not any("print column" in w for w in a.warnings)  # lines of all lengths: no print column to rejoin


def test_an_indent_opens_a_paragraph_in_a_file_that_indents_its_paragraphs():
    unfinished = P1[:-1]  # a paragraph that lost its full stop
    a = assemble("示范标题\n\u3000\u3000" + unfinished + "\n\u3000\u3000" + P2 + "\n\u3000\u3000" + P3 + "\n")
    assert bodies(a) == [unfinished, P2, P3]
    wrapped = "\n".join("\u3000\u3000" + column(p, 18) for p in (P1, P2, P3))  # a print column, indents opening paragraphs
    assert bodies(assemble("示范标题\n" + wrapped)) == [P1, P2, P3]
    broken = column(P1, 18).split("\n")  # a page break inside a sentence: the line after it has no indent
    b = assemble("示范标题\n\n\u3000\u3000" + "\n".join(broken[:2]) + "\n\n" + "\n".join(broken[2:]) + "\n\u3000\u3000" + P2)
    assert bodies(b) == [P1, P2]


def test_a_file_indented_all_through_says_nothing_by_its_indents():
    text = "\n".join("\u3000\u3000" + line for line in ["示范标题", ""] + column(P1 + P2, 18).split("\n"))
    assert bodies(assemble(text)) == [P1 + P2]  # its wrapped lines are rejoined, not cut at each indent


def test_a_web_pages_line_led_by_the_day_is_furniture():
    from qualitytui.core.shapes import is_web_meta

    a = assemble("示范标题\n2024-03-05 10:20 来源：青岛日报\n" + P1 + "\n" + P2 + "\n")
    assert [k for k, _ in kinds(a)] == ["title", "furniture", "body", "body"]
    assert is_web_meta("2024年3月5日") and is_web_meta("2024/3/5 08:00")
    assert not any(map(is_web_meta, ["2024年3月5日，市场监管局召开会议。", "2024年是质量强市建设的关键一年"]))


def test_a_web_sites_own_lines_are_furniture_in_a_copied_page():
    from qualitytui.core.shapes import is_site_line

    site = ["当前位置：首页 > 政务公开 > 政务动态", "【打印本页】【关闭窗口】", "分享到：微信 微博",
            "主办：青岛市人民政府办公厅\u3000承办：青岛市大数据发展管理局",
            "网站标识码：3702000001\u3000鲁ICP备05001163号\u3000鲁公网安备 37020202000001号", "版权所有：青岛市人民政府",
            "Copyright © 2025 青岛市人民政府"]
    assert all(map(is_site_line, site))
    assert not any(map(is_site_line, ["主办方表示，本届博览会规模创新高。", "网站须依法办理ICP备案手续。",
                                      "版权所有权的归属由合同约定。", "当前位置优越，交通便利。", P1]))
    a = assemble("\n".join([site[0], "示范标题", P1, P2, *site[1:]]) + "\n")  # one paragraph a line, no blank lines
    assert bodies(a) == [P1, P2] and a.title == "示范标题"
    assert all(k == "furniture" for k, t in kinds(a) if t not in (P1, P2, "示范标题"))
    b = assemble("示范标题\n\n" + P1 + "\n\n" + "\n".join(site[3:6]) + "\n")  # the footer as a block of its own
    assert bodies(b) == [P1] and kinds(b)[-1][0] == "furniture"


def test_an_official_documents_issuer_and_day_of_signing_are_no_headline():
    text = "青岛市人民政府关于推进质量强市建设的意见\n\n" + P1 + "\n\n" + P2 + "\n\n青岛市人民政府\n二〇二四年三月五日\n"
    a = assemble(text)
    assert a.title == "青岛市人民政府关于推进质量强市建设的意见"  # (the two lines were taken for a headline found after the body)
    assert kinds(a)[-2:] == [("furniture", "青岛市人民政府"), ("furniture", "二〇二四年三月五日")]
    printed = text.replace(P1 + "\n\n" + P2, column(P1) + "\n\n" + column(P2) + "\n\n" + column(P3))  # set in a column
    b = assemble(printed)
    assert b.title == a.title and kinds(b)[-1] == ("furniture", "青岛市人民政府 二〇二四年三月五日")


NOTICE = """青岛市人民政府办公厅关于印发质量强市建设行动方案的通知

青政办发〔2025〕3号

各区、市人民政府，市政府各部门：

{p1}

青岛市人民政府办公厅
2025年3月18日

（此件公开发布）

一、总体要求

{p2}

抄送：市委各部门，市人大常委会办公厅。
青岛市人民政府办公厅2025年3月18日印发
"""


def test_an_official_notices_number_signature_and_footer_are_furniture():
    a = assemble(NOTICE.format(p1=P1, p2=P2))
    assert a.title == "青岛市人民政府办公厅关于印发质量强市建设行动方案的通知" and a.subtitle is None
    assert [k for k, _ in kinds(a)] == ["title", "furniture", "body", "body", "furniture", "furniture", "furniture",
                                        "heading", "body", "furniture"]
    assert bodies(a) == ["各区、市人民政府，市政府各部门：", P1, P2]
    from qualitytui.core.shapes import is_document_note

    assert not any(map(is_document_note, ["此件事情很重要。", "抄送", "他在2025年3月18日印发了通知，要求各部门落实。"]))


def test_end_marks():
    from qualitytui.core.shapes import is_end_mark

    assert all(map(is_end_mark, ["（完）", "(完)", "【完】", "-END-", "—完—", "全文完"]))
    assert not any(map(is_end_mark, ["完成", "完善", "（完成）", "完了。", "未完待续"]))


def test_a_full_print_line_that_ends_like_a_credit_by_chance_is_still_text():
    lines = ["今年以来，全市各级各部门认真学习新华社发", "布的权威消息，持续推进质量强市建设各项工作", "落实落细，取得了明显成效。"]
    text = "示范标题\n\n" + "\n".join(lines) + "\n\n" + column(P1 + P2 + P3, 20)
    a = assemble(text)
    assert bodies(a)[0] == "".join(lines) and not any(k == "caption" for k, _ in kinds(a))


def test_a_line_that_goes_on_with_a_sentence_is_not_taken_for_a_byline_or_credits():
    a = assemble("示范标题\n\n会上，市场监管局负责同志介绍了情况。随行的有\n记者 王伟 李明\n等人。\n\n" + P2)
    assert bodies(a) == ["会上，市场监管局负责同志介绍了情况。随行的有记者 王伟 李明等人。", P2]
    b = assemble("示范标题\n\n（记者从市场监管局获悉）\n\n" + P2)  # a sentence in brackets is no byline
    assert not any(k == "byline" for k, _ in kinds(b))


def test_a_headline_with_a_topic_and_a_colon_is_the_title():
    a = assemble("浙江：以标准化助推制造业高质量发展\n\n" + P1 + "\n\n" + P2)
    assert a.title == "浙江：以标准化助推制造业高质量发展"
    assert kinds(a)[0] == ("title", "浙江：以标准化助推制造业高质量发展")
    b = assemble("获奖企业如下：\n\n" + P1)  # a colon that ends the line introduces what follows
    assert kinds(b)[0][0] == "body"
    c = assemble("奖：青岛啤酒和青岛超银中学获得提名\n\n" + P1 + "\n\n" + P2)  # nor is a line of a list a headline
    assert kinds(c)[0][0] == "body"


def test_a_doubled_headline_on_the_line_above_the_byline_is_still_the_title():
    a = assemble("烟台：打造先进制造业强市烟台：打造先进制造业强市\n\u3000\u3000本报记者\u3000王磊\n\n" + P1 + "\n\n" + P2)
    assert a.title == "烟台：打造先进制造业强市"
    assert kinds(a)[:2] == [("title", "烟台：打造先进制造业强市"), ("byline", "本报记者 王磊")]


def test_a_newspaper_pages_own_lines_are_furniture_and_page_jumps_are_removed():
    a = assemble("青岛港集装箱吞吐量创新高\n\n" + P1[:-1] + "。（下转第三版）\n\n2024年12月3日　星期二　第3版\n\n"
                 "（上接第一版）" + P2 + "\n\n责任编辑：张三\n来源：青岛日报")
    assert a.title == "青岛港集装箱吞吐量创新高"
    assert kinds(a)[1:] == [("body", P1), ("furniture", "2024年12月3日　星期二　第3版"), ("body", P2),
                            ("furniture", "责任编辑：张三 来源：青岛日报")]
    assert sum("page jump removed" in w for w in a.warnings) == 2


WEB_MD = """# 青岛发布2025年质量提升行动方案

发布时间：2025-03-18 10:20  来源：青岛日报

![](https://example.com/img/1.jpg)

3月17日，[青岛市市场监督管理局](https://scjg.qingdao.gov.cn)发布《行动方案》。&nbsp;方案提出，到2025年底，全市质量竞争型产业占比达到55%以上。<br>

**一、主要目标**

- 培育省长质量奖企业3家
- 新增“青岛优品”200个
"""


def test_a_web_page_saved_as_markdown_reads_as_an_article():
    a = assemble(WEB_MD, markdown=True)
    assert a.title == "青岛发布2025年质量提升行动方案"
    assert kinds(a)[1:] == [
        ("furniture", "发布时间：2025-03-18 10:20来源：青岛日报"),
        ("body", "3月17日，青岛市市场监督管理局发布《行动方案》。方案提出，到2025年底，全市质量竞争型产业占比达到55%以上。"),
        ("heading", "一、主要目标"),
        ("body", "- 培育省长质量奖企业3家"),
        ("body", "- 新增“青岛优品”200个"),
    ]
    assert any("web markup removed" in w for w in a.warnings)
    e = assemble("# 标题\n\n**青岛**是一座*美丽*的城市，注*见下。\n", markdown=True)
    assert bodies(e) == ["青岛是一座美丽的城市，注*见下。"]  # emphasis goes; a lone asterisk stays
    b = assemble("质量强链推进会召开\n\n&nbsp;&nbsp;" + P1.replace("本市", "本市<b>") + "\n\n" + P2)
    assert bodies(b)[0] == P1  # HTML left in a text file goes too; Markdown stays Markdown's


CLIPPED = """---
title: "青岛推进质量强市建设"
source: "https://www.example.com/news/2024/0305/123.html"
published: 2024-03-05
tags:
  - clippings
---
{heading}
{p1}

---

{p2}
"""


def test_a_markdown_clippings_front_matter_is_furniture_and_gives_the_title_where_no_heading_does():
    a = assemble(CLIPPED.format(heading="# 青岛推进质量强市建设\n", p1=P1, p2=P2), markdown=True)
    assert [k for k, _ in kinds(a)] == ["furniture", "title", "body", "body"]
    assert kinds(a)[0][1].startswith("--- title:") and bodies(a) == [P1, P2]  # the rule (---) is no text
    b = assemble(CLIPPED.format(heading="", p1=P1, p2=P2), markdown=True)
    assert b.title == "青岛推进质量强市建设" and bodies(b) == [P1, P2]
    c = assemble("---\n\n" + P1 + "\n\n---\n\n" + P2 + "\n", markdown=True)  # rules, no front matter
    assert bodies(c) == [P1, P2] and not any(k == "furniture" for k, _ in kinds(c))
    d = assemble(CLIPPED.format(heading="", p1=P1, p2=P2))  # in a .txt file, the same lines are text
    assert not kinds(d)[0][1].startswith("--- title:")


def test_a_paragraph_of_thousands_of_characters_is_cut_at_sentence_ends():
    body = "今年以来，本市持续推进质量强市建设。“好的。”他说！" * 100  # 2 600 characters, no line break
    a = assemble("质量强市建设推进会召开\n\n" + body + "\n\n" + P2)
    pieces = bodies(a)[:-1]
    assert "".join(pieces) == body and len(pieces) >= 5 and all(len(p) <= 520 for p in pieces)
    assert all(p.endswith("他说！") for p in pieces)  # cut after a sentence, closing quote and all
    assert bodies(a)[-1] == P2 and any("cut at sentence ends" in w for w in a.warnings)
    assert [i.original for i in a.items if i.kind == "body"][:-1] == pieces


def test_a_long_paragraph_with_no_sentence_end_is_cut_at_clause_ends():
    body = "本市持续推进质量强市建设，企业品牌建设稳步推进；" * 120  # 2 880 characters, no 。
    a = assemble("质量强市建设推进会召开\n\n" + body + "\n\n" + P2)
    pieces = bodies(a)[:-1]
    assert "".join(pieces) == body and len(pieces) >= 5 and all(len(p) <= 520 for p in pieces)
    assert all(p[-1] in "，；" for p in pieces) and any("cut at clause ends" in w for w in a.warnings)
    unbroken = "质量强市" * 700  # nothing to cut at: one passage, as written
    assert bodies(assemble("标题在此\n\n" + unbroken + "\n"))[0] == unbroken


def test_invisible_characters_left_by_web_pages_are_removed_and_listed():
    zw = "\u200b"
    text = f"质量{zw}强市\n\n{P1[:6]}{zw}{P1[6:12]}\u00ad{P1[12:]}\n\n{zw}\ufeff\n\n{P2}"
    a = assemble(text)
    assert a.title == "质量强市"
    assert bodies(a) == [P1, P2]  # the line of invisible characters alone is a blank line, not a passage
    assert sum("invisible characters removed" in w for w in a.warnings) == 3
    assert [i.original for i in a.items if i.kind == "body"][0] == f"{P1[:6]}{zw}{P1[6:12]}\u00ad{P1[12:]}"
