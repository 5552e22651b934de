"""PDFs: the text layer's printed lines, rejoined by the repairs, without page numbers and running heads."""

import sys
from pathlib import Path

import pytest

from qualitytui.core.files import SkipFile, discover
from qualitytui.core.ingest import read_document
from qualitytui.core.pdf_text import pdf_to_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pdf_maker import make_pdf  # noqa: E402

I = "\u3000"  # each leading one sets a line in by a character
HEAD = "青政办发〔2025〕3号"
# an official document as Word or WPS exports it: the headline centred over two lines, paragraphs opening
# on an indent, the issuer and the day set to the right, a running header and page numbers on every page
NOTICE = [
    [HEAD, "", I * 6 + "青岛市人民政府办公厅关于印发", I * 8 + "质量提升行动方案的通知", "", "各区、市人民政府，市政府各部门：",
     I * 2 + "现将《青岛市质量提升行动方案》印发给你们，请认", "真贯彻执行。", I * 2 + "到2027年，全市质量整体水平显著提升，培育“青",
     "岛优品”品牌100个，全市质量竞争型产业占比达到", "— 1 —"],
    [HEAD, "", "55%。", I * 2 + "各区、市要加强组织领导，落实工作责任，确保各", "项任务落到实处。", "",
     I * 14 + "青岛市人民政府办公厅", I * 15 + "2025年3月5日", "— 2 —"],
    [HEAD, "", I * 2 + "（此件公开发布）", "— 3 —"],
]


def test_page_numbers_and_a_running_header_are_taken_off_and_said():
    text, notes = pdf_to_text(make_pdf(NOTICE))
    assert "— 1 —" not in text and "— 3 —" not in text and HEAD not in text
    assert notes == ["text taken from a PDF (3 pages)", "page numbers left out (3 pages)",
                     "running header left out: '青政办发〔…〕…号' (3 pages)"]


def test_the_layout_tells_the_headline_paragraphs_and_the_issuers_block_apart():
    text, _ = pdf_to_text(make_pdf(NOTICE))
    assert text.split("\n")[:4] == [
        "# 青岛市人民政府办公厅关于印发质量提升行动方案的通知",  # set in at the head: one headline
        "",  # the gap under it
        "各区、市人民政府，市政府各部门：",
        I * 2 + "现将《青岛市质量提升行动方案》印发给你们，请认",  # an indent opens a paragraph
    ]
    assert "\n\n青岛市人民政府办公厅\n2025年3月5日\n" in text  # set to the right: a block of its own


def test_a_pdf_reads_as_an_article_its_sentences_whole_across_lines_and_pages(tmp_path):
    (tmp_path / "通知.pdf").write_bytes(make_pdf(NOTICE))
    found, _ = discover(tmp_path)
    digest, doc = read_document(found[0], "通知")
    assert doc.title == "青岛市人民政府办公厅关于印发质量提升行动方案的通知"
    assert [x.text for x in doc.passages if x.kind == "body"] == [
        "各区、市人民政府，市政府各部门：",
        "现将《青岛市质量提升行动方案》印发给你们，请认真贯彻执行。",
        # broken at the page's end: whole, with the page number and the header between its halves gone
        "到2027年，全市质量整体水平显著提升，培育“青岛优品”品牌100个，全市质量竞争型产业占比达到55%。",
        "各区、市要加强组织领导，落实工作责任，确保各项任务落到实处。",
    ]
    assert doc.warnings[0] == "text taken from a PDF (3 pages)"


def test_a_headline_in_larger_type_is_one_heading_however_wide_its_lines():
    page = [(80, 800, "青岛市人民政府办公厅关于印发青岛市质量", 22), (110, 770, "提升行动方案的通知", 22),
            (72, 720, "各区、市人民政府，市政府各部门：", 16), (104, 692, "现将方案印发给你们，请结合实际认真贯彻", 16),
            (72, 664, "落实。", 16)]
    text, _ = pdf_to_text(make_pdf([page]))
    assert text == ("# 青岛市人民政府办公厅关于印发青岛市质量提升行动方案的通知\n\n各区、市人民政府，市政府各部门：\n"
                    "\u3000\u3000现将方案印发给你们，请结合实际认真贯彻\n落实。\n")


