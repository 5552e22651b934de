"""Entity rules on made-up sentences, including ones that must not match."""

import re

import pytest

from qualitytui.core.entities import extract_entities
from qualitytui.core.segment import get_segmenter


def entities(*texts, kinds=None):
    kinds = kinds or ["body"] * len(texts)
    passages = [{"id": f"d#{i}", "doc": "d", "kind": k, "text": t} for i, (t, k) in enumerate(zip(texts, kinds))]
    found, _ = extract_entities([("d", passages)], get_segmenter().tag)
    return {(e.type, e.name) for e in found}, found


def names(found, type_):
    return {n for t, n in found if t == type_}


def test_policy_documents_from_book_title_marks():
    got, _ = entities("省里印发《关于加快发展先进制造业集群的实施意见》和《某市品牌建设促进条例》。")
    assert names(got, "policy_document") == {"关于加快发展先进制造业集群的实施意见", "某市品牌建设促进条例"}


def test_people_from_titles_comrade_and_bylines():
    got, _ = entities("会上，市场监管局局长王建国发布了工作要点。", "李小红同志荣获劳动模范称号。", "记者 张三 李四", kinds=["body", "body", "byline"])
    assert names(got, "person") == {"王建国", "李小红", "张三", "李四"}


def test_a_three_character_name_the_tagger_cut_two_and_one_stays_whole():
    tag = get_segmenter().tag
    assert tag("局长吴涛英发布了工作要点")[1:3] == [("吴涛", "nr"), ("英", "j")]  # the cut that misled
    got, _ = entities("会上，市场监管局局长吴涛英发布了工作要点。", "吴涛英介绍，全市质量工作稳步推进。")
    assert names(got, "person") == {"吴涛英"}
    got, _ = entities("会上，市场监管局局长张伟在会上讲话。", "市场监管局局长王芳说，要抓好落实。")
    assert names(got, "person") == {"张伟", "王芳"}  # a word after the name is not its end


def test_a_persons_name_at_the_head_of_a_place_is_not_a_mention_of_the_person():
    tag = get_segmenter().tag
    assert [w for w, _ in tag("金峰乡积极开展质量基础设施助力行动")][:2] == ["金峰", "乡"]  # the cut that misled
    _, found = entities("报业集团总经理金峰现场推介了博览会。", "金峰乡积极开展质量基础设施助力行动。",
                        "金峰市长在会上讲话。", "金峰区域合作取得进展。")
    [person] = [e for e in found if e.name == "金峰"]
    assert [m["passage"] for m in person.mention_dicts()] == ["d#0", "d#2", "d#3"]


def test_a_name_does_not_start_inside_a_place_the_segmenter_cut_in_pieces():
    tag = get_segmenter().tag
    assert [w for w, _ in tag("举办首届大箐山县质量创新大赛")][2:5] == ["大", "箐", "山县"]  # the cut this rule mends
    got, _ = entities("举办首届大箐山县质量创新大赛。", "大箐山县市场监管局发布通知。", "举办首届褒忠乡质量创新大赛。")
    assert names(got, "event") == {"大箐山县质量创新大赛", "褒忠乡质量创新大赛"}
    assert names(got, "organization") == {"大箐山县市场监管局"}
    got, _ = entities("我们举办首届质量创新大赛。")  # no place at its head: nothing added to the name
    assert names(got, "event") <= {"质量创新大赛"}


def test_a_title_before_an_award_is_not_a_person():
    # 二水乡 opens on a numeral, so no award is found to outweigh 市长 + 质量奖 as a title and a name
    got, _ = entities("雷神公司等66家企业荣获二水乡市长质量奖。", "市长李茂喜在会上讲话。")
    assert names(got, "person") == {"李茂喜"}


def test_a_three_character_name_the_segmenter_cut_in_two_is_one_person():
    tag = get_segmenter().tag
    assert [w for w, _ in tag("局长余辉斌发布了")][1:3] == ["余辉", "斌"]  # the cut this rule mends
    got, found = entities("监管局党组书记、局长余辉斌发布了工作要点。", "余辉斌介绍，今年将继续推进。")
    assert names(got, "person") == {"余辉斌"}
    assert [m["text"] for e in found if e.name == "余辉斌" for m in e.mention_dicts()] == ["余辉斌", "余辉斌"]
    got, _ = entities("局长王强说，工作要点已经发布。")  # a two-character name stays two
    assert names(got, "person") == {"王强"}


def test_what_follows_a_title_is_no_name_when_it_is_a_verb_phrase_or_another_title():
    tag = get_segmenter().tag
    assert tag("副市长分管工作")[2:4] == [("分管", "vn"), ("工作", "vn")]  # 分管工 then 作 looked like a name
    got, _ = entities("副市长分管工作。", "书记处书记出席。", "浙江大学教授张明在接受本报记者采访时表示。")
    assert names(got, "person") == {"张明"}
    assert tag("总经理付强介绍")[1] == ("付强", "v")  # a name the segmenter tags as a verb is still one
    got, _ = entities("总经理付强介绍。")
    assert names(got, "person") == {"付强"}


