"""Old-format Word documents (.doc): the main text through the piece table, fields' results, tables.

The files in tests/data/word97 were written by LibreOffice 7.4 from the sources beside them
(`soffice --headless --convert-to 'doc:MS Word 97' notice.html`, and english.txt): Word 97 files
made by another program than the reader, with a hyperlink field and a table.
"""

import shutil
import struct
from pathlib import Path

import olefile
import pytest

from qualitytui.core import doc_text
from qualitytui.core.doc_text import doc_to_text
from qualitytui.core.files import SkipFile, discover
from qualitytui.core.ingest import assign_ids, read_document

DATA = Path(__file__).resolve().parents[1] / "data" / "word97"


def test_a_word_97_document_reads_as_its_paragraphs_with_the_fields_results_and_its_table():
    assert doc_to_text((DATA / "notice.doc").read_bytes()).split("\n\n") == [
        "青岛市质量强市建设三年行动方案",
        "为深入贯彻落实《质量强国建设纲要》，2025年3月20日，青岛市市场监管局召开全市质量工作会议。",
        "会议指出，到2027年底，全市将培育“青岛优品”品牌100个。Quality first.",  # the link's words, not its code
        "- 指标 | 目标\n- 质量强县 | 5个",  # a table: a block, a row an item, as from a .docx
        "局长王建国出席会议并讲话。\n",
    ]
    assert doc_to_text((DATA / "english.doc").read_bytes()) == (DATA / "english.txt").read_text(encoding="utf-8")


def _patched(tmp_path, name, change):
    """A copy of a fixture with its WordDocument stream changed in place (same size)."""
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        table_name = "1Table" if struct.unpack_from("<H", word, 0x0A)[0] & 0x0200 else "0Table"
        table = bytearray(ole.openstream(table_name).read())
        change(word, table)
        ole.write_stream("WordDocument", bytes(word))
        ole.write_stream(table_name, bytes(table))
    return path.read_bytes()


def test_a_piece_stored_one_byte_a_character_reads_as_windows_1252_with_words_own_quotes(tmp_path):
    text = "\x93Quality\x94 \x96 Qingdao\r"

    def compress(word, table):
        fc_clx = struct.unpack_from("<I", word, 0x1A2)[0]
        struct.pack_into("<i", word, 0x4C, len(text))  # the main text's length
        plc = fc_clx + 5  # (the fixture's Clx is one piece table, no property modifiers)
        assert table[fc_clx] == 2 and struct.unpack_from("<I", table, fc_clx + 1)[0] == 16
        struct.pack_into("<ii", table, plc, 0, len(text))
        fc = struct.unpack_from("<I", table, plc + 8 + 2)[0]
        struct.pack_into("<I", table, plc + 8 + 2, 0x40000000 | fc * 2)  # the same place, one byte a character
        word[fc : fc + len(text)] = text.encode("latin-1")

    assert doc_to_text(_patched(tmp_path, "english.doc", compress)) == "\u201cQuality\u201d \u2013 Qingdao\n"


@pytest.mark.parametrize("change, reason", [
    (lambda w, t: struct.pack_into("<H", w, 0x0A, struct.unpack_from("<H", w, 0x0A)[0] | 0x0100), "password-protected"),
    (lambda w, t: struct.pack_into("<H", w, 2, 0x0065), "Word 6 or Word 95"),
    (lambda w, t: struct.pack_into("<H", w, 0, 0x1234), "no Word header"),
    (lambda w, t: struct.pack_into("<I", w, 0x1A2, len(t) + 100), "damaged Word document"),  # the Clx beyond the table
    (lambda w, t: struct.pack_into("<i", w, 0x4C, 0), "no text"),
])
def test_a_doc_that_cannot_be_read_says_why(tmp_path, change, reason):
    with pytest.raises(SkipFile, match=reason):
        doc_to_text(_patched(tmp_path, "notice.doc", change))


def test_files_that_are_no_word_97_documents_say_why():
    with pytest.raises(SkipFile, match="not a Word document"):
        doc_to_text(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)  # a compound file's magic, nothing more
    data = (DATA / "notice.doc").read_bytes()
    name = "WordDocument".encode("utf-16-le")
    assert data.count(name) == 1
    with pytest.raises(SkipFile, match="no WordDocument stream"):  # a compound file of another program
        doc_to_text(data.replace(name, "WordDocumenX".encode("utf-16-le")))
    with pytest.raises(SkipFile, match="not a Word document"):
        doc_to_text(data[:3000])  # cut short


def test_fields_keep_their_result_nested_or_not_and_lose_their_code():
    assert doc_text._fields("见\x13 HYPERLINK \"u\" \x14第\x13 PAGE \x143\x15页\x15。") == "见第3页。"
    assert doc_text._fields("\x13 TOC \x15目录") == "目录"  # a field with no result shows nothing


def test_table_rows_with_empty_cells_and_text_around_them():
    assert doc_text._blocks("前言\r甲\x07\x07\x07丙\x07丁\x07\x07后记\r") == ["前言", "- 甲 | \n- 丙 | 丁", "后记"]
    assert doc_text._blocks("一行\x0b两行\x0c下一页\r") == ["一行\n两行", "下一页"]


def test_a_folder_with_doc_and_wps_files_and_a_doc_named_docx_reads_them_all(tmp_path):
    for name in ("通知.doc", "通知二.wps", "通知三.docx"):
        shutil.copy(DATA / "notice.doc", tmp_path / name)
    found, problems = discover(tmp_path)
    assert sorted(f.rel for f in found) == ["通知.doc", "通知三.docx", "通知二.wps"] and not problems
    for f, id_ in zip(found, assign_ids(found)):
        _, doc = read_document(f, id_)
        assert doc.title == "青岛市质量强市建设三年行动方案"
        assert doc.warnings == ["text taken from an old-format Word document (.doc)"]
        assert [x.text for x in doc.passages][-3:] == ["- 指标 | 目标", "- 质量强县 | 5个", "局长王建国出席会议并讲话。"]


def test_a_doc_that_is_a_web_page_or_plain_text_is_read_as_one_and_rtf_says_why(tmp_path):
    # sites often serve a page saved as .doc; Word opens it, and so does the reader
    (tmp_path / "页面.doc").write_text("<html><head><title>质量月活动启动</title></head><body><h1>质量月活动启动</h1>"
                                     "<p>9月1日，全市质量月活动正式启动。</p></body></html>", encoding="utf-8")
    (tmp_path / "文字.doc").write_text("质量月活动启动\n\n9月1日，全市质量月活动正式启动。\n", encoding="utf-8")
    (tmp_path / "富文本.doc").write_bytes(b"{\\rtf1\\ansi {\\fonttbl} hello}")
    found = discover(tmp_path)[0]
    docs = {f.rel: read_document(f, id_)[1] for f, id_ in zip(found, assign_ids(found))}
    for name in ("页面.doc", "文字.doc"):
        assert docs[name].title == "质量月活动启动" and docs[name].passages[-1].text == "9月1日，全市质量月活动正式启动。"
    assert docs["富文本.doc"].reason == "an RTF document under a Word name: save it as .docx"
