"""The documents list's filter: words of the title, subtitle, byline or file, pinyin, years, unread."""

from qualitytui.core.doc_filter import DocumentFilter


def doc(id_, title, date=None, byline=None, subtitle=None):
    return {"id": id_, "title": title, "subtitle": subtitle, "byline": byline,
            "date": {"value": date, "precision": "day", "inferred": True} if date else None}


DOCS = [
    doc("2024/a", "崂山区入选全国首批质量强县培育建设创新试点", "2024-03-20", byline="青岛日报 记者 王伟"),
    doc("2024/b", "省市场监管局推进质量强链", "2024", subtitle="好品山东"),
    doc("2022/c", "青岛市2022年质量月主题活动举行", "2022-09-29"),
    doc("misc/d", "城阳区：从制造到创造"),  # undated
]


def kept(typed, read=()):
    return [d["id"] for d in DocumentFilter(DOCS).keep(typed, DOCS, lambda i: i in read)]


def test_words_of_the_title_subtitle_byline_or_file_in_any_form():
    assert kept("") == kept("  ") == ["2024/a", "2024/b", "2022/c", "misc/d"]
    assert kept("质量") == ["2024/a", "2024/b", "2022/c"]
    assert kept("質量 強鏈") == ["2024/b"]  # traditional characters; every word holds
    assert kept("好品山东") == ["2024/b"] and kept("王伟") == ["2024/a"] and kept("misc") == ["misc/d"]
    assert kept("质量 AND 强链") == ["2024/b"] and kept("质量 and") == []  # (and in small letters is a word)


def test_pinyin_as_a_search_reads_it():
    assert kept("laoshan") == ["2024/a"] and kept("chengyang") == ["misc/d"]
    assert kept("zhili") == ["2024/a", "2024/b", "2022/c"]  # on the way to zhiliang: 质量
    assert kept("zhili ") == []  # typed to its end: zhi-li (治理) is in no title
    assert kept("láoshān") == kept("lao2shan1") == ["2024/a"]  # with its tones


def test_years_keep_the_documents_dated_then_and_unread_those_never_opened():
    assert kept("2024") == ["2024/a", "2024/b"] and kept("2022..2023") == ["2022/c"]
    assert kept("..2030") == ["2024/a", "2024/b", "2022/c"]  # an undated document is in no year
    assert kept("unread", read={"2024/a", "2022/c"}) == ["2024/b", "misc/d"]
    assert kept("2024 unread", read={"2024/a"}) == ["2024/b"]


def test_the_order_given_is_kept():
    flt = DocumentFilter(DOCS)
    newest_first = [DOCS[1], DOCS[0], DOCS[2]]
    assert [d["id"] for d in flt.keep("质量", newest_first, lambda i: False)] == ["2024/b", "2024/a", "2022/c"]


def test_a_word_after_a_dash_or_not_leaves_out_what_it_would_keep():
    assert kept("-2024") == ["2022/c", "misc/d"] and kept("NOT 2024") == kept("-2024")  # (undated: in no year)
    assert kept("-unread", read={"2024/a"}) == ["2024/a"] and kept("质量 -laoshan") == ["2024/b", "2022/c"]
    assert kept("质量 NOT 強鏈") == ["2024/a", "2022/c"]  # traditional, as kept
    assert kept("-") == kept("") and kept("-zhili") == kept("")  # a dash alone; a word left out is typed to its end
