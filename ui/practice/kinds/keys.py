"""keys: find each key of the pack on the keyboard, or each combination (Ctrl + C,
Maj + A, AltGr + 0). The key is named in French and drawn as a key cap (a combination
as caps side by side), with a word on where it sits; the right key leads to the next,
another one gets "Pas celle-ci" and the same key again, gently. While a combination
is asked, pressing its modifiers is no mistake: they are on the way.
"""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from atelier.i18n import _
from atelier.lessons.key_combos import Combination, key_chars, key_label, parse_key
from atelier.lessons.scoring import ClickScore
from ui.practice.kinds.common import Exercise, quoted, unbroken
from ui.theme import spacing_factor

K = Qt.Key
M = Qt.KeyboardModifier
# key id (atelier.lessons.key_combos): (keys that count, symbol on the cap, relative width)
KEYS = {
    "Enter": ((K.Key_Return, K.Key_Enter), "\u21b5", 1.8),
    "Backspace": ((K.Key_Backspace,), "\u232b", 1.8),
    "Delete": ((K.Key_Delete,), "Suppr", 1.2),
    "Left": ((K.Key_Left,), "\u2190", 1.0),
    "Right": ((K.Key_Right,), "\u2192", 1.0),
    "Up": ((K.Key_Up,), "\u2191", 1.0),
    "Down": ((K.Key_Down,), "\u2193", 1.0),
    "Shift": ((K.Key_Shift,), "\u21e7", 2.0),
    "CapsLock": ((K.Key_CapsLock,), "\u21ea", 1.8),
    "Tab": ((K.Key_Tab, K.Key_Backtab), "\u21b9", 1.5),
    "Space": ((K.Key_Space,), "", 3.2),
    "Escape": ((K.Key_Escape,), "Échap", 1.2),
    "Ctrl": ((K.Key_Control,), "Ctrl", 1.3),
    "AltGr": ((K.Key_AltGr,), "AltGr", 1.3),
}
HELD = {"Ctrl": M.ControlModifier, "Shift": M.ShiftModifier}
ON_THE_WAY = (K.Key_Shift, K.Key_Control, K.Key_Alt, K.Key_AltGr, K.Key_Meta)
WAYS_OUT = (K.Key_Tab, K.Key_Backtab, K.Key_Escape)  # pressed twice when not asked: to the buttons


def key_name(name: str) -> str:
    """The French name of a key id (« Effacer »), as the guide says it."""
    return key_label(name)


def key_place(combo: Combination) -> str:
    """Where the key is, or how to make the combination, in one or two short sentences."""
    if combo.modifiers:
        sentence = (_("Gardez {held} appuyée, puis appuyez sur {key}.") if len(combo.modifiers) == 1
                    else _("Gardez {held} appuyées, puis appuyez sur {key}.")).format(
            held=held_words(combo), key=quoted(key_label(combo.key)))
        where = {"Ctrl": _("Ctrl est en bas à gauche du clavier."),
                 "AltGr": _("AltGr est à droite de la barre d'espace."),
                 "Shift": _("Maj porte une grosse flèche vers le haut.")}[combo.modifiers[0]]
        writes = _(" Cela écrit {text}.").format(text=quoted(combo.writes[0])) if combo.writes else ""
        return f"{sentence} {where}{writes}"
    if not combo.named:
        return _("Cherchez la touche qui porte {key}.").format(key=quoted(key_label(combo.key)))
    return {
        "Enter": _("La grande touche à droite des lettres, avec une flèche coudée."),
        "Backspace": _("Au-dessus d'Entrée, avec une flèche vers la gauche."),
        "Delete": _("À droite d'Entrée, au-dessus des flèches : elle porte « Suppr »."),
        "Left": _("En bas à droite, parmi les quatre petites flèches."),
        "Right": _("En bas à droite, parmi les quatre petites flèches."),
        "Up": _("En bas à droite, parmi les quatre petites flèches."),
        "Down": _("En bas à droite, parmi les quatre petites flèches."),
        "Shift": _("À gauche, avec une grosse flèche vers le haut (il y en a une de chaque côté)."),
        "CapsLock": _("À gauche, au-dessus de Maj, avec un cadenas ou une flèche."),
        "Tab": _("À gauche, au-dessus du cadenas, avec deux flèches."),
        "Space": _("La longue touche tout en bas, au milieu."),
        "Escape": _("Tout en haut à gauche : elle porte « Échap » ou « Esc »."),
        "Ctrl": _("En bas à gauche du clavier : elle porte « Ctrl »."),
        "AltGr": _("À droite de la barre d'espace : elle porte « Alt Gr »."),
    }[combo.key]


