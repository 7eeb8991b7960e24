"""Start-up: Atelier to an interactive home screen, against a bare PySide6 window.

Both are whole processes (interpreter, imports, Qt, data file, window), started the
same way, offscreen, alternately, after one warm-up run each that is not counted (the
first Atelier start of the day also takes the daily backup). Wall time is from spawn
to the line "ready"; the steps are placed from the spawn too (bench/marks.py). Peak
memory is each process's own VmHWM, printed by the process itself: the ru_maxrss of a
child of this (large) benchmark process would also count what this one held when it
forked (both sides read 154 MB). One run of each under /usr/bin/time -v checks it.
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
# What the steps of each side add up to, for "where the time goes".
PHASES = {
    "interpreter": "interpréteur Python",
    "import Qt": "imports (Qt)",
    "import Atelier": "imports (Atelier)",
    "application": "application (QApplication, thème)",
    "data + window": "données et fenêtre",
    "window": "fenêtre",
    "show": "affichage",
    "ready": "premier accueil à l'écran",
}


def _env() -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root()), env.get("PYTHONPATH", "")) if p)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    # An installed program has its bytecode cached (pip writes it, a bundle carries it):
    # without the cache every start would compile Atelier's modules again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def script(name: str, *args: str) -> list[str]:
    """The command that runs bench/<name> with this interpreter."""
    return [sys.executable, str(HERE / name), *args]


def run_once(command: list[str]) -> dict:
    """One process: seconds to "ready" and to its end, its own peak in MB, its steps (ms from spawn)."""
    spawned = time.time()
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(), text=True)
    marks, ready_at, peak_kb, cpu_ms = {}, None, None, float("nan")
    for line in child.stdout:
        if line.startswith("mark "):
            step, epoch = line[5:].rsplit(" ", 1)
            marks[step] = (float(epoch) - spawned) * 1000
        elif line.startswith("peak "):
            peak_kb = int(line.split()[1])
        elif line.startswith("cpu "):
            cpu_ms = float(line.split()[1])
        elif line.strip() == "ready":
            ready_at = time.perf_counter() - started
    errors = child.stderr.read()
    child.stderr.close()
    child.wait()
    ended = time.perf_counter() - started
    if ready_at is None or child.returncode != 0:
        raise RuntimeError(f"{command[-1]} n'a pas démarré (code {child.returncode}) :\n{errors}")
    return dict(seconds=ready_at, total=ended, peak_mb=peak_kb / 1024 if peak_kb else float("nan"), cpu_ms=cpu_ms,
                marks=marks)


def time_v_peak_mb(command: list[str]) -> float | None:
    """The peak the system's /usr/bin/time -v reports for one run (None without it)."""
    if not Path("/usr/bin/time").exists():
        return None
    done = subprocess.run(["/usr/bin/time", "-v", *command], env=_env(), capture_output=True, text=True)
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return int(found.group(1)) / 1024 if found else None


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
        results.append(run_once(script("atelier_window.py", str(home))))
    return results


def measure(commands: dict[str, list[str]], runs: int = RUNS) -> dict[str, list[dict]]:
    for command in commands.values():  # warm-up: file cache, .pyc, the day's backup
        run_once(command)
    results = defaultdict(list)
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(run_once(command))
    return results


def median(results: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in results)


def print_steps(label: str, results: list[dict]) -> None:
    """Where the time goes: each step's median, from the spawn, and what it added."""
    print(f"{label} (médianes, ms depuis le lancement) :")
    previous = 0.0
    for step in results[0]["marks"]:
        at = statistics.median(r["marks"][step] for r in results)
        print(f"  {PHASES.get(step, step):36}{at:>7.0f} ms  (+{at - previous:.0f})")
        previous = at
    print(f"  {'fin du processus (fermeture comprise)':36}{median(results, 'total') * 1000:>7.0f} ms")


def compare(results: dict[str, list[dict]], labels: dict[str, str], title: str) -> tuple[dict, dict]:
    """Print both sides' times, spreads, processor times and peaks; the medians of time (ms)
    and peak (MB). The processor time (every thread's, to "ready") hardly moves when other
    work shares the machine, where the wall time does."""
    time_ms = {k: median(v, "seconds") * 1000 for k, v in results.items()}
    peak = {k: median(v, "peak_mb") for k, v in results.items()}
    cpu = {k: median(v, "cpu_ms") for k, v in results.items()}
    print(f"{title:36}{'médiane':>10}{'min–max':>16}{'processeur':>13}{'mémoire max':>14}")
    for name, label in labels.items():
        seconds = [r["seconds"] * 1000 for r in results[name]]
        print(f"{label:36}{time_ms[name]:>7.0f} ms{min(seconds):>8.0f}–{max(seconds):.0f} ms"
              f"{cpu[name]:>10.0f} ms{peak[name]:>10.0f} Mo")
    if all(cpu[name] == cpu[name] for name in labels):  # nan where a side printed none
        first, second = labels
        print(f"Rapport des temps processeur : {cpu[second] / cpu[first]:.2f} (charge de la machine : "
              f"{os.getloadavg()[0]:.1f} sur {os.cpu_count()} cœurs)")
    return time_ms, peak


def run(home: Path) -> list[Ratio]:
    print(f"\n== Démarrage jusqu'à l'écran d'accueil ({RUNS} lancements chacun, hors écran) ==")
    commands = {"bare": script("bare_window.py"), "atelier": script("atelier_window.py", str(home))}
    results = measure(commands)
    time_ms, peak = compare(results, {"bare": "Fenêtre PySide6 nue", "atelier": "Atelier (base de cinq ans)"}, "")
    print_steps("Étapes de la fenêtre nue", results["bare"])
    print_steps("Étapes d'Atelier", results["atelier"])
    checked = {name: time_v_peak_mb(command) for name, command in commands.items()}
    if None not in checked.values():
        print(f"Contrôle par /usr/bin/time -v (un lancement) : fenêtre nue {checked['bare']:.0f} Mo, "
              f"Atelier {checked['atelier']:.0f} Mo")
    first_boot = cold(home)
    if first_boot:
        at = median(first_boot, "seconds") * 1000
        store = statistics.median(r["marks"]["data + window"] - r["marks"]["application"] for r in first_boot)
        print(f"Atelier, fichier de données hors du cache (1er démarrage après allumage, {len(first_boot)} fois) : "
              f"{at:.0f} ms, dont ouverture des données et fenêtre {store:.0f} ms")
    return [
        Ratio("Démarrage : temps", time_ms["atelier"], time_ms["bare"], "ms"),
        Ratio("Démarrage : mémoire max", peak["atelier"], peak["bare"], "Mo"),
    ]


def explain(home: Path, top: int = 25) -> None:
    """What Atelier's start-up spends its time on: -X importtime and cProfile of the child."""
    command = script("atelier_window.py", str(home))
    env = _env()
    out = subprocess.run([command[0], "-X", "importtime", *command[1:]], env=env, capture_output=True, text=True)
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
    subprocess.run([command[0], "-m", "cProfile", "-o", str(stats_file), *command[1:]], env=env,
                   capture_output=True, check=True)
    import pstats

    print(f"\n== cProfile du processus Atelier (cumulé, {top} premiers ; fichier : {stats_file}) ==")
    pstats.Stats(str(stats_file)).sort_stats("cumulative").print_stats(top)

