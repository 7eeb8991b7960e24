"""The keys a `keys` exercise asks for: one key, or a combination such as Ctrl+C.

A pack names keys as the program shows them (Entrée, Effacer, Suppr, Échap, Maj,
Verr. Maj, Tab, AltGr, Ctrl, Espace, flèche gauche…; the first packs' English names,
Enter or Backspace, still work), or writes one character ("a", "é", "0"). A
combination is modifiers, then one key: "Ctrl+C", "Maj+A", "AltGr+0". What a
combination writes on a French (AZERTY) keyboard is known here, so that the exercise
can recognise it whatever the system reports for the modifiers (AltGr is Ctrl+Alt on
Windows, a key of its own on Linux).
"""

import re
from dataclasses import dataclass

from atelier.i18n import _, N_
from atelier.lessons.rules import suggest

# canonical id: the name the program shows (and the pack may write)
NAMED = {
    "Enter": N_("Entrée"), "Backspace": N_("Effacer"), "Delete": N_("Suppr"),
    "Escape": N_("Échap"), "Shift": N_("Maj"), "CapsLock": N_("Verr. Maj"), "Tab": N_("Tab"),
    "AltGr": N_("AltGr"), "Ctrl": N_("Ctrl"), "Space": N_("Espace"),
    "Left": N_("Flèche gauche"), "Right": N_("Flèche droite"), "Up": N_("Flèche haut"),
    "Down": N_("Flèche bas"),
}
MODIFIERS = ("Ctrl", "Shift", "AltGr")   # in the order a combination is shown
# Other spellings a trainer may use for the same key.
_ALIASES = {"retour arrière": "Backspace", "échappement": "Escape", "esc": "Escape",
            "majuscule": "Shift", "control": "Ctrl", "contrôle": "Ctrl", "espace": "Space",
            "verrmaj": "CapsLock", "verr maj": "CapsLock", "caps lock": "CapsLock",
            "gauche": "Left", "droite": "Right", "haut": "Up", "bas": "Down",
            # the names printed on a UK or US keyboard, for packs in English
            "left arrow": "Left", "right arrow": "Right", "up arrow": "Up", "down arrow": "Down",
            "del": "Delete", "return": "Enter", "space bar": "Space", "spacebar": "Space"}
# The row of digits on a French keyboard: the character without Maj, the digit with it.
_DIGIT_ROW = dict(zip("&é\"'(-è_çà", "1234567890"))
# What Maj gives with the other keys of a French keyboard.
_WITH_SHIFT = {";": ".", ",": "?", ":": "/", "!": "§", "ù": "%", "*": "µ", "^": "¨",
               "$": "£", "=": "+", ")": "°", "<": ">"}
# What AltGr gives, named by the digit (or the letter) printed on the key.
_WITH_ALTGR = {"2": "~", "3": "#", "4": "{", "5": "[", "6": "|", "7": "`", "8": "\\",
               "9": "^", "0": "@", ")": "]", "=": "}", "e": "€"}
# Combinations the messages give as examples, named in the language spoken (« Maj+A », "Shift+A").
EXAMPLES = (("Ctrl", "c"), ("Shift", "a"), ("AltGr", "0"))


@dataclass(frozen=True)
class Combination:
    modifiers: tuple[str, ...]   # ids from MODIFIERS, in their order
    key: str                     # an id of NAMED, or one lowercase character
    writes: tuple[str, ...] = ()  # the texts typing it gives, when it writes a character

    @property
    def named(self) -> bool:
        return self.key in NAMED

    def parts(self) -> list[str]:
        """Each key to hold or press, as shown on screen: ["Ctrl", "C"]."""
        return [key_label(m) for m in self.modifiers] + [key_label(self.key)]

    def shown(self) -> str:
        return " + ".join(self.parts())


def key_label(key: str) -> str:
    """A key as the program names it: « Entrée », « Maj », or the letter on its cap."""
    if key in NAMED:
        return _(NAMED[key])
    capital = key.upper()
    return capital if len(capital) == 1 and capital.lower() == key else key   # not µ → Μ, nor ß → SS


def examples() -> str:
    """``"Ctrl+C", "Maj+A", "AltGr+0"`` as a pack may write them in the language spoken."""
    return ", ".join('"{}"'.format("+".join(Combination((modifier,), key).parts())) for modifier, key in EXAMPLES)


