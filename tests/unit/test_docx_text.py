"""Word documents (.docx): the body's text, headings, tables and text boxes, never what was deleted."""

import io
import zipfile

import pytest

from qualitytui.core.docx_text import docx_to_text
from qualitytui.core.files import SkipFile, discover
from qualitytui.core.ingest import read_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
STYLES = f"""<w:styles {W}>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/></w:style>
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Body Text"/></w:style>
</w:styles>"""


def p(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def docx(body, styles=STYLES):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>")
        if styles:
            z.writestr("word/styles.xml", styles)
    return out.getvalue()


NOTICE = "".join([
    p("青岛市人民政府办公厅关于印发青岛市质量提升行动方案的通知", "1"),
    p("青政办发〔2025〕3号"),
    p("各区、市人民政府，市政府各部门："),
    # a run deleted with tracked changes, a field code, a line break inside the paragraph
    '<w:p><w:r><w:t>现将《青岛市质量提升行动方案》印发给你们，</w:t></w:r><w:del><w:r><w:delText>不要这句。</w:delText></w:r></w:del>'
    '<w:r><w:instrText>PAGE</w:instrText></w:r><w:ins><w:r><w:t>请认真贯彻执行。</w:t></w:r></w:ins></w:p>',
    p("一、主要目标", "2"),
    # a text box, with the fallback copy Word keeps beside it
    '<w:p><w:r><w:t>到2027年，全市质量整体水平显著提升。</w:t></w:r><w:r><mc:AlternateContent><mc:Choice>'
    '<w:drawing><w:txbxContent>' + p("图框里的说明文字。") + '</w:txbxContent></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><w:txbxContent>' + p("图框里的说明文字。") + '</w:txbxContent></w:pict></mc:Fallback>'
    '</mc:AlternateContent></w:r></w:p>',
    '<w:tbl><w:tr><w:tc>' + p("序号") + '</w:tc><w:tc>' + p("任务") + '</w:tc><w:tc>' + p("责任单位") + '</w:tc></w:tr>'
    '<w:tr><w:tc>' + p("1") + '</w:tc><w:tc>' + p("培育“青岛优品”") + '</w:tc><w:tc>' + p("市市场监管局") + '</w:tc></w:tr></w:tbl>',
    "<w:p/>",
    p("青岛市人民政府办公厅"),
    '<w:p><w:r><w:t>2025年3月5日</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>（此件公开发布）</w:t></w:r></w:p>',
])


def test_a_word_documents_body_reads_in_order_with_its_headings_and_tables():
    assert docx_to_text(docx(NOTICE)).split("\n\n") == [
        "# 青岛市人民政府办公厅关于印发青岛市质量提升行动方案的通知",  # Chinese Word's style "1", named heading 1
        "青政办发〔2025〕3号",
        "各区、市人民政府，市政府各部门：",
        "现将《青岛市质量提升行动方案》印发给你们，请认真贯彻执行。",  # the deletion and the field code left out
        "## 一、主要目标",
        "到2027年，全市质量整体水平显著提升。",
        "图框里的说明文字。",  # once: the fallback copy is not read
        "- 序号 | 任务 | 责任单位\n- 1 | 培育“青岛优品” | 市市场监管局",  # a table: a block, a row an item
        "青岛市人民政府办公厅",
        "2025年3月5日\n（此件公开发布）\n",  # a line break stays a line break
    ]


def test_a_banner_in_the_title_style_is_no_title():
    body = p("青岛市人民政府办公厅文件", "1") + p("青政办发〔2025〕3号") + p("关于印发质量提升行动方案的通知", "1")
    assert docx_to_text(docx(body)).split("\n\n")[::2] == ["青岛市人民政府办公厅文件", "# 关于印发质量提升行动方案的通知\n"]


def test_paragraphs_word_numbers_or_bullets_are_list_items():
    styles = STYLES.replace("</w:styles>", '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/>'
                                           '</w:style></w:styles>')
    numbered = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>强化标准引领</w:t></w:r></w:p>'
    assert docx_to_text(docx(p("做强品牌", "ListBullet") + numbered, styles)) == "- 做强品牌\n\n- 强化标准引领\n"


def test_without_styles_headings_come_from_outline_levels_or_not_at_all():
    body = '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>二级标题</w:t></w:r></w:p>' + p("正文。", "a3")
    assert docx_to_text(docx(body, styles=None)) == "## 二级标题\n\n正文。\n"


@pytest.mark.parametrize("data, reason", [
    (b"PK\x03\x04 not really a zip", "not a Word document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "password-protected or old-format"),
    (docx("", styles=None), "no text"),
    (docx("<w:p><w:r><w:t>断开的", styles=None), "damaged"),
])
def test_a_file_that_is_no_readable_word_document_says_why(data, reason):
    with pytest.raises(SkipFile, match=reason):
        docx_to_text(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("content.xml", "<x/>")  # a zip, but no Word document (an OpenDocument file, say)
    with pytest.raises(SkipFile, match="no word/document.xml"):
        docx_to_text(out.getvalue())


def test_a_folder_of_word_documents_is_read_as_articles(tmp_path):
    (tmp_path / "通知.docx").write_bytes(docx(NOTICE))
    (tmp_path / "坏的.docx").write_bytes(b"not a zip at all")
    (tmp_path / "~$通知.docx").write_bytes(b"\x06user  " * 20)  # the lock file Word keeps while 通知.docx is open
    found, problems = discover(tmp_path)
    assert [f.rel for f in found] == ["坏的.docx", "通知.docx"] and problems == []
    _, bad = read_document(found[0], "坏的")
    assert bad.reason.startswith("not a Word document")
    _, doc = read_document(found[1], "通知")
    assert doc.title == "青岛市人民政府办公厅关于印发青岛市质量提升行动方案的通知"
    assert doc.warnings[0] == "text taken from a Word document (.docx)"
    kinds = {x.text: x.kind for x in doc.passages}
    assert kinds["青政办发〔2025〕3号"] == "furniture" and kinds["一、主要目标"] == "heading"
    assert kinds["现将《青岛市质量提升行动方案》印发给你们，请认真贯彻执行。"] == "body"
    rows = [x for x in doc.passages if "|" in x.text]  # a table's rows are text to read, not page labels
    assert [x.kind for x in rows] == ["body", "body"] and "市市场监管局" in rows[1].text


def test_a_word_document_damaged_inside_its_zip_is_skipped_with_the_reason():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{p('正文内容。') * 200}</w:body></w:document>")
    data = bytearray(out.getvalue())
    at = data.find(b"word/document.xml") + 40  # inside the compressed stream
    data[at : at + 40] = bytes(b ^ 0x5A for b in data[at : at + 40])
    with pytest.raises(SkipFile, match="cannot unpack|not a Word document"):
        docx_to_text(bytes(data))


def test_a_tables_last_row_is_not_joined_to_the_paragraph_after_it(tmp_path):
    table = '<w:tbl><w:tr><w:tc>' + p("指标") + '</w:tc><w:tc>' + p("目标") + '</w:tc></w:tr>' \
            '<w:tr><w:tc>' + p("质量强县") + '</w:tc><w:tc>' + p("5个") + '</w:tc></w:tr></w:tbl>'
    (tmp_path / "表.docx").write_bytes(docx(p("会议指出，全市将培育品牌100个。") + table + p("局长王建国出席会议并讲话。")))
    found, _ = discover(tmp_path)
    _, doc = read_document(found[0], "表")
    assert [x.text for x in doc.passages][-3:] == ["- 指标 | 目标", "- 质量强县 | 5个", "局长王建国出席会议并讲话。"]
    assert not any("rejoined" in w for w in doc.warnings)
