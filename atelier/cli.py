"""The ``atelier`` command: the composition root.

With no sub-command it starts the program's window. The Qt side (``ui``) is imported
only inside the commands that need it, so that every other command works on a PC
without a display.
"""

import argparse
import gc
import os
import sqlite3
import sys
from pathlib import Path

from atelier import __version__, error_log, files, i18n, paths
from atelier.backup_check import BackupError
from atelier.db import DatabaseError
from atelier.command_words import argparse_speaks_our_language
from atelier.i18n import _, pgettext
from atelier.store import Store, restore


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # plain words, no traceback, exit code 2
        self.print_usage(sys.stderr)
        self.exit(2, _("Erreur : {message}\nVoir « atelier --help ».\n").format(message=message))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="atelier",
        description=_("Atelier : les ateliers numériques pour les seniors. Sans commande, ouvre la fenêtre du programme."),
    )
    parser.add_argument("--version", action="version", version=f"Atelier {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help=_("vérifier que le programme ouvre tout ce qu'il contient, sur des données d'essai, "
                               "sans rien toucher ; écrit un rapport"))
    parser.add_argument("--report", type=Path, metavar=_("FICHIER"),
                        help=_("avec --self-test : où écrire le rapport (par défaut dans le dossier temporaire)"))
    commands = parser.add_subparsers(dest="command", metavar=_("commande"), parser_class=_Parser)

    commands.add_parser("gui", help=_("ouvrir la fenêtre du programme (par défaut)"))

    demo = commands.add_parser("demo", help=_("remplir une base vide avec des données de démonstration"))
    demo.add_argument("--if-needed", action="store_true", help=_("ne rien faire si la démonstration est déjà prête"))

    from atelier.lessons import command as lessons_command

    lessons_command.add_parser(commands, _Parser)

    commands.add_parser("check", help=_("vérifier que le fichier de données est intact"))

    backup = commands.add_parser("backup", help=_("faire une sauvegarde maintenant, ou lister les sauvegardes"))
    backup.add_argument("action", nargs="?", choices=["list"], help=_("« list » : lister les sauvegardes"))

    restore_cmd = commands.add_parser("restore", help=_("remettre en place une sauvegarde"))
    restore_cmd.add_argument("backup", metavar=_("SAUVEGARDE"), help=_("chemin du fichier, ou « latest » pour la plus récente en bon état"))
    restore_cmd.add_argument("--yes", action="store_true", help=_("ne pas demander de confirmation"))

    from atelier.exports import command as export_command

    export_command.add_parser(commands, _Parser)

    from atelier.sync import command as sync_command

    sync_command.add_parser(commands, _Parser)

    from atelier import people_command

    people_command.add_parser(commands, _Parser)

    from atelier import pin_command

    pin_command.add_parser(commands, _Parser)
    return parser


