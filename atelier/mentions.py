"""Mentions: the passages of free text that name a person (GDPR).

A facilitator's notes on a session, another participant's notes, a group's name or a
place may name someone. The access export lists those passages, and erasing the person
replaces the name with « [personne effacée] ».

A passage names the person when it holds their first and last name (either order), or,
in notes, their first name or last name alone when no one else in the file bears it:
"Hélène est venue" names Hélène Martin if she is the only Hélène, and no one if there
are two; « Salle Hélène », a place, names no one.
Names are found whatever the accents and capitals, as whole words: « Marie » is not
found in « Marie-Claire ».
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from atelier import people
from atelier.clock import utc_now
from atelier.db import Database
from atelier.i18n import N_, _
from atelier.people import Participant

ERASED = "[personne effacée]"  # what stands where a name was

# Every free-text field of the schema, with where it is in words. A test checks that
# each text column of the schema is either here or known not to be free text.
FREE_TEXT = {
    ("participants", "notes"): N_("Notes sur {label}"),
    ("sessions", "notes"): N_("Notes de la séance du {label}"),
    ("sessions", "place"): N_("Lieu de la séance du {label}"),
    ("sessions", "facilitator"): N_("Animateur de la séance du {label}"),
    ("groups", "name"): N_("Nom du groupe « {label} »"),
    ("groups", "place"): N_("Lieu du groupe « {label} »"),
}
# Notes speak of people by their first name; names of places and groups are often a
# person's too (« Salle Hélène Boucher »): there only the full name counts.
NOTES = {("participants", "notes"), ("sessions", "notes")}
# What names each row in words: a person's name, a session's date, a group's name.
_LABELS = {
    "participants": "trim(first_name || ' ' || last_name)",
    "sessions": "date",
    "groups": "name",
}
_SHORTEST_NAME = 3  # a first or last name alone counts from 3 letters: never "Le", "Da"
_EDGE = r"[\w-]"  # a name is a whole word: neither a letter nor a hyphen beside it
_SEPARATOR = r"[\s\-'’]+"  # "Jean-Pierre", "Jean Pierre" and "Jean\nPierre" are one name
_EXCERPT = 100  # characters kept each side of the name in a very long sentence


@dataclass(frozen=True)
class Mention:
    """One field that names the person, and the sentence where it does."""

    table: str
    column: str
    row_id: str
    where: str  # in words: « Notes de la séance du 12/03/2026 »
    passage: str  # the sentences that name the person, not the whole field

    def as_dict(self) -> dict:
        return {"where": self.where, "passage": self.passage, "table": self.table, "column": self.column,
                "row_id": self.row_id}


def folded(text: str) -> tuple[str, list[int]]:
    """``people.fold(text)``, and for each of its characters the index it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        plain = people.fold(char)
        chars.append(plain)
        origin.extend([index] * len(plain))
    return "".join(chars), origin


def _words(name: str) -> str:
    parts = [re.escape(part) for part in re.split(_SEPARATOR, people.fold(name).strip()) if part]
    return _SEPARATOR.join(parts)


def pattern(db: Database, person: Participant, notes: bool = True) -> re.Pattern | None:
    """What finds the person in folded text (``notes=False``: by the full name only);
    None for a person with no name to find."""
    if not notes:
        return name_pattern(person, {people.fold(person.first_name.strip()), people.fold(person.last_name.strip())})
    others = db.execute("SELECT first_name, last_name FROM participants WHERE id != ?", [person.id]).fetchall()
    return name_pattern(person, {people.fold(name.strip()) for row in others for name in row})


def name_pattern(person: Participant, borne_by_others: set[str] = frozenset()) -> re.Pattern | None:
    """What finds the person in folded text: their full name, and a first or last name
    alone when it is long enough and not in ``borne_by_others`` (folded names)."""
    first, last = _words(person.first_name), _words(person.last_name)
    names = set()
    if first and last:
        names |= {first + _SEPARATOR + last, last + _SEPARATOR + first}
    for name, alone in ((person.first_name, first), (person.last_name, last)):
        plain = people.fold(name.strip())
        if alone and (not (first and last) or len(plain) >= _SHORTEST_NAME and plain not in borne_by_others):
            names.add(alone)
    if not names:
        return None
    alternatives = "|".join(sorted(names, key=len, reverse=True))  # the full name before a part of it
    return re.compile(rf"(?<!{_EDGE})(?:{alternatives})(?!{_EDGE})")