def test_a_reporter_in_running_text_is_followed_by_a_verb_a_name_cut_oddly_is_still_a_name():
    tag = get_segmenter().tag
    assert ("申长", "v") in tag("局长申长雨介绍")  # not a word of the dictionary, unlike 分管 or 采访
    got, _ = entities("他在会上回答记者提问。", "国家知识产权局局长申长雨介绍情况。")
    assert names(got, "person") == {"申长雨"}


def test_a_name_that_is_a_dictionary_word_is_not_linked_beyond_its_document():
    docs = [("a", [{"id": "a#0", "kind": "body", "text": "总经理付强介绍，今年将继续推进。"}]),
            ("b", [{"id": "b#0", "kind": "body", "text": "付强说了什么。王建国说。"}]),
            ("c", [{"id": "c#0", "kind": "body", "text": "局长王建国介绍情况。"}])]
    found, _ = extract_entities(docs, get_segmenter().tag)
    docs_of = {e.name: sorted({m[0] for m in e.mentions}) for e in found if e.type == "person"}
    assert docs_of == {"付强": ["a"], "王建国": ["b", "c"]}  # 付强 is a word of the dictionary; 王建国 is not


def test_role_nouns_after_a_title_are_not_names():
    got, _ = entities("会后，主任助理说，下一步将加快推进。", "局长秘书表示同意。")
    assert names(got, "person") == set()


def test_professions_before_a_name_name_a_person_only_where_the_tagger_tags_one():
    got, _ = entities("复旦大学附属华山医院专家张文宏提醒市民做好冬季防护。", "律师张伟表示，合同有效。",
                      "高级工程师赵强说，设备运行良好。")
    assert names(got, "person") == {"张文宏", "张伟", "赵强"}
    got, _ = entities("邀请专家团队，开展现场指导。", "老师们说，学生进步很大。", "专家学者，纷纷点赞。")
    assert names(got, "person") == set()


def test_a_byline_inside_a_body_passage_names_its_people():
    got, _ = entities("本报讯（记者 李华 通讯员 王伟）日前，济南市历下区召开推进会。")
    assert names(got, "person") == {"李华", "王伟"}


def test_title_words_alone_are_not_people():
    got, _ = entities("局长发布了工作要点，主任介绍了情况。")
    assert names(got, "person") == set()


def test_places_from_the_gazetteer_with_and_without_suffix():
    got, _ = entities("青岛市崂山区与杭州滨江区开展合作，崂山的经验在青岛推广。")
    assert {"青岛市", "崂山区", "杭州市", "滨江区"} <= names(got, "place")


def test_common_words_are_not_places():
    got, _ = entities("城市发展需要深度融合，事关百姓福祉安康。")
    assert names(got, "place") == set()


def test_a_place_the_segmenter_cut_in_pieces_is_one_place():
    tag = get_segmenter().tag
    assert [w for w, _ in tag("宽城满族自治县打造平台")][:3] == ["宽城", "满族", "自治县"]  # the cuts this rule mends
    assert [w for w, _ in tag("褒忠乡今年举办")][:2] == ["褒忠", "乡"]
    got, _ = entities("宽城满族自治县打造芯片全链路验证平台。", "大箐山县召开会议。", "褒忠乡今年举办展会。",
                      "成都市双流区举办活动。")
    assert names(got, "place") == {"宽城满族自治县", "大箐山县", "褒忠乡", "成都市", "双流区"}


def test_a_place_names_suffix_alone_is_not_a_place():
    got, _ = entities("全省各民族自治县和自治州都在行动，瑶族自治县也不例外。")
    assert not {"自治县", "自治州", "瑶族自治县", "民族自治县"} & names(got, "place")


def test_a_full_place_name_that_is_an_ordinary_word_needs_its_prefecture():
    got, _ = entities("城区和郊区的交通都在改善，矿区也在治理。")
    assert names(got, "place") == set()
    got, _ = entities("阳泉市城区召开会议。")
    assert "阳泉市城区" in names(got, "place")


def test_a_meeting_verb_is_not_the_head_of_an_events_name():
    tag = get_segmenter().tag
    assert ("召开大会", "v") in tag("金秀瑶族自治县召开大会")  # one word ending the way events end
    got, _ = entities("金秀瑶族自治县召开大会。")
    assert names(got, "event") == set()
    assert names(got, "place") == {"金秀瑶族自治县"}


def test_autonomous_areas_by_their_short_names():
    got, found = entities("广西积极推进，延边州和大理州开展合作。", "内蒙古、新疆和西藏也在行动。")
    assert {"广西壮族自治区", "延边朝鲜族自治州", "大理白族自治州", "内蒙古自治区", "新疆维吾尔自治区",
            "西藏自治区"} <= names(got, "place")


def test_a_place_inside_a_place_tagged_as_one_word_is_two_places():
    tag = get_segmenter().tag
    assert ("上海市浦东新区", "ns") in tag("他来自上海市浦东新区。")  # the segmenter's one word
    got, _ = entities("他来自上海市浦东新区。", "云南省西双版纳傣族自治州热带雨林保护成效明显。", "这座大城市很繁华。")
    assert names(got, "place") == {"上海市", "浦东新区", "云南省", "西双版纳傣族自治州"}


