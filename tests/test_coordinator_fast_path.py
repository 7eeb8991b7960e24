"""The coordinator's fast way through a pushed file (regular expressions at the seams,
orjson for each payload, keys checked as sets) says exactly what the careful way says:
the same entries, or a doubt that sends the file to the careful way, which words the
rejection. Random files, whole and damaged, are read both ways and compared."""

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from atelier.sync import coordinator, learner_progress, push as pushing, summaries
from atelier.sync.outbox import Outgoing, canonical

ROOT = Path(__file__).resolve().parents[1]
DEVICE = "5b0f7d3e-4a43-4c5e-9a55-2f4a9e1c7d10"
OTHER = "0c1d2e3f-0000-4000-8000-000000000000"
EPOCH = pushing.epoch_for(DEVICE)

# What could fool a cut made by regular expressions: the seams themselves, inside strings.
SEAMS = ['},"summary_id":"', '","version":1}', '},"summary_id":"x","version":7},{"kind":"session-summary","payload":{',
         '}],"epoch":"', '{"kind":"', '","payload":', '"deleted":true', '\\', '"', "}", "{", "]", "\\ud83d\\ude00", "😀", "é"]
json_text = st.one_of(st.text(max_size=12), st.sampled_from(SEAMS), st.lists(st.sampled_from(SEAMS), max_size=4).map("".join))
# An object that ends in what reads like a seam between two entries, keys sorted.
seam_objects = st.fixed_dictionaries({"a": st.just({}), "summary_id": st.sampled_from(["x", "s-1"]),
                                      "version": st.integers(1, 99)})
json_values = st.recursive(
    # What orjson refuses (NaN, 1e400) comes with the damage below: here, what it reads.
    st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**64 - 1), st.floats(allow_nan=False, allow_infinity=False),
              json_text),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(json_text, inner, max_size=3)),
    max_leaves=6,
)
SHAPES = coordinator._shapes()


# A trap for the fast way (a payload still right), or what a payload may get wrong: each
# a check of the coordinator's.
FLAWS = ["none"] * 8 + ["seam inside", "missing key", "unknown key", "schema", "kind", "summary_id", "deleted", "not an object"]
WRONG = {"schema": [2, "1", 1.0, True, 2**64, None], "kind": ["session-summary", "learner-progress", "x", None],
         "summary_id": ["s-0", "", None, 1], "deleted": [True, False, 1, None]}


@st.composite
def payloads(draw, summary_id: str, flawed: bool) -> tuple[str, object]:
    kind, deleted = draw(st.sampled_from(sorted(SHAPES)))
    required, allowed = SHAPES[(kind, deleted)]
    payload = {key: draw(json_values) for key in required}
    payload.update({key: draw(json_values) for key in draw(st.sets(st.sampled_from(sorted(allowed))))})
    payload.update(schema=summaries.SCHEMA, kind=kind, summary_id=summary_id)
    if deleted:
        payload["deleted"] = True
    flaw = draw(st.sampled_from(FLAWS)) if flawed else "none"
    free = sorted(required.keys() - {"schema", "kind", "summary_id", "deleted"})  # none in a deleted learner's
    if flaw == "seam inside" and free:
        payload[draw(st.sampled_from(free))] = draw(seam_objects)
    elif flaw == "missing key":
        del payload[draw(st.sampled_from(sorted(required)))]
    elif flaw == "unknown key":
        payload[draw(st.sampled_from(["surplus", "first_name", "version", "deleted"]))] = draw(json_values)
    elif flaw in WRONG:
        payload[flaw] = draw(st.sampled_from(WRONG[flaw]))
    elif flaw == "not an object":
        payload = draw(st.one_of(st.lists(json_values, max_size=2), json_values))
    return kind, payload


@st.composite
def pushed_files(draw, flawed: bool = True) -> tuple[str, int]:
    """A file as a device writes it (``push.encode``), its seq; some payloads flawed."""
    seq = draw(st.integers(1, 10**9))
    rows = []
    for index in range(draw(st.integers(0, 4))):
        summary_id = draw(st.sampled_from(["s-1", "s-2", f"s-{index}-{seq}", "a b/é"]))
        kind, payload = draw(payloads(summary_id, flawed))
        rows.append(Outgoing(index, summary_id, kind, draw(st.integers(1, 10**6)), canonical(payload).encode()))
    return pushing.encode(DEVICE, EPOCH, seq, rows).decode(), seq


# Damage at the level of the text: anywhere, or where a payload starts or ends.
SNIPPETS = [" ", "\n", "NaN", "-Infinity", "1e400", '"\\ud800"', " ", "\n", "18446744073709551616", "-9223372036854775809", "1.0",
            "true", '"2"', "[]", '"learner-progress"', ',"surplus":1', '"deleted":true,']
damages = st.one_of(st.just([]), st.lists(st.tuples(
    st.sampled_from([None, '"payload":', '},"summary_id":']), st.floats(0, 1), st.sampled_from([0, 0, 0, 1, 8]),
    st.one_of(st.just(""), json_text, st.sampled_from(SNIPPETS)),
), min_size=1, max_size=2))
# And at the level of the document: its format, or a name and folder that do not match it.
envelopes = st.tuples(st.sampled_from(["1"] * 12 + ["2", "1.0", "true", '"1"']), st.sampled_from([DEVICE] * 6 + [OTHER]),
                      st.sampled_from([0] * 6 + [1]))


