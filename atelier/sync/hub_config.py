"""Which hub an address means, and where its password comes from.

An address is a folder (USB stick, shared drive, a folder Nextcloud or Syncthing keeps
in sync) or an ``https://`` WebDAV address (plain ``http://`` only to this computer).
The password is never stored: it comes from ``ATELIER_HUB_PASSWORD`` or is asked once
per run, and lives in memory only.
"""

import getpass
import os
import sys
from pathlib import Path

from atelier.sync.folder import FolderHub
from atelier.sync.hub import Hub, HubError

PASSWORD_VARIABLE = "ATELIER_HUB_PASSWORD"


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


def password(user: str, environ=None, ask=None) -> str:
    """From ATELIER_HUB_PASSWORD, else asked at the terminal; never written anywhere."""
    environ = os.environ if environ is None else environ
    if environ.get(PASSWORD_VARIABLE):
        return environ[PASSWORD_VARIABLE]
    if ask is None:
        if not sys.stdin.isatty():
            raise HubError(
                f"Mot de passe du serveur manquant : définissez la variable {PASSWORD_VARIABLE} "
                "ou lancez la commande dans un terminal pour le taper."
            )
        ask = getpass.getpass
    return ask(f"Mot de passe du serveur pour « {user} » : ")


def open_hub(address: str, user: str = "", password_text: str = "", timeout: float = 20.0) -> Hub:
    """A FolderHub or a WebDavHub; ValueError for plain http:// off this computer."""
    if is_web(address):
        from atelier.sync.webdav import WebDavHub  # httpx costs a tenth of a second at start-up

        return WebDavHub(address, user, password_text, timeout=timeout)
    return FolderHub(Path(address))
