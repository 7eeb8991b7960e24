"""Qt settings given by name, for the code that runs before the first screen shows.

The first reading of ``Qt.FocusPolicy`` (or any name under ``Qt``) builds all of the
``Qt`` namespace's Python enums at once: 93 enums, 1,200 names, 12 ms at every start.
A property set by its enum key's name goes through Qt's own meta-object and builds
none of them. Code that runs later uses ``Qt`` as usual.
"""

from PySide6.QtCore import QObject


def set_named(target: QObject, **properties: str) -> None:
    """``set_named(area, focusPolicy="NoFocus")`` does ``area.setFocusPolicy(Qt.FocusPolicy.NoFocus)``;
    flags are joined with "|"."""
    for name, value in properties.items():
        if not target.setProperty(name, value):
            raise ValueError(f"{type(target).__name__} has no property {name} taking {value!r}")
