"""Date expressions, their resolution, and each document's inferred date — on made-up passages."""

import pytest

from qualitytui.core.dates import extract_dates, infer_document_date, path_day


def doc(*texts, kinds=None):
    kinds = kinds or ["body"] * len(texts)
    return [{"id": f"d#{i}", "kind": k, "text": t} for i, (t, k) in enumerate(zip(texts, kinds))]


def items(*texts, **kw):
    return extract_dates(doc(*texts, **kw))


def test_explicit_forms_including_spaced_and_both_dashes():
    _, got = items("2021 年 7 月，市委印发意见。", "发布《行动计划(2025—2027年)》和《方案(2024-2028年)》。", "2022年9月28日举行。")
    by_text = {i.date_text: i for i in got}
    assert by_text["2021 年 7 月"].start == "2021-07" and not by_text["2021 年 7 月"].inferred
    assert (by_text["2025—2027年"].start, by_text["2025—2027年"].end, by_text["2025—2027年"].kind) == ("2025", "2027", "plan_period")
    assert (by_text["2024-2028年"].start, by_text["2024-2028年"].end) == ("2024", "2028")
    assert by_text["2022年9月28日"].start == "2022-09-28" and by_text["2022年9月28日"].precision == "day"


def test_targets_and_statistics():
    _, got = items("到2025年底，全省将打造试点项目10个。", "2024年，全区工业增加值增长18.3%。", "截至目前，全市拥有品牌企业26家。")
    kinds = {i.date_text: (i.kind, i.start) for i in got}
    assert kinds["2025年底"] == ("target", "2025-12")
    assert kinds["2024年"][0] == "statistic_period"
    assert kinds["截至目前"][0] == "statistic_period"


def test_durations_vague_phrases_and_recurring_days_are_not_events():
    _, got = items("2017年起，每年5月10日为品牌日。近年来，连续六年获评A级，近几年发展迅速。")
    assert [i.date_text for i in got] == ["2017年"]


def test_relative_dates_resolve_against_the_document_date():
    passages = doc(
        "市质量月主题活动昨日举行", "9月28日上午，2022年质量月活动在城阳区举行。",
        "今年4月，平台入选典型案例。去年底，会议提出要求。", "9月，质量月如约而至。28日上午9时，活动开始。",
        "今年以来，全市新增企业3000家。",
        kinds=["subtitle", "body", "body", "body", "body"],
    )
    date, got = extract_dates(passages)
    assert (date.value, date.precision) == ("2022-09-29", "day")
    assert any("昨日" in e for e in date.evidence)
    by_text = {i.date_text: i for i in got}
    assert by_text["昨日"].start == "2022-09-28" and by_text["昨日"].inferred
    assert by_text["今年4月"].start == "2022-04"
    assert by_text["去年底"].start == "2021-12"
    assert by_text["28日"].start == "2022-09-28"  # day only: the month named before it in the passage
    assert (by_text["今年以来"].start, by_text["今年以来"].end) == ("2022-01", "2022-09-29")
    assert all(i.inference_note for i in got if i.inferred)


def test_last_this_and_next_month_and_week_resolve_against_the_documents_day():
    date, got = extract_dates(doc("发布时间：2024-03-05", "上周，市场监管局发布了年度报告。本月底前，全市将完成企业培训。"
                                  "下个月，青岛将举办品牌博览会。上月，全市新增企业300家。", kinds=["furniture", "body"]))
    assert date.value == "2024-03-05"  # a Tuesday
    assert {i.date_text: (i.start, i.end, i.kind) for i in got} == {
        "上周": ("2024-02-26", "2024-03-03", "event"),
        "本月底": ("2024-03", None, "target"),
        "下个月": ("2024-04", None, "event"),
        "上月": ("2024-02", None, "event"),
    }
    _, got = extract_dates(doc("发布时间：2025-01-02", "上个月，全市新增企业300家。", kinds=["furniture", "body"]))
    assert [(i.date_text, i.start) for i in got] == [("上个月", "2024-12")]  # across the year's turn
    assert not extract_dates(doc("2024年，全市新增企业。上周，市场监管局发布了报告。"))[1][1:]  # a year only: no week


