"""``atelier hub pull`` and ``atelier hub status``: the coordinator's side of the sync."""

import json
import sys
from datetime import datetime

from atelier import settings
from atelier.i18n import _, plural
from atelier.sync import coordinator
from atelier.sync.hub import HubError


def run(store, args, opened_hub) -> int:
    if args.hub_command == "pull":
        return pull(store, opened_hub)
    return status(store, args.json)


def pull(store, opened_hub) -> int:
    db = store.db
    if not settings.is_coordinator(db):
        print(_("Ce poste n'est pas celui de la coordination : seul lui rassemble les résumés des sites. "
                "Pour le désigner : atelier hub set DESTINATION --coordinator"), file=sys.stderr)
        return 2
    try:
        hub = opened_hub(store)
    except (HubError, ValueError) as error:
        return _failed(error)
    try:
        report = coordinator.pull(db, hub)
    except HubError as error:
        return _failed(error)
    finally:
        hub.close()
    # Translators: the four counts below, e.g. « 2 fichiers fusionnés, 0 refusé, 4 résumés nouveaux, 0 mis à jour »
    print(_("{merged}, {rejected}, {new}, {updated}").format(
        merged=plural(report.files_merged, "{n} fichier fusionné", "{n} fichiers fusionnés"),
        # Translators: files refused by the coordinator (« 2 fichiers fusionnés, 1 refusé »)
        rejected=plural(report.rejected, "{n} refusé", "{n} refusés"),
        new=plural(report.summaries_new, "{n} résumé nouveau", "{n} résumés nouveaux"),
        # Translators: summaries updated (« 4 résumés nouveaux, 1 mis à jour »)
        updated=plural(report.summaries_updated, "{n} mis à jour", "{n} mis à jour")))
    if report.rejected:
        print(_("Fichiers refusés : voir « atelier hub status »."), file=sys.stderr)
    return 0


def _failed(error: Exception) -> int:
    message = getattr(error, "message", None) or str(error)
    print(_("Rassemblement impossible : {error}").format(error=message), file=sys.stderr)
    print(_("Rien n'est perdu : ce qui n'a pas été lu le sera la prochaine fois."), file=sys.stderr)
    return 1


def status(store, as_json: bool) -> int:
    state = coordinator.status(store.db)
    state["coordinator"] = settings.is_coordinator(store.db)
    if as_json:
        print(json.dumps(state, ensure_ascii=False, indent=2))
        return 0
    if not state["sites"]:
        print(_("Aucun fichier reçu pour l'instant (atelier hub pull)."))
    for site in state["sites"]:
        print(_("Site {site} :").format(site=site["site"]))
        for device in site["devices"]:
            print(_("  poste {device} : {files}, {summaries}, dernier reçu {name} le {when}").format(
                device=device["device_id"], files=plural(device["files"], "{n} fichier", "{n} fichiers"),
                summaries=plural(device["summaries"], "{n} résumé", "{n} résumés"),
                name=device["last_file"], when=_local(device["last_received_at"])))
    print(_("Résumés rassemblés : {count}").format(count=state["summaries"]))
    if state["rejects"]:
        print(_("Fichiers refusés : {count}").format(count=len(state["rejects"])))
        for reject in state["rejects"]:
            print(_("  {site}/{device}/{file} : {reason}").format(
                site=reject["site"], device=reject["device_id"], file=reject["file"], reason=reject["reason"]))
    return 0


def _local(moment: str | None) -> str:
    """An ISO time as the facilitator reads it, in local time (display only)."""
    if not moment:
        return _("jamais")
    try:
        return datetime.fromisoformat(moment).astimezone().strftime("%d/%m/%Y à %H:%M")
    except ValueError:
        return moment
