"""``atelier export …``: the documents from the command line, for scripting.

The PDFs are laid out by ``ui/render``; this module never imports it: ``atelier/cli.py``
(the composition root) hands ``run()`` a function that fetches a renderer by name.
"""

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from atelier.exports.documents import ALL_SITES, NotCoordinator
from atelier.files import WriteError, error_text
from atelier.i18n import _

KINDS = {"sheet": (".pdf",), "sheets": (".pdf",), "register": (".csv", ".xlsx"), "report": (".xlsx", ".pdf"),
         "attestation": (".pdf",), "person": (".json", ".pdf")}


def day(text: str) -> date:
    """A date typed as 2026-03-14 or 14/03/2026."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(_("date invalide : « {value} » (attendu : 2026-03-14 ou 14/03/2026)").format(value=text))


def add_parser(commands, parser_class) -> None:
    export = commands.add_parser("export", help=_("feuilles d'émargement, registre, bilan, attestation, données d'une personne"))
    kinds = export.add_subparsers(dest="export_command", metavar=_("document"), parser_class=parser_class, required=True)

    def output(parser, kinds_text):
        parser.add_argument("-o", "--output", type=Path, required=True, metavar=_("FICHIER"),
                            help=_("fichier à écrire ({kinds})").format(kinds=kinds_text))

    def period(parser, required=True):
        parser.add_argument("--from", dest="first", type=day, required=required, metavar=_("DATE"),
                            help=_("premier jour (2026-03-14 ou 14/03/2026)"))
        parser.add_argument("--to", dest="last", type=day, required=required, metavar=_("DATE"),
                            help=_("dernier jour, inclus"))

    def sites(parser):
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--all-sites", dest="sites", action="store_const", const=ALL_SITES,
                           help=_("coordination : tous les sites, d'après les résumés rassemblés (par défaut : ce poste)"))
        scope.add_argument("--site", dest="sites", metavar=_("SITE"),
                           help=_("coordination : un seul site, d'après les résumés rassemblés"))

    group_help = _("un seul groupe : son identifiant ou son nom exact (par défaut : tous)")
    sheet = kinds.add_parser("sheet", help=_("la feuille d'émargement d'une séance (PDF)"))
    sheet.add_argument("session", metavar=_("SEANCE"), help=_("identifiant de la séance"))
    form = sheet.add_mutually_exclusive_group()
    form.add_argument("--blank", dest="completed", action="store_false", help=_("feuille vierge, à signer (par défaut)"))
    form.add_argument("--completed", dest="completed", action="store_true", help=_("feuille remplie d'après l'appel"))
    sheet.set_defaults(completed=False)
    output(sheet, ".pdf")

    sheets = kinds.add_parser("sheets", help=_("les feuilles d'émargement d'une période, en un seul PDF"))
    period(sheets)
    sheets.add_argument("--group", metavar=_("GROUPE"), help=group_help)
    sheets.add_argument("--completed", action="store_true", help=_("feuilles remplies d'après l'appel"))
    output(sheets, ".pdf")

    register = kinds.add_parser("register", help=_("le registre des présences d'une période (CSV ou XLSX)"))
    period(register)
    register.add_argument("--group", metavar=_("GROUPE"), help=group_help)
    sites(register)
    register.add_argument("--separator", choices=[";", ","], default=";", metavar=_("SÉPARATEUR"),
                          help=_("séparateur du CSV : « ; » (par défaut, pour les tableurs en français) ou « , »"))
    output(register, ".csv, .xlsx")

    report = kinds.add_parser("report", help=_("le bilan d'activité pour les financeurs (XLSX ou PDF)"))
    period(report)
    sites(report)
    output(report, ".xlsx, .pdf")

    attestation = kinds.add_parser("attestation", help=_("l'attestation de suivi d'un participant (PDF)"))
    attestation.add_argument("person", metavar=_("PERSONNE"), help=_("identifiant ou nom exact (Prénom Nom)"))
    period(attestation, required=False)
    output(attestation, ".pdf")

    person = kinds.add_parser("person", help=_("tout ce qu'Atelier garde sur une personne (droit d'accès)"))
    person.add_argument("person", metavar=_("PERSONNE"), help=_("identifiant ou nom exact (Prénom Nom)"))
    output(person, ".json, .pdf")


def run(args, renderer) -> int:
    """Write the document; ``renderer(name)`` gives a function of ui.render.documents."""
    kind, target = args.export_command, args.output
    suffix = target.suffix.lower()
    if suffix not in KINDS[kind]:
        print(_("Erreur : le fichier doit se terminer par {kinds} (reçu : {name}).").format(
            kinds=_(" ou ").join(KINDS[kind]), name=target.name), file=sys.stderr)
        return 2
    first, last = getattr(args, "first", None), getattr(args, "last", None)
    if first and last and last < first:
        print(_("Erreur : la période finit avant de commencer ({first} → {last}).").format(
            first=first.strftime("%d/%m/%Y"), last=last.strftime("%d/%m/%Y")), file=sys.stderr)
        return 2
    if not target.parent.is_dir():
        print(_("Erreur : le dossier n'existe pas : {folder}").format(folder=target.parent), file=sys.stderr)
        return 1
    from atelier.exports import documents
    from atelier.store import Store

    store = Store.open()
    try:
        message = documents.write(store.db, kind, args, suffix, renderer)
    except NotCoordinator as error:
        print(_("Erreur : {error}").format(error=error.args[0]), file=sys.stderr)
        return 2
    except LookupError as error:
        print(_("Erreur : {error}").format(error=error.args[0] if error.args else error), file=sys.stderr)
        return 1
    except ImportError as error:  # a bundle built without the PDF renderer
        print(_("Erreur : l'export PDF n'est pas disponible ({error}).").format(error=error), file=sys.stderr)
        return 1
    except (WriteError, OSError) as error:  # a full disk, a read-only folder: the previous file is intact
        print(_("Erreur : {error}").format(error=error_text(error, target)), file=sys.stderr)
        return 1
    finally:
        store.close()
    print(message)
    return 0