def test_an_official_documents_banner_and_number_are_no_headline(tmp_path):
    page = [(150, 800, "青岛市人民政府办公厅文件", 26), (220, 760, "青政办发〔2025〕3号", 16),
            (80, 700, "青岛市人民政府办公厅关于印发青岛市质量", 22), (140, 670, "提升行动方案的通知", 22),
            (72, 620, "各区、市人民政府，市政府各部门：", 16), (104, 592, "现将方案印发给你们，请结合实际认真贯彻", 16),
            (72, 564, "落实。", 16), (72, 536, "一、工作目标", 20), (104, 500, "到2027年，全市质量整体水平显著", 16),
            (72, 472, "提升。", 16)]
    text, _ = pdf_to_text(make_pdf([page]))
    assert text.split("\n\n")[:4] == ["青岛市人民政府办公厅文件", "青政办发〔2025〕3号",
                                       "# 青岛市人民政府办公厅关于印发青岛市质量提升行动方案的通知",
                                       "各区、市人民政府，市政府各部门：\n\u3000\u3000现将方案印发给你们，请结合实际认真贯彻\n落实。"]
    assert "\n\n# 一、工作目标\n\n" in text  # a heading in larger type further on: a block of its own
    (tmp_path / "通知.pdf").write_bytes(make_pdf([page]))
    found, _ = discover(tmp_path)
    _, doc = read_document(found[0], "通知")
    assert doc.title == "青岛市人民政府办公厅关于印发青岛市质量提升行动方案的通知"
    kinds = {x.text: x.kind for x in doc.passages}
    assert kinds["青岛市人民政府办公厅文件"] == kinds["青政办发〔2025〕3号"] == "furniture"
    assert kinds["一、工作目标"] == "heading"


def test_two_columns_read_one_after_the_other_with_no_line_taken_for_set_in():
    left = ["第一栏第一行的正文没有结束，接着", "写到第二行。第一栏的第二段也在这", "里结束了。"]
    right = ["第二栏的正文从这里开始，也写了", "两行才结束。"]
    page = [(72, 800 - 20 * k, t) for k, t in enumerate(left)] + [(320, 800 - 20 * k, t) for k, t in enumerate(right)]
    text, _ = pdf_to_text(make_pdf([page]))
    assert text == "\n".join(left + right) + "\n"  # column after column; no blank lines, no indents


def test_the_same_text_at_the_top_of_every_page_is_no_running_header_when_it_runs_on():
    para = ["到2027年，全市质量整体水平显著提升，", "培育“青岛优品”品牌100个。"]
    text, notes = pdf_to_text(make_pdf([para * 3] * 4))  # a text that repeats: each page opens on the same line
    assert text.count("到2027年") == 12 and len(notes) == 1


def test_lines_that_only_look_like_furniture_stay():
    text, _ = pdf_to_text(make_pdf([["同一行", "第一页的正文。"], ["同一行", "第二页的正文。"]]))
    assert text.count("同一行") == 2  # at the top of two pages only: no running header
    text, notes = pdf_to_text(make_pdf([["标题", "2025年的正文。"]]))
    assert "2025年的正文。" in text and notes == ["text taken from a PDF (1 page)"]


@pytest.mark.parametrize("data, reason", [
    (make_pdf([[]]), "no text in the PDF"),
    (make_pdf([["\ue001\ue002\ue003\ue004\ue005", "\ue006\ue007\ue008"]]), "cannot be read"),  # glyphs mapped to nothing
    (b"not a pdf at all", "damaged PDF"),
])
def test_a_pdf_with_no_text_to_read_says_why(data, reason):
    with pytest.raises(SkipFile, match=reason):
        pdf_to_text(data)


def test_reading_a_damaged_pdf_prints_nothing(capfd):
    for data in (make_pdf(NOTICE)[:-300], b"%PDF-1.4\n1 0 obj << /Type /Catalog >>"):
        with pytest.raises(SkipFile):
            pdf_to_text(data)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