def test_month_ranges_and_the_first_months_of_a_year_are_statistic_periods():
    _, got = extract_dates(doc("发布时间：2024-09-10", "今年1至8月，青岛港完成货物吞吐量4.6亿吨。2023年1—8月，全市规上工业增加值增长5%。"
                               "前8个月，集装箱吞吐量创新高。1-7月，全市新增企业3000家。去年前八个月，出口增长3%。"
                               "9月15日至16日，博览会举行。", kinds=["furniture", "body"]))
    assert {i.date_text: (i.start, i.end, i.kind) for i in got} == {
        "今年1至8月": ("2024-01", "2024-08", "statistic_period"),
        "2023年1—8月": ("2023-01", "2023-08", "statistic_period"),
        "前8个月": ("2024-01", "2024-08", "statistic_period"),
        "1-7月": ("2024-01", "2024-07", "statistic_period"),
        "去年前八个月": ("2023-01", "2023-08", "statistic_period"),
        "9月15日至16日": ("2024-09-15", "2024-09-16", "event"),
    }
    _, got = extract_dates(doc("2024年8-3月，全市新增企业。"))  # no range runs backwards
    assert [i.date_text for i in got] == []


def test_dates_in_chinese_numerals_and_an_official_documents_day_of_signing():
    from qualitytui.core.shapes import cn_int

    assert [cn_int(t) for t in ("二〇二四", "一九九八", "十", "十二", "二十", "三十一", "五", "一月")] == [
        2024, 1998, 10, 12, 20, 31, 5, None]
    date, got = extract_dates(doc("现将有关事项通知如下。到二〇二五年底，全市质量竞争型产业占比达到55%。二〇二四年三月，全市召开会议。",
                                  "青岛市人民政府 二〇二四年三月五日", kinds=["body", "furniture"]))
    assert date.value == "2024-03-05" and date.evidence == ["signed: 二〇二四年三月五日"]
    assert {i.date_text: (i.start, i.kind) for i in got} == {"二〇二五年底": ("2025-12", "target"),
                                                            "二〇二四年三月": ("2024-03", "event")}
    assert extract_dates(doc("一二三四年，全市推进。"))[1] == []  # no year outside 1900–2100


def test_a_day_in_arabic_numerals_under_the_issuer_is_the_day_of_signing_elsewhere_of_publication():
    body = "现将《行动方案》印发给你们，请认真贯彻执行。"
    under_issuer = [
        doc(body, "青岛市人民政府办公厅", "2025年3月5日", kinds=["body", "furniture", "furniture"]),
        doc(body, "青岛市人民政府办公厅 2025年3月5日", kinds=["body", "furniture"]),
    ]
    for passages in under_issuer:
        d = infer_document_date(passages)
        assert d.evidence == ["signed: 2025年3月5日"] and d.to_dict()["inferred"] is False  # the document says it
        assert d.issuer == "青岛市人民政府办公厅"
    elsewhere = [
        doc("2025年3月5日", body, kinds=["furniture", "body"]),  # over the text
        doc(body, "2025年3月5日", kinds=["body", "furniture"]),  # under the last paragraph, no issuer
        doc("青岛市人民政府办公厅", "2025年3月5日", body, kinds=["furniture", "furniture", "body"]),  # text follows
    ]
    for passages in elsewhere:
        d = infer_document_date(passages)
        assert (d.year, d.month, d.day) == (2025, 3, 5) and d.evidence == ["published: 2025年3月5日"]
        assert d.issuer is None


def test_document_year_from_reviewed_year_plans_or_targets():
    assert infer_document_date(doc("2024年，全区增长18.3%。", "2025年，如何乘胜追击？")).to_dict()["inferred"] is True
    assert infer_document_date(doc("2024年，全区增长18.3%。", "2025年，如何乘胜追击？")).year == 2025
    assert infer_document_date(doc("此前已发布《方案(2025-2027年)》。")).year == 2025
    d = infer_document_date(doc("到2025年底，全省将打造试点项目10个。"))
    assert d.year == 2023 and "target" in d.evidence[0]
    assert infer_document_date(doc("没有任何日期的段落。")).year is None


def test_lead_date_gives_the_day():
    d = infer_document_date(doc("3月20日，某区召开大会。", "2024年，全区增长18.3%。2025年将继续推进。"))
    assert (d.year, d.month, d.day) == (2025, 3, 20)


def test_relative_dates_without_any_document_date_are_left_out():
    _, got = items("今年以来，全市新增企业3000家。昨日举行。")
    assert got == []


