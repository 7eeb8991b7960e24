"""The drawing area of a picture, read from its first bytes without any graphics library:
an SVG's viewBox (or width and height), a PNG's or a JPEG's size in pixels.

A hotspot's spots are written in these units; the checker uses them to tell a trainer
that a spot lies outside the picture.
"""

import re
import struct
from pathlib import Path

Box = tuple[float, float, float, float]   # left, top, width, height

_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


def _attribute(tag: bytes, name: str) -> str | None:
    found = re.search(rb"\s" + name.encode() + rb"""\s*=\s*(["'])(.*?)\1""", tag, re.DOTALL)
    return found.group(2).decode("utf-8", "replace") if found else None


def _svg_box(head: bytes) -> Box | None:
    tag = _SVG_TAG.search(head)
    if tag is None:
        return None
    view = _attribute(tag.group(0), "viewBox")
    if view is not None:
        numbers = re.findall(_NUMBER, view)
        if len(numbers) == 4 and float(numbers[2]) > 0 and float(numbers[3]) > 0:
            return tuple(float(n) for n in numbers)
        return None
    sizes = []
    for name in ("width", "height"):
        value = _attribute(tag.group(0), name) or ""
        found = re.fullmatch(rf"\s*({_NUMBER})\s*(px)?\s*", value)
        if found is None or float(found.group(1)) <= 0:
            return None
        sizes.append(float(found.group(1)))
    return (0.0, 0.0, *sizes)


def _jpeg_box(data: bytes) -> Box | None:
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            return None
        marker, length = data[at + 1], struct.unpack(">H", data[at + 2:at + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return (0.0, 0.0, float(width), float(height)) if width and height else None
        at += 2 + length
    return None


def picture_box(path: Path) -> Box | None:
    """The picture's drawing area, or None when it cannot be read (never raises)."""
    try:
        with open(path, "rb") as file:
            head = file.read(256 * 1024)
    except OSError:
        return None
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        width, height = struct.unpack(">II", head[16:24])
        return (0.0, 0.0, float(width), float(height)) if width and height else None
    if head.startswith(b"\xff\xd8"):
        return _jpeg_box(head)
    return _svg_box(head)
