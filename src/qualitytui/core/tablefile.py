"""The corpus store's file format: one JSON document per table, each decoded when first used.

A warm start needs only the documents and their passages; decoding the whole store (mentions, the
search index) before the first frame was a third of that frame's time on 2 000 articles. So the file
is a header line, then each table as compact UTF-8 JSON on its own line::

    {"qualitytui-store":1,"tables":[["meta",212,3735928559],["documents",5871,48879],...]}
    {"1":{"schema":5,...}}
    {"1":{"id":"000_dd8c…",...},...}
    ...

The header gives each table's length in bytes, so a table is found without decoding the others, and
its CRC-32, checked for every table when the file is read (8 ms for 50 MB): a damaged store is
found, and rebuilt, at start-up, not when a table is first used. Every line is plain JSON.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

import threading
import zlib

import orjson

MAGIC = b'{"qualitytui-store":'
VERSION = 1


class TableFileError(ValueError):
    """The bytes are not a table file of this version, or are cut short."""


class OlderFormat(TableFileError):
    """A store from before this format (one JSON object of all tables): rebuilt, not reported."""


class Tables(MutableMapping[str, Any]):
    """Table name → table, as TinyDB's storage hands it over; a table is decoded on first access."""

    def __init__(self, raw: Mapping[str, tuple[bytes, int, int]] | None = None) -> None:
        self._raw = dict(raw or {})  # table → where it stands in the file's bytes: (bytes, start, end)
        self._decoded: dict[str, Any] = {}
        self._names = list(self._raw)  # the file's order, kept whatever is decoded or changed

    def __getitem__(self, name: str) -> Any:
        try:
            return self._decoded[name]
        except KeyError:
            pass
        data, start, end = self._raw[name]
        try:
            if threading.current_thread() is not threading.main_thread():
                value = loads_rows(data, start, end)  # the main thread (the app's screen) keeps running meanwhile
            else:
                value = orjson.loads(memoryview(data)[start:end])
        except orjson.JSONDecodeError as e:
            raise TableFileError(f"table {name!r} is damaged: {e}") from None
        # two threads may decode the same table at once; both then get the first one stored
        value = self._decoded.setdefault(name, value)
        self._raw.pop(name, None)  # the file's bytes are freed once every table is decoded
        return value

    def __setitem__(self, name: str, value: Any) -> None:
        if name not in self:
            self._names.append(name)
        self._decoded[name] = value
        self._raw.pop(name, None)

    def __delitem__(self, name: str) -> None:
        if name not in self:
            raise KeyError(name)
        self._decoded.pop(name, None)
        self._raw.pop(name, None)
        self._names.remove(name)

    def __contains__(self, name: object) -> bool:  # Mapping's own would decode the table
        return name in self._decoded or name in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._names))  # a copy: reading a table while iterating changes _raw

    def __len__(self) -> int:
        return len(self._names)

    def encoded(self, name: str) -> bytes | memoryview:
        """The table's JSON bytes, without decoding a table that was never touched."""
        if name in self._decoded or name not in self._raw:
            return orjson.dumps(self[name])
        data, start, end = self._raw[name]
        return memoryview(data)[start:end]


PIECE = 1 << 20  # bytes of JSON decoded at a time: ≈5 ms each