def test_the_first_character_check_finds_exactly_what_the_bare_alternation_finds():
    import re

    from qualitytui.core import dates
    from qualitytui.core.normalize import normalize
    from qualitytui.paths import builtin_corpus_dir

    bare = re.compile(dates._ALTERNATIVES)
    texts = [normalize(f.read_text(encoding="utf-8")) for f in sorted(builtin_corpus_dir().glob("*.txt"))]
    texts += ["截至目前，第三季度以来、上半年和下半年、前年、明年3月、近期、日前、昨天、28日上午、２０２２年９月",
              "٢٠٢٢年 and 12月份 at 5日起, 2025—2027年, 2024-2028年, 2022首届", "本月底前、这个月、上周、本周、下个月、上月", "2023年1—8月、今年1至8月、1-7月、前8个月、去年前八个月"]
    def found(p):
        return [(m.lastgroup, m.span(), m.groupdict()) for t in texts for m in p.finditer(t)]
    assert found(dates._PATTERN) == found(bare) and len(found(bare)) > 50


def test_a_date_followed_by_before_is_a_deadline_and_as_of_is_a_count():
    _, got = items("2024年12月31日前，全市将完成100家企业数字化改造。", "截至2024年底，全市已有83家企业完成改造。",
                   "截至11月底，已有83家企业完成改造。", "到明年，实现全覆盖。")
    kinds = {i.date_text: (i.kind, i.start) for i in got}
    assert kinds["2024年12月31日"] == ("target", "2024-12-31")
    assert kinds["2024年底"] == ("statistic_period", "2024-12")
    assert kinds["11月底"][0] == "statistic_period"
    assert kinds["明年"][0] == "target"


def test_a_part_of_a_month_is_in_the_dates_text_and_the_month_is_its_start():
    _, got = items("发布时间：2024-07-16", "截至5月底，全省已开工项目1200个。", "到2025年6月底，完成全部任务。",
                   "今年3月中旬，召开推进会。", "明年1月初，启动评选。", "8月下旬，举办博览会。")
    found = {i.date_text: (i.start, i.precision, i.kind) for i in got}
    assert found["5月底"] == ("2024-05", "month", "statistic_period")
    assert found["2025年6月底"] == ("2025-06", "month", "target")
    assert found["今年3月中旬"][:2] == ("2024-03", "month")
    assert found["明年1月初"][:2] == ("2025-01", "month")
    assert found["8月下旬"][:2] == ("2024-08", "month")


def test_yesterday_does_not_date_the_article_by_a_deadline():
    date = infer_document_date(doc("昨日，记者获悉，2024年12月31日前，全市将完成改造。", "2024年第三季度，全市工业投资增长12%。"))
    assert (date.year, date.month, date.day) == (2024, None, None)
    date = infer_document_date(doc("昨日，记者获悉，9月28日，全市召开大会。", "2022年全市工业投资增长12%。"))
    assert date.value == "2022-09-29"


@pytest.mark.parametrize("path, day", [
    ("2024-03-18_发布会.txt", (2024, 3, 18)), ("archive/20240318.txt", (2024, 3, 18)),
    ("news/2024/03/18/稿件.txt", (2024, 3, 18)), ("2024年3月18日青岛.md", (2024, 3, 18)),
    ("2024.03.05 济南.txt", (2024, 3, 5)), ("2025-2027年行动方案.txt", None), ("000_dd8c9580cc043703.txt", None),
    ("2024年3月18.txt", None), ("a/20241301.txt", None), ("ids/123420240318999.txt", None), ("00000.txt", None),
])
def test_a_day_in_the_files_path(path, day):
    assert (path_day(path) or (None,))[:3] == (day or (None,))


def test_a_day_in_the_files_path_dates_the_article_unless_the_page_prints_its_own():
    texts = ("3月20日，全市召开质量大会。", "今年以来，全市新增企业500家。")
    date, got = extract_dates(doc(*texts), path="2023/2023-03-21_质量大会.txt")
    assert (date.value, date.precision) == ("2023-03-21", "day") and "2023-03-21" in date.evidence[0]
    assert {i.date_text: i.start for i in got} == {"3月20日": "2023-03-20", "今年以来": "2023-01"}
    assert extract_dates(doc(*texts))[0].year is None  # without it, no year at all
    date, _ = extract_dates(doc("2024年12月3日　星期二　第3版", *texts, kinds=["furniture", "body", "body"]), path="2023-03-21.txt")
    assert date.value == "2024-12-03"  # the page's own header wins