def test_named_economic_regions_are_places_in_no_province():
    got, found = entities("长三角地区科研合作不断深化，京津冀协同发展取得新进展。", "省市场监管局发布通知。", "山东省召开会议。")
    assert {"长三角", "京津冀"} <= names(got, "place")
    assert "山东省市场监管局" in names(got, "organization")  # a region does not stand for the document's province


def test_countries_are_places_and_do_not_stand_for_the_documents_province():
    got, _ = entities("国务院总理李强在北京会见了来访的新加坡总理。", "青岛企业与德国、日本企业签约，产品出口印度尼西亚。",
                      "延边朝鲜族自治州发展边境贸易。", "省市场监管局发布通知。", "山东省召开会议。")
    assert {"新加坡", "德国", "日本", "印度尼西亚", "延边朝鲜族自治州"} <= names(got, "place")
    assert "朝鲜" not in names(got, "place")  # (the people in the prefecture's name)
    assert "山东省市场监管局" in names(got, "organization")
    got, _ = entities("中美经贸合作持续深化，加快建设质量强国。")
    assert not names(got, "place")  # short forms and 强国 are no countries


def test_state_level_new_areas_are_places_of_their_province_named_with_their_city():
    got, found = entities("河北省雄安新区重点项目建设全面提速。", "青岛西海岸新区举办推介会。西海岸新区将继续招商。")
    assert {"雄安新区", "青岛西海岸新区"} <= names(got, "place")
    [area] = [e for e in found if e.name == "青岛西海岸新区"]
    assert "西海岸新区" in area.aliases


def test_names_with_their_place_in_brackets_are_one_name_opening_on_guojia():
    got, found = entities("此次会议举办地国家质量基础设施（青岛）总部基地是城阳区加强质量建设的平台。",
                          "活动在城阳区国家质量基础设施（青岛）总部基地举行。", "中国质量（青岛）大会在青岛举行。",
                          "国家虚拟现实创新中心(青岛)、青岛虚拟现实整机企业参加。")
    assert "国家质量基础设施（青岛）总部基地" in names(got, "organization")
    assert "中国质量（青岛）大会" in names(got, "event")
    assert "国家虚拟现实创新中心" in names(got, "organization")
    [base] = [e for e in found if e.name == "国家质量基础设施（青岛）总部基地"]
    assert len(base.mentions) == 2
    got, _ = entities("质量（青岛）大会召开。", "2022（青岛）大会召开。", "研发中心（青岛）将投入使用。", "技术创新中心（青岛）建成。")
    assert not names(got, "event") and not names(got, "organization")  # one generic word, a year, a description


def test_parts_of_hong_kong_are_not_the_city_of_a_documents_bodies():
    got, _ = entities("深水埗区举办活动。", "市委、市政府高度重视。")
    assert {"市委", "市政府"} <= names(got, "organization")


def test_bodies_of_each_city_are_not_the_documents_citys():
    got, _ = entities("青岛市召开会议。", "由各市市场监管局商市委组织部、市人力资源社会保障局确定发放范围。",
                      "市委组织部将牵头落实。")
    orgs = names(got, "organization")
    assert "青岛市委组织部" in orgs  # named in a sentence of its own: the document's city's
    assert "青岛市人力资源社会保障局" not in orgs  # named only for each city


def test_a_level_the_segmenter_glued_to_the_preposition_before_it_still_opens_the_bodys_name():
    tag = get_segmenter().tag
    assert ("从省", "n") in tag("记者从省市场监管局获悉") and ("由市", "n") in tag("由市发展改革委牵头")  # the cuts that misled
    got, _ = entities("山东省济南市召开质量大会。", "记者从省市场监管局获悉，由市发展改革委牵头推进。")
    orgs = names(got, "organization")
    assert {"山东省市场监管局", "济南市发展改革委"} <= orgs
    assert not any(o.startswith(("记者", "从", "由")) for o in orgs)
    got, _ = entities("安徽省和县召开质量大会。")  # 和县 is a county, not 和 and a level
    assert "和县" in names(got, "place")


def test_a_name_before_its_title_and_no_verb_after_a_title_is_a_person():
    got, _ = entities("习近平总书记强调，要坚持质量第一。", "李强总理主持召开会议。", "王伟局长表示，将持续推进质量强市建设。")
    assert names(got, "person") == {"习近平", "李强", "王伟"}  # not 强调, 表示
    got, _ = entities("检验检测中心主任付强介绍，会议举办地设在青岛。")  # a name the dictionary has as a verb
    assert names(got, "person") == {"付强"}


def test_a_bodys_head_and_the_title_after_it_cut_as_one_word_are_told_apart():
    tag = get_segmenter().tag
    assert ("协会会长", "n") in tag("中国质量协会会长贾福兴出席会议")  # the cut that misled
    got, _ = entities("中国质量协会会长贾福兴出席会议。", "国家市场监督管理总局局长罗文在会上讲话。")
    assert {"中国质量协会", "国家市场监督管理总局"} <= names(got, "organization")
    assert {"贾福兴", "罗文"} <= names(got, "person")
    got, _ = entities("辽宁省沈阳市委书记王新伟主持召开座谈会。")  # 市委书记 stays whole: the party committee
    assert "沈阳市委" in names(got, "organization") and "辽宁省沈阳市委" not in names(got, "organization")


