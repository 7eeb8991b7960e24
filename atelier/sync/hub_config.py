"""Which hub an address means.

An address is a folder (USB stick, shared drive, a folder Nextcloud or Syncthing keeps
in sync) or an ``https://`` WebDAV address (plain ``http://`` only to this computer).
Where its password comes from is ``atelier.sync.passwords``.
"""

from pathlib import Path

from atelier.sync.folder import FolderHub
from atelier.sync.hub import Hub


def is_web(address: str) -> bool:
    return address.strip().lower().startswith(("http://", "https://"))


def checked_address(address: str) -> str:
    """The address as it will be saved; ValueError (in French) for a refused one."""
    text = address.strip()
    if not text:
        raise ValueError("Indiquez un dossier ou une adresse https:// pour le partage.")
    if is_web(text):
        from atelier.sync.webdav import checked_url  # httpx loads only for a web address

        return checked_url(text)
    if "://" in text:
        raise ValueError(f"L'adresse du serveur doit commencer par https:// (reçu : « {text} »).")
    return str(Path(text).expanduser().absolute())


def open_hub(address: str, user: str = "", password_text: str = "", timeout: float = 20.0) -> Hub:
    """A FolderHub or a WebDavHub; ValueError for plain http:// off this computer."""
    if is_web(address):
        from atelier.sync.webdav import WebDavHub  # httpx costs a tenth of a second at start-up

        return WebDavHub(address, user, password_text, timeout=timeout)
    return FolderHub(Path(address))