def test_quarters_and_half_years_span_their_months():
    _, got = items("2024年第三季度，全市工业投资增长12%。", "2024年前三季度，外贸进出口增长5%。", "2023年下半年，新开工项目30个。",
                   "今年上半年，全市规模以上工业增加值同比增长7.5%。")
    spans = {i.date_text: (i.start, i.end, i.kind) for i in got}
    assert spans["2024年第三季度"] == ("2024-07", "2024-09", "statistic_period")
    assert spans["2024年前三季度"][:2] == ("2024-01", "2024-09")
    assert spans["2023年下半年"][:2] == ("2023-07", "2023-12")
    assert spans["今年上半年"] == ("2024-01", "2024-06", "statistic_period")  # the article's year: the latest named, 2024
    assert "上半年" not in spans and "2024年" not in spans  # one item each, not a second for the year or the half


def test_five_year_plans_are_plan_periods():
    _, got = items("“十四五”期间，全市计划培育专精特新企业1000家。", "谋划“十五五”规划重大项目。", "第十四届全国人大召开。")
    spans = {i.date_text: (i.start, i.end, i.kind) for i in got}
    assert spans == {"十四五": ("2021", "2025", "plan_period"), "十五五": ("2026", "2030", "plan_period")}


def test_a_dateline_dates_the_article_and_yesterday_is_the_day_before():
    doc_date, got = items("本报青岛12月3日讯 昨日，某公司在青岛发布2024年可持续发展报告。今年前三季度，公司实现营业收入2000亿元，同比增长4.5%。")
    assert doc_date.value == "2024-12-03" and any("dateline" in e for e in doc_date.evidence)
    spans = {i.date_text: (i.start, i.end, i.kind) for i in got}
    assert spans["昨日"][0] == "2024-12-02"
    assert spans["今年前三季度"] == ("2024-01", "2024-09", "statistic_period")  # 前 here is no deadline


def test_day_ranges_are_one_item_from_the_first_day_to_the_last():
    _, got = items("2024年9月15日至16日，大会在青岛举行。", "3月30日—4月2日举办展会。")
    spans = {i.date_text: (i.start, i.end, i.precision) for i in got}
    assert spans == {"2024年9月15日至16日": ("2024-09-15", "2024-09-16", "day"),
                     "3月30日—4月2日": ("2024-03-30", "2024-04-02", "day")}


def test_sessions_of_the_congresses_are_dated_by_their_calendar():
    doc_date, got = items("本报北京3月6日电 昨日，十四届全国人大二次会议在人民大会堂开幕。", "全国政协十四届二次会议闭幕。",
                          "党的二十大报告指出，到2035年基本实现社会主义现代化。")
    spans = {i.date_text: i.start for i in got}
    assert spans["十四届全国人大二次会议"] == "2024" and spans["全国政协十四届二次会议"] == "2024"
    assert spans["党的二十大"] == "2022"
    assert doc_date.value == "2024-03-06" and spans["昨日"] == "2024-03-05"  # 2035 is an aim, no year of the past


def test_an_anniversary_dates_the_article():
    doc_date, _ = items("庆祝中国共产党成立100周年大会今天上午隆重举行。", "1921年7月，中国共产党第一次全国代表大会召开。")
    assert doc_date.year == 2021 and any("周年" in e for e in doc_date.evidence)


def test_dates_in_traditional_characters():
    doc_date, got = items("本報訊 昨日，2024年第三季度全市工業投資增長12%。今年以來，全市新增企業300家。")
    spans = {i.date_text: (i.start, i.kind) for i in got}
    assert spans["2024年第三季度"] == ("2024-07", "statistic_period") and spans["今年以來"][1] == "statistic_period"


def test_the_page_header_dates_the_article():
    passages = doc("2024年12月3日　星期二　第3版", "今年前11个月，集装箱吞吐量增长7.2%。2023年增长5%。", kinds=["furniture", "body"])
    date, got = extract_dates(passages)
    assert date.value == "2024-12-03" and date.evidence == ["the page header: 2024年12月3日 星期二 第3版"]
    assert "2024年12月3日" not in {i.date_text for i in got}  # the header is no dated item of the article


