"""Which document the ``export`` command writes, and who is named on the command line."""

from atelier.db import Database

from atelier.i18n import _


def find_group(db: Database, text: str) -> str:
    """A group's id from its id or its exact name (case aside); LookupError with a plain message."""
    return _one(db, text, "SELECT id, name FROM groups WHERE id = ?",
                "SELECT id, name FROM groups WHERE name = ? COLLATE NOCASE ORDER BY name",
                _("Aucun groupe ne s'appelle « {text} »."),
                _("Plusieurs groupes s'appellent « {text} » ; indiquez l'identifiant :"))


def find_person(db: Database, text: str) -> str:
    """A participant's id from the id, "Prénom Nom" or "Nom Prénom" (exact, case aside)."""
    return _one(db, text, "SELECT id, first_name || ' ' || last_name FROM participants WHERE id = ?",
                "SELECT id, first_name || ' ' || last_name FROM participants "
                "WHERE trim(first_name || ' ' || last_name) = ?1 COLLATE NOCASE "
                "OR trim(last_name || ' ' || first_name) = ?1 COLLATE NOCASE ORDER BY last_name, first_name",
                _("Aucune personne ne s'appelle « {text} »."),
                _("Plusieurs personnes s'appellent « {text} » ; indiquez l'identifiant :"))


def _one(db: Database, text: str, by_id: str, by_name: str, none: str, several: str) -> str:
    text = " ".join(text.split())
    found = db.execute(by_id, [text]).fetchall() or db.execute(by_name, [text]).fetchall()
    if not found:
        raise LookupError(none.format(text=text))
    if len(found) > 1:
        raise LookupError("\n".join([several.format(text=text)] + [f"  {i}  {name}" for i, name in found]))
    return found[0][0]


def write(db: Database, kind: str, args, suffix: str, renderer) -> str:
    """Write one document to ``args.output``; returns the message to print."""
    from atelier.exports import attestation, person, register, report, report_xlsx, sheet

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
        return _("{count} feuilles d'émargement écrites dans {path}").format(count=len(contents), path=path)
    elif kind == "register":
        if suffix == ".csv":
            count = register.write_csv(db, path, args.first, args.last, group_id, separator=args.separator)
        else:
            count = register.write_xlsx(db, path, args.first, args.last, group_id)
        return _("Registre écrit ({count} lignes) : {path}").format(count=count, path=path)
    elif kind == "report":
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
