"""Which document the ``export`` command writes, and who is named on the command line."""

from atelier.db import Database

from atelier import groups, people, settings
from atelier.i18n import _, plural


class Ambiguous(LookupError):
    """Several records answer to the name given: the message lists them with their ids."""


def find_group(db: Database, text: str) -> str:
    """A group's id from its id or its exact name (case aside); LookupError with a plain message."""
    return _one(text, lambda key: groups.get(db, key), lambda name: groups.named(db, name), lambda g: g.name,
                _("Aucun groupe ne s'appelle « {text} »."),
                _("Plusieurs groupes s'appellent « {text} » ; indiquez l'identifiant :"))


def find_person(db: Database, text: str) -> str:
    """A participant's id from the id, "Prénom Nom" or "Nom Prénom" (exact, case aside)."""
    return _one(text, lambda key: people.get(db, key), lambda name: people.named(db, name), lambda p: p.full_name,
                _("Aucune personne ne s'appelle « {text} »."),
                _("Plusieurs personnes s'appellent « {text} » ; indiquez l'identifiant :"))


ALL_SITES = "*"  # what ``--all-sites`` stores in place of a site's name


class NotCoordinator(LookupError):
    """Documents of the other sites asked on a PC that does not gather them."""


def find_site(db: Database, text: str) -> str | None:
    """The hub folder of the site named ``text`` (its name or its folder, case and accents
    aside), or ``coordination.EVERY_SITE`` for ALL_SITES; LookupError with a plain message."""
    from atelier.sync import coordination
    from atelier.sync.push import site_folder

    if not settings.is_coordinator(db):
        raise NotCoordinator(_("Ce poste n'est pas celui de la coordination : il n'a pas les résumés des autres "
                               "sites. Pour le désigner : atelier hub set DESTINATION --coordinator"))
    if text == ALL_SITES:
        return coordination.EVERY_SITE
    names = coordination.site_names(db)
    wanted = site_folder(text)
    found = [folder for folder in names if folder == wanted]
    if not found:
        known = "\n".join(f"  {name}" for name in names.values()) or _("  (aucun : atelier hub pull)")
        raise LookupError(_("Aucun site ne s'appelle « {text} ». Sites reçus :").format(text=text) + "\n" + known)
    return found[0]


def _one(text: str, get, named, name_of, none: str, several: str) -> str:
    """The id of the one record ``get(id)`` or ``named(name)`` finds from ``text``."""
    text = " ".join(text.split())
    try:
        found = [get(text)]
    except KeyError:
        found = named(text)
    if not found:
        raise LookupError(none.format(text=text))
    if len(found) > 1:
        raise Ambiguous("\n".join([several.format(text=text)] + [f"  {r.id}  {name_of(r)}" for r in found]))
    return found[0].id


def write(db: Database, kind: str, args, suffix: str, renderer) -> str:
    """Write one document to ``args.output``; returns the message to print."""
    from atelier.exports import attestation, hub_register, hub_report, person, register, report, report_xlsx, sheet

    path = args.output
    group_id = find_group(db, args.group) if getattr(args, "group", None) else None
    if kind == "sheet":
        try:
            content = sheet.sheet_for(db, args.session, completed=args.completed)
        except KeyError:
            raise LookupError(_("Aucune séance n'a l'identifiant « {id} ».").format(id=args.session)) from None
        renderer("render_sheet")(content, path)
    elif kind == "sheets":
        ids = sheet.sheets_for_period(db, args.first, args.last, group_id)
        if not ids:
            raise LookupError(_("Aucune séance sur cette période."))
        from atelier.exports.catalogue import module_index

        modules = list(module_index().values())
        contents = [sheet.sheet_for(db, i, completed=args.completed, modules=modules) for i in ids]
        renderer("render_sheets")(contents, path)
        return plural(len(contents), "{n} feuille d'émargement écrite dans {path}",
                      "{n} feuilles d'émargement écrites dans {path}", path=path)
    elif kind == "register":
        if getattr(args, "sites", None):
            site = find_site(db, args.sites)
            if suffix == ".csv":
                count = hub_register.write_csv(db, path, args.first, args.last, site, separator=args.separator)
            else:
                count = hub_register.write_xlsx(db, path, args.first, args.last, site)
        elif suffix == ".csv":
            count = register.write_csv(db, path, args.first, args.last, group_id, separator=args.separator)
        else:
            count = register.write_xlsx(db, path, args.first, args.last, group_id)
        return plural(count, "Registre écrit ({n} ligne) : {path}", "Registre écrit ({n} lignes) : {path}", path=path)
    elif kind == "report":
        if getattr(args, "sites", None):
            content = hub_report.hub_activity_report(db, args.first, args.last, find_site(db, args.sites))
        else:
            content = report.activity_report(db, args.first, args.last)
        if suffix == ".xlsx":
            report_xlsx.write_report_xlsx(content, path)
        else:
            renderer("render_report_pdf")(content, path)
    elif kind == "attestation":
        content = attestation.attestation_for(db, find_person(db, args.person), args.first, args.last)
        renderer("render_attestation")(content, path)
    elif kind == "person":
        data = person.person_export(db, find_person(db, args.person))
        if suffix == ".json":
            person.write_json(data, path)
        else:
            renderer("render_person_pdf")(data, path)
    return _("Document écrit : {path}").format(path=path)