def held_words(combo: Combination) -> str:
    """« Ctrl », or « Ctrl » et « Maj »: the keys to hold down."""
    return _(" et ").join(quoted(key_label(m)) for m in combo.modifiers)


def matches(combo: Combination, key: Qt.Key, modifiers, text: str) -> bool:
    """Whether a key press is the combination asked."""
    if combo.named:
        wanted = KEYS[combo.key][0]
        if combo.key == "AltGr" and key == K.Key_Alt and modifiers & M.ControlModifier:
            return True   # Windows: AltGr comes as Ctrl + Alt
        return key in wanted and all(modifiers & HELD[m] for m in combo.modifiers if m in HELD)
    if "Ctrl" in combo.modifiers:
        return (key == qt_key(combo.key) and bool(modifiers & M.ControlModifier)
                and not modifiers & M.AltModifier
                and bool(modifiers & M.ShiftModifier) == ("Shift" in combo.modifiers))
    return bool(text) and text in combo.writes


def qt_key(char: str) -> Qt.Key | None:
    """Qt's code for the key that carries ``char`` (its capital), if Qt has one."""
    try:
        return Qt.Key(ord(char.upper()))
    except ValueError:
        return None


def half_right(combo: Combination, key: Qt.Key, text: str) -> bool:
    """The combination's key pressed without its modifiers held."""
    if not combo.modifiers:
        return False
    if combo.named:
        return key in KEYS[combo.key][0]
    return (bool(text) and text.lower() in key_chars(combo.key)) or key == qt_key(combo.key)


class KeyCap(QWidget):
    """A key drawn like the real one: a rounded cap, its symbol, its French name."""

    def __init__(self, scale: float, parent=None):
        super().__init__(parent)
        self.scale = scale
        self.symbol, self.name = "", ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def show_key(self, key: str) -> None:
        """``key``: an id of KEYS, or one character."""
        symbol, width = (KEYS[key][1], KEYS[key][2]) if key in KEYS else (key_label(key), 1.0)
        self.symbol = symbol
        self.name = key_label(key) if key in KEYS and key_label(key) != symbol else ""   # « Ctrl » once
        unit = round(120 * (1 + self.scale) / 2)   # 120 px at 100 %, 180 at 200 %
        self.setFixedSize(round(unit * width), unit)
        self.setAccessibleName(_("Touche {name}").format(name=key_label(key)))
        self.update()

    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        p.setPen(QPen(QColor("#3A3A3A"), 3))
        p.setBrush(QColor("#9E9E9E"))
        p.drawRoundedRect(r, r.height() * 0.12, r.height() * 0.12)
        top = r.adjusted(r.height() * 0.07, r.height() * 0.05, -r.height() * 0.07, -r.height() * 0.16)
        shade = QLinearGradient(top.topLeft(), top.bottomLeft())
        shade.setColorAt(0, QColor("#FFFFFF"))
        shade.setColorAt(1, QColor("#E4E4E4"))
        p.setPen(QPen(QColor("#7A7A7A"), 2))
        p.setBrush(shade)
        p.drawRoundedRect(top, top.height() * 0.1, top.height() * 0.1)
        p.setPen(QColor("#1B1B1B"))
        font = QFont(self.font())
        font.setPixelSize(round(top.height() * (0.42 if len(self.symbol) > 1 else 0.5)))
        font.setBold(True)
        p.setFont(font)
        room = top.adjusted(0, 0, 0, -top.height() * 0.3) if self.name else top
        p.drawText(room, Qt.AlignmentFlag.AlignCenter, self.symbol)
        if self.name:
            font.setPixelSize(round(top.height() * 0.18))
            font.setBold(False)
            p.setFont(font)
            p.drawText(top.adjusted(0, top.height() * 0.62, 0, 0), Qt.AlignmentFlag.AlignCenter, self.name)


class KeyRow(QWidget):
    """The caps of one key or combination, with « + » between them."""

    def __init__(self, scale: float, parent=None):
        super().__init__(parent)
        self.scale = scale
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(round(12 * spacing_factor(scale)))
        self.caps: list[KeyCap] = []

    def show_combination(self, combo: Combination) -> None:
        while self.row.count():
            old = self.row.takeAt(0).widget()
            old.hide()
            old.deleteLater()
        self.caps = []
        for n, key in enumerate((*combo.modifiers, combo.key)):
            if n:
                plus = QLabel("+")
                plus.setObjectName("instruction")
                self.row.addWidget(plus)
                plus.show()   # now, not once the layout gets round to it: the exercise is measured with it
            cap = KeyCap(self.scale)
            cap.show_key(key)
            self.row.addWidget(cap)
            cap.show()
            self.caps.append(cap)
        self.setAccessibleName((_("Touche {name}") if len(self.caps) == 1 else _("Touches {name}"))
                               .format(name=combo.shown()))


class KeysExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.keys = exercise.params["keys"]
        self.combos = [parse_key(name)[0] for name in self.keys]   # checked by the pack's checker
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ask = QLabel()
        self.ask.setObjectName("instruction")
        self.ask.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ask.setWordWrap(True)
        self.cap = KeyRow(scale)
        self.place = QLabel()
        self.place.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.place.setWordWrap(True)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.ask)
        self.layout_.addWidget(self.cap, 0, Qt.AlignmentFlag.AlignHCenter)
        self.layout_.addWidget(self.place)
        self.layout_.addStretch(1)
        self.add_feedback()
        self.tally = ClickScore(len(self.keys))
        self.wrong: dict[str, int] = {}
        self.last_way_out: Qt.Key | None = None  # a Tab or Échap just pressed, not asked
        self.setAccessibleDescription(_("Pour aller aux boutons avec le clavier : Échap deux fois, "
                                         "ou Ctrl + Tab."))

    def start(self) -> None:
        self.begin()
        self.tally = ClickScore(len(self.keys))
        self.wrong = {}
        self.last_way_out = None
        self._ask()
        self.progressed.emit(0, len(self.keys))
        self.setFocus()

    def fits(self) -> bool:
        """Every key asked shows whole, not only the first: their caps and words differ."""
        whole = True
        for combo in self.combos:
            self._ask(combo)
            whole = whole and super().fits()
        self._ask()
        return whole

    def _ask(self, combo: Combination | None = None) -> None:
        combo = combo or self.combos[self.tally.done]
        self.ask.setText(unbroken(_("Appuyez sur « {name} »").format(name=combo.shown()) if combo.modifiers
                                  else _("Appuyez sur la touche « {name} »").format(name=combo.shown())))
        self.ask.setAccessibleName(self.ask.text())
        self.cap.show_combination(combo)
        self.place.setText(unbroken(key_place(combo)))   # « Échap » stays whole on its line

    def say(self, text: str, tone: str = "soft") -> None:
        super().say(unbroken(text), tone)   # « Échap » and « Tab » never split across two lines

    def focusNextPrevChild(self, next_: bool) -> bool:
        return False   # Tab is one of the keys to find: it must reach keyPressEvent

    def leave(self, forward: bool) -> None:
        """The keyboard goes on to the buttons around the exercise: no trap."""
        self.last_way_out = None
        super().focusNextPrevChild(forward)

    def skip_label(self) -> str:
        return _("Passer cette touche") if len(self.keys) > 1 else super().skip_label()

    def skip_item(self) -> bool:
        if not self.pass_over(self.tally, wrong_keys=self.wrong):
            return False
        if not self.tally.finished:
            self._ask()
        return True

    def keyPressEvent(self, event):
        key, text = Qt.Key(event.key()), event.text()
        if key in (K.Key_Tab, K.Key_Backtab) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.leave(key == K.Key_Tab)  # Ctrl+Tab: the way out of every field that keeps Tab
            return
        if event.isAutoRepeat() or self.tally.finished:
            return
        combo = self.combos[self.tally.done]
        if matches(combo, key, event.modifiers(), text):
            self.last_way_out = None
            if not self.count_hit(self.tally, _("Bravo, vous avez trouvé toutes les touches !"),
                                  _("Bravo, c'était bien « {name} » !").format(name=combo.shown()),
                                  wrong_keys=self.wrong):
                self._ask()
            return
        if key in ON_THE_WAY and (combo.modifiers or key != K.Key_Shift):
            return   # Ctrl, Maj or AltGr on the way to a combination; Ctrl alone is never a wrong key
        if key in WAYS_OUT and key == self.last_way_out:
            self.leave(key != K.Key_Backtab)  # Tab or Échap twice when not asked: to the buttons
            return
        self.last_way_out = key if key in WAYS_OUT else None
        wanted = self.keys[self.tally.done]
        self.tally.miss()
        self.wrong[wanted] = self.wrong.get(wanted, 0) + 1
        if self.last_way_out is not None:  # short: the way out, said where the eye is
            self.say(_("Pas celle-ci : cherchez « {name} ». « {key} » encore une fois : aller aux boutons.").format(
                name=combo.shown(), key=key_name("Escape" if key == K.Key_Escape else "Tab")))
        elif half_right(combo, key, text):
            self.say(_("Presque ! Gardez {held} appuyée en même temps.").format(held=held_words(combo)))
        else:
            self.say(_("Pas celle-ci. Essayons encore : « {name} ».").format(name=combo.shown()))
