"""Keyring backends for tests, set with ``keyring.set_keyring`` (keyring's documented way
to choose one): one that works and keeps its secrets in this process only, and one that
is there but fails. conftest gives every test keyring's own "fail" backend otherwise."""

from keyring.backend import KeyringBackend
from keyring.errors import PasswordSetError


class MemoryKeyring(KeyringBackend):
    """A keyring that works and keeps its secrets in this process only."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


class BrokenKeyring(MemoryKeyring):
    """A keyring that is there but fails, saying what it was given (as some do)."""

    def get_password(self, service, username):
        raise RuntimeError(f"verrouillé : {service} {username}")

    def set_password(self, service, username, password):
        raise PasswordSetError(f"refusé : {password}")