def loads_rows(data: bytes, start: int, end: int) -> Any:
    """The JSON value in ``data[start:end]``; a large table of rows (``{"1":{…},"2":{…},…}``) a
    MB at a time.

    Decoding holds the interpreter lock: in one go, the passages of 10 000 articles held the app's
    screen for 0.15–0.19 s while a background thread read them; between pieces other threads run.
    A piece ends where a row does, at ``},"N":{`` (inside a JSON string the quote is escaped); the
    rows are numbered 1, 2, 3 … A cut anywhere else leaves a piece that is not JSON, or not rows
    numbered on from the piece before, and the table is then decoded whole.
    """
    if end - start <= PIECE or data[start : start + 2] != b'{"':
        return orjson.loads(memoryview(data)[start:end])
    cuts = []  # the closing brace of a row where a piece ends
    at = start + PIECE
    while at < end - PIECE // 4:
        hit = data.find(b'},"', at, min(at + PIECE, end))  # (a window at a time: find holds the lock too)
        if hit < 0:
            break  # rows of megabytes (the search index is one): not worth cutting
        key_end = data.find(b'":{', hit + 3, hit + 16)
        if key_end > 0 and data[hit + 3 : key_end].isdigit():
            cuts.append(hit)
            at = hit + PIECE
        else:
            at = hit + 3
    if not cuts:
        return orjson.loads(memoryview(data)[start:end])
    pieces = [data[start : cuts[0] + 1] + b"}"]
    pieces += [b"{" + data[a + 2 : b + 1] + b"}" for a, b in zip(cuts, cuts[1:])]
    pieces.append(b"{" + data[cuts[-1] + 2 : end])  # (ends with the table's own brace)
    out: dict[str, Any] = {}
    try:
        for piece in pieces:
            rows = orjson.loads(piece)
            # each piece holds the rows that follow the last one's (1, 2, 3 … as store._table numbers
            # them): two cuts inside one row can make a valid object of a part of it
            keys = list(rows)
            if not (keys and keys[0] == str(len(out) + 1) and keys[-1] == str(len(out) + len(keys))):
                raise ValueError("not a table of numbered rows")
            out.update(rows)
        return out
    except (orjson.JSONDecodeError, ValueError):
        return orjson.loads(memoryview(data)[start:end])


def encode(tables: Mapping[str, Any]) -> bytes:
    """The file's bytes for these tables."""
    return b"".join(encode_parts(tables))


def encode_parts(tables: Mapping[str, Any]) -> list[bytes | memoryview]:
    """The file's bytes for these tables, in parts to write one after the other (joined, they were
    the whole file once more in memory at the end of a build: 180 MB on 10 000 articles)."""
    if isinstance(tables, Tables):
        bodies = [(name, tables.encoded(name)) for name in tables]
    else:
        bodies = [(name, orjson.dumps(value)) for name, value in tables.items()]
    header = {"qualitytui-store": VERSION, "tables": [[name, len(body), zlib.crc32(body)] for name, body in bodies]}
    parts: list[bytes | memoryview] = [orjson.dumps(header), b"\n"]
    for _, body in bodies:
        parts += [body, b"\n"]
    return parts


def decode(data: bytes) -> Tables:
    """The tables in ``data``, none of them decoded yet."""
    if not data.startswith(MAGIC):
        if data.startswith(b'{"meta":'):
            raise OlderFormat("a store in the format before tables were stored apart")
        raise TableFileError("not a qualitytui store")
    end = data.find(b"\n")
    if end < 0:
        raise TableFileError("the store is cut short in its header")
    try:
        header = orjson.loads(data[:end])
        version = header["qualitytui-store"]
    except (orjson.JSONDecodeError, KeyError, TypeError):
        raise TableFileError("the store's header is damaged") from None
    if version != VERSION:
        raise OlderFormat(f"store format {version}, this version reads {VERSION}")
    try:
        spans = [(str(name), int(size), int(crc)) for name, size, crc in header["tables"]]
    except (KeyError, TypeError, ValueError):
        raise TableFileError("the store's header is damaged") from None
    view = memoryview(data)
    at = end + 1
    raw = {}
    for name, size, crc in spans:
        if at + size + 1 > len(data) or data[at + size : at + size + 1] != b"\n":
            raise TableFileError(f"the store is cut short in table {name!r}")
        raw[name] = (data, at, at + size)
        if zlib.crc32(view[at : at + size]) != crc:
            raise TableFileError(f"table {name!r} is damaged (checksum)")
        at += size + 1
    if at != len(data):
        raise TableFileError("the store has bytes after its last table")
    return Tables(raw)