def test_standing_committees_of_the_peoples_congresses_and_the_cppcc_are_bodies():
    got, _ = entities("山东省青岛市召开质量大会。", "全国人大常委会副委员长郑建邦率执法检查组赴山西检查。",
                      "市人大常委会主任出席。", "全国政协委员、省政协副主席王伟出席。")
    orgs = names(got, "organization")
    assert {"全国人大常委会", "青岛市人大常委会", "全国政协", "山东省政协"} <= orgs  # 市…, 省… read in the document's place


def test_a_newspaper_named_in_the_text_is_an_organization():
    got, _ = entities("据青岛早报报道，新区建设加快推进。")
    assert "青岛早报" in names(got, "organization")


def test_an_article_in_traditional_characters_is_read_like_its_simplified_twin():
    simplified = "9月28日，青岛市市场监督管理局局长高善武在城阳区发布工作要点，青岛啤酒、海尔集团参加。"
    traditional = "9月28日，青島市市場監督管理局局長高善武在城陽區發布工作要點，青島啤酒、海爾集團參加。"
    assert len(simplified) == len(traditional)
    _, a = entities(simplified)
    _, b = entities(traditional)
    assert {(e.type, e.name) for e in a} == {(e.type, e.name) for e in b}  # names in simplified form
    assert sorted(m[2:] for e in a for m in e.mentions) == sorted(m[2:] for e in b for m in e.mentions)
    assert {"高善武", "青岛市市场监督管理局", "城阳区", "海尔集团"} <= {e.name for e in b}


def test_county_short_form_needs_its_full_name_in_the_document():
    got, _ = entities("城阳的企业很多。")
    assert "城阳区" not in names(got, "place")


def test_organisations_by_suffix_with_a_sound_left_edge():
    got, _ = entities("城阳区人民政府和城阳区市场监管局共同建设平台，中国海洋大学参与。")
    orgs = names(got, "organization")
    assert {"城阳区人民政府", "城阳区市场监管局", "中国海洋大学"} <= orgs
    assert not any(o.startswith(("和", "共同")) for o in orgs)


@pytest.mark.parametrize("name", [
    "工业和信息化部", "国家发展和改革委员会", "人力资源和社会保障部", "生态环境部", "应急管理部", "农业农村部",
    "退役军人事务部", "审计署", "海关总署", "青岛市文化和旅游局", "青岛市自然资源和规划局", "青岛海关", "国家铁路局",
])
def test_government_bodies_named_with_and_or_with_a_phrase_the_segmenter_knows(name):
    got, _ = entities(f"{name}日前发布通知。")
    assert name in names(got, "organization")


def test_a_bodys_head_glued_to_the_word_after_it_is_cut_off():
    tag = get_segmenter().tag
    assert ("部等", "u") in tag("工业和信息化部等部门将参加")  # the segmenter's glued token
    got, _ = entities("工业和信息化部等部门将参加。", "国家发展改革委等部门联合印发实施方案。")
    assert names(got, "organization") == {"工业和信息化部", "国家发展改革委"}
    assert ("部副", "n") in tag("生态环境部副部长")  # and before a deputy's title
    got, _ = entities("自然资源部副部长王广华回答记者提问。", "生态环境部副部长主持会议。")
    assert names(got, "organization") == {"自然资源部", "生态环境部"} and names(got, "person") == {"王广华"}


def test_a_name_given_for_short_stands_for_its_thing_in_that_document_only():
    docs = [("a", [{"id": "a#0", "kind": "body", "text": "省政府印发《山东省质量强省建设三年行动方案（2024—2026年）》（以下简称《方案》）。《方案》提出，要加快发展。"},
                   {"id": "a#1", "kind": "body", "text": "国家市场监督管理总局（以下简称“市场监管总局”）发布通知。市场监管总局表示，将加强监管。"}]),
            ("b", [{"id": "b#0", "kind": "body", "text": "各地要制定实施方案，《方案》另行印发。"}])]
    found, _ = extract_entities(docs, get_segmenter().tag)
    by_name = {e.name: e for e in found}
    plan = by_name["山东省质量强省建设三年行动方案（2024—2026年）"]
    assert "方案" in plan.aliases and [m[0] for m in plan.mentions] == ["a", "a", "a"]
    assert by_name["方案"].mentions[0][0] == "b"  # another document's 《方案》 is another document
    assert len(by_name["国家市场监督管理总局"].mentions) == 3


def test_a_word_outside_the_dictionary_may_open_a_companys_name():
    tag = get_segmenter().tag
    assert ("潍柴", "x") in tag("潍柴动力股份有限公司荣获")  # tagged like punctuation
    got, _ = entities("海尔集团、潍柴动力股份有限公司荣获第五届中国质量奖。")
    assert {"海尔集团", "潍柴动力股份有限公司"} <= names(got, "company")


