"""The five-year database: what a busy association's PC holds after five years.

2,000 participants, 10,000 sessions, 100,000 attendance marks and 300,000 exercise
results, written once under ``build/bench/fivey/`` (an ATELIER_HOME folder) and reused
while its counts are right and it still has sessions today. It is a benchmark fixture,
so it is written with batched INSERTs in one transaction through the store's own
connection (schema, migrations and foreign keys are the real ones), not through the
domain functions, which would take minutes.
"""

import random
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from atelier import attendance, settings
from atelier.store import Store

HOME = Path(__file__).resolve().parents[1] / "build" / "bench" / "fivey"
COUNTS = dict(participants=2_000, sessions=10_000, attendance=100_000, exercise_results=300_000)
GROUPS, MEMBERS, WEEKS = 240, 14, 50  # 240 series of up to 50 weekly sessions
SEED = 5

FIRST = ("Hélène", "José", "Françoise", "Gérard", "Monique", "Jean-Pierre", "Geneviève", "Michel", "Josiane",
         "André", "Colette", "Raymond", "Marie-Thérèse", "Bernard", "Yvette", "Fatima", "Danièle", "René",
         "Simone", "Jacques", "Thérèse", "Lucien", "Odette", "Lan", "Paulette", "Maurice", "Christiane", "Noëlle")
LAST = ("Martin", "Fernandes", "Lefebvre", "Dubois", "Girard", "Moreau", "Laurent", "Roux", "Faure", "Mercier",
        "Bonnet", "Lambert", "Fontaine", "Chevalier", "Rousseau", "Haddad", "Perrin", "Gauthier", "Noël", "Müller")
THEMES = ("Débutants", "Tablette et smartphone", "Internet pratique", "E-mail", "Démarches en ligne", "Photos")
DAYS = ("du lundi", "du mardi", "du mercredi", "du jeudi", "du vendredi", "du samedi", "du dimanche")
MODULES = {"la-souris": ("cliquer", "double-cliquer", "glisser", "defiler", "clic-droit"),
           "le-clavier": ("taper-son-nom", "majuscules", "accents", "effacer", "formulaire")}
FACILITATORS = ("Martine Lefèvre", "Karim Benali", "Sophie Nguyen", "Luc Girard")
ATTENDANCE = (("present", 80), ("absent", 8), ("excused", 6), ("late", 6))


def ready(today: date | None = None) -> Path:
    """The five-year home folder, generated if missing or stale; prints what it did."""
    today = today or date.today()
    if _is_current(today):
        size = (HOME / "atelier.db").stat().st_size / 1e6
        print(f"Base de cinq ans déjà prête : {HOME / 'atelier.db'} ({size:.0f} Mo)")
        return HOME
    for name in ("atelier.db", "atelier.db-wal", "atelier.db-shm"):
        (HOME / name).unlink(missing_ok=True)
    started = time.perf_counter()
    generate(HOME, today)
    elapsed = time.perf_counter() - started
    size = (HOME / "atelier.db").stat().st_size / 1e6
    print(f"Base de cinq ans générée en {elapsed:.1f} s : {HOME / 'atelier.db'} ({size:.0f} Mo)")
    return HOME