def damaged(text: str, damage) -> str:
    for near, where, length, snippet in damage:
        places = [m.end() if near == '"payload":' else m.start() + 1 for m in re.finditer(re.escape(near), text)] \
            if near else range(len(text) + 1)
        if places:
            at = places[int(where * (len(places) - 1))]
            text = text[:at] + snippet + text[at + length:]
    return text


def outcome(read, text: str, seq: int, device_id: str = DEVICE):
    match = coordinator.FILE_NAME.match(f"{EPOCH}-{seq:010d}-{hashlib.sha256(text.encode()).hexdigest()}.json")
    try:
        return read(text, match, device_id)
    except coordinator.Rejected as rejected:
        return rejected.reason


def careful(text, match, device_id):
    return coordinator.careful_entries(text, match, device_id)


def whole(text, match, device_id):
    return coordinator.checked_entries(text.encode(), match, device_id)


def fast(parse=orjson.loads):
    return lambda text, match, device_id: coordinator.fast_entries(text, match, device_id, parse=parse)


@hypothesis_settings(max_examples=250, deadline=None)
@given(file=pushed_files(), damage=damages, envelope=envelopes)
def test_the_fast_way_gives_the_careful_entries_or_leaves_the_file_to_it(file, damage, envelope):
    text, seq = file
    format_, device_id, name_shift = envelope
    before, _, after = text.rpartition('"format":1,')
    text = damaged(f'{before}"format":{format_},{after}', damage)
    expected = outcome(careful, text, seq + name_shift, device_id)
    for parse in (orjson.loads, json.loads):  # and the standard library's, where orjson is missing
        got = outcome(fast(parse), text, seq + name_shift, device_id)
        assert got is None or got == expected
    assert outcome(whole, text, seq + name_shift, device_id) == expected


@hypothesis_settings(max_examples=100, deadline=None)
@given(file=pushed_files(flawed=False))
def test_a_file_as_devices_write_it_takes_the_fast_way(file):
    text, seq = file
    entries = outcome(careful, text, seq)
    assert isinstance(entries, list) and outcome(fast(), text, seq) == entries


def a_file(payload_texts: list[str], seq: int = 1) -> str:
    rows = [Outgoing(n, f"s-{n}", summaries.KIND, 1, text.encode()) for n, text in enumerate(payload_texts)]
    return pushing.encode(DEVICE, EPOCH, seq, rows).decode()


def session_payload(summary_id: str, **changes) -> str:
    required, _allowed = SHAPES[(summaries.KIND, False)]
    return canonical({**dict.fromkeys(required, 0), "schema": summaries.SCHEMA, "kind": summaries.KIND,
                      "summary_id": summary_id, **changes})


def test_a_seam_inside_a_payload_sends_the_file_the_careful_way_and_keeps_the_payloads_text():
    # Inside a string a seam's quotes are escaped: only an object can end in one.
    fake = {"a": {}, "summary_id": "s-9", "version": 3}
    texts = [session_payload("s-0", steps_covered=fake), session_payload("s-1")]
    assert '},"summary_id":"s-9","version":3},' in texts[0]
    text = a_file(texts)
    assert outcome(fast(), text, 1) is None
    assert outcome(whole, text, 1) == [coordinator.Entry(f"s-{n}", summaries.KIND, 1, t) for n, t in enumerate(texts)]


def test_what_orjson_refuses_and_the_stdlib_reads_is_merged_as_before():
    texts = [session_payload("s-0", present=float("nan")), session_payload("s-1", absent=2**70)]
    text = a_file(texts)
    assert outcome(fast(), text, 1) is None
    assert outcome(whole, text, 1) == [coordinator.Entry(f"s-{n}", summaries.KIND, 1, t) for n, t in enumerate(texts)]


def test_a_payload_nested_too_deep_is_refused_in_words_not_a_crash():
    deep = "[" * 5000 + "]" * 5000  # past what orjson and Python's decoder read
    text = a_file([session_payload("s-0")]).replace('"present":0', f'"present":{deep}')
    assert outcome(whole, text, 1) == coordinator.TOO_DEEP


def test_learner_progress_takes_the_fast_way_too():
    required, _allowed = SHAPES[(learner_progress.KIND, False)]
    payload = canonical({**dict.fromkeys(required, {}), "schema": summaries.SCHEMA, "kind": learner_progress.KIND,
                         "summary_id": "l-1"})
    text = pushing.encode(DEVICE, EPOCH, 1, [Outgoing(0, "l-1", learner_progress.KIND, 2, payload.encode())]).decode()
    expected = [coordinator.Entry("l-1", learner_progress.KIND, 2, payload)]
    assert outcome(fast(), text, 1) == expected


def test_without_orjson_the_standard_library_parses_and_the_files_merge():
    text = a_file([session_payload("s-0")])
    name = f"{EPOCH}-{1:010d}-{hashlib.sha256(text.encode()).hexdigest()}.json"
    script = (
        "import json, sys; sys.modules['orjson'] = None\n"  # as if it were not installed
        "from atelier.sync import coordinator\n"
        "assert coordinator.parse_json is json.loads\n"
        f"entries = coordinator.checked_entries({text.encode()!r}, coordinator.FILE_NAME.match({name!r}), {DEVICE!r})\n"
        "print(len(entries), entries[0].summary_id)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "1 s-0\n", "")
