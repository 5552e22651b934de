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
