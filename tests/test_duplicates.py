"""One person, one record: a name written another way is found before a second record is made."""

import unicodedata

from hypothesis import assume, given, settings, strategies as st

from atelier import duplicates, people
from atelier.people import Participant

LETTERS = "abcdeéèêfghiïjklmnoôpqrstuüvwxyzçàâ"
word = st.text(alphabet=LETTERS, min_size=1, max_size=9)
names = st.lists(word, min_size=1, max_size=3)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@st.composite
def written_otherwise(draw, words: list[str]) -> tuple[str, str]:
    """The same words as a facilitator might type them again: another case, with or
    without accents, decomposed, spaces and hyphens, in another order, split anywhere."""
    shuffled = draw(st.permutations(words))
    variants = []
    for w in shuffled:
        w = draw(st.sampled_from([w, w.upper(), w.capitalize(), strip_accents(w), unicodedata.normalize("NFD", w)]))
        variants.append(w)
    gaps = [draw(st.sampled_from([" ", "  ", "-", " - "])) for _ in variants[1:]]
    cut = draw(st.integers(0, len(variants)))
    first = "".join(v + g for v, g in zip(variants[:cut], gaps + [""]))
    last = "".join(v + g for v, g in zip(variants[cut:], gaps[cut:] + [""]))
    pad = draw(st.sampled_from(["", " ", "  "]))
    return pad + first.strip(" -") + pad, last.strip(" -") + pad


@settings(max_examples=200, deadline=None)
@given(st.data(), names)
def test_a_name_written_otherwise_has_the_same_key(data, words):
    first, last = data.draw(written_otherwise(words))
    assert duplicates.name_key(first, last) == duplicates.name_key(" ".join(words))


@settings(max_examples=200, deadline=None)
@given(names, word, st.data())
def test_one_other_word_is_another_name(words, other, data):
    i = data.draw(st.integers(0, len(words) - 1))
    assume(sorted(map(people.fold, words)) != sorted(map(people.fold, words[:i] + [other] + words[i + 1:])))
    changed = words[:i] + [other] + words[i + 1:]
    assert duplicates.name_key(" ".join(changed)) != duplicates.name_key(" ".join(words))
    assert duplicates.name_key(" ".join(words + [other])) != duplicates.name_key(" ".join(words))  # nothing dropped


def test_matching_finds_the_person_however_typed(store):
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    people.add(store.db, Participant("Hélène", "Martineau"))
    archived = people.add(store.db, Participant("José", "Fernandes"))
    people.archive(store.db, archived.id)
    for first, last in (("helene", "MARTIN"), ("Martin", "Hélène"), ("Hélène Martin", ""), (" HELENE ", " martin ")):
        assert [p.id for p in duplicates.matching(store.db, first, last)] == [helene.id], (first, last)
    assert [p.id for p in duplicates.matching(store.db, "Jose", "Fernandes")] == [archived.id]  # archived too
    assert duplicates.matching(store.db, "Hélène", "") == []
    assert duplicates.matching(store.db, "  ", "") == []
    assert duplicates.matching(store.db, "Hélène", "Martin", exclude=helene.id) == []


def test_pairs_lists_each_twice_known_person_oldest_first(store):
    a = people.add(store.db, Participant("Gérard", "Dubois"))
    b = people.add(store.db, Participant("DUBOIS", "gerard"))
    people.add(store.db, Participant("Gérard", "Dupont"))
    assert [(x.id, y.id) for x, y in duplicates.pairs(store.db)] == [(a.id, b.id)]


def test_known_says_what_tells_namesakes_apart(store):
    from datetime import date

    from atelier import attendance, groups, sessions
    from atelier.groups import Group
    from atelier.sessions import Session

    helene = people.add(store.db, Participant("Hélène", "Martin", birth_year=1948))
    group = groups.add(store.db, Group("Souris"))
    groups.add_member(store.db, group.id, helene.id)
    for day, status in ((date(2026, 11, 3), "present"), (date(2026, 11, 10), "absent")):
        session = sessions.add(store.db, Session(day.isoformat(), "14:00", "16:00", group.id))
        attendance.mark(store.db, session.id, helene.id, status)
    [match] = duplicates.known(store.db, "martin", "helene")
    assert (match.person.id, match.groups, match.last_visit) == (helene.id, ["Souris"], "2026-11-03")
