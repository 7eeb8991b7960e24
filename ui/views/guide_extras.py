"""What a module says beside its steps, as Markdown for the lesson guide: « Avant
l'atelier » (its checklist) before the first step, « 3 choses à retenir » and its
lexique after the last one. The projector shows the learners' part only: the things to
remember and the lexique, never the facilitator's checklist.
"""

import re


from atelier.i18n import _
from atelier.lessons.pack import Module

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")




def plain(text: str) -> str:
    """A pack's words, shown as written: Markdown's signs taken literally."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def before_markdown(module: Module) -> str:
    if not module.checklist:
        return ""
    items = "\n".join(f"- [ ] {plain(item)}" for item in module.checklist)
    heading = _("Avant l'atelier")
    return f"## {heading}\n\n{items}\n\n"


def glossary_markdown(module: Module) -> str:
    if not module.glossary:
        return ""
    items = "\n".join("- " + _("{label} : {value}").format(label=f"**{plain(word)}**", value=plain(meaning))
                      for word, meaning in sorted(module.glossary.items(), key=lambda w: w[0].casefold()))
    return f"## {_('Lexique')}\n\n{items}\n"


def after_markdown(module: Module) -> str:
    parts = []
    if module.remember:
        items = "\n".join(f"{n}. {plain(item)}" for n, item in enumerate(module.remember, 1))
        parts.append(f"## {_('3 choses à retenir')}\n\n{items}\n")
    if module.glossary:
        parts.append(glossary_markdown(module))
    return "\n\n" + "\n".join(parts) if parts else ""


def step_markdown(module: Module, index: int, body: str, projected: bool = False) -> str:
    """The step's Markdown with what the module adds at its start or its end."""
    if index == 0 and not projected:
        body = before_markdown(module) + body
    if index == len(module.steps) - 1:
        body = body.rstrip("\n") + after_markdown(module)
    return body
