"""CSV of the attendance register: Atelier's writer against a raw sqlite3 + csv writer.

Both write the same 100,000 rows of the five-year database, same columns, same order,
to a file on disk. Atelier's writer adds the BOM, the formula escaping, French dates,
the labels of statuses and modules (and loads the lesson library to name them); the
raw writer writes the query's values as they are. Alternate runs, medians.
"""

import csv
import os
import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from bench import Ratio

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
FIRST, LAST = date(1900, 1, 1), date(2100, 12, 31)

RAW_SQL = """
    SELECT s.date, s.start_time, s.end_time, coalesce(g.name, ''), coalesce(s.module_id, ''), s.place,
           s.facilitator, p.last_name, p.first_name, a.status
    FROM attendance a
    JOIN sessions s ON s.id = a.session_id
    JOIN participants p ON p.id = a.participant_id
    LEFT JOIN groups g ON g.id = s.group_id
    WHERE s.date BETWEEN ? AND ? AND s.status != 'cancelled'
    ORDER BY s.date, s.start_time, s.id, p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE
"""
HEADER = ("Date", "Début", "Fin", "Groupe", "Module", "Lieu", "Animateur", "Nom", "Prénom", "Présence")


def raw(database: Path, target: Path) -> int:
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        cursor = conn.execute(RAW_SQL, [FIRST.isoformat(), LAST.isoformat()])
        with open(target, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(HEADER)
            rows = cursor.fetchall()
            writer.writerows(rows)
        return len(rows)
    finally:
        conn.close()


def atelier(database: Path, target: Path) -> int:
    from atelier.db import connect
    from atelier.exports import register

    db = connect(database)
    try:
        return register.write_csv(db, target, FIRST, LAST)
    finally:
        db.close()


def run(home: Path) -> list[Ratio]:
    database = home / "atelier.db"
    print(f"\n== Registre CSV, base de cinq ans ({RUNS} écritures chacun, en alternance) ==")
    times: dict[str, list[float]] = {"atelier": [], "raw": []}
    counts = {}
    with tempfile.TemporaryDirectory() as folder:
        for turn in range(RUNS + 1):
            for name, write in (("raw", raw), ("atelier", atelier)):
                target = Path(folder) / f"{name}.csv"
                started = time.perf_counter()
                counts[name] = write(database, target)
                elapsed = time.perf_counter() - started
                if turn:  # the first turn warms the page cache
                    times[name].append(elapsed)
        sizes = {name: (Path(folder) / f"{name}.csv").stat().st_size / 1e6 for name in times}
    assert counts["atelier"] == counts["raw"], counts
    median = {name: statistics.median(v) * 1000 for name, v in times.items()}
    for name, label in (("raw", "sqlite3 + csv brut"), ("atelier", "Atelier (registre)")):
        print(f"{label:28}{median[name]:>7.0f} ms  {counts[name]} lignes, {sizes[name]:.1f} Mo")
    return [Ratio(f"Registre CSV ({counts['atelier'] // 1000} 000 l.)", median["atelier"], median["raw"], "ms")]
