"""The questions of a quiz (`choice`) and of a picture to click (`hotspot`).

Each checker takes the pack's list and the module's files, and returns the questions
with their defaults and the issues found, ``where`` inside the list
(e.g. (2, "correct"), (0, "spots", 1)).
"""

from atelier.i18n import _
from atelier.lessons.rules import (Issue, PackFiles, TextList, picture_issue, required_texts, shown, table_list,
                                   unknown_key)

QUESTION_KEYS = ("question", "answers", "correct", "explanation", "image")
HOTSPOT_KEYS = ("image", "question", "spots", "explanation")
SPOT_KEYS = ("x", "y", "width", "height")


def check_questions(value, files: PackFiles):
    example = '{ question = "…", answers = ["Oui", "Non"], correct = 0, explanation = "…" }'
    if message := table_list(value, "questions", example):
        return value, [Issue((), message)]
    issues, questions = [], []
    for n, table in enumerate(value):
        question = {"image": None, **table}
        for key in table:
            if key not in QUESTION_KEYS:
                issues.append(Issue((n, key), unknown_key(key, _("une question"), QUESTION_KEYS)))
        issues += required_texts(table, n, ("question", "explanation"))
        answers = table.get("answers")
        if "answers" not in table:
            issues.append(Issue((n,), _("il manque « answers » : la liste des réponses")))
        elif message := TextList(2, 4).check("answers", answers):
            issues.append(Issue((n, "answers"), message))
            answers = None
        correct = table.get("correct")
        if correct is None:
            issues.append(Issue((n,), _("il manque « correct » : le numéro de la bonne "
                                        "réponse, en comptant à partir de 0")))
        elif isinstance(correct, bool) or not isinstance(correct, int):
            issues.append(Issue((n, "correct"), _(
                "« correct » doit être le numéro de la bonne réponse, en comptant à partir "
                "de 0 (0 = la première), pas {value}").format(value=shown(correct))))
        elif answers and not 0 <= correct < len(answers):
            issues.append(Issue((n, "correct"), _(
                "« correct » vaut {value} mais il y a {n} réponses : on compte à partir de 0, "
                "donc entre 0 et {last}").format(value=correct, n=len(answers),
                                                 last=len(answers) - 1)))
        if table.get("image") is not None and (
                issue := picture_issue((n, "image"), "image", table["image"], files.problem)):
            issues.append(issue)
        questions.append(question)
    return questions, issues


def _number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _spot_issues(n: int, m: int, spot, box) -> list[Issue]:
    where = (n, "spots", m)
    if not isinstance(spot, dict):
        return [Issue(where, _("chaque zone s'écrit {{ x = 10, y = 6, width = 36, height = 36 }}, "
                               "pas {value}").format(value=shown(spot)))]
    issues = [Issue(where, unknown_key(key, _("une zone"), SPOT_KEYS)) for key in spot
              if key not in SPOT_KEYS]
    for key in SPOT_KEYS:
        value = spot.get(key)
        if not _number(value) or (key in ("width", "height") and value <= 0):
            issues.append(Issue(where, _(
                "zone n° {m} : « {key} » doit être un nombre{positive}, sans guillemets, pas {value}")
                .format(m=m + 1, key=key, value=shown(value) if key in spot else _("rien"),
                        positive=_(" plus grand que 0") if key in ("width", "height") else "")))
    if issues or box is None:
        return issues
    left, top, width, height = box
    x, y = spot["x"] + spot["width"] / 2, spot["y"] + spot["height"] / 2
    if not (left <= x <= left + width and top <= y <= top + height):
        issues.append(Issue(where, _(
            "zone n° {m} : son milieu ({x:g}, {y:g}) est hors de l'image, qui va de ({left:g}, {top:g}) "
            "à ({right:g}, {bottom:g}) ; les nombres sont ceux de la viewBox de l'image").format(
            m=m + 1, x=x, y=y, left=left, top=top, right=left + width, bottom=top + height)))
    return issues


def check_hotspot_questions(value, files: PackFiles):
    example = '{ image = "images/x.svg", question = "…", spots = [{ x = 0, y = 0, width = 40, height = 40 }] }'
    if message := table_list(value, "questions", example):
        return value, [Issue((), message)]
    issues, questions = [], []
    for n, table in enumerate(value):
        question = {"explanation": "", **table}
        issues += [Issue((n, key), unknown_key(key, _("une question d'image"), HOTSPOT_KEYS))
                   for key in table if key not in HOTSPOT_KEYS]
        issues += required_texts(table, n, ("question", "image"))
        if "explanation" in table:
            issues += required_texts(table, n, ("explanation",))
        box = None
        if "image" in table:
            if issue := picture_issue((n, "image"), "image", table["image"], files.problem):
                issues.append(issue)
            else:
                box = files.box(table["image"])
        spots = table.get("spots")
        if "spots" not in table:
            issues.append(Issue((n,), _("il manque « spots » : la ou les zones où cliquer, "
                                        "par exemple spots = [{ x = 10, y = 6, width = 36, height = 36 }]")))
        elif not isinstance(spots, list) or not spots:
            issues.append(Issue((n, "spots"), _("« spots » doit être une liste non vide de zones, "
                                                "par exemple spots = [{ x = 10, y = 6, width = 36, "
                                                "height = 36 }]")))
        else:
            for m, spot in enumerate(spots):
                issues += _spot_issues(n, m, spot, box)
        questions.append(question)
    return questions, issues
