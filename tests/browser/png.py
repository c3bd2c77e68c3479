"""A small PNG reader (8-bit greyscale, RGB, RGBA; no interlace): enough to check a
screenshot's size and colours without an imaging library."""

from __future__ import annotations

import struct
import zlib
from collections import Counter

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


class PngError(ValueError):
    pass


def read(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, rows of unfiltered pixel bytes)."""
    if not data.startswith(SIGNATURE):
        raise PngError("not a PNG: bad signature")
    pos = len(SIGNATURE)
    header = None
    idat = []
    while pos < len(data):
        if pos + 8 > len(data):
            raise PngError("truncated chunk header")
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise PngError(f"bad CRC in {kind!r} chunk")
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if header is None or not idat:
        raise PngError("no IHDR or IDAT chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in _CHANNELS or interlace:
        raise PngError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    bpp = _CHANNELS[colour]
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        raise PngError("pixel data has the wrong length")
    rows: list[bytes] = []
    prior = bytes(stride)
    mask_lo = int.from_bytes(b"\x7f" * stride, "big")
    mask_hi = int.from_bytes(b"\x80" * stride, "big")
    for y in range(height):
        at = y * (stride + 1)
        kind = raw[at]
        line = raw[at + 1:at + 1 + stride]
        if kind == 0:
            row = line
        elif kind == 2:
            # Up: byte-wise addition of two rows at once, on big integers (no carries across bytes).
            a, b = int.from_bytes(line, "big"), int.from_bytes(prior, "big")
            row = ((((a & mask_lo) + (b & mask_lo)) ^ ((a ^ b) & mask_hi))).to_bytes(stride, "big")
        else:
            out = bytearray(line)
            for i in range(stride):
                left = out[i - bpp] if i >= bpp else 0
                up = prior[i]
                if kind == 1:
                    out[i] = (out[i] + left) & 255
                elif kind == 3:
                    out[i] = (out[i] + ((left + up) >> 1)) & 255
                elif kind == 4:
                    corner = prior[i - bpp] if i >= bpp else 0
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    pred = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                    out[i] = (out[i] + pred) & 255
                else:
                    raise PngError(f"unknown filter type {kind} on row {y}")
            row = bytes(out)
        rows.append(row)
        prior = row
    return width, height, bpp, rows


def colours(rows: list[bytes], bpp: int) -> Counter:
    """How many pixels of each RGB colour (alpha dropped)."""
    counts: Counter = Counter()
    for row in rows:
        if bpp == 3:
            counts.update(row[i:i + 3] for i in range(0, len(row), 3))
        elif bpp == 4:
            counts.update(row[i:i + 3] for i in range(0, len(row), 4))
        else:
            counts.update(bytes([v, v, v]) for v in row[::bpp])
    return counts
