"""Web archives (.mht): the page inside, in its charset, read as a saved page; also under a .doc name."""

import base64
import quopri

import pytest

from qualitytui.core.files import SkipFile, discover
from qualitytui.core.ingest import assign_ids, read_document
from qualitytui.core.mht_text import mht_to_html

PAGE = ("<html><head><title>崂山区质量大会召开 - 青岛新闻网</title></head><body><img src=\"image001.png\">"
        "<div class=\"nav\">首页 | 新闻</div>"
        "<h1>崂山区质量大会召开</h1><p>2025年3月20日，崂山区召开质量大会，区市场监管局局长王建国出席。</p>"
        "<p>会议发布《崂山区质量提升行动方案》，提出到2027年底培育“崂山优品”品牌50个。</p></body></html>")


def archive(page: str, charset: str = "gb2312", transfer: str = "quoted-printable") -> bytes:
    """A single-file web page as IE and Word save it: MIME headers, the page, then a picture."""
    raw = page.encode("gb18030" if charset == "gb2312" else charset)
    body = quopri.encodestring(raw) if transfer == "quoted-printable" else base64.encodebytes(raw)
    return b"\r\n".join([
        b"From: <Saved by Windows Internet Explorer 11>",
        b"Subject: page",
        b"MIME-Version: 1.0",
        b'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000_0000"',
        b"",
        b"This is a multi-part message in MIME format.",
        b"",
        b"------=_NextPart_000_0000",
        f'Content-Type: text/html; charset="{charset}"'.encode(),
        f"Content-Transfer-Encoding: {transfer}".encode(),
        b"Content-Location: http://news.example.cn/a.html",
        b"",
        body,
        b"------=_NextPart_000_0000",
        b"Content-Type: image/png",
        b"Content-Transfer-Encoding: base64",
        b"Content-Location: http://news.example.cn/image001.png",
        b"",
        base64.encodebytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
        b"------=_NextPart_000_0000--",
        b"",
    ])


@pytest.mark.parametrize("charset, transfer", [("gb2312", "quoted-printable"), ("utf-8", "base64"), ("big5-unknown", "base64")])
def test_the_page_comes_out_of_the_archive_in_its_charset(charset, transfer):
    data = archive(PAGE, "utf-8" if charset == "big5-unknown" else charset, transfer)
    if charset == "big5-unknown":  # a charset Python does not know: the bytes tell
        data = data.replace(b'charset="utf-8"', b'charset="x-unknown"')
    assert mht_to_html(data) == PAGE


def test_an_archive_with_no_page_says_so():
    data = archive(PAGE).replace(b"Content-Type: text/html", b"Content-Type: image/gif")
    with pytest.raises(SkipFile, match="no page in it"):
        mht_to_html(data)


def test_a_folder_of_archives_and_a_doc_that_is_one_are_read_as_saved_pages(tmp_path):
    (tmp_path / "大会.mht").write_bytes(archive(PAGE))
    (tmp_path / "大会二.doc").write_bytes(archive(PAGE, "utf-8", "base64"))  # as sites serve Word's web pages
    (tmp_path / "大会三.mhtml").write_bytes(archive(PAGE))
    found, problems = discover(tmp_path)
    assert [f.rel for f in found] == ["大会.mht", "大会三.mhtml", "大会二.doc"] and not problems
    for f, id_ in zip(found, assign_ids(found)):
        _, doc = read_document(f, id_)
        assert doc.title == "崂山区质量大会召开"  # the headline, not the site's menu or its title line
        assert doc.warnings[:2] == ["text taken from a saved web page (HTML)", "page taken from a web archive (.mht)"]
        assert [p.text for p in doc.passages if p.kind == "body"] == [
            "2025年3月20日，崂山区召开质量大会，区市场监管局局长王建国出席。",
            "会议发布《崂山区质量提升行动方案》，提出到2027年底培育“崂山优品”品牌50个。"]