def test_a_web_pages_publication_date_and_iso_dates():
    passages = doc("发布时间：2025-03-18 10:20  来源：青岛日报", "截至2024/12/31，全市累计新增企业300家。", kinds=["furniture", "body"])
    date, got = extract_dates(passages)
    assert date.value == "2025-03-18" and date.evidence == ["published: 发布时间：2025-03-18"]
    assert {i.date_text: (i.start, i.kind) for i in got} == {"2024/12/31": ("2024-12-31", "statistic_period")}
    fields = doc("来源：大众日报\u3000\u3000发布时间：2025-03-18 09:30\u3000\u3000字号：大 中 小", "全市累计新增企业300家。",
                 kinds=["furniture", "body"])  # the date after other fields of the page's line
    date, _ = extract_dates(fields)
    assert date.value == "2025-03-18" and date.evidence == ["published: 发布时间：2025-03-18"]
    front = '--- title: "示范" published: 2024-03-05 tags: - clippings ---'  # a Markdown file's front matter
    date, _ = extract_dates(doc(front, "全市累计新增企业300家。", kinds=["furniture", "body"]))
    assert date.value == "2024-03-05" and date.evidence == ["the front matter: published: 2024-03-05"]
    for line, when in (("2024-03-05 10:20来源：青岛日报", "2024-03-05"), ("2024年3月5日", "2024年3月5日")):  # the day first
        date, _ = extract_dates(doc(line, "全市累计新增企业300家。", kinds=["furniture", "body"]))
        assert date.value == "2024-03-05" and date.evidence == [f"published: {when}"]


def test_a_dates_title_is_its_clause_and_a_passage_without_punctuation_gives_the_text_at_the_date():
    _, got = items("为推进质量强市建设，2024年3月全市召开质量大会，部署全年工作。")
    assert [i.title for i in got] == ["2024年3月全市召开质量大会"]
    filler = "质量强链品牌建设标准引领" * 200  # 2 400 characters with no clause end
    _, got = items(filler + "2023年5月召开推进会" + filler)
    [item] = got
    assert item.title.startswith("2023年5月召开推进会") and len(item.title) == 40


def test_a_long_clauses_title_shows_its_date_in_the_list_item_or_document_title_that_holds_it():
    _, got = items("活动现场发布三大榜单，分别是青岛市入选第一批“好品山东”品牌企业名单、2021年度青岛市通过“泰山品质”认证企业名单、"
                   "2022年度山东省高端品牌培育企业名单。")
    assert [i.title for i in got] == ["2021年度青岛市通过“泰山品质”认证企业名单", "2022年度山东省高端品牌培育企业名单"]
    _, got = items("大会上，正式发布《崂山区推进新型工业化高质量发展 打造“质造崂山”三年行动计划(2025—2027年)》"
                   "《崂山区建设国内一流科产融合创新型强区行动方案(2024—2028年)》及《若干政策措施》。")
    first, second = got
    assert second.title == "《崂山区建设国内一流科产融合创新型强区行动方案(2024—2028年)》"
    assert first.title.startswith("…") and "(2025—2027年)》" in first.title and len(first.title) <= 40  # its own is longer
    _, got = items("记者从市市场监督管理局质量发展处获悉的最新情况显示这座城市的品牌培育工作在2024年取得了明显成效并将继续推进")
    [item] = got
    assert item.title.startswith("…") and "在2024年取得" in item.title and len(item.title) <= 40


def test_a_year_the_text_puts_behind_its_own_dates_it_the_year_after():
    doc_date, got = items("10月25日，市统计局发布前三季度经济运行情况。", "前三季度，全市生产总值增长5.5%，2022年同期为3.9%。")
    assert doc_date.year == 2023 and "same period" in doc_date.evidence[0]
    assert {i.date_text: i.start for i in got}["10月25日"] == "2023-10-25"
    doc_date, got = items("日前，省里通报2021年度市级政府质量工作考核结果，潍坊市获评A级。明年，将继续推进标准化改革。")
    assert doc_date.year == 2022 and "results" in doc_date.evidence[0]
    assert {i.date_text: i.start for i in got}["明年"] == "2023"
    doc_date, _ = items("2021年度“青岛优品”名单公布于2021年12月。")  # no results made known: the year named
    assert doc_date.year == 2021
    doc_date, _ = items("2021年，全市质量工作取得新进展，考核结果位居全省前列。")  # 年, not 年度: the year it reviews
    assert doc_date.year == 2021


