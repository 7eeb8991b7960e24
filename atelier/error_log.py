"""Unexpected errors: the details go to a log file in the data folder, the person
reads a short French sentence that says where it is. No traceback on a screen."""

from __future__ import annotations

import traceback
from datetime import datetime, timezone
from pathlib import Path

from atelier import paths
from atelier.i18n import _

KEEP_BYTES = 512 * 1024  # the log never grows past this: the older half goes first


def record(error: BaseException, base: Path | None = None) -> Path | None:
    """Append the error and its traceback to the log; its path, or None if it cannot be written."""
    try:
        path = paths.error_log(base)
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        if path.exists() and path.stat().st_size > KEEP_BYTES:
            path.write_bytes(path.read_bytes()[-KEEP_BYTES // 2:])
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"--- {stamp}\n{text}\n")
        return path
    except Exception:  # the disk is full or read-only: the message still reaches the person
        return None


def message(error: BaseException, base: Path | None = None) -> str:
    """Record the error and say, in French, that it happened and where the details are."""
    where = record(error, base)
    text = _("Une erreur inattendue s'est produite. Vos données enregistrées n'ont pas été perdues.")
    if where is not None:
        text += " " + _("Les détails sont dans le fichier « {path} » : montrez-le à la personne qui vous aide.").format(path=where)
    return text
