"""Minimal PDFs with Chinese text, for tests: each page a list of lines (an empty one a gap, leading
full-width spaces an indent), in the Adobe-GB1 font every PDF
reader knows (STSong-Light, not embedded), its characters encoded as UCS-2 (UniGB-UCS2-H), as a Word or
WPS export of an official document is read by pypdf."""

from __future__ import annotations


def make_pdf(pages: list[list[str | tuple]]) -> bytes:
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    font = add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
               "/DescendantFonts [4 0 R] >>")
    pages_id = 2
    objects.append(b"")  # 2: the page tree, filled in below
    add("")  # 3: the catalog
    add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
        "<< /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 >>")
    add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    kids = []
    for lines in pages:
        ops = ["BT /F1 12 Tf"]
        y = 800
        for line in lines:  # an empty line is a gap; each leading full-width space moves the line right by a character
            if isinstance(line, tuple):  # (x, y, text[, size]): drawn just there (a second column, a headline)
                x, at, text, *size = line
                ops.append(f"/F1 {size[0] if size else 12} Tf 1 0 0 1 {x} {at} Tm <{text.encode('utf-16-be').hex()}> Tj")
                continue
            text = line.lstrip("\u3000")
            if text:
                x = 72 + 12 * (len(line) - len(text))
                ops.append(f"1 0 0 1 {x} {y} Tm <{text.encode('utf-16-be').hex()}> Tj")
            y -= 20
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
                        f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"))
    objects[pages_id - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
                             ).encode("latin-1")
    objects[2] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode("latin-1")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 3 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
