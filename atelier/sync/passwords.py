"""The WebDAV hub's password: in the system's keyring when one works, else in memory for
this run of the program only. One rule for the window and the command line.

Where a password comes from, first found first:

1. ``ATELIER_HUB_PASSWORD`` (a script, a scheduled task): used, kept nowhere;
2. a password given earlier in this run (typed in Réglages, or asked at the terminal);
3. the system keyring (Windows' Credential Manager, macOS' Keychain, the Secret Service
   of GNOME or KDE), where ``keep`` put it.

``keep`` always remembers it for the run, and puts it in the keyring when one works: a
backend of priority 1 or more (keyring's own scale), so never keyring's "fail" or
"null" stand-ins, nor a plain-text file of the keyrings.alt package. On a Linux without
a desktop session there is none: the password is typed again at each run of the
program. A keyring that fails says nothing of why: its message might carry what was
asked of it. The password is never written to a file of Atelier's, a log, or an error.
"""

import os
import sys

from atelier.i18n import _
from atelier.sync.hub import HubError

VARIABLE = "ATELIER_HUB_PASSWORD"
SERVICE = "atelier-hub"


def _account(address: str, user: str) -> str:
    return f"{user}@{address}"


def working_keyring():
    """The system keyring's backend if it is a real one that keeps secrets, else None."""
    try:
        import keyring  # loaded only for a WebDAV hub: a tenth of a second

        backend = keyring.get_keyring()
        return backend if getattr(backend, "priority", 0) >= 1 else None
    except Exception:  # noqa: BLE001 - a broken keyring setup is no keyring
        return None


class Passwords:
    """The passwords of this run of the program, by (address, user)."""

    def __init__(self, environ=None):
        self.environ = os.environ if environ is None else environ
        self.memory: dict[tuple[str, str], str] = {}

    def get(self, address: str, user: str) -> str:
        """The password, or "" when none is known yet."""
        if self.environ.get(VARIABLE):
            return self.environ[VARIABLE]
        key = (address, user)
        if key not in self.memory:
            found = self._from_keyring(address, user)
            if not found:
                return ""
            self.memory[key] = found
        return self.memory[key]

    def keep(self, address: str, user: str, password: str) -> bool:
        """Remember it for this run, and in the keyring when one works; True if it did."""
        self.memory[(address, user)] = password
        backend = working_keyring() if password else None
        if backend is None:
            return False
        try:
            backend.set_password(SERVICE, _account(address, user), password)
        except Exception:  # noqa: BLE001 - kept for this run only, then
            return False
        return True

    def ask(self, address: str, user: str, ask=None) -> str:
        """The password, asked at the terminal when none is known (once a run: it is then
        remembered for the run, not kept). HubError in French where nobody can type it."""
        found = self.get(address, user)
        if found:
            return found
        if ask is None:
            if not sys.stdin or not sys.stdin.isatty():
                raise HubError(_("Mot de passe du serveur manquant : définissez la variable {variable} "
                                 "ou lancez la commande dans un terminal pour le taper.").format(variable=VARIABLE))
            import getpass  # the command line's prompt only: the window never loads it (0.4 ms)

            ask = getpass.getpass
        typed = ask(_("Mot de passe du serveur pour « {user} » : ").format(user=user))
        self.memory[(address, user)] = typed
        return typed

    def _from_keyring(self, address: str, user: str) -> str:
        backend = working_keyring()
        if backend is None:
            return ""
        try:
            return backend.get_password(SERVICE, _account(address, user)) or ""
        except Exception:  # noqa: BLE001 - not there, as far as this run knows
            return ""