def key_chars(key: str) -> set[str]:
    """The characters printed on the same key of a French keyboard: "0" and "à"."""
    row = {v: k for k, v in _DIGIT_ROW.items()}
    return {key, _DIGIT_ROW.get(key, key), row.get(key, key)}


def _named(word: str) -> str | None:
    folded = " ".join(word.replace(".", " ").split()).casefold()
    for key, label in NAMED.items():
        if folded in (key.casefold(), " ".join(label.replace(".", " ").split()).casefold()):
            return key
    folded = folded.removeprefix("flèche ").removeprefix("la touche ")
    return _ALIASES.get(folded) or _ALIASES.get(folded.replace(" ", ""))


def _writes(modifiers: tuple[str, ...], char: str) -> tuple[str, ...] | str:
    """What ``char`` with ``modifiers`` writes on a French keyboard, or why it cannot."""
    if "Ctrl" in modifiers:
        if not (char.isascii() and char.isalnum()):
            return _("avec Ctrl, écrivez une lettre ou un chiffre, par exemple \"Ctrl+C\"")
        return ()
    if "AltGr" in modifiers:
        char = _DIGIT_ROW.get(char, char)   # the key « à 0 @ », named by either
        if char not in _WITH_ALTGR:
            return _("AltGr avec « {key} » n'écrit rien sur un clavier français ; AltGr sert avec : "
                     "{keys}").format(key=char, keys=", ".join(
                         f"{k} ({v})" for k, v in _WITH_ALTGR.items()))
        return (_WITH_ALTGR[char],)
    if "Shift" in modifiers:
        if char in _DIGIT_ROW:   # é, è, à… are on the row of digits: Maj gives the digit
            return (_DIGIT_ROW[char],)
        if char.isalpha():
            return (char.upper(),)
        if char.isdigit():
            return (char,)
        if char in _WITH_SHIFT:
            return (_WITH_SHIFT[char],)
        return _("Maj avec « {key} » : ce n'est pas une touche du clavier français").format(key=char)
    row = {v: k for k, v in _DIGIT_ROW.items()}
    alone = {char, char.upper()} | ({row[char]} if char in row else set())
    return tuple(sorted(alone))


def parse_key(text: str) -> tuple[Combination | None, str | None]:
    """The combination a pack wrote (``"Ctrl+C"``, ``"Entrée"``, ``"é"``), or why it is not one."""
    rest, modifiers = text.strip(), []
    while (m := re.match(r"^([^+]+?)\s*\+\s*(.+)$", rest)) and _named(m.group(1)) in MODIFIERS:
        modifier = _named(m.group(1))
        if modifier in modifiers:
            return None, _("« {text} » nomme deux fois « {key} »").format(
                text=text, key=key_label(modifier))
        modifiers.append(modifier)
        rest = m.group(2)
    if not rest or rest.endswith("+") and len(rest) > 1:
        return None, _("« {text} » : il manque la touche après « + »").format(text=text)
    key = _named(rest)
    if key is None and len(rest) == 1 and not rest.isspace():
        key = rest.lower()
    if key is None:
        return None, None   # unknown: the caller names the keys it could be
    ordered = tuple(m for m in MODIFIERS if m in modifiers)
    if ordered and key in MODIFIERS:
        return None, _("« {text} » : une combinaison finit par une touche qui n'est ni Ctrl, "
                       "ni Maj, ni AltGr, par exemple {examples}").format(text=text, examples=examples())
    if key in NAMED:
        return Combination(ordered, key), None
    writes = _writes(ordered, key)
    if isinstance(writes, str):
        return None, _("« {text} » : {reason}").format(text=text, reason=writes)
    return Combination(ordered, key, writes), None


def keys_problem(key_name: str, value) -> str | None:
    """Why the pack's list of keys cannot be asked, or None."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        return _("« {key} » doit être une liste de touches entre crochets, par exemple "
                 '{key} = ["Entrée", "Espace", "Ctrl+C"]').format(key=key_name)
    names = [_(label) for label in NAMED.values()]
    for item in value:
        found, problem = parse_key(item)
        if problem:
            return _("« {key} » : {problem}").format(key=key_name, problem=problem)
        if found is None:
            return _("« {key} » : touche inconnue « {item} »{hint} ; touches possibles : {names}, "
                     "une lettre, ou une combinaison comme {examples}").format(
                key=key_name, item=item, hint=suggest(item, names), names=", ".join(names),
                examples=examples())
    return None
