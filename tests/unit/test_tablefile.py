"""The store's file format: a header, then one JSON line per table, each decoded on first use."""

import orjson
import pytest

from qualitytui.core import tablefile
from qualitytui.core.tablefile import OlderFormat, TableFileError, decode, encode

TABLES = {
    "meta": {"1": {"schema": 4, "root": "/语料"}},
    "passages": {"1": {"id": "a#0", "text": "青岛市质量月\n活动"}, "2": {"id": "a#1", "text": "[b]not markup[/b]"}},
    "empty": {},
}


def test_what_is_encoded_decodes_to_the_same_tables():
    data = encode(TABLES)
    assert dict(decode(data)) == TABLES
    assert "青岛".encode() in data and b"\\u" not in data


def test_untouched_tables_are_written_back_byte_for_byte():
    data = encode(TABLES)
    assert encode(decode(data)) == data


def test_a_table_is_decoded_only_when_used(monkeypatch):
    tables = decode(encode(TABLES))
    calls = []
    real = orjson.loads
    monkeypatch.setattr(tablefile.orjson, "loads", lambda b: calls.append(bytes(b)) or real(b))
    assert "passages" in tables and len(tables) == 3 and list(tables) == list(TABLES)
    assert calls == []
    assert tables["meta"] == TABLES["meta"]
    assert tables["meta"] is tables["meta"] and len(calls) == 1


def test_a_changed_table_is_written_and_the_others_kept():
    tables = decode(encode(TABLES))
    tables["passages"] = {"1": {"id": "b#0", "text": "新"}}
    del tables["empty"]
    tables["events"] = {}
    again = decode(encode(tables))
    assert dict(again) == {"meta": TABLES["meta"], "passages": {"1": {"id": "b#0", "text": "新"}}, "events": {}}
    with pytest.raises(KeyError):
        del again["nothing"]
    assert again.get("nothing") is None


def test_an_older_store_is_told_apart_from_a_damaged_one():
    with pytest.raises(OlderFormat):
        decode(orjson.dumps(TABLES))
    with pytest.raises(OlderFormat):
        decode(encode(TABLES).replace(b'{"qualitytui-store":1', b'{"qualitytui-store":0', 1))
    for bad in [b"", b"[1, 2]", b'{"qualitytui-store":1,"tables":[["meta"]]}\n', b'{"qualitytui-store":1']:
        with pytest.raises(TableFileError) as e:
            decode(bad)
        assert not isinstance(e.value, OlderFormat)


@pytest.mark.parametrize("cut", [1, 10, -1])
def test_a_cut_short_or_padded_file_is_refused(cut):
    data = encode(TABLES)
    with pytest.raises(TableFileError, match="cut short"):
        decode(data[:-cut] if cut > 0 else data[: data.index(b"\n") + 3])
    with pytest.raises(TableFileError, match="after its last table"):
        decode(data + b"{}\n")


def test_a_changed_byte_is_caught_by_the_checksum_even_when_the_json_is_still_valid():
    data = encode(TABLES)
    damaged = data.replace("质量月".encode(), "质量年".encode())
    assert len(damaged) == len(data)
    with pytest.raises(TableFileError, match="'passages' is damaged"):
        decode(damaged)


def test_tables_can_be_read_while_iterating_and_keep_the_files_order():
    tables = decode(encode(TABLES))
    assert {name: tables[name] for name in tables} == TABLES
    assert list(tables) == list(TABLES)
    tables["events"] = {}
    tables["meta"] = {"1": {}}
    assert list(tables) == [*TABLES, "events"]
    assert list(decode(encode(tables))) == [*TABLES, "events"]


def _rows_table(n: int, nested: bool = False) -> dict:
    rows = {str(i): {"id": f"d#{i}", "text": "质量强链" * (i % 7), "offset": [i, i + 2]} for i in range(1, n + 1)}
    rows["7"]["text"] = '引号里的 },"8":{ 不是行的边界'  # escaped in JSON: no cut here
    if nested:  # a row boundary's shape inside each row
        for row in rows.values():
            row["nested"] = {"a": {"x": 1}, "12": {"y": 2}}
    return rows


class _Counted:
    """orjson, counting the bytes of each value it decodes."""

    JSONDecodeError = orjson.JSONDecodeError

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def loads(self, data):
        self.sizes.append(len(data))
        return orjson.loads(data)


@pytest.mark.parametrize("piece", [300, 2000, 1 << 20])
def test_a_table_read_in_pieces_is_the_table(monkeypatch, piece):
    monkeypatch.setattr(tablefile, "PIECE", piece)
    counted = _Counted()
    monkeypatch.setattr(tablefile, "orjson", counted)
    data = b"xx" + orjson.dumps(_rows_table(300)) + b"yy"
    got = tablefile.loads_rows(data, 2, len(data) - 2)
    assert got == _rows_table(300) and list(got) == [str(i) for i in range(1, 301)]
    if piece < len(data):  # in pieces of about that size, none of them the whole table
        assert len(counted.sizes) > 5 and max(counted.sizes) < piece + 200
    else:
        assert counted.sizes == [len(data) - 4]
    single = orjson.dumps({"1": {"postings": {"20": "QUJD", "质量": "REVG"}}})
    assert tablefile.loads_rows(single, 0, len(single)) == orjson.loads(single)


def test_a_cut_that_is_not_between_rows_falls_back_to_the_whole_table(monkeypatch):
    monkeypatch.setattr(tablefile, "PIECE", 300)
    counted = _Counted()
    monkeypatch.setattr(tablefile, "orjson", counted)
    data = orjson.dumps(_rows_table(300, nested=True))
    assert tablefile.loads_rows(data, 0, len(data)) == _rows_table(300, nested=True)
    assert counted.sizes[-1] == len(data)  # a piece failed, and the whole table was decoded


def test_a_table_is_read_in_pieces_off_the_main_thread_only(monkeypatch):
    import threading

    monkeypatch.setattr(tablefile, "PIECE", 300)
    pieced = []
    real = tablefile.loads_rows
    monkeypatch.setattr(tablefile, "loads_rows", lambda *a: pieced.append(1) or real(*a))
    data = encode({"meta": {"1": {}}, "passages": _rows_table(300)})
    assert decode(data)["passages"] == _rows_table(300) and not pieced  # the app's screen waits for it anyway
    out = {}
    reader = threading.Thread(target=lambda: out.update(t=decode(data)["passages"]))
    reader.start()
    reader.join()
    assert out["t"] == _rows_table(300) and pieced


def test_several_cuts_inside_one_row_still_give_the_table(monkeypatch):
    monkeypatch.setattr(tablefile, "PIECE", 64)
    inner = {str(k): {"v": "x" * 70} for k in range(10, 20)}  # a row of digit-keyed dicts, each piece long
    table = {"1": {"a": {"x": 1}, **inner}, "2": {"b": 2}}
    data = orjson.dumps(table)
    assert tablefile.loads_rows(data, 0, len(data)) == table