def spans(text: str, finder: re.Pattern) -> list[tuple[int, int]]:
    """Where the name is in ``text`` (start, end), in the original text's indexes."""
    if not finder.search(people.fold(text)):  # most texts: ten times faster than mapping each letter
        return []
    plain, origin = folded(text)
    return [(origin[m.start()], _past_marks(text, origin[m.end() - 1] + 1))
            for m in finder.finditer(plain) if m.end() > m.start()]


def _past_marks(text: str, end: int) -> int:
    """Past the accents written as marks of their own after the name's last letter ("Υ̓")."""
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end


def replaced(text: str, finder: re.Pattern, replacement: str = ERASED) -> str:
    """``text`` with every occurrence of the name replaced."""
    pieces, kept = [], 0
    for start, end in spans(text, finder):
        pieces += [text[kept:start], replacement]
        kept = end
    return "".join(pieces) + text[kept:]


def excerpt(text: str, where: list[tuple[int, int]]) -> str:
    """The sentences holding the name, one a line; a very long one cut around the name."""
    found = []
    for start, end in where:
        first = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
        stops = [i for i in (text.find(mark, end) for mark in ".!?\n") if i >= 0]
        last = min(stops) + 1 if stops else len(text)
        cut_before, cut_after = start - first > _EXCERPT, last - end > _EXCERPT
        if cut_before:  # from the first word that starts within reach
            space = text.find(" ", start - _EXCERPT, start)
            first = space + 1 if space >= 0 else start - _EXCERPT
        if cut_after:
            space = text.rfind(" ", end, end + _EXCERPT)
            last = space if space >= 0 else end + _EXCERPT
        sentence = " ".join(text[first:last].split())
        sentence = ("… " if cut_before else "") + sentence + (" …" if cut_after else "")
        if sentence not in found:
            found.append(sentence)
    return "\n".join(found)


def find(db: Database, person: Participant) -> list[Mention]:
    """Every free-text passage that names the person; their own record's notes aside."""
    finders = {True: pattern(db, person), False: pattern(db, person, notes=False)}
    if finders[True] is None:
        return []
    found = []
    for (table, column), where in FREE_TEXT.items():
        finder = finders[(table, column) in NOTES]
        rows = db.execute(
            f"SELECT id, {_LABELS[table]}, {column} FROM {table} WHERE {column} != '' AND id != ? ORDER BY rowid",
            [person.id])
        for row_id, label, text in rows:
            places = spans(text or "", finder)
            if places:
                found.append(Mention(table, column, row_id, _(where).format(label=_label(table, label)),
                                     excerpt(text, places)))
    return found


def _label(table: str, value: str) -> str:
    if table == "sessions":
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    return value


def erase_name(db: Database, person: Participant, replacement: str = ERASED) -> list[Mention]:
    """Replace the person's name wherever free text holds it; call inside a transaction.
    Returns the passages as they were, so that the caller can say what changed."""
    found = find(db, person)
    finders = {True: pattern(db, person), False: pattern(db, person, notes=False)}
    for mention in found:
        finder = finders[(mention.table, mention.column) in NOTES]
        text = db.execute(f"SELECT {mention.column} FROM {mention.table} WHERE id = ?", [mention.row_id]).fetchone()[0]
        _note_written(db, mention)
        db.execute(f"UPDATE {mention.table} SET {mention.column} = ?, updated_at = ? WHERE id = ?",
                   [replaced(text, finder, replacement), utc_now(), mention.row_id])
    return found


def _note_written(db: Database, mention: Mention) -> None:
    """Say what the change touches, so that the summaries saying it are queued again."""
    if mention.table == "sessions":
        db.wrote("sessions", sessions=[mention.row_id])
    elif mention.table == "groups":  # its place is its sessions' place when they have none
        held = [row[0] for row in db.execute("SELECT id FROM sessions WHERE group_id = ?", [mention.row_id])]
        db.wrote("groups", sessions=held)
    else:
        db.wrote(mention.table, people=[mention.row_id])
