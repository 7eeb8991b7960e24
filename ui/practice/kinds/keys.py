"""keys: find each key of the pack on the keyboard. The key is named in French and
drawn as a key cap, with a word on where it sits; the right key leads to the next,
another one gets "Ce n'est pas celle-ci" and the same key again, gently.

Tab and Échap are keys to find, so the exercise keeps them; it is still no trap for
the keyboard: Tab or Échap pressed twice in a row when another key is asked (the
first press says so), or Ctrl+Tab at any time, go on to the buttons around it,
« J'ai besoin d'aide » and « Passer ».
"""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from atelier.lessons.scoring import ClickScore
from ui.practice.kinds.common import Exercise, tr

K = Qt.Key
WAYS_OUT = (K.Key_Tab, K.Key_Backtab, K.Key_Escape)  # pressed twice when not asked: to the buttons
COMBINING = (K.Key_Control, K.Key_Alt, K.Key_AltGr, K.Key_Meta)  # never asked alone: no wrong key (Ctrl+Tab)
# pack name: (keys that count, symbol on the cap, relative width)
KEYS = {
    "Enter": ((K.Key_Return, K.Key_Enter), "\u21b5", 1.8),
    "Backspace": ((K.Key_Backspace,), "\u232b", 1.8),
    "Delete": ((K.Key_Delete,), "Suppr", 1.2),
    "Left": ((K.Key_Left,), "\u2190", 1.0),
    "Right": ((K.Key_Right,), "\u2192", 1.0),
    "Up": ((K.Key_Up,), "\u2191", 1.0),
    "Down": ((K.Key_Down,), "\u2193", 1.0),
    "Shift": ((K.Key_Shift,), "\u21e7", 2.0),
    "Tab": ((K.Key_Tab, K.Key_Backtab), "\u21b9", 1.5),
    "Space": ((K.Key_Space,), "", 3.2),
    "Escape": ((K.Key_Escape,), "Échap", 1.2),
}


def key_name(name: str) -> str:
    return {
        "Enter": tr("Entrée"), "Backspace": tr("Effacer"), "Delete": tr("Suppr"),
        "Left": tr("Flèche gauche"), "Right": tr("Flèche droite"), "Up": tr("Flèche haut"),
        "Down": tr("Flèche bas"), "Shift": tr("Maj"), "Tab": tr("Tab"), "Space": tr("Espace"),
        "Escape": tr("Échap"),
    }[name]


def key_place(name: str) -> str:
    return {
        "Enter": tr("La grande touche à droite des lettres, avec une flèche coudée."),
        "Backspace": tr("Au-dessus d'Entrée, avec une flèche vers la gauche."),
        "Delete": tr("À droite d'Entrée, au-dessus des flèches : elle porte « Suppr »."),
        "Left": tr("En bas à droite, parmi les quatre petites flèches."),
        "Right": tr("En bas à droite, parmi les quatre petites flèches."),
        "Up": tr("En bas à droite, parmi les quatre petites flèches."),
        "Down": tr("En bas à droite, parmi les quatre petites flèches."),
        "Shift": tr("À gauche, avec une grosse flèche vers le haut (il y en a une de chaque côté)."),
        "Tab": tr("À gauche, au-dessus du cadenas, avec deux flèches."),
        "Space": tr("La longue touche tout en bas, au milieu."),
        "Escape": tr("Tout en haut à gauche : elle porte « Échap » ou « Esc »."),
    }[name]


class KeyCap(QWidget):
    """A key drawn like the real one: a rounded cap, its symbol, its French name."""

    def __init__(self, scale: float, parent=None):
        super().__init__(parent)
        self.scale = scale
        self.name = "Enter"
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def show_key(self, name: str) -> None:
        self.name = name
        unit = round(120 * (1 + self.scale) / 2)   # 120 px at 100 %, 180 at 200 %
        self.setFixedSize(round(unit * KEYS[name][2]), unit)
        self.setAccessibleName(tr("Touche {name}").format(name=key_name(name)))
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
        symbol = KEYS[self.name][1]
        font = QFont(self.font())
        font.setPixelSize(round(top.height() * (0.42 if len(symbol) > 1 else 0.5)))
        font.setBold(True)
        p.setFont(font)
        p.drawText(top.adjusted(0, 0, 0, -top.height() * 0.3), Qt.AlignmentFlag.AlignCenter, symbol)
        font.setPixelSize(round(top.height() * 0.18))
        font.setBold(False)
        p.setFont(font)
        p.drawText(top.adjusted(0, top.height() * 0.62, 0, 0), Qt.AlignmentFlag.AlignCenter,
                   key_name(self.name))


class KeysExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.keys = exercise.params["keys"]
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ask = QLabel()
        self.ask.setObjectName("instruction")
        self.ask.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ask.setWordWrap(True)
        self.cap = KeyCap(scale)
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
        self.setAccessibleDescription(tr("Pour aller aux boutons avec le clavier : Échap deux fois, "
                                         "ou Ctrl + Tab."))

    def start(self) -> None:
        self.begin()
        self.tally = ClickScore(len(self.keys))
        self.wrong = {}
        self.last_way_out = None
        self._ask()
        self.progressed.emit(0, len(self.keys))
        self.setFocus()

    def _ask(self) -> None:
        name = self.keys[self.tally.done]
        self.ask.setText(tr("Appuyez sur la touche « {name} »").format(name=key_name(name)))
        self.ask.setAccessibleName(self.ask.text())
        self.cap.show_key(name)
        self.place.setText(key_place(name))

    def focusNextPrevChild(self, next_: bool) -> bool:
        return False   # Tab is one of the keys to find: it must reach keyPressEvent

    def leave(self, forward: bool) -> None:
        """The keyboard goes on to the buttons around the exercise."""
        self.last_way_out = None
        super().focusNextPrevChild(forward)

    def skip_label(self) -> str:
        return tr("Passer cette touche") if len(self.keys) > 1 else super().skip_label()

    def skip_item(self) -> bool:
        if not self.pass_over(self.tally, wrong_keys=self.wrong):
            return False
        if not self.tally.finished:
            self._ask()
        return True

    def keyPressEvent(self, event):
        key = Qt.Key(event.key())
        if key in (K.Key_Tab, K.Key_Backtab) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.leave(key == K.Key_Tab)  # Ctrl+Tab: the way out of every field that keeps Tab
            return
        if event.isAutoRepeat() or self.tally.finished or key in COMBINING:
            return
        wanted = self.keys[self.tally.done]
        if key not in KEYS[wanted][0]:
            if key in WAYS_OUT and key == self.last_way_out:
                self.leave(key != K.Key_Backtab)
                return
            self.last_way_out = key if key in WAYS_OUT else None
            self.tally.miss()
            self.wrong[wanted] = self.wrong.get(wanted, 0) + 1
            if self.last_way_out is None:
                text = tr("Pas celle-ci. Essayons encore : « {name} ».").format(name=key_name(wanted))
            else:  # short: the way out, said where the eye is
                text = tr("Pas celle-ci : cherchez « {name} ». « {key} » encore une fois : aller aux boutons.").format(
                    name=key_name(wanted), key=key_name("Escape" if key == K.Key_Escape else "Tab"))
            self.say(text)
            return
        self.last_way_out = None
        if not self.count_hit(self.tally, tr("Bravo, vous avez trouvé toutes les touches !"),
                              tr("Bravo, c'était bien « {name} » !").format(name=key_name(wanted)), wrong_keys=self.wrong):
            self._ask()
