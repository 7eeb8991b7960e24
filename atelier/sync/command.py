"""``atelier hub …`` and ``atelier sync …``: the sync from the command line.

Every failure is a French sentence and a non-zero exit, never a traceback. The
password follows ``atelier.sync.passwords``: ``hub set`` puts it in the system keyring
when one works; otherwise it comes from ATELIER_HUB_PASSWORD or is asked, once a
command, and lives in memory only. It is never printed, logged or written.
"""

import json
import sys
from datetime import datetime

from atelier import settings
from atelier.i18n import _, plural
from atelier.store import Store
from atelier.sync import hub_config, passwords, push as pushing
from atelier.sync.hub import HubError


def add_parser(commands, parser_class) -> None:
    hub = commands.add_parser("hub", help=_("le partage où vont les résumés (dossier ou serveur WebDAV)"))
    hub_commands = hub.add_subparsers(dest="hub_command", metavar=_("commande"), parser_class=parser_class, required=True)
    choose = hub_commands.add_parser("set", help=_("choisir le partage : un dossier ou une adresse https://"))
    choose.add_argument("destination", metavar=_("DESTINATION"),
                        help=_("un dossier (clé USB, disque partagé) ou une adresse https:// WebDAV"))
    choose.add_argument("--user", metavar=_("NOM"), help=_("nom d'utilisateur sur le serveur WebDAV"))
    choose.add_argument("--coordinator", action="store_true",
                        help=_("ce poste est celui de la coordination (il rassemblera les résumés de tous les sites)"))
    hub_commands.add_parser("test", help=_("vérifier que le partage répond et accepte l'écriture"))
    hub_commands.add_parser("pull", help=_("coordination : rassembler les résumés de tous les sites"))
    hub_status = hub_commands.add_parser("status", help=_("coordination : ce qui a été reçu de chaque site et poste"))
    hub_status.add_argument("--json", action="store_true", help=_("la réponse en JSON"))

    sync = commands.add_parser("sync", help=_("envoyer au partage les résumés en attente, ou voir l'état (« status »)"))
    sync.add_argument("action", nargs="?", choices=["status"], help=_("« status » : résumés en attente, dernier envoi, dernière erreur"))
    sync.add_argument("--json", action="store_true", help=_("avec « status » : la réponse en JSON"))


def run_hub(args) -> int:
    store = Store.open()
    try:
        if args.hub_command == "set":
            return _set(store, args)
        if args.hub_command in ("pull", "status"):
            from atelier.sync import pull_command

            return pull_command.run(store, args, _opened_hub)
        return _test(store)
    finally:
        store.close()


def run_sync(args) -> int:
    store = Store.open()
    try:
        if args.action == "status":
            return _status(store, args.json)
        return _sync(store)
    finally:
        store.close()


def _set(store: Store, args) -> int:
    try:
        address = hub_config.checked_address(args.destination)
    except ValueError as error:
        print(_("Erreur : {error}").format(error=error), file=sys.stderr)
        return 2
    settings.set_hub(store.db, address, args.user, True if args.coordinator else None)
    print(_("Partage enregistré : {address}").format(address=address))
    if hub_config.is_web(address) and args.user:
        _keep_password(address, args.user)
    if args.coordinator:
        print(_("Ce poste est celui de la coordination."))
    print(_("Pour vérifier : atelier hub test"))
    return 0


def _keep_password(address: str, user: str) -> None:
    """The password from the variable or the terminal, in the system keyring if one works."""
    keys = passwords.Passwords()
    try:
        password = keys.ask(address, user)
    except HubError:  # no terminal and no variable: the later commands will say so
        password = ""
    if not password:
        print(_("Aucun mot de passe donné : il sera demandé à chaque commande, "
                "ou lu dans la variable {variable}.").format(variable=passwords.VARIABLE))
    elif keys.keep(address, user, password):
        print(_("Mot de passe gardé dans le trousseau du système : les commandes suivantes le retrouveront."))
    else:
        print(_("Aucun trousseau de mots de passe ne fonctionne sur cet ordinateur : le mot de passe n'est gardé "
                "nulle part. Il sera demandé à chaque commande, ou lu dans la variable {variable}.")
              .format(variable=passwords.VARIABLE))


def _opened_hub(store: Store):
    """The configured hub, or a French message saying why there is none (HubError)."""
    address = settings.hub_address(store.db)
    if not address:
        raise HubError(_("Aucun partage n'est choisi. Choisissez-le avec : atelier hub set DESTINATION"))
    user = settings.hub_user(store.db)
    secret = passwords.Passwords().ask(address, user) if hub_config.is_web(address) and user else ""
    return hub_config.open_hub(address, user, secret)


def _test(store: Store) -> int:
    try:
        hub = _opened_hub(store)
        try:
            hub.test()
        finally:
            hub.close()
    except (HubError, ValueError) as error:
        print(_("Le partage ne répond pas comme il faut : {error}").format(error=_message(error)), file=sys.stderr)
        return 1
    print(_("Le partage répond et accepte l'écriture."))
    return 0


def _sync(store: Store) -> int:
    db = store.db
    if pushing.pending_count(db) == 0:
        print(_("Rien à envoyer : aucun résumé en attente."))
        return 0
    try:
        hub = _opened_hub(store)
    except (HubError, ValueError) as error:
        return _failed(db, _message(error))
    try:
        report = pushing.push(db, hub, settings.get(db, settings.SITE), store.device_id)
    finally:
        hub.close()
    if report.error:
        return _failed(db, report.error)
    if report.outcome == "already-there":
        print(plural(report.sent, "{n} résumé confirmé : il était déjà dans {name}",
                     "{n} résumés confirmés : ils étaient déjà dans {name}", name=report.name))
    else:
        print(plural(report.sent, "{n} résumé envoyé dans {name}", "{n} résumés envoyés dans {name}",
                     name=report.name))
    if report.pending:
        print(plural(report.pending, "{n} résumé reste en attente : relancez « atelier sync ».",
                     "{n} résumés restent en attente : relancez « atelier sync »."), file=sys.stderr)
        return 1
    return 0


def _failed(db, message: str) -> int:
    pushing.record_error(db, message)
    print(_("Synchronisation impossible : {error}").format(error=message), file=sys.stderr)
    print(plural(pushing.pending_count(db), "{n} résumé reste en attente.", "{n} résumés restent en attente."),
          file=sys.stderr)
    return 1


def _status(store: Store, as_json: bool) -> int:
    db = store.db
    state = {
        "pending": pushing.pending_count(db),
        "last_success": settings.get(db, pushing.LAST_SUCCESS) or None,
        "last_error": settings.get(db, pushing.LAST_ERROR) or None,
        "hub": settings.hub_address(db),
        "coordinator": settings.is_coordinator(db),
    }
    if as_json:
        print(json.dumps(state, ensure_ascii=False, indent=2))
        return 0
    print(_("Résumés en attente : {count}").format(count=state["pending"]))
    print(_("Partage : {hub}").format(hub=state["hub"] or _("aucun (atelier hub set DESTINATION)")))
    print(_("Dernier envoi réussi : {when}").format(when=_local(state["last_success"]) or _("jamais")))
    print(_("Dernière erreur : {error}").format(error=state["last_error"] or _("aucune")))
    return 0


def _local(moment: str | None) -> str | None:
    if not moment:
        return None
    try:
        return datetime.fromisoformat(moment).astimezone().strftime("%d/%m/%Y à %H:%M")
    except ValueError:
        return moment


def _message(error: Exception) -> str:
    return getattr(error, "message", None) or str(error)