def test_a_year_said_to_be_is_the_articles_year_not_an_aim():
    doc_date, got = items("2024年是实现“十四五”规划目标任务的关键一年。今年以来，各地加快推进重大工程。")
    assert doc_date.year == 2024 and {i.date_text: i.start for i in got}["今年以来"] == "2024-01"
    doc_date, _ = items("2035年，我国发展的总体目标是基本实现社会主义现代化。2024年，全市工业增加值增长8%。")
    assert doc_date.year == 2024  # an aim ahead is still no year of the past
    doc_date, _ = items("2025年为实现规划目标的攻坚之年。2024年，全市完成投资100亿元。")  # 为: is
    assert doc_date.year == 2025


def test_today_is_the_articles_day_but_not_in_todays():
    _, got = items("本报上海5月10日电 今天，2025年中国品牌日活动在上海开幕。", "今天的青岛，处处是品牌的身影。")
    today = [i for i in got if i.date_text == "今天"]
    assert [(i.start, i.precision, i.inferred) for i in today] == [("2025-05-10", "day", True)]


def test_a_year_reported_as_past_beside_this_years_figures_is_the_year_before():
    doc_date, got = items("今年1至8月，青岛港完成货物吞吐量4.6亿吨，8月份集装箱吞吐量创新高。",
                          "2022年，青岛港货物吞吐量突破6亿吨。力争到2025年建成世界一流海洋港口。")
    assert doc_date.year == 2023 and "今年" in doc_date.evidence[0]
    assert {i.date_text: i.start for i in got}["8月份"] == "2023-08"
    # the year named as it is going on, or without 今年 beside it: that year
    assert items("今年以来，全市新增企业300家。2022年青岛市质量月活动昨日举行。")[0].year == 2022
    assert items("2022年，青岛港货物吞吐量突破6亿吨。8月份集装箱吞吐量创新高。")[0].year == 2022
    # what was done in a year named by its number, beside the text's own 今年 (any part of it): a year before
    doc_date, got = items("截至今年6月，全市累计制定农业地方标准320项。2021年，潍坊获批国家农业标准化示范区建设项目。",
                          "今年下半年，潍坊将再建设一批示范基地。")
    assert doc_date.year == 2022 and {i.date_text: i.start for i in got}["今年下半年"] == "2022-07"
    assert items("2021年，潍坊获批国家农业标准化示范区建设项目。下半年，将再建设一批。")[0].year == 2021  # no 今年


def test_the_end_of_the_year_without_a_year_is_the_articles():
    _, got = items("2023年1月12日，全市召开会议。力争年底前培育省级质量标杆企业20家。", "到今年年底，建成10个。去年年底，发布方案。",
                   "截至年底，全市共有200家。每年年底前报送总结。")
    spans = [(i.date_text, i.start, i.kind) for i in got if i.inferred]
    assert spans == [("年底", "2023-12", "target"), ("今年年底", "2023-12", "target"), ("去年年底", "2022-12", "event"),
                     ("年底", "2023-12", "statistic_period")]  # (每年年底: every year's, no date)


def test_the_nth_of_a_yearly_day_dates_the_article():
    doc_date, got = items("今天是第五个“中国品牌日”。2017年，国务院批准将每年5月10日设立为“中国品牌日”。昨天，品牌建设促进会成立。")
    assert (doc_date.year, doc_date.month, doc_date.day) == (2021, 5, 10) and "2017 + 5 - 1" in doc_date.evidence[0]
    assert {i.date_text: i.start for i in got}["昨天"] == "2021-05-09"
    # an award of the same first word is no yearly day: 中国质量奖 is not 中国品牌日
    doc_date, _ = items("第四届中国质量奖评选揭晓。2017年，国家确定每年5月10日为“中国品牌日”。")
    assert doc_date.year == 2017


def test_a_quarter_without_a_year_and_a_day_before_a_closing_are_of_the_articles_year():
    _, got = items("本报讯 2023年10月25日，市统计局发布数据。前三季度，全市生产总值增长5.5%。第二季度增速加快。",
                   "活动5月10日开幕，将于12日闭幕。连续三个季度增长。")
    spans = {i.date_text: (i.start, i.end, i.kind) for i in got}
    assert spans["前三季度"] == ("2023-01", "2023-09", "statistic_period")
    assert spans["第二季度"][:2] == ("2023-04", "2023-06") and spans["12日"][0] == "2023-05-12"
    assert not any("个季度" in t for t in spans)  # a count of quarters
    _, got = items("2024年第三季度，出口增长。")
    assert [(i.date_text, i.start, i.end) for i in got] == [("2024年第三季度", "2024-07", "2024-09")]  # one, whole
