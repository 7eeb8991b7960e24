"""A file a device pushed, read back by the coordinator without encoding it again.

A device writes ``{"device_id":…,"entries":[{"kind":…,"payload":…,"summary_id":…,"version":…},…],
"epoch":…,"format":1,"seq":…}``, keys sorted and no spaces (``push.encode``). Two ways
to read a file, and nothing is checked in either: the coordinator checks what they give.

- ``split`` cuts a file in that very layout at the seams between entries with regular
  expressions alone, each payload left as its text (a slice of the file), unparsed.
  Whoever parses the pieces must send the file to ``read`` when one does not parse: a
  piece runs from a ``{`` to the ``}`` before a seam, so when it is a JSON object the
  decoder reads that very object there and finds that seam after it, as ``read`` does;
  a seam found inside a payload leaves a proper prefix of it, which is never JSON.
- ``read`` is the careful way: in that layout each payload is parsed once by the JSON
  decoder where it stands, its text kept as written; a file in any other layout that
  is still valid JSON is read the plain way, each payload then stored as its canonical
  text.
"""

import json
import json.scanner
import re

from atelier.sync.outbox import canonical

ENTRY_KEYS = frozenset({"summary_id", "kind", "version", "payload"})
# The decoder's own scanner, as JSONDecoder.raw_decode calls it: (value, where it ends),
# StopIteration where no value starts. Called directly, it costs a fifth less a value.
_value = json.scanner.make_scanner(json.JSONDecoder())


class _OtherLayout(Exception):
    """Not the devices' layout: read the plain way."""


def read(text: str) -> tuple[object, object]:
    """(the document without its entries, its entries); ValueError if it is not JSON.

    When the document holds a list of entries, each comes as a tuple ``(summary_id,
    kind, version, payload, payload's JSON text)``, or None where an entry is not an
    object of exactly those four keys; otherwise what it holds comes as it is."""
    try:
        return _laid_out(text)
    except _OtherLayout:
        pass
    document = json.loads(text)
    if not isinstance(document, dict):
        return document, None
    entries = document.get("entries")
    if isinstance(entries, list):
        entries = [_plain_entry(entry) for entry in entries]
    return {key: value for key, value in document.items() if key != "entries"}, entries


def _plain_entry(entry) -> tuple | None:
    if not isinstance(entry, dict) or entry.keys() != ENTRY_KEYS:
        return None
    payload = entry["payload"]
    return (entry["summary_id"], entry["kind"], entry["version"], payload,
            canonical(payload) if isinstance(payload, dict) else None)


# An entry as devices write it, around its payload: a kind and a summary id without
# escapes (ids and kinds never need any), a version in digits. Anything else is read the
# plain way.
_HEAD = re.compile(r'\{"kind":"([^"\\\x00-\x1f]+)","payload":')
_TAIL = re.compile(r',"summary_id":"([^"\\\x00-\x1f]+)","version":([1-9][0-9]{0,17})\}([,\]])')
# The seam after a payload that is an object, searched for: its first character is a
# literal, so the search runs at the speed of a string search.
_SEAM = re.compile(r'\},"summary_id":"([^"\\\x00-\x1f]+)","version":([1-9][0-9]{0,17})\}([,\]])')


def split(text: str) -> tuple[dict, list[tuple[str, str, int, str]]] | None:
    """(the document without its entries, its entries as ``(summary_id, kind, version,
    payload's text)``) for a file in the devices' layout whose payloads are objects; None
    otherwise. Payloads are not parsed: see the module's docstring for what that asks."""
    # Once per summary, as in ``_laid_out``: kept flat, C doing the work.
    head, seam = _HEAD.match, _SEAM.search
    try:
        device_id, pos = _opening(text)
        entries = []
        if text.startswith("]", pos):
            pos += 1
        else:
            while True:
                opened = head(text, pos)
                if opened is None:
                    return None
                start = opened.end()
                closed = seam(text, start)
                if closed is None or text[start] != "{":
                    return None
                end = closed.start() + 1  # the payload's closing brace is the seam's first character
                entries.append((closed[1], opened[1], int(closed[2]), text[start:end]))
                pos = closed.end()
                if closed[3] == "]":
                    break
        return _closing(text, pos, device_id), entries
    except _OtherLayout:
        return None


def _laid_out(text: str) -> tuple[dict, list[tuple]]:
    # The loop runs once per summary, half a million times in a big merge: kept flat,
    # C doing the work (two regular expressions and the decoder's scanner an entry).
    head, tail, value = _HEAD.match, _TAIL.match, _value
    device_id, pos = _opening(text)
    entries = []
    try:
        if text.startswith("]", pos):
            pos += 1
        else:
            while True:
                opened = head(text, pos)
                if opened is None:
                    raise _OtherLayout
                start = opened.end()
                payload, end = value(text, start)
                closed = tail(text, end)
                if closed is None:
                    raise _OtherLayout
                entries.append((closed[1], opened[1], int(closed[2]), payload, text[start:end]))
                pos = closed.end()
                if closed[3] == "]":
                    break
    except (ValueError, StopIteration):  # no value where the layout puts one
        raise _OtherLayout from None
    return _closing(text, pos, device_id), entries


def _opening(text: str) -> tuple[object, int]:
    """The device id, and where the entries start."""
    try:
        device_id, pos = _value(text, _after(text, 0, '{"device_id":'))
    except (ValueError, StopIteration):
        raise _OtherLayout from None
    return device_id, _after(text, pos, ',"entries":[')


def _closing(text: str, pos: int, device_id: object) -> dict:
    """The document without its entries, from where they end to the end of the text."""
    try:
        epoch, pos = _value(text, _after(text, pos, ',"epoch":'))
        format_, pos = _value(text, _after(text, pos, ',"format":'))
        seq, pos = _value(text, _after(text, pos, ',"seq":'))
    except (ValueError, StopIteration):
        raise _OtherLayout from None
    if _after(text, pos, "}") != len(text):
        raise _OtherLayout
    return {"device_id": device_id, "epoch": epoch, "format": format_, "seq": seq}


def _after(text: str, pos: int, literal: str) -> int:
    if not text.startswith(literal, pos):
        raise _OtherLayout
    return pos + len(literal)
