"""A guard against a reference-counting bug of PySide6 6.12 on Python 3.11.

On Python before 3.12 (where None is not yet immortal), every PySide6 6.12 method that
returns nothing (``QPainter.drawLine``, ``setPen``, ``QRectF.setWidth`` …) takes one
reference from ``None`` and never gives it back. A sign-in sheet makes a few hundred
such calls a page, a year of sheets some hundred thousand: None's count reaches zero
and Python aborts ("none_dealloc"). ``keep_none_alive()``, called between pages, tops
the count up by a wide margin; a count that is too high costs nothing (None is never
freed). On Python 3.12 and later it does nothing.
"""

import ctypes
import sys

FLOOR = 2_000_000  # top up below this many references…
TOP_UP = 20_000_000  # …by this many (a page takes a few hundred)
_NEEDED = sys.version_info < (3, 12) and sys.implementation.name == "cpython"


def keep_none_alive() -> None:
    if _NEEDED and sys.getrefcount(None) < FLOOR:
        ctypes.c_ssize_t.from_address(id(None)).value += TOP_UP
