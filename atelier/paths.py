"""Where Atelier keeps its files.

Everything lives under one home folder: the platformdirs user data folder, or the
folder named by ``ATELIER_HOME`` (tests, the demo, a portable copy). The database
must stay on a local disk: SQLite's WAL does not work on network shares, so shared
drives and USB sticks are only ever targets for exports and sync.
"""

import os
import posixpath
import sys
from pathlib import Path

APP_NAME = "atelier"


def home() -> Path:
    override = os.environ.get("ATELIER_HOME")
    if override:
        return Path(override).expanduser().resolve()
    usual = usual_unix_data_dir()
    if usual is not None:
        return Path(usual)
    import platformdirs  # Windows, macOS, and what is less usual

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def usual_unix_data_dir() -> str | None:
    """platformdirs' user data folder on Linux and the BSDs in the usual case, without
    loading platformdirs (2 ms of every start): ``$XDG_DATA_HOME/atelier`` when that is
    an absolute path, else ``~/.local/share/atelier`` with an absolute ``HOME``. None for
    anything else (a relative path, no HOME, Android), which platformdirs decides; a test
    holds the two together over such environments."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) or hasattr(sys, "getandroidapilevel"):
        return None
    if os.environ.get("ANDROID_DATA") or os.environ.get("ANDROID_ROOT"):
        return None
    data = os.environ.get("XDG_DATA_HOME", "")
    if posixpath.isabs(data):
        return posixpath.join(data, APP_NAME)
    if data.strip():  # relative: platformdirs' versions read it differently
        return None
    return _under_home(".local", "share", APP_NAME)


def _under_home(*parts: str) -> str | None:
    """``parts`` under an absolute ``HOME`` (not the root); None without one."""
    user = os.environ.get("HOME", "")
    return posixpath.join(user.rstrip("/"), *parts) if posixpath.isabs(user) and user.strip("/") else None


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


def cache_dir() -> Path | None:
    """The user's cache folder for Atelier, never inside the data folder: people copy that
    one from PC to PC, and what is kept here is compiled code (ui.qt_start). None where
    it is not plain to find; nothing is then kept."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA", "")
        return Path(local, APP_NAME, "Cache") if os.path.isabs(local) else None
    cache = os.environ.get("XDG_CACHE_HOME", "")
    if sys.platform != "darwin" and posixpath.isabs(cache):
        return Path(cache, APP_NAME)
    folder = _under_home("Library", "Caches", APP_NAME) if sys.platform == "darwin" else _under_home(".cache", APP_NAME)
    return Path(folder) if folder is not None else None
