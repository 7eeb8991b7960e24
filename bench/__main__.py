"""``python -m bench [NAME ...] [--explain]``: every benchmark, then one summary.

A later benchmark (opening the roll call, exports, the typing exercise's key handler)
is a module here with ``run(home) -> list[Ratio]``, added to BENCHMARKS below.
``--explain`` also profiles Atelier's start-up (imports and cProfile).
"""

import argparse
import sys
import time

from bench import coordination, exports_csv, fivey, hub_merge, rollcall, sheets, startup, sync_push, typing_keys

BENCHMARKS = {
    "startup": startup.run,
    "rollcall": rollcall.run,
    "typing": typing_keys.run,
    "exports-csv": exports_csv.run,
    "sheets": sheets.run,
    "sync-push": sync_push.run,
    "hub-merge": hub_merge.run,
    "coordination": coordination.run,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("names", nargs="*", metavar="NOM", help=f"parmi {', '.join(BENCHMARKS)} ; par défaut : tous")
    parser.add_argument("--explain", action="store_true", help="profiler le démarrage d'Atelier")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"banc d'essai inconnu : {', '.join(unknown)}")
    started = time.perf_counter()
    home = fivey.ready()
    ratios = []
    for name in args.names or BENCHMARKS:
        ratios += BENCHMARKS[name](home)
    if args.explain:
        startup.explain(home)

    print("\n== Résumé ==")
    print(f"{'':28}{'Atelier':>12}{'référence':>12}{'rapport':>9}   objectif")
    for r in ratios:
        print(f"{r.label:28}{r.value:>9.0f} {r.unit:<3}{r.reference:>8.0f} {r.unit:<3}{r.ratio:>8.2f}"
              f"   ≤ {r.goal:g} : {r.verdict}")
    print(f"(banc d'essai en {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
