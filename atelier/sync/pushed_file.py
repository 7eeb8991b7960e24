"""A file a device pushed, read back by the coordinator without encoding it again.

A device writes ``{"device_id":…,"entries":[{"kind":…,"payload":…,"summary_id":…,"version":…},…],
"epoch":…,"format":1,"seq":…}``, keys sorted and no spaces (``push.encode``). A file in
that very layout is read piece by piece with the JSON decoder: each payload is parsed
once, for the coordinator's checks, and its text is kept as written (a slice), where
decoding the file and encoding every payload again cost most of a merge. A file in any
other layout that is still valid JSON is read the plain way, each payload then stored
as its canonical text. Either way nothing is checked here: the coordinator checks what
``read`` returns.
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


def _laid_out(text: str) -> tuple[dict, list[tuple]]:
    # The loop runs once per summary, half a million times in a big merge: kept flat,
    # C doing the work (two regular expressions and the decoder's scanner an entry).
    head, tail, value = _HEAD.match, _TAIL.match, _value
    try:
        pos = _after(text, 0, '{"device_id":')
        device_id, pos = value(text, pos)
        pos = _after(text, pos, ',"entries":[')
        entries = []
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
        pos = _after(text, pos, ',"epoch":')
        epoch, pos = value(text, pos)
        pos = _after(text, pos, ',"format":')
        format_, pos = value(text, pos)
        pos = _after(text, pos, ',"seq":')
        seq, pos = value(text, pos)
    except (ValueError, StopIteration):  # no value where the layout puts one
        raise _OtherLayout from None
    if _after(text, pos, "}") != len(text):
        raise _OtherLayout
    return {"device_id": device_id, "epoch": epoch, "format": format_, "seq": seq}, entries


def _after(text: str, pos: int, literal: str) -> int:
    if not text.startswith(literal, pos):
        raise _OtherLayout
    return pos + len(literal)
