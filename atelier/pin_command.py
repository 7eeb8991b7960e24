"""``atelier pin reset``: the way back in when the facilitator's code is forgotten.

Whoever can run a command on this PC can already open its data folder: asking for
anything more would only lock the association out of its own practice screens.
"""

from atelier import pin
from atelier.i18n import _
from atelier.store import Store


def add_parser(commands, parser_class) -> None:
    code = commands.add_parser("pin", help=_("le code de l'animateur (qui protège la sortie des exercices)"))
    actions = code.add_subparsers(dest="pin_command", metavar=_("commande"), parser_class=parser_class, required=True)
    actions.add_parser("reset", help=_("effacer le code oublié ; un nouveau se choisit dans Réglages"))


def run(args) -> int:
    store = Store.open()
    try:
        had = pin.reset(store.db)
    finally:
        store.close()
    if had:
        print(_("Le code de l'animateur est effacé. Choisissez-en un nouveau dans Réglages → "
                "Code de l'animateur : un nouveau code de secours sera montré."))
    else:
        print(_("Aucun code de l'animateur n'était choisi : rien à effacer."))
    return 0