def test_a_bodys_own_office_and_a_union_are_bodies():
    got, _ = entities("教育部办公厅日前印发通知。", "中华全国总工会开展慰问活动。", "省总工会召开全委会议。")
    assert {"教育部办公厅", "中华全国总工会"} <= names(got, "organization")
    got, _ = entities("全部办公室都已启用。", "基层干部办公室条件改善。", "部分工会会员参加活动。")
    assert names(got, "organization") == set()


def test_the_office_of_a_level_body_is_a_body_of_the_documents_place():
    got, found = entities("青岛市召开质量大会。", "会议由市政协办公厅主任李明主持，市委办公厅、市政府办公厅负责同志列席。",
                          "市政协副主席王伟出席。")
    assert {"青岛市政协办公厅", "青岛市委办公厅", "青岛市政府办公厅", "青岛市政协"} <= names(got, "organization")
    # two level bodies side by side are two bodies, not one's office
    got, _ = entities("青岛市召开质量大会。", "2021年，市委市政府联合印发意见。")
    assert {"青岛市委", "青岛市政府"} <= names(got, "organization")
    assert not {n for n in names(got, "organization") if "市委市政府" in n}


def test_a_document_naming_no_place_on_its_own_is_placed_by_its_bodies_names():
    got, _ = entities("近日，青岛市政协办公厅、青岛市市场监管局召开会议。市委办公厅负责同志出席。")
    assert "青岛市委办公厅" in names(got, "organization")
    got, _ = entities("近日，市政协办公厅召开会议。")  # nothing to place it by: left as written
    assert names(got, "organization") == {"市政协办公厅"}


def test_a_list_running_on_into_the_verb_organise_does_not_end_in_an_organisation():
    got, _ = entities("近日，青岛市政协办公厅、青岛市市场监管局组织召开协商会。")
    assert "青岛市市场监管局" in names(got, "organization")
    assert not {n for n in names(got, "organization") if n.endswith("组织")}
    got, _ = entities("中国科学院、世界卫生组织共同发布报告。")  # a body named 组织 in a list stays one
    assert "世界卫生组织" in names(got, "organization")


def test_a_standing_a_city_works_for_is_not_a_body():
    got, _ = entities("大连加快打造东北亚国际航运中心。", "上海建设国际金融中心取得新进展。")
    assert names(got, "organization") == set()
    got, _ = entities("国家虚拟现实制造业创新中心已投入运行。")  # a centre that is a body still is one
    assert names(got, "organization") == {"国家虚拟现实制造业创新中心"}


def test_a_land_feature_is_a_place_and_is_cut_from_the_place_it_lies_in():
    tag = get_segmenter().tag
    assert ("新疆塔里木盆地", "ns") in tag("在新疆塔里木盆地获得油气勘探新发现")  # one word to the segmenter
    got, _ = entities("中国石化在新疆塔里木盆地获得油气勘探新发现。", "柴达木盆地盐湖资源丰富。")
    assert {"新疆维吾尔自治区", "塔里木盆地", "柴达木盆地"} <= names(got, "place")
    got, _ = entities("这一地区的地形以盆地为主。")
    assert names(got, "place") == set()


def test_words_that_end_like_bodies_are_not_bodies():
    got, _ = entities("加快构建新发展格局，基层干部走进展厅，各单位要部署落实。", "寒潮将影响中东部地区。")
    assert names(got, "organization") == set()
    got, _ = entities("农业农村部部署秋冬种生产工作。")
    assert names(got, "organization") == {"农业农村部"}
    got, _ = entities("市场监管局发布通知。")  # every city's and county's: named by its place or level only
    assert names(got, "organization") == set()


def test_a_body_listed_after_a_level_body_is_of_that_level():
    got, _ = entities("山东省会同省发展改革委、教育厅、科技厅等部门开展工作。")
    assert {"山东省发展改革委", "山东省教育厅", "山东省科技厅"} <= names(got, "organization")


def test_a_department_of_a_level_body_is_the_documents_own():
    got, _ = entities("青岛市召开会议，市委组织部、市人力资源社会保障局参加。")
    assert {"青岛市委组织部", "青岛市人力资源社会保障局"} <= names(got, "organization")


def test_a_body_named_for_what_it_protects_or_revives_keeps_its_verb():
    # 保护, 振兴, 扶贫 name what a body is for (知识产权保护中心, 乡村振兴局), as 管理, 服务 do
    got, _ = entities("青岛市知识产权保护中心开展培训。", "国家乡村振兴局印发通知。", "市精准扶贫办公室负责同志介绍。")
    assert {"青岛市知识产权保护中心", "国家乡村振兴局"} <= names(got, "organization")
    assert any(o.endswith("精准扶贫办公室") for o in names(got, "organization"))
    # a verb of doing is not part of a name: the sentence's subject and verb stay out of it
    got, _ = entities("市民参观展览中心。", "上海市浦东新区引进研发中心。", "企业落户青岛市产业园区。")
    assert not [o for o in names(got, "organization") if "参观" in o or "引进" in o or "落户" in o]


