"""The fields of a `form` exercise: on one page (``fields``, the first format) or on
several (``pages``, each with a title and its fields), with what each field expects.

``check_fields`` and ``check_pages`` return the fields or pages with their defaults
(a ``name`` made from the label when the pack gives none, ``required``, ``expected``
and ``length``) and the issues found, ``where`` inside the list.
"""

import re
import unicodedata

from atelier.i18n import _
from atelier.lessons.answers import parse_number, same_answer
from atelier.lessons.rules import (Flag, Int, Issue, PackFiles, Text, TextList, required_texts, shown,
                                   suggest, table_list, unknown_key)
from atelier.lessons.scoring import field_problem

FIELD_TYPES = ("text", "email", "date", "number", "checkbox", "choice", "radio", "password", "code")
FIELD_KEYS = ("name", "label", "type", "choices", "required", "expected", "length")
PAGE_KEYS = ("title", "fields")
CODE_LENGTH = Int(2, 12, 6)
WITH_CHOICES = ("choice", "radio")


def _slug(label: str) -> str:
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "champ"


def _expected_problem(field: dict) -> str | None:
    """Why the field's ``expected`` could never be typed or chosen, or None."""
    kind, expected = field["type"], field["expected"]
    if kind == "checkbox":
        return Flag().check("expected", expected)
    if kind == "number" and isinstance(expected, int | float) and not isinstance(expected, bool):
        return None
    if kind == "code" and isinstance(expected, int) and not isinstance(expected, bool):
        expected = field["expected"] = str(expected)
    if message := Text().check("expected", expected):
        return message
    if kind in WITH_CHOICES and isinstance(field.get("choices"), list):
        if not any(same_answer(kind, expected, choice) for choice in field["choices"]):
            return _("« expected » vaut « {value} », qui n'est pas dans « choices » : {choices}").format(
                value=expected, choices=", ".join(map(str, field["choices"])))
        return None
    if kind == "number" and parse_number(expected) is None:
        return _("« expected » doit être un nombre, par exemple expected = 12, pas {value}").format(
            value=shown(expected))
    if kind == "code" and not re.fullmatch(r"[0-9 ]+", expected):
        return _("« expected » d'un code s'écrit avec des chiffres, par exemple \"482913\", "
                 "pas {value}").format(value=shown(expected))
    if kind in ("email", "date", "code") and (problem := field_problem(
            kind, expected, True, length=field.get("length"))):
        return _("« expected » vaut « {value} », que l'exercice refuserait : {problem}").format(
            value=expected, problem=problem)
    return None


def _field(n: int, table: dict, names: set) -> tuple[dict, list[Issue]]:
    field = {"required": True, "expected": None, "length": None, **table}
    issues = [Issue((n, key), unknown_key(key, _("un champ"), FIELD_KEYS)) for key in table
              if key not in FIELD_KEYS]
    issues += required_texts(table, n, ("label", "type"))
    name = table.get("name")
    if "name" in table:
        if message := Text().check("name", name):
            issues.append(Issue((n, "name"), message))
        elif name in names:
            issues.append(Issue((n, "name"), _("deux champs s'appellent « {name} » : chaque "
                                               "« name » doit être unique").format(name=name)))
    elif isinstance(table.get("label"), str) and table["label"].strip():
        name, extra = _slug(table["label"]), 2
        while name in names:
            name, extra = f"{_slug(table['label'])}-{extra}", extra + 1
        field["name"] = name
    if isinstance(name, str):
        names.add(name)
    kind = table.get("type")
    if isinstance(kind, str) and kind.strip() and kind not in FIELD_TYPES:
        issues.append(Issue((n, "type"), _("type de champ inconnu « {value} »{hint} ; types "
                                           "possibles : {types}").format(
            value=kind, hint=suggest(kind, FIELD_TYPES), types=", ".join(FIELD_TYPES))))
    if message := Flag().check("required", field["required"]):
        issues.append(Issue((n, "required"), _(
            "« required » vaut true (à remplir, case à cocher) ou false (facultatif), "
            "sans guillemets, pas {value}").format(value=shown(field["required"]))))
    if kind in WITH_CHOICES:
        if message := TextList(2 if kind == "radio" else 1, unique=True).check(
                "choices", table.get("choices")):
            issues.append(Issue((n, "choices"), message))
    elif "choices" in table:
        issues.append(Issue((n, "choices"), _('« choices » ne sert que pour type = "choice" ou "radio"')))
    if kind == "code":
        if "length" in table and (message := CODE_LENGTH.check("length", table["length"])):
            issues.append(Issue((n, "length"), message))
    elif "length" in table:
        issues.append(Issue((n, "length"), _('« length » ne sert que pour type = "code"')))
    if not issues and kind == "code" and field["length"] is None:
        digits = re.sub(r"\D", "", str(field["expected"] or ""))
        field["length"] = len(digits) if field["expected"] is not None else CODE_LENGTH.default
    if not issues and field["expected"] is not None and (message := _expected_problem(field)):
        issues.append(Issue((n, "expected"), message))
    return field, issues


def check_fields(value, files: PackFiles = PackFiles(), names: set | None = None):
    example = '{ label = "Nom", type = "text" }'
    if message := table_list(value, "fields", example):
        return value, [Issue((), message)]
    names = set() if names is None else names
    fields, issues = [], []
    for n, table in enumerate(value):
        field, found = _field(n, table, names)
        fields.append(field)
        issues += found
    return fields, issues


def check_pages(value, files: PackFiles = PackFiles()):
    if message := table_list(value, "pages", '{ title = "…", fields = [...] }'):
        return value, [Issue((), message)]
    pages, issues, names = [], [], set()
    for n, table in enumerate(value):
        issues += [Issue((n, key), unknown_key(key, _("une page"), PAGE_KEYS)) for key in table
                   if key not in PAGE_KEYS]
        if "title" in table and (message := Text().check("title", table["title"])):
            issues.append(Issue((n, "title"), message))
        if "fields" not in table:
            issues.append(Issue((n,), _("il manque « fields » : les champs de cette page, "
                                        "chacun sous [[exercises.pages.fields]]")))
            continue
        fields, found = check_fields(table["fields"], files, names)
        issues += [Issue((n, "fields", *i.where), i.message) for i in found]
        pages.append({"title": table.get("title", ""), "fields": fields})
    return pages, issues


def finish_form(params: dict) -> list[Issue]:
    """One format or the other: ``pages``, or the first packs' ``fields`` (one page)."""
    fields, pages = params.get("fields"), params.get("pages")
    if fields is None and pages is None:
        return [Issue((), _("il manque « fields » (un formulaire d'une page) ou « pages » "
                            "(un formulaire de plusieurs pages)"))]
    if fields is not None and pages is not None:
        return [Issue(("pages",), _("écrivez soit « fields » (une page), soit « pages » "
                                    "(plusieurs pages), pas les deux"))]
    if pages is None:
        params["pages"] = [{"title": "", "fields": fields}]
    params["fields"] = [field for page in params["pages"] for field in page["fields"]]
    if params.get("submit") is None:   # the button that sends: « Valider » after a recap
        params["submit"] = _("Valider") if params.get("recap") else _("Envoyer")
    return []
