"""Where Atelier keeps its files.

Everything lives under one home folder: the platformdirs user data folder, or the
folder named by ``ATELIER_HOME`` (tests, the demo, a portable copy). The database
must stay on a local disk: SQLite's WAL does not work on network shares, so shared
drives and USB sticks are only ever targets for exports and sync.
"""

import os
from pathlib import Path

APP_NAME = "atelier"


def home() -> Path:
    override = os.environ.get("ATELIER_HOME")
    if override:
        return Path(override).expanduser().resolve()
    import platformdirs  # only when no ATELIER_HOME names the folder

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(base: Path | None = None) -> Path:
    return (base or home()) / "atelier.db"


def backups_dir(base: Path | None = None) -> Path:
    return (base or home()) / "backups"


def error_log(base: Path | None = None) -> Path:
    """Where unexpected errors are written for whoever helps the association."""
    return (base or home()) / "atelier-erreurs.log"


def erasure_log(base: Path | None = None) -> Path:
    """Who was erased, outside the database so that no backup carries it (atelier.erasure_log)."""
    return (base or home()) / "erasures.log"
