"""``atelier lessons …``: check modules (with the FALC lint) and pack them to share.

``check`` takes module folders, folders of modules and zips; it lists every problem
with its file and line, then the lint's advice. It exits 1 when a module is broken or
a learner's or spoken text breaks a FALC rule (advice alone exits 0), 2 when a path
does not exist. ``pack`` writes a zip only of modules that pass the check.
"""

import sys
from pathlib import Path

from atelier.i18n import _, plural


def add_parser(commands, parser_class) -> None:
    lessons = commands.add_parser("lessons", help=_("modules de leçons"))
    actions = lessons.add_subparsers(dest="lessons_command", metavar=_("commande"),
                                     parser_class=parser_class, required=True)
    check = actions.add_parser("check", help=_("vérifier un module, un dossier de modules ou un .zip"))
    check.add_argument("paths", nargs="*", type=Path, metavar=_("CHEMIN"),
                       help=_("par défaut : les modules fournis"))
    pack = actions.add_parser("pack", help=_("faire un zip d'un module (ou d'un dossier de modules) "
                                             "pour le partager"))
    pack.add_argument("folder", type=Path, metavar=_("DOSSIER"),
                      help=_("le dossier du module, ou un dossier de modules"))
    pack.add_argument("-o", "--output", type=Path, metavar=_("FICHIER.zip"),
                      help=_("le zip à écrire (par défaut : le nom du dossier, .zip, ici)"))


def run(args) -> int:
    if args.lessons_command == "pack":
        return _pack(args)
    return _check(args)


def _check(args) -> int:
    from atelier.lessons import library
    from atelier.lessons.falc import lint

    targets = args.paths or library.default_lesson_dirs()
    problems = []
    for target in targets:
        if not target.exists():
            print(_("Introuvable : {path}").format(path=target), file=sys.stderr)
            return 2
        problems += library.check_path(target, lint=lint)
    errors = [p for p in problems if not p.warning]
    for problem in errors + [p for p in problems if p.warning]:
        print(problem)
    advice = len(problems) - len(errors)
    if errors:
        # Translators: the two counts below, e.g. « 2 problèmes trouvés, 1 conseil. »
        print(_("{problems}, {advice}.").format(
            problems=plural(len(errors), "{n} problème trouvé", "{n} problèmes trouvés"),
            advice=plural(advice, "{n} conseil", "{n} conseils")), file=sys.stderr)
        return 1
    if advice:
        print(plural(advice, "Aucun problème : les modules sont prêts ({n} conseil de lisibilité "
                             "ci-dessus, pour le guide de l'animateur).",
                     "Aucun problème : les modules sont prêts ({n} conseils de lisibilité "
                     "ci-dessus, pour le guide de l'animateur)."))
    else:
        print(_("Aucun problème : les modules sont prêts."))
    return 0


def _pack(args) -> int:
    from atelier.lessons.packing import pack

    folder = args.folder
    if not folder.is_dir():
        print(_("Dossier introuvable : {path}").format(path=folder), file=sys.stderr)
        return 2
    target = args.output or Path.cwd() / f"{folder.resolve().name}.zip"
    count, problems = pack(folder, target)
    for problem in problems:
        print(problem)
    if problems:
        print(plural(len(problems), "Aucun zip n'a été écrit : corrigez d'abord ce problème.",
                     "Aucun zip n'a été écrit : corrigez d'abord ces {n} problèmes."), file=sys.stderr)
        return 1
    print(plural(count, "Zip prêt à partager : {path} ({n} module). Vérifiez-le avec "
                        "« atelier lessons check {path} ».",
                 "Zip prêt à partager : {path} ({n} modules). Vérifiez-le avec "
                 "« atelier lessons check {path} ».", path=target))
    return 0
