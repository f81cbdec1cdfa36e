"""Bytes to text with a clear diagnosis: binary, UTF-8, UTF-16/32 with a BOM."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class DecodeError:
    """Why bytes are not text, and where (1-based line and column)."""

    message: str
    line: int
    column: int


def decode(data: bytes) -> str | DecodeError:
    """Decode a text file; UTF-8 by default, UTF-16/32 when a byte-order mark says so."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                if encoding != "utf-8":
                    return DecodeError(f"not valid {encoding.upper()}: {exc.reason}", 1, 1)
                return _not_utf8(data[len(bom) :], exc.start)
    nul = data.find(b"\x00")
    if nul != -1:
        line, column = _position(data, nul)
        return DecodeError("binary content (a NUL byte): claim files are text", line, column)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _not_utf8(data, exc.start)


def _not_utf8(data: bytes, offset: int) -> DecodeError:
    line, column = _position(data, offset)
    return DecodeError(
        f"not valid UTF-8 (byte 0x{data[offset]:02x}); save the file as UTF-8", line, column
    )


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def one_line(text: str, limit: int = 120) -> str:
    """Text fit for a one-line message: control characters escaped, length bounded."""
    flat = text.encode("unicode_escape", "backslashreplace").decode("ascii")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