def test_level_prefix_takes_the_documents_own_place():
    got, found = entities("山东省济南市、青岛市、烟台市推进试点。", "省市场监管局积极推动质量强链工作。")
    assert "山东省市场监管局" in names(got, "organization")
    ent = next(e for e in found if e.name == "山东省市场监管局")
    assert "省市场监管局" in ent.aliases


def test_abbreviations_merge_into_one_entity():
    got, found = entities("青岛市市场监督管理局发布通知。", "青岛市市场监管局召开会议。")
    orgs = [e for e in found if e.type == "organization"]
    assert len(orgs) == 1 and {"青岛市市场监督管理局", "青岛市市场监管局"} <= orgs[0].aliases


def test_companies_from_suffix_lists_and_apposition():
    got, _ = entities(
        "甲乙科技、丙丁智能和戊己数据等3家企业入选。",
        "引导链主企业山推股份加大投入。",
        "德州恒力电机有限公司供应电机。",
    )
    assert {"甲乙科技", "丙丁智能", "戊己数据", "山推股份", "德州恒力电机有限公司"} <= names(got, "company")


def test_an_enumeration_without_a_company_tail_is_not_companies():
    got, _ = entities("围绕新一代信息技术、智能制造、生物医药等行业企业提供服务。")
    assert names(got, "company") == set()


@pytest.mark.parametrize("text, brand", [
    ("18家企业入选“好品山东”。", "好品山东"),
    ("全市启动“青岛优品”工程。", "青岛优品"),
    ("“崂山茶”“崂山检测”等特色品牌享誉全国。", "崂山茶"),
])
def test_quoted_names_that_name_a_programme_or_brand(text, brand):
    got, _ = entities(text)
    assert brand in names(got, "program_or_brand")


@pytest.mark.parametrize("text", [
    "构建起高质量发展的“四梁八柱”。",
    "抓住了高质量发展的“牛鼻子”。",
    "提供了“崂山样本”的实践阵地。",
    "扛牢“走在前、当排头”使命担当。",
])
def test_quoted_slogans_and_metaphors_are_not_brands(text):
    got, _ = entities(text)
    assert names(got, "program_or_brand") == set()


def test_awards_and_events():
    got, _ = entities(
        "黄某同志荣获山东省省长质量奖，企业获得中国质量奖提名奖和一等奖。",
        "第五届跨国公司领导人青岛峰会期间，首届青岛国际品质生活博览会开幕，“质量月”活动同步举行。",
    )
    assert {"山东省省长质量奖", "中国质量奖提名奖"} <= names(got, "award")
    assert "一等奖" not in names(got, "award")
    assert {"跨国公司领导人青岛峰会", "青岛国际品质生活博览会", "质量月"} <= names(got, "event")


def test_mentions_cover_every_occurrence_with_offsets():
    text = "局长高善武发布了工作要点。高善武介绍，今年将继续推进。"
    _, found = entities(text)
    ent = next(e for e in found if e.name == "高善武")
    assert [(m["start"], m["end"]) for m in ent.mention_dicts()] == [(2, 5), (13, 16)]
    assert all(text[m["start"] : m["end"]] == "高善武" for m in ent.mention_dicts())


def test_enumerations_are_found_where_the_bare_pattern_finds_them():
    import random

    from qualitytui.core import entity_rules
    from qualitytui.core.normalize import normalize
    from qualitytui.paths import builtin_corpus_dir

    texts = [normalize(f.read_text(encoding="utf-8")) for f in sorted(builtin_corpus_dir().glob("*.txt"))]
    rng = random.Random(7)
    texts += ["".join(rng.choices("青岛海尔、和及以abAB，1 ", k=rng.randint(5, 60))) for _ in range(3000)]
    texts += ["海尔、海信、青岛啤酒和澳柯玛等企业", "一二三四五六七八九十一二、三四"]

    def spans(matches):
        return [(m.span(), m.group("items")) for m in matches]

    assert all(spans(entity_rules._list_matches(t)) == spans(entity_rules._LIST.finditer(t)) for t in texts)
    assert sum(len(spans(entity_rules._list_matches(t))) for t in texts) > 500


def test_title_pattern_matches_where_the_bare_alternation_does():
    import random
    import re

    from qualitytui.core import entity_rules
    from qualitytui.core.normalize import normalize
    from qualitytui.paths import builtin_corpus_dir

    bare = re.compile(
        rf"(?:{'|'.join(sorted(entity_rules.TITLES, key=len, reverse=True))})[ \u3000]?(?P<name>[\u4e00-\u9fff]{{2,3}})"
    )
    texts = [normalize(f.read_text(encoding="utf-8")) for f in sorted(builtin_corpus_dir().glob("*.txt"))]
    rng = random.Random(11)
    pieces = list(entity_rules.TITLES) + list("高善武主任市长副局记者，、。 ") + ["总经理", "院士"]
    texts += ["".join(rng.choices(pieces, k=rng.randint(2, 25))) for _ in range(3000)]

    def spans(pattern, text):
        return [(m.span(), m.group("name")) for m in pattern.finditer(text)]

    assert all(spans(entity_rules._TITLE_NAME, t) == spans(bare, t) for t in texts)
    assert sum(len(spans(bare, t)) for t in texts) > 1000


