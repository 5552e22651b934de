"""A web archive (.mht, .mhtml; also a .doc that Word or a site saved as one) as its page's HTML.

A single-file web page is a MIME message: the page is its text/html part (quoted-printable or base64,
in the charset its header names), its pictures and styles are the other parts. The page then goes
to html_text as a saved page does. Standard library only (email).
"""

from __future__ import annotations

import email
import email.policy

from qualitytui.core.files import SkipFile, decode

_GB = {"gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "euc-cn"}  # read as GB18030, which holds them all


def mht_to_html(data: bytes) -> str:
    """The archive's page (its HTML part, else its text part); SkipFile when it holds neither."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    parts = [p for p in msg.walk() if not p.is_multipart()]
    part = next((p for p in parts if p.get_content_type() == "text/html"), None) or next(
        (p for p in parts if p.get_content_type() == "text/plain"), None)
    if part is None:
        raise SkipFile("a web archive with no page in it")
    payload = part.get_payload(decode=True) or b""
    charset = (part.get_content_charset() or "").lower()
    charset = "gb18030" if charset in _GB else charset
    if charset:
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown charset: the bytes tell, as a file's do
    return decode(payload)[0]
