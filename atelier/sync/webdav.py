"""A hub on a WebDAV server (Nextcloud, ownCloud, any server), through httpx.

A file is PUT to ``<name>.part-<random>``, then MOVEd to its final name with
``Overwrite: F``: the final name only ever comes from MOVE, so a cut upload leaves at
most a stray ``.part`` (cleaned later), never a truncated file under the final name.
Nothing relies on ``If-None-Match``/``If-Match`` or ETags, which many servers ignore
or do not send. A 412 says the name exists: the file is read back and its sha256
compared, same bytes = already delivered, different = stop, never overwrite.
"""

from __future__ import annotations  # the hubs' method ``list`` shadows the builtin in annotations

import hashlib
import ipaddress
import secrets
import ssl
import xml.etree.ElementTree as ElementTree
from functools import cache
from urllib.parse import quote, unquote, urlsplit

import httpx

from atelier.i18n import _
from atelier.sync.hub import (
    ALREADY_THERE, AUTH_REFUSED, ROOT_FOLDER, STORED, HubAuthError, HubConflict, HubError,
    checked_name, checked_parts, is_temporary,
)

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
LIST_BODY = b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>'


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def checked_url(url: str) -> str:
    """HTTPS, or plain HTTP to this very computer only: a password never crosses a
    network in clear. Returns the address with one trailing slash."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(_("L'adresse du serveur doit commencer par https:// (reçu : « {scheme} »).").format(
            scheme=parts.scheme or url))
    if parts.username or parts.password:
        raise ValueError(_("L'adresse du serveur ne doit pas contenir le nom d'utilisateur ni le mot de passe."))
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ValueError(_(
            "Adresse refusée : une connexion non chiffrée (http://) n'est permise que vers cet ordinateur. "
            "Utilisez une adresse qui commence par https://."
        ))
    return url.strip().rstrip("/") + "/"


@cache
def tls_context() -> ssl.SSLContext:
    """httpx's own default (the system's and certifi's authorities, SSL_CERT_FILE…), built
    once a program run: loading the authorities costs a PC a few hundredths of a second,
    and the window's sync opens a hub at every run."""
    return httpx.create_ssl_context()


