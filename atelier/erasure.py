"""The right to erasure, whole: the person's rows, their name in free text and in the
summaries, and a line in the erasure log so that no backup brings them back.

``plan`` says what will go (for the dialog and the command line), ``erase`` does it in
one transaction, and ``reapply`` does again, when a database is opened, whatever the
log says it forgot (a backup restored, a copy opened). Every connection runs with
``secure_delete`` (``atelier.db``) and an erasure ends with a checkpoint that empties
the write-ahead log: the erased bytes are left nowhere in the files.
"""

from dataclasses import dataclass

from atelier import anonymisation, backups, erasure_log, mentions, people, settings
from atelier.db import Database, in_chunks
from atelier.i18n import _, plural
from atelier.mentions import Mention
from atelier.people import Participant

# table → (one, several): what a row of each table means to a facilitator.
WORDS = {  # said at use: the language can change while the program runs
    "participants": lambda n: plural(n, "{n} fiche", "{n} fiches"),
    "attendance": lambda n: plural(n, "{n} présence", "{n} présences"),
    "group_members": lambda n: plural(n, "{n} inscription à un groupe", "{n} inscriptions à un groupe"),
    "exercise_results": lambda n: plural(n, "{n} résultat d'exercice", "{n} résultats d'exercices"),
    "step_progress": lambda n: plural(n, "{n} étape suivie", "{n} étapes suivies"),
}


@dataclass(frozen=True)
class Plan:
    """What erasing a person removes: rows by table, and the passages naming them."""

    person: Participant
    report: dict[str, int]
    mentions: list[Mention]


def plan(db: Database, person_id: str) -> Plan:
    """KeyError if there is no such person."""
    person = people.get(db, person_id)
    return Plan(person, people.erasure_report(db, person_id), mentions.find(db, person))


def items(report: dict[str, int]) -> list[str]:
    """'1 fiche', '12 présences', … in plain words; tables with nothing are left out."""
    found = []
    for table, count in report.items():
        if count == 0 and table != "participants":
            continue
        said = WORDS.get(table)
        found.append(said(count) if said else plural(count, "{n} ligne dans « {table} »",
                                                     "{n} lignes dans « {table} »", table=table))
    return found


def about_backups() -> str:
    """How long older backups keep a copy (the thinning rules keep one a month for
    ``KEEP_MONTHLY`` months, see ``atelier.backups``), and what a restore does."""
    return _(
        "Les sauvegardes faites avant l'effacement gardent une copie de ses données : Atelier les "
        "supprime au fil du temps, la dernière au plus tard après {months} mois d'utilisation. Si l'une "
        "d'elles est remise en place, la personne est aussitôt effacée à nouveau. Les copies faites "
        "ailleurs (clé USB) ne sont pas touchées."
    ).format(months=backups.KEEP_MONTHLY)


def erase(db: Database, person_id: str, replace_names: bool = True, log: bool = True) -> dict[str, int]:
    """Erase the person for good, in one transaction; returns what was removed (table →
    rows). With ``replace_names`` their name in free text becomes « [personne effacée] ».
    ``log=False`` only when replaying the log itself. KeyError if there is no such person."""
    from atelier.sync import redaction  # the sync's modules load with the first write, not at start-up

    person = people.get(db, person_id)
    with db.atomic():
        if replace_names:
            mentions.erase_name(db, person)
        redaction.forget(db, person)
        report = people.erase(db, person_id)
        if log:  # last, just before the commit: written and synced, or nothing erased
            erasure_log.append(db, erasure_log.ERASE if replace_names else erasure_log.ERASE_ROWS, [person_id])
    checkpoint(db)
    return report


def checkpoint(db: Database) -> None:
    """Copy the write-ahead log into the file and empty it: the old pages it still held
    (with the erased bytes) are gone. Skipped inside a transaction; a reader that holds
    the log only delays it to the next checkpoint."""
    if not db.conn.in_transaction:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def outstanding(db: Database) -> list[erasure_log.Entry]:
    """What the log says and the database forgot (a backup restored, a copy opened):
    erased people still there, anonymised ones with their name back. Only reads."""
    entries = erasure_log.read(erasure_log.path_for(db))
    if not entries:
        return []
    latest: dict[str, erasure_log.Entry] = {}
    for entry in entries:  # an erasure outranks an anonymisation, whatever the order
        if entry.participant_id not in latest or entry.action != erasure_log.ANONYMISE:
            latest[entry.participant_id] = entry
    anonymous: dict[str, bool] = {}
    for chunk, marks in in_chunks(latest):
        rows = db.execute(f"SELECT id, {anonymisation.ANONYMOUS_SQL} FROM participants WHERE id IN ({marks})", chunk)
        anonymous.update((row[0], bool(row[1])) for row in rows)
    return [entry for person_id, entry in latest.items()
            if person_id in anonymous and not (entry.action == erasure_log.ANONYMISE and anonymous[person_id])]


def reapply(db: Database, entries: list[erasure_log.Entry]) -> int:
    """Do again what ``outstanding`` found, in one transaction; returns how many people."""
    if not entries:
        return 0
    with db.atomic():
        settings.treat_as_copy(db)  # its re-queued summaries never reuse a version the original sent
        for entry in entries:
            if entry.action == erasure_log.ANONYMISE:
                anonymisation.anonymise(db, [entry.participant_id], log=False)
            else:
                erase(db, entry.participant_id, replace_names=entry.action == erasure_log.ERASE, log=False)
    checkpoint(db)
    return len(entries)
