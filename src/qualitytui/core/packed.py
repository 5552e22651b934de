"""Runs of unsigned 32-bit numbers as base64 text: how the store keeps long lists of numbers (search
postings, mention spans) in JSON, decoded to one compact array when used instead of a Python int
object per number."""

from __future__ import annotations

import base64
import sys
from array import array
from typing import Iterable


def pack_u32(values: Iterable[int]) -> str:
    a = array("I", values)
    if sys.byteorder != "little":
        a.byteswap()
    return base64.b64encode(a.tobytes()).decode("ascii")


def unpack_u32(text: str) -> array:
    a = array("I")
    a.frombytes(base64.b64decode(text))
    if sys.byteorder != "little":
        a.byteswap()
    return a
