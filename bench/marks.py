"""What a measured process prints for bench/startup.py: "mark <step> <epoch s>" lines as
it goes, then its own peak memory ("peak <kB>"), its processor time ("cpu <ms>") and "ready".

Epoch seconds, so that the runner places each step from the moment it spawned the
process (the interpreter's own start included). The peak is the process's VmHWM: its
own high-water mark, whoever started it (ru_maxrss of a child also counts what its
parent held when it was forked). Standard library only: it runs before Qt is imported,
and the measured scripts import it alone, from their own folder (``from marks import``),
so that nothing of the bench package runs inside them.
"""

import sys
import time


def mark(step: str) -> None:
    print(f"mark {step} {time.time():.6f}", flush=True)


def peak_kb() -> int | None:
    """VmHWM from /proc/self/status (Linux); None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def ready() -> None:
    """The measured moment: the peak so far, the processor time so far, then "ready"."""
    peak = peak_kb()
    if peak is not None:
        print(f"peak {peak}", flush=True)
    print(f"cpu {time.process_time() * 1000:.1f}", flush=True)  # every thread's, the interpreter's start included
    print("ready", flush=True)
    sys.stdout.flush()
