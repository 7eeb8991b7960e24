"""``atelier people …``: erasing a person and anonymising those who no longer come,
from the command line, with the same confirmation as the program's window.

``erase`` asks for the person's first name, as the erase dialog does; ``purge`` asks
« o/N ». Without a terminal to ask on, ``--yes`` is needed. Every failure is a French
sentence and a non-zero exit: 1 when nothing was found or nothing done, 2 when a
name matches several people (they are listed with their ids).
"""

import sys
from datetime import date

from atelier import erasure, people, retention, settings
from atelier.exports.documents import Ambiguous, find_person
from atelier.i18n import _, plural
from atelier.store import Store

YES = ("o", "oui", "y", "yes")


def add_parser(commands, parser_class) -> None:
    group = commands.add_parser("people", help=_("effacer une personne, anonymiser celles qui ne viennent plus"))
    actions = group.add_subparsers(dest="people_command", metavar=_("commande"), parser_class=parser_class,
                                   required=True)
    erase = actions.add_parser("erase", help=_("effacer définitivement une personne (droit à l'effacement)"))
    erase.add_argument("person", metavar=_("PERSONNE"), help=_("identifiant ou nom exact (Prénom Nom)"))
    erase.add_argument("--keep-notes", action="store_true",
                       help=_("laisser son nom dans les notes (sinon il devient « [personne effacée] »)"))
    erase.add_argument("--yes", action="store_true", help=_("ne pas demander de confirmation"))
    purge = actions.add_parser("purge", help=_("anonymiser les personnes qui ne viennent plus depuis la durée "
                                               "choisie dans les réglages"))
    purge.add_argument("--dry-run", action="store_true", help=_("seulement les lister, sans rien changer"))
    purge.add_argument("--yes", action="store_true", help=_("ne pas demander de confirmation"))


def run(args) -> int:
    store = Store.open()
    try:
        if args.people_command == "erase":
            return _erase(store, args)
        return _purge(store, args, date.today())
    finally:
        store.close()


def _erase(store: Store, args) -> int:
    try:
        person_id = find_person(store.db, args.person)
    except Ambiguous as several:
        print(str(several), file=sys.stderr)
        return 2
    except LookupError as error:
        print(_("Erreur : {error}").format(error=error.args[0]), file=sys.stderr)
        return 1
    plan = erasure.plan(store.db, person_id)
    name = plan.person.full_name
    print(_("Tout ce qu'Atelier garde sur {name} sera effacé de cet ordinateur :").format(name=name))
    for item in erasure.items(plan.report):
        print(f"  • {item}")
    if plan.mentions:
        print(_("Son nom apparaît dans ces passages de texte :"))
        for mention in plan.mentions:
            print("  • " + _("{where} : « {passage} »").format(where=mention.where, passage=mention.passage))
        print(_("Il y restera tel quel (--keep-notes).") if args.keep_notes
              else _("Il y sera remplacé par « [personne effacée] »."))
    print(erasure.about_backups())
    if not args.yes:
        question = _("Cela ne peut pas être annulé. Pour confirmer, tapez son prénom ({first}) : ").format(
            first=plan.person.first_name)
        answer = _ask(question, _("Ajoutez --yes pour confirmer l'effacement."))
        if answer is None:
            return 1
        if people.fold(answer.strip()) != people.fold(plan.person.first_name.strip()):
            print(_("Ce n'est pas son prénom. Rien n'a été effacé."), file=sys.stderr)
            return 1
    erasure.erase(store.db, person_id, replace_names=not args.keep_notes)
    print(_("Effacement terminé : {name}.").format(name=name))
    return 0


def _purge(store: Store, args, today: date) -> int:
    years = settings.retention_years(store.db)
    found = retention.inactive(store.db, today, years)
    if not found:
        print(plural(years, "Personne à anonymiser : tout le monde est venu il y a moins d'un an.",
                     "Personne à anonymiser : tout le monde est venu il y a moins de {n} ans."))
        return 0
    # Translators: {since} is « for more than 3 years »
    print(plural(len(found), "Cette personne n'est pas venue {since} :",
                 "Ces {n} personnes ne sont pas venues {since} :", since=retention.gone_for(years)))
    for person in found:
        print(_("  • {name}, dernière venue le {day}").format(
            name=person.full_name, day=person.last_seen.strftime("%d/%m/%Y")))
    print(plural(len(found),
                 "Anonymiser efface son nom, ses coordonnées et ses notes, et remplace son nom par "
                 "« [personne effacée] » dans les textes. Ses présences restent comptées, sans nom, dans "
                 "les chiffres pour les financeurs.",
                 "Anonymiser efface leur nom, leurs coordonnées et leurs notes, et remplace leur nom par "
                 "« [personne effacée] » dans les textes. Leurs présences restent comptées, sans nom, dans "
                 "les chiffres pour les financeurs."))
    if args.dry_run:
        print(_("Rien n'a été changé (--dry-run)."))
        return 0
    if not args.yes:
        answer = _ask(plural(len(found), "Anonymiser cette personne ? [o/N] ", "Anonymiser ces {n} personnes ? [o/N] "),
                      _("Ajoutez --yes pour confirmer l'anonymisation."))
        if answer is None:
            return 1
        if answer.strip().lower() not in YES:
            print(_("Rien n'a été changé."))
            return 1
    done = retention.anonymise(store.db, [person.person_id for person in found])
    print(_("Personnes anonymisées : {n}.").format(n=done))
    return 0


def _ask(question: str, without_terminal: str) -> str | None:
    """The answer typed, or None (with a message) when there is no one to ask."""
    if not sys.stdin.isatty():
        print(without_terminal, file=sys.stderr)
        return None
    try:
        return input(question)
    except EOFError:
        print(_("Rien n'a été changé."), file=sys.stderr)
        return None
