"""Start-up: Atelier to an interactive home screen, against a bare PySide6 window.

Both are whole processes (interpreter, imports, Qt, data file, window), started the
same way, offscreen, alternately, after one warm-up run each that is not counted (the
first Atelier start of the day also takes the daily backup). Wall time is from spawn
to the line "ready"; peak memory is the child's own ru_maxrss, read with os.wait4.
"""

import os
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from bench import Ratio, root

HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def _env() -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root()), env.get("PYTHONPATH", "")) if p)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def run_once(argv: list[str]) -> dict:
    """One process: seconds to "ready", peak RSS in MB, and the child's own marks (ms)."""
    env = _env()
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, text=True)
    marks, ready_at = {}, None
    for line in child.stdout:
        if line.startswith("mark "):
            step, ms = line[5:].rsplit(" ", 1)
            marks[step] = float(ms)
        elif line.strip() == "ready":
            ready_at = time.perf_counter() - started
    peak_mb = None
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        peak_mb = usage.ru_maxrss / 1024  # kB on Linux
    else:  # pragma: no cover (Windows: no per-child rusage without psutil)
        child.wait()
    errors = child.stderr.read()
    child.stderr.close()
    if ready_at is None or child.returncode != 0:
        raise RuntimeError(f"{argv[0]} n'a pas démarré (code {child.returncode}) :\n{errors}")
    return dict(seconds=ready_at, peak_mb=peak_mb, marks=marks)


def evict(path: Path) -> bool:
    """Drop a file from the OS cache (as after a reboot); False where that is not possible."""
    if not hasattr(os, "posix_fadvise"):
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)
    return True


def cold(home: Path, runs: int = 3) -> list[dict]:
    """Atelier's start-up with its data file out of the OS cache (the first start after boot)."""
    results = []
    for _ in range(runs):
        if not evict(home / "atelier.db"):
            return []
        results.append(run_once([str(HERE / "atelier_window.py"), str(home)]))
    return results


def measure(home: Path, runs: int = RUNS) -> dict[str, list[dict]]:
    commands = {
        "atelier": [str(HERE / "atelier_window.py"), str(home)],
        "bare": [str(HERE / "bare_window.py")],
    }
    for argv in commands.values():  # warm-up: file cache, .pyc, the day's backup
        run_once(argv)
    results = defaultdict(list)
    for _ in range(runs):
        for name, argv in commands.items():
            results[name].append(run_once(argv))
    return results


def run(home: Path) -> list[Ratio]:
    print(f"\n== Démarrage jusqu'à l'écran d'accueil ({RUNS} lancements chacun, hors écran) ==")
    results = measure(home)
    time_ms = {k: statistics.median(r["seconds"] for r in v) * 1000 for k, v in results.items()}
    peak = {k: statistics.median(r["peak_mb"] for r in v) if v[0]["peak_mb"] else float("nan")
            for k, v in results.items()}
    spread = {k: (min(r["seconds"] for r in v) * 1000, max(r["seconds"] for r in v) * 1000)
              for k, v in results.items()}
    print(f"{'':28}{'médiane':>10}{'min–max':>16}{'mémoire max':>14}")
    for name, label in (("bare", "Fenêtre PySide6 nue"), ("atelier", "Atelier (base de cinq ans)")):
        low, high = spread[name]
        print(f"{label:28}{time_ms[name]:>7.0f} ms{low:>8.0f}–{high:.0f} ms{peak[name]:>10.0f} Mo")
    print("Étapes d'Atelier (médianes, ms depuis le début du script ; l'interpréteur démarre avant) :")
    steps = results["atelier"][0]["marks"].keys()
    previous = 0.0
    for step in steps:
        at = statistics.median(r["marks"][step] for r in results["atelier"])
        print(f"  {step:28}{at:>8.0f} ms  (+{at - previous:.0f})")
        previous = at
    first_boot = cold(home)
    if first_boot:
        at = statistics.median(r["seconds"] for r in first_boot) * 1000
        store = statistics.median(r["marks"]["start (store+window)"] - r["marks"]["make_app"] for r in first_boot)
        print(f"Atelier, fichier de données hors du cache (1er démarrage après allumage, {len(first_boot)} fois) : "
              f"{at:.0f} ms, dont ouverture des données et fenêtre {store:.0f} ms")
    return [
        Ratio("Démarrage : temps", time_ms["atelier"], time_ms["bare"], "ms"),
        Ratio("Démarrage : mémoire max", peak["atelier"], peak["bare"], "Mo"),
    ]


def explain(home: Path, top: int = 25) -> None:
    """What Atelier's start-up spends its time on: -X importtime and cProfile of the child."""
    script = [str(HERE / "atelier_window.py"), str(home)]
    env = _env()
    out = subprocess.run([sys.executable, "-X", "importtime", *script], env=env, capture_output=True, text=True)
    packages = defaultdict(int)
    pattern = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")
    for line in out.stderr.splitlines():
        found = pattern.match(line)
        if found:
            packages[found.group(4).strip().split(".")[0]] += int(found.group(1))  # self time, µs
    total = sum(packages.values())
    print(f"\n== Imports (python -X importtime, temps propre par paquet, total {total / 1000:.0f} ms) ==")
    for name, us in sorted(packages.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {name:24}{us / 1000:>8.1f} ms")

    stats_file = root() / "build" / "bench" / "startup.prof"
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats_file), *script], env=env,
                   capture_output=True, check=True)
    import pstats

    print(f"\n== cProfile du processus Atelier (cumulé, {top} premiers ; fichier : {stats_file}) ==")
    pstats.Stats(str(stats_file)).sort_stats("cumulative").print_stats(top)
