"""Reading corpus files: encodings, line ends, and files that must be skipped with a reason."""

import os

import pytest

from qualitytui.core.files import SkipFile, decode, discover
from qualitytui.core.ingest import ingest

ARTICLE = "青岛市质量工作会议\n\n今年以来，全市持续推进质量强市建设，取得明显成效。\n"


@pytest.mark.parametrize(
    "encoding, data_encoding, expected",
    [
        ("utf-8", "utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030", "gb18030"),
        ("gbk", "gbk", "gb18030"),  # GBK is a subset of GB18030
        ("utf-16", "utf-16", "utf-16"),  # Python writes a BOM
        ("utf-16-be-bom", "utf-16-be", "utf-16"),
    ],
)
def test_encodings_are_detected_and_recorded(tmp_path, encoding, data_encoding, expected):
    data = ARTICLE.encode(data_encoding)
    if encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + data
    (tmp_path / "a.txt").write_bytes(data)
    docs, skipped = ingest(tmp_path)
    assert not skipped
    assert docs[0].encoding == expected
    assert docs[0].title == "青岛市质量工作会议"
    assert docs[0].passages[1].text == "今年以来，全市持续推进质量强市建设，取得明显成效。"


TRADITIONAL = "青島市質量工作會議\n\n今年以來，全市持續推進質量強市建設，組織企業參加培訓並開展標準化試點工作，取得明顯成效。\n"


def test_traditional_chinese_in_big5_is_read_and_simplified_gbk_stays_gb18030(tmp_path):
    (tmp_path / "hk.txt").write_bytes(TRADITIONAL.encode("big5"))
    (tmp_path / "gbk.txt").write_bytes(TRADITIONAL.encode("gbk"))  # GBK holds traditional characters too
    (tmp_path / "jian.txt").write_bytes(ARTICLE.encode("gbk"))
    (tmp_path / "greek.txt").write_bytes(ARTICLE.replace("今年", "α、β两项指标今年").encode("gbk"))  # a few Greek letters
    docs, skipped = ingest(tmp_path)
    assert not skipped
    by_id = {d.id: d for d in docs}
    assert (by_id["hk"].encoding, by_id["gbk"].encoding, by_id["jian"].encoding) == ("big5", "gb18030", "gb18030")
    assert by_id["hk"].title == by_id["gbk"].title == "青島市質量工作會議"
    assert by_id["jian"].title == by_id["greek"].title == "青岛市质量工作会议" and by_id["greek"].encoding == "gb18030"


def test_crlf_and_cr_files(tmp_path):
    (tmp_path / "crlf.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    (tmp_path / "cr.txt").write_bytes(ARTICLE.replace("\n", "\r").encode())
    docs, _ = ingest(tmp_path)
    assert [d.title for d in docs] == ["青岛市质量工作会议"] * 2
    assert all("\r" not in p.text and "\r" not in p.original for d in docs for p in d.passages)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        (b"\xff\xfe\x00\xd8\x00", "utf-16"),  # BOM, then a lone surrogate
    ],
)
def test_unusable_bytes_raise_skip_with_reason(data, reason):
    with pytest.raises(SkipFile, match=reason):
        decode(data)


def test_hostile_folder_skips_each_bad_file_with_a_warning(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(os.urandom(64) + b"\x00" * 64)
    (tmp_path / "garbage.md").write_bytes(b"text \xff\xff more")  # 0xFF starts no UTF-8 or GB18030 sequence
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a corpus file: ignored silently
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "loop").symlink_to(tmp_path, target_is_directory=True)
    (sub / "nested.md").write_text("# 标题\n\n正文一句话。\n", encoding="utf-8")
    docs, skipped = ingest(tmp_path)
    assert sorted(d.id for d in docs) == ["good", "sub/nested"]
    reasons = {s.path: s.reason for s in skipped}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "not UTF-8" in reasons["garbage.md"]
    assert reasons["dangling.txt"] == "broken symlink"
    assert "loop" in reasons["sub/loop"]
    assert all(str(s).startswith("skipped ") for s in skipped)


def test_unreadable_file_is_skipped(tmp_path, monkeypatch):
    from pathlib import Path

    f = tmp_path / "secret.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    real = Path.read_bytes

    def deny(self):  # chmod 0 would not stop root, so refuse the read the way the OS would
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    docs, skipped = ingest(tmp_path)
    assert not docs and skipped[0].reason == "permission denied"


def test_file_that_vanishes_between_listing_and_reading_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    found, _ = discover(tmp_path)
    (tmp_path / "a.txt").unlink()
    from qualitytui.core.ingest import ingest_files

    (result,) = list(ingest_files(found))
    assert "unreadable" in result.reason


def test_same_stem_txt_and_md_get_distinct_ids(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    docs, _ = ingest(tmp_path)
    assert sorted(d.id for d in docs) == ["a", "a.txt"]
    assert all(p.doc == d.id for d in docs for p in d.passages)