def test_merge_names_joins_each_form_to_its_long_name():
    from collections import Counter

    from qualitytui.core.entities import merge_names

    names = {key: Counter() for key in [
        ("company", "青岛啤酒"), ("company", "青啤"), ("company", "青啤集团"),  # first characters of each word
        ("organization", "青岛市市场监督管理局"), ("organization", "青岛市市场监管局"),  # same ends, in order
        ("organization", "山东省市场监管局"),  # another place: not the same body
        ("event", "崂山区推进新型工业化暨企业高质量发展大会"), ("event", "新型工业化暨企业高质量发展大会"),
        ("organization", "市场监管"), ("organization", "青岛大学"),  # no long form of these
        ("organization", "北京大学"), ("organization", "北大"), ("organization", "山东大学"), ("organization", "山大"),
        ("organization", "北京市大数据局"), ("organization", "北局"),  # 北局 is no word-by-word abbreviation
    ]}
    owner = merge_names(names)
    assert owner[("company", "青啤")] == owner[("company", "青啤集团")] == ("company", "青岛啤酒")
    assert owner[("organization", "青岛市市场监管局")] == ("organization", "青岛市市场监督管理局")
    assert owner[("organization", "山东省市场监管局")] == ("organization", "山东省市场监管局")
    assert owner[("event", "新型工业化暨企业高质量发展大会")] == ("event", "崂山区推进新型工业化暨企业高质量发展大会")
    assert owner[("organization", "市场监管")] == ("organization", "市场监管")
    assert owner[("organization", "青岛大学")] == ("organization", "青岛大学")
    # a place opening the long name (北京, 山东) does not hide the abbreviation of the whole
    assert owner[("organization", "北大")] == ("organization", "北京大学")
    assert owner[("organization", "山大")] == ("organization", "山东大学")
    assert owner[("organization", "北局")] == ("organization", "北局")
    assert owner[("organization", "北京市大数据局")] == ("organization", "北京市大数据局")


def test_merge_names_keeps_each_city_s_short_form_with_its_own_city():
    from collections import Counter

    from qualitytui.core.entities import merge_names

    cities = ["青岛市", "济南市", "烟台市", "潍坊市", "淄博市", "威海市", "日照市", "临沂市", "德州市", "聊城市"]
    names = {("organization", f"{c}{body}"): Counter() for c in cities for body in ("市场监督管理局", "市场监管局")}
    names[("organization", "市场监管局")] = Counter()  # no place: a form of the first ranked long name
    owner = merge_names(names)
    for c in cities:
        assert owner[("organization", f"{c}市场监管局")] == ("organization", f"{c}市场监督管理局")
    assert owner[("organization", "市场监管局")][1].endswith("市场监督管理局")


def test_a_one_character_word_between_two_bodies_joins_them_it_is_not_inside_one():
    got, _ = entities("对暂不符合条件的，由各市市场监管局商市委组织部、市人力资源社会保障局确定发放范围。")
    assert not [n for t, n in got if "商" in n]  # 市场监管局 consults 市委组织部: not one body
    # a body inside a longer name, with no such word between, still makes one name
    got, _ = entities("山东省科学院海洋仪器仪表研究所发布了报告。", "崂山区人民政府办公室印发通知。")
    assert names(got, "organization") == {"山东省科学院海洋仪器仪表研究所", "崂山区人民政府办公室"}


def test_a_level_body_alone_is_the_party_committee_or_government_of_the_document_s_place():
    got, found = entities("青岛市召开质量大会。", "市委、市政府历来高度重视质量工作。", "2021年，市委市政府联合印发意见。")
    assert {"青岛市委", "青岛市政府"} <= names(got, "organization")
    assert {m["text"] for e in found if e.name == "青岛市委" for m in e.mention_dicts()} == {"市委"}
    # the tail of another phrase, or the head of a department's name, is not the body itself
    got, _ = entities("青岛市召开质量大会。", "市质量办会同各区市政府推进。", "由各市市场监管局商市委组织部确定。")
    assert not {"青岛市委", "青岛市政府", "市委", "市政府"} & names(got, "organization")


def test_a_named_meeting_is_an_event_a_meeting_in_general_is_not():
    got, _ = entities("中央经济工作会议提出，要大力推进新型工业化。")
    assert names(got, "event") == {"中央经济工作会议"}
    got, _ = entities("会议指出，各部门要召开专题会议，研究部署相关工作。", "局党组召开会议传达精神。")
    assert not names(got, "event")
    # a named meeting of a kind: 协商会 is a meeting, though it ends like 商会, a chamber of commerce
    got, _ = entities("青岛市政协召开质量提升专题协商会。", "青岛市召开全市质量工作推进会。", "青岛市浙江商会举行年会。")
    assert {"质量提升专题协商会"} <= names(got, "event") and "质量提升专题协商会" not in names(got, "organization")
    assert "青岛市浙江商会" in names(got, "organization")
    got, _ = entities("会后召开座谈会。", "双方举行研讨会。")  # a meeting in general
    assert not names(got, "event")