class WebDavHub:
    def __init__(self, url: str, user: str, password: str, timeout: float = 20.0):
        self.base = checked_url(url)
        self.host = urlsplit(self.base).hostname
        # One client: HTTP/1.1 keep-alive carries a whole sync run on one connection.
        self.client = httpx.Client(
            auth=httpx.BasicAuth(user, password) if user else None, verify=tls_context(),
            timeout=timeout, follow_redirects=False, headers={"User-Agent": "Atelier"},
        )
        self.known_folders: set[tuple[str, ...]] = set()  # MKCOL once a run, not once a file

    def __repr__(self) -> str:
        return f"WebDavHub({self.base!r})"  # never the password

    def close(self) -> None:
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # Addresses

    def folder_url(self, parts: list[str]) -> str:
        return self.base + "".join(quote(part, safe="") + "/" for part in [ROOT_FOLDER, *checked_parts(parts)])

    def file_url(self, parts: list[str], name: str) -> str:
        return self.folder_url(parts) + quote(name, safe="")

    # The interface

    def ensure_folder(self, parts: list[str]) -> None:
        levels = [ROOT_FOLDER, *checked_parts(parts)]
        for depth in range(1, len(levels) + 1):
            level = tuple(levels[:depth])
            if level in self.known_folders:
                continue
            response = self.request("MKCOL", self.folder_url(list(level[1:])))
            if response.status_code not in (200, 201, 405):  # 405: it is already there
                raise self.error_for(response, _("Impossible de créer le dossier"))
            self.known_folders.add(level)

    def put_new(self, parts: list[str], name: str, data: bytes) -> str:
        self.ensure_folder(parts)
        final_url = self.file_url(parts, checked_name(name))
        part_url = self.file_url(parts, f"{name}.part-{secrets.token_hex(6)}")
        moved = False
        try:
            response = self.request("PUT", part_url, content=data, headers={"Content-Type": "application/octet-stream"})
            if response.status_code not in (200, 201, 204):
                raise self.error_for(response, _("Impossible d'envoyer le fichier"))
            response = self.request("MOVE", part_url, headers={"Destination": final_url, "Overwrite": "F"})
            if response.status_code in (201, 204):
                moved = True
                return STORED
            if response.status_code == 412:  # the final name exists
                return self.same_or_conflict(final_url, name, data)
            if response.status_code == 404:  # the part is gone: maybe a MOVE delivered twice
                return self.same_or_conflict(final_url, name, data, missing_is_transient=True)
            raise self.error_for(response, _("Impossible de publier le fichier"))
        finally:
            if not moved:
                self.delete_quietly(part_url)

    def list(self, parts: list[str]) -> list[str]:
        return [name for name in self.list_all(parts) if not is_temporary(name)]

    def read(self, parts: list[str], name: str) -> bytes:
        response = self.request("GET", self.file_url(parts, checked_name(name)))
        if response.status_code != 200:
            raise self.error_for(response, _("Impossible de lire le fichier « {name} »").format(name=name))
        return response.content

    def clean_partials(self, parts: list[str]) -> int:
        cleaned = 0
        for name in self.list_all(parts):
            if ".part-" in name:
                response = self.request("DELETE", self.file_url(parts, name))
                if response.status_code in (200, 204):
                    cleaned += 1
                elif response.status_code != 404:
                    raise self.error_for(response, _("Impossible de supprimer un envoi interrompu"))
        return cleaned

    def test(self) -> None:
        """The server answers, accepts the user, and takes a file: PUT then DELETE a probe."""
        response = self.request("PROPFIND", self.base, headers={"Depth": "0"})
        if response.status_code == 405 or (response.status_code < 400 and response.status_code != 207):
            raise HubError(_("L'adresse « {address} » ne semble pas être un serveur WebDAV.").format(address=self.base))
        if response.status_code != 207:
            raise self.error_for(response, _("Impossible de joindre le serveur"))
        self.ensure_folder([])
        probe_url = self.folder_url([]) + f"test.part-{secrets.token_hex(6)}"
        response = self.request("PUT", probe_url, content=b"atelier")
        try:
            if response.status_code not in (200, 201, 204):
                raise self.error_for(response, _("Impossible d'écrire un fichier d'essai"))
        finally:
            self.delete_quietly(probe_url)

    # Below the interface

    def list_all(self, parts: list[str]) -> list[str]:
        """Every name in the folder, temporary ones included (PROPFIND, Depth: 1)."""
        url = self.folder_url(parts)
        response = self.request(
            "PROPFIND", url, content=LIST_BODY,
            headers={"Depth": "1", "Content-Type": "application/xml; charset=utf-8"},
        )
        if response.status_code == 404:
            return []
        if response.status_code != 207:
            raise self.error_for(response, _("Impossible de lister le dossier"))
        levels = [ROOT_FOLDER, *checked_parts(parts)]  # listed, so it and its parents exist: no MKCOL
        self.known_folders.update(tuple(levels[:depth]) for depth in range(1, len(levels) + 1))
        return names_in_multistatus(response.content, urlsplit(url).path)

    def same_or_conflict(self, final_url: str, name: str, data: bytes, missing_is_transient: bool = False) -> str:
        response = self.request("GET", final_url)
        if response.status_code == 404 and missing_is_transient:
            raise HubError(_("Le serveur a perdu un envoi en cours ; il sera recommencé."), transient=True)
        if response.status_code != 200:
            raise self.error_for(response, _("Impossible de relire le fichier « {name} »").format(name=name))
        if hashlib.sha256(response.content).digest() == hashlib.sha256(data).digest():
            return ALREADY_THERE
        raise HubConflict(_("Un autre fichier porte déjà le nom « {name} » sur le serveur. Rien n'a été remplacé.").format(
            name=name))

    def delete_quietly(self, url: str) -> None:
        """Best effort: what stays behind is a ``.part`` that clean_partials removes."""
        try:
            self.request("DELETE", url)
        except HubError:
            pass

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        try:
            return self.client.request(method, url, **kwargs)
        except httpx.TimeoutException:
            raise HubError(_("Le serveur {host} ne répond pas à temps.").format(host=self.host), transient=True) from None
        except httpx.TransportError:
            raise HubError(_("La connexion au serveur {host} a échoué ou a été coupée.").format(host=self.host),
                           transient=True) from None

    def error_for(self, response: httpx.Response, cannot: str) -> HubError:
        """Plain words, the status for whoever helps; never the address's secrets.
        ``cannot`` is a whole sentence (« Impossible d'envoyer le fichier »): the reason
        follows it, so no verb is cut into another sentence."""
        status = response.status_code
        if status in (401, 403):
            return HubAuthError(_(AUTH_REFUSED))
        said = {"cannot": cannot, "host": self.host, "status": status}
        if status == 423:
            return HubError(_("{cannot} pour l'instant : le serveur {host} est occupé (fichier verrouillé).")
                            .format(**said), transient=True)
        if status == 429:
            return HubError(_("{cannot} pour l'instant : le serveur {host} demande d'attendre un peu.")
                            .format(**said), transient=True)
        if status == 507:
            return HubError(_("{cannot} : l'espace sur le serveur {host} est plein.").format(**said), transient=True)
        if status >= 500:
            return HubError(_("{cannot} pour l'instant : le serveur {host} a un problème (erreur {status}).")
                            .format(**said), transient=True)
        if 300 <= status < 400:
            return HubError(_("Le serveur {host} renvoie vers une autre adresse (code {status}) : "
                              "vérifiez l'adresse du serveur.").format(**said))
        if status == 404:
            return HubError(_("{cannot} : le serveur {host} ne trouve pas le dossier ou le fichier.").format(**said))
        return HubError(_("{cannot} : le serveur {host} a refusé (erreur {status}).").format(**said))


def names_in_multistatus(body: bytes, folder_path: str) -> list[str]:
    """The last segment of each href, URL-decoded, the folder itself left out."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        raise HubError(_("Le serveur a envoyé une liste de fichiers illisible."), transient=True) from None
    own = unquote(folder_path).rstrip("/")
    names = set()
    for href in root.iter("{DAV:}href"):
        path = unquote(urlsplit((href.text or "").strip()).path).rstrip("/")
        if path and path != own:
            names.add(path.rsplit("/", 1)[-1])
    return sorted(names)