def no_arguments() -> argparse.Namespace:
    """What the parser makes of no argument at all (the window, as the desktop's shortcut
    starts it), without building it: every command's parser costs ~10 ms at each start."""
    return argparse.Namespace(command=None, self_test=False, report=None)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    i18n.use_language(i18n.language_from_environment(os.environ))  # the window then takes Réglages' choice
    if argv:
        with argparse_speaks_our_language():  # « usage », « options » and argparse's errors too
            parser = build_parser()
            args = parser.parse_args(argv)
            if args.report is not None and not args.self_test:
                parser.error(_("--report va avec --self-test"))
    else:
        args = no_arguments()
    command = args.command or "gui"
    try:
        if args.self_test:
            from ui import self_test  # Qt, like the GUI

            return self_test.run(args.report or self_test.default_report())
        if command == "gui":
            # No cyclic garbage collection until the window's event loop turns (ui.app.make_app):
            # the start makes some 200,000 objects, none of them garbage, and collecting
            # among them cost it 6 ms.
            gc.disable()
            from ui.app import main as gui_main  # the one place the core reaches the GUI

            return gui_main()
        return _COMMANDS[command](args)
    except DatabaseError as error:
        print(str(error), file=sys.stderr)
        return 3
    except sqlite3.DatabaseError as error:  # met after the start-up check: a full disk, damage…
        from atelier.store import database_trouble

        print(str(database_trouble(error, paths.database_path(), paths.backups_dir())), file=sys.stderr)
        return 3
    except OSError as error:
        print(files.plain_os_error(error, error.filename or paths.home()), file=sys.stderr)
        return 1
    except (BackupError, files.WriteError, ValueError) as error:
        print(_("Erreur : {error}").format(error=error), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        print(error_log.message(error), file=sys.stderr)
        return 1


def _demo(args) -> int:
    from atelier import demo

    store = Store.open()
    try:
        if demo.is_demo(store.db) and args.if_needed:
            print(_("La base de démonstration est prête : {path}").format(path=store.path))
            return 0
        if not store.is_empty():
            print(
                _("Cette base contient déjà des données ({path}). La démonstration ne la touche pas.\n"
                  "Pour essayer Atelier, choisissez un autre dossier : ATELIER_HOME=/tmp/demo atelier demo").format(path=store.path),
                file=sys.stderr,
            )
            return 1
        summary = demo.fill(store.db)
        print(_("Démonstration prête : {groups} groupes, {people} participants, {sessions} séances.").format(**summary))
        return 0
    finally:
        store.close()


def _lessons(args) -> int:
    from atelier.lessons import command as lessons_command

    return lessons_command.run(args)


def _check(args) -> int:
    from atelier import db as database

    path = paths.database_path()
    if not path.exists():
        print(_("Aucun fichier de données pour l'instant : {path}").format(path=path))
        return 0
    store = Store.open()  # runs quick_check and refuses a damaged file with advice
    try:
        result = database.integrity_check(store.db)
    finally:
        store.close()
    if result != "ok":
        print(_("Le fichier de données est abîmé : {result}").format(result=result), file=sys.stderr)
        return 3
    print(_("Le fichier de données est intact : {path}").format(path=path))
    return 0


def _backup(args) -> int:
    from atelier import backups  # the commands that need it, not the window's start-up

    if args.action == "list":
        found = backups.checked(paths.backups_dir())
        if not found:
            print(_("Aucune sauvegarde pour l'instant."))
        for backup, problem in found:  # newest first; one that is not good says why
            when = backup.taken_at.astimezone().strftime("%d/%m/%Y %H:%M:%S")
            state = _("bonne") if problem is None else _("PAS BONNE")
            size = f"{backup.size / 1_000_000:7.1f}".replace(".", pgettext("séparateur décimal", ","))
            print(f"{when}  {backup.reason_words():<26} {_('{size} Mo').format(size=size)}  {state:<9}  {backup.path}")
            if problem is not None:
                print(f"    {problem}")
        return 0
    store = Store.open()
    try:
        backup = store.backup("manual")
    finally:
        store.close()
    print(_("Sauvegarde faite : {path}").format(path=backup.path))
    return 0


def _restore(args) -> int:
    from atelier import backups

    if args.backup == "latest":
        chosen = backups.latest_good(paths.backups_dir())
        if chosen is None:
            print(_("Aucune sauvegarde en bon état n'a été trouvée."), file=sys.stderr)
            return 1
        source = chosen.path
    else:
        source = Path(args.backup)
        problem = backups.problem(source)  # refused before anyone is asked
        if problem is not None:
            print(_("Cette sauvegarde ne peut pas être remise en place. {reason}\n{path}").format(
                reason=problem, path=source), file=sys.stderr)
            return 1
    if not args.yes:
        if not sys.stdin.isatty():
            print(_("Ajoutez --yes pour confirmer la remise en place."), file=sys.stderr)
            return 1
        answer = input(_("Remplacer les données actuelles par {path} ? Elles seront d'abord sauvegardées. [o/N] ").format(path=source))
        if answer.strip().lower() not in ("o", "oui", "y", "yes"):
            print(_("Rien n'a été changé."))
            return 1
    restored = restore(source)
    print(_("Sauvegarde remise en place : {path}").format(path=restored.path))
    if restored.kept_aside is not None:
        print(_("Les données d'avant sont gardées dans : {path}").format(path=restored.kept_aside))
    return 0


def _export(args) -> int:
    from atelier.exports import command as export_command

    return export_command.run(args, _renderer)


def _renderer(name: str):
    """A PDF renderer of ui/render/documents.py, reached lazily; offscreen with no display."""
    import os

    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.render import documents

    return getattr(documents, name)


_COMMANDS = {"demo": _demo, "lessons": _lessons, "check": _check, "backup": _backup, "restore": _restore}
_COMMANDS["export"] = _export


def _hub(args) -> int:
    from atelier.sync import command as sync_command

    return sync_command.run_hub(args)


def _sync(args) -> int:
    from atelier.sync import command as sync_command

    return sync_command.run_sync(args)


_COMMANDS["hub"] = _hub
_COMMANDS["sync"] = _sync


def _people(args) -> int:
    from atelier import people_command

    return people_command.run(args)


_COMMANDS["people"] = _people


def _pin(args) -> int:
    from atelier import pin_command

    return pin_command.run(args)


_COMMANDS["pin"] = _pin