def _is_current(today: date) -> bool:
    path = HOME / "atelier.db"
    if not path.exists():
        return False
    import sqlite3

    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        from atelier import schema

        if conn.execute("PRAGMA user_version").fetchone()[0] != schema.SCHEMA_VERSION:
            return False  # made before a migration: start-up would measure the migration
        for table, expected in COUNTS.items():
            if conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] != expected:
                return False
        return conn.execute("SELECT count(*) FROM sessions WHERE date = ?", [today.isoformat()]).fetchone()[0] > 0
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def generate(home: Path, today: date) -> None:
    rng = random.Random(SEED)
    uid = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))  # noqa: E731 (seeded, fast)
    store = Store.open(home)
    db, conn = store.db, store.db.conn
    try:
        with db.atomic():
            settings.put(db, settings.ASSOCIATION, "Association Les Ateliers du Quartier")
            settings.put(db, settings.SITE, "Maison de quartier des Tilleuls")
            settings.put(db, settings.FACILITATORS, "\n".join(FACILITATORS))
            device_id = store.device_id
            first_day = today - timedelta(days=5 * 365)

            people = []
            for i in range(COUNTS["participants"]):
                joined = first_day + timedelta(days=int(i * 5 * 365 / COUNTS["participants"]))
                stamp = _stamp(joined)
                people.append((uid(), rng.choice(FIRST), rng.choice(LAST),
                               f"06 00 {i // 10000:02d} {i // 100 % 100:02d} {i % 100:02d}" if rng.random() < 0.6 else None,
                               f"personne{i}@example.org" if rng.random() < 0.3 else None,
                               rng.randint(1938, 1965), rng.choices(("feminin", "masculin", "non_communique"), (65, 30, 5))[0],
                               rng.choices(("retraite", "sans_emploi", "en_emploi", "non_communique"), (85, 6, 4, 5))[0],
                               joined.isoformat(), _stamp(joined) if joined < today - timedelta(days=900) and rng.random() < 0.5 else None,
                               stamp, stamp))
            conn.executemany(
                "INSERT INTO participants (id, first_name, last_name, phone, email, birth_year, gender, social_status, "
                "consent_date, archived_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", people)

            # Series of weekly sessions start evenly over five years; the recent ones are
            # still running (a few weeks still to come), the oldest are shortened so that
            # the total is exact. One in seven is moved to today's weekday, so that the
            # home screen always has sessions today.
            groups, members, sessions = [], [], []
            for g, (start, weeks) in enumerate(_series(first_day, today)):
                name = f"{THEMES[g % len(THEMES)]} {DAYS[start.weekday()]} ({start.year}-{g})"
                end_date = start + timedelta(weeks=weeks - 1)
                begin_t = rng.choice(("09:30", "10:00", "14:00", "14:30"))
                end_t = f"{int(begin_t[:2]) + 2:02d}{begin_t[2:]}"
                group_id = uid()
                groups.append((group_id, name, "Maison de quartier des Tilleuls", start.weekday(), begin_t, end_t,
                               _stamp(end_date) if end_date < today else None, _stamp(start), _stamp(start)))
                window = people[max(0, int(len(people) * (start - first_day).days / (5 * 365)) - 300):][:600]
                chosen = rng.sample(window, MEMBERS)
                members += [(group_id, p[0], _stamp(start)) for p in chosen]
                facilitator = rng.choice(FACILITATORS)
                for w in range(weeks):
                    day = start + timedelta(weeks=w)
                    status = "done" if day < today else "planned"
                    if day < today and rng.random() < 0.02:
                        status = "cancelled"
                    module = "la-souris" if w % 24 < 12 else "le-clavier"
                    sessions.append((uid(), group_id, day.isoformat(), begin_t, end_t, "Maison de quartier des Tilleuls",
                                     facilitator, module, status, _stamp(start), _stamp(day), [p[0] for p in chosen]))
            conn.executemany("INSERT INTO groups (id, name, place, weekday, start_time, end_time, archived_at, "
                             "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)", groups)
            conn.executemany("INSERT INTO group_members (group_id, participant_id, joined_at) VALUES (?,?,?)", members)
            conn.executemany("INSERT INTO sessions (id, group_id, date, start_time, end_time, place, facilitator, "
                             "module_id, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                             [s[:-1] for s in sessions])

            # The roll was taken for every session held; ~10 marks each, 100,000 in all.
            held = [s for s in sessions if s[8] == "done"]
            marks, results = [], []
            base, extra = divmod(COUNTS["attendance"], len(held))
            statuses, weights = zip(*ATTENDANCE)
            for k, s in enumerate(held):
                for pid in rng.sample(s[-1], base + (k < extra)):
                    marks.append((s[0], pid, rng.choices(statuses, weights)[0], s[10]))
            conn.executemany("INSERT INTO attendance (session_id, participant_id, status, updated_at) VALUES (?,?,?,?)",
                             marks)

            # Exercise results from the learners who came, during their sessions.
            came = [m for m in marks if attendance.came(m[2])]
            sessions_by_id = {s[0]: s for s in sessions}
            for _ in range(COUNTS["exercise_results"]):
                session_id, pid = rng.choice(came)[:2]
                s = sessions_by_id[session_id]
                module = s[7]
                finished = f"{s[2]}T{int(s[3][:2]) - 1:02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}+00:00"
                results.append((uid(), pid, session_id, module, rng.choice(MODULES[module]),
                                round(rng.uniform(0.3, 1.0), 2), rng.randint(1, 4), rng.randint(5_000, 240_000),
                                device_id, finished))
            conn.executemany("INSERT INTO exercise_results (id, participant_id, session_id, module_id, exercise_id, "
                             "score, attempts, duration_ms, device_id, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                             results)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()


def _series(first_day: date, today: date) -> list[tuple[date, int]]:
    """(first session, number of weekly sessions) of each series, 10,000 sessions in all."""
    horizon = today + timedelta(weeks=3)
    span = (today - timedelta(weeks=4) - first_day).days
    starts = []
    for g in range(GROUPS):
        start = first_day + timedelta(days=span * g // (GROUPS - 1))
        if g % 7 == 0:
            start -= timedelta(days=(start - today).days % 7)
        starts.append(start)
    lengths = [min(WEEKS, (horizon - start).days // 7 + 1) for start in starts]
    excess, g = sum(lengths) - COUNTS["sessions"], 0
    assert excess >= 0, "not enough series for the sessions asked"
    while excess:  # shorten the oldest series, one week at a time, round-robin
        lengths[g % (GROUPS // 2)] -= 1
        excess, g = excess - 1, g + 1
    return list(zip(starts, lengths))


def _stamp(day: date) -> str:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc).isoformat(timespec="seconds")


if __name__ == "__main__":
    ready()
