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
from typing import NamedTuple

from atelier.sync.outbox import canonical

ENTRY_KEYS = frozenset({"summary_id", "kind", "version", "payload"})
# The decoder's own scanner, as JSONDecoder.raw_decode calls it: (value, where it ends),
# StopIteration where no value starts. Called directly, it costs a fifth less a value.
_value = json.scanner.make_scanner(json.JSONDecoder())


class Entry(NamedTuple):
    summary_id: object
    kind: object
    version: object
    payload: object
    text: str | None  # the payload as written, when the file has the devices' layout


class _OtherLayout(Exception):
    """Not the devices' layout: read the plain way."""


def read(text: str) -> tuple[object, object]:
    """(the document without its entries, its entries); ValueError if it is not JSON.

    Entries in the devices' layout come as ``Entry``; otherwise the list (or whatever
    the document holds under "entries") comes as decoded, for ``plain_entry``."""
    try:
        return _laid_out(text)
    except _OtherLayout:
        pass
    document = json.loads(text)
    if not isinstance(document, dict):
        return document, None
    return {key: value for key, value in document.items() if key != "entries"}, document.get("entries")


def plain_entry(entry) -> Entry | None:
    """An entry decoded the plain way, or None if it is not an object of the four keys."""
    if not isinstance(entry, dict) or entry.keys() != ENTRY_KEYS:
        return None
    payload = entry["payload"]
    return Entry(entry["summary_id"], entry["kind"], entry["version"], payload,
                 canonical(payload) if isinstance(payload, dict) else None)


def _laid_out(text: str) -> tuple[dict, list[Entry]]:
    # The loop runs once per summary, half a million times in a big merge: kept flat.
    value, starts = _value, text.startswith
    try:
        pos = _after(text, 0, '{"device_id":')
        device_id, pos = value(text, pos)
        pos = _after(text, pos, ',"entries":[')
        entries = []
        if starts("]", pos):
            pos += 1
        else:
            while True:
                if not starts('{"kind":', pos):
                    raise _OtherLayout
                kind, pos = value(text, pos + 8)
                if not starts(',"payload":', pos):
                    raise _OtherLayout
                payload, end = value(text, pos + 11)
                written = text[pos + 11:end]
                if not starts(',"summary_id":', end):
                    raise _OtherLayout
                summary_id, pos = value(text, end + 14)
                if not starts(',"version":', pos):
                    raise _OtherLayout
                version, pos = value(text, pos + 11)
                entries.append(Entry(summary_id, kind, version, payload, written))
                if starts("},", pos):
                    pos += 2
                elif starts("}]", pos):
                    pos += 2
                    break
                else:
                    raise _OtherLayout
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