def test_a_named_hotel_is_a_company_a_hotel_in_general_is_not():
    got, _ = entities("景区和星河湾大酒店获评省级文明旅游示范单位。")
    assert "星河湾大酒店" in names(got, "company")
    got, _ = entities("全市新增高端酒店12家，星级宾馆入住率上升。")
    assert not names(got, "company")


def test_a_level_body_is_not_marked_again_where_it_does_not_stand_alone():
    got, found = entities("青岛市召开质量大会。", "经市政府批准，市质量办会同各区市政府推进。")
    texts = [(m["passage"], m["text"]) for e in found if e.name == "青岛市政府" for m in e.mention_dicts()]
    assert texts == [("d#1", "市政府")]  # 经市政府批准, not 各区市政府


def test_the_level_body_words_are_the_level_body_pattern():
    from qualitytui.core import entity_rules as R

    words = {a + b + c for a in "省市区县中" for b in ("委", "政府", "人民", "") for c in ("", "政府", "委")}
    pattern = re.compile(r"^[省市区县](?:委|政府|人民政府)$")
    assert {w for w in words if pattern.match(w)} == {w for w in words if R.is_level_body(w)}


def test_overlaps_are_settled_longest_first_then_by_type_however_many_candidates():
    import random

    from qualitytui.core.entities import _PRIORITY, select
    from qualitytui.core.entity_rules import Candidate

    def reference(cands):  # the rule spelled out: each in turn kept unless it overlaps one kept
        kept = []
        for c in sorted(cands, key=lambda c: (-(c.end - c.start), -_PRIORITY[c.type], c.start)):
            if all(c.end <= k.start or c.start >= k.end for k in kept):
                kept.append(c)
        return sorted(kept, key=lambda c: c.start)

    rng = random.Random(3)
    types = sorted(_PRIORITY)
    for n in (0, 1, 2, 5, 50, 3000):  # (3000: a passage of tens of thousands of characters)
        cands = []
        for _ in range(n):
            start = rng.randrange(0, 20 * n + 10)
            end = start + rng.randrange(1, 12)
            cands.append(Candidate(start, end, rng.choice(types), "x" * (end - start), "test"))
        assert select(cands) == reference(cands)


def test_places_opening_a_body_each_inside_the_one_before_are_places_of_their_own():
    got, _ = entities("河北省石家庄市市场监督管理局发布通知。", "广东省深圳市华强电子有限公司扩建厂房。",
                      "山东省潍坊市寿光市农业农村局召开会议。")
    assert {"石家庄市市场监督管理局", "寿光市农业农村局"} <= names(got, "organization")
    assert "深圳市华强电子有限公司" in names(got, "company")
    assert {"河北省", "广东省", "山东省", "潍坊市"} <= names(got, "place")
    # one place, or places not one inside the other, stay in the name
    got, _ = entities("山东省市场监督管理局发布通知。", "河北省广东省商会召开年会。")
    assert {"山东省市场监督管理局", "河北省广东省商会"} <= names(got, "organization")


def test_a_meeting_whose_head_the_segmenter_cuts_in_two_is_an_event():
    tag = get_segmenter().tag
    assert [w for w, _ in tag("山东省质量强省建设推进会在济南召开")][4:6] == ["推进", "会"]  # the cut that hid it
    got, _ = entities("4月1日，山东省质量强省建设推进会在济南召开。", "中日韩产业对接会在青岛举行。",
                      "全国质量月活动启动。", "中国品牌日活动在上海举行。")
    assert {"山东省质量强省建设推进会", "中日韩产业对接会", "质量月", "中国品牌日"} <= names(got, "event")
    # 推进会 as "pushing on will…", and words that only start like a head, are no events
    got, _ = entities("这一政策的推进会带来新的变化。", "基础设施建设推进会更顺利。", "双方对接会更加顺畅。",
                      "质量月度报告显示，品牌日益壮大。", "要加快建设推进会展经济。")
    assert not names(got, "event")


def test_places_opening_an_events_name_each_inside_the_one_before_are_places_of_their_own():
    got, _ = entities("河南省洛阳市牡丹文化节吸引游客超千万人次。", "山东省质量强省建设推进会在济南召开。")
    assert "河南省" in names(got, "place") and "洛阳市牡丹文化节" in names(got, "event")
    assert "山东省质量强省建设推进会" in names(got, "event")  # one place: the province's own meeting


def test_a_verb_ending_like_a_body_and_a_companys_board_are_no_bodies():
    tag = get_segmenter().tag
    assert ("研究部署", "n") in tag("会议研究部署了下一步工作")  # one word, ending in 署 as 审计署 does
    got, _ = entities("会议研究部署了下一步工作，统筹部署质量提升行动。", "海尔集团董事局主席周云杰在论坛上发言。",
                      "青岛啤酒股份有限公司董事会审议通过年度报告。")
    assert not {n for t, n in got if n.endswith(("部署", "董事局", "董事会"))}
    assert {"海尔集团", "青岛啤酒股份有限公司"} <= names(got, "company") and "周云杰" in names(got, "person")
