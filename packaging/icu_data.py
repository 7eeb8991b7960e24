"""ICU's data for the UI languages only: Linux bundles lose 27 of ICU's 32 MB.

Qt's core links to ICU, whose data library (libicudata) holds every language's
collation, names, units and currencies, the Chinese and Thai dictionaries and the
Asian character sets. The bundle gets a library of the same name and symbol holding
the same data for French, English and the root locale only (ICU's documented way to
trim data, with its own ``icupkg`` tool), built with the system's assembler. Without
``icupkg`` or a C compiler the full library stays and the build says so.
"""

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path, PurePath

LANGUAGES = ("fr", "en")
LOCALE_FILE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9_]+)?\.res$")  # fr.res, fr_CA.res, zh_Hant_TW.res
BIG_CHARSET = 64 * 1024  # the Asian multi-byte tables; one-byte ones (cp1252…) are a few kB


def unwanted(names: Iterable[str], size_of) -> set[str]:
    """The package items Atelier never asks for: other languages' locale data,
    transliteration, the break dictionaries of Asian scripts, multi-byte charsets."""
    drop = set()
    for name in names:
        folder, _sep, base = name.rpartition("/")
        locale = LOCALE_FILE.match(base) if base != "res_index.res" else None  # each tree's index stays
        if locale and locale.group(1) not in LANGUAGES:
            drop.add(name)
        elif base.endswith(".dict") or folder == "translit":
            drop.add(name)
        elif base.endswith(".cnv") and size_of(name) > BIG_CHARSET:
            drop.add(name)
    return drop


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True)


def extract(library: Path) -> tuple[str, bytes]:
    """The data symbol's name (icudt73_dat) and its bytes: the whole ICU package."""
    symbols = _run("nm", "-D", "-S", "--defined-only", str(library)).stdout
    found = re.search(r"^([0-9a-f]+) ([0-9a-f]+) \w (icudt\d+_dat)$", symbols, re.M)
    if not found:
        raise RuntimeError(f"pas de données ICU dans {library}")
    address, size, symbol = int(found.group(1), 16), int(found.group(2), 16), found.group(3)
    for line in _run("readelf", "-lW", str(library)).stdout.splitlines():
        fields = line.split()
        if fields[:1] == ["LOAD"]:
            offset, vaddr, filesize = int(fields[1], 16), int(fields[2], 16), int(fields[4], 16)
            if vaddr <= address < vaddr + filesize:
                data = library.read_bytes()
                start = offset + address - vaddr
                return symbol, data[start:start + size]
    raise RuntimeError(f"données ICU introuvables dans {library}")


def trim(package: Path, out: Path, work: Path) -> None:
    """``package`` less the unwanted items, written to ``out`` with icupkg."""
    items = work / "items"
    shutil.rmtree(items, ignore_errors=True)
    items.mkdir(parents=True)
    names = _run("icupkg", "-l", str(package)).stdout.split()
    subprocess.run(["icupkg", "-x", "*", "-d", str(items), str(package)], check=True, capture_output=True)
    drop = unwanted(names, lambda name: (items / name).stat().st_size)
    removal = work / "remove.txt"
    for _attempt in range(5):  # an item that needs a removed one goes too (coll/de_.res needs coll/de.res)
        removal.write_text("\n".join(sorted(drop)) + "\n")
        done = _run("icupkg", "-r", str(removal), str(package), str(out))
        needing = {item for item, needed in re.findall(r"Item (\S+) depends on missing item (\S+)",
                                                        done.stdout + done.stderr) if not needed.endswith(".dict")}
        if not needing - drop:
            break
        drop |= needing
    # Only the break rules still name the dictionaries; ICU breaks such text without them.
    subprocess.run(["icupkg", "--ignore-deps", "-r", str(removal), str(package), str(out)],
                   check=True, capture_output=True)


def build(library: Path, work: Path) -> Path:
    """A libicudata of the same name and symbol holding the trimmed package."""
    work.mkdir(parents=True, exist_ok=True)
    symbol, package = extract(library)
    name = symbol.removesuffix("_dat") + "l.dat"  # icudt73l.dat: icupkg checks the name inside
    (work / "trimmed").mkdir(exist_ok=True)
    whole, trimmed = work / name, work / "trimmed" / name
    whole.write_bytes(package)
    trim(whole, trimmed, work)
    source = work / "icudata.S"
    source.write_text(
        f'.section .rodata\n.globl {symbol}\n.type {symbol}, @object\n.balign 16\n'
        f'{symbol}:\n.incbin "{trimmed}"\n.size {symbol}, . - {symbol}\n'
        '.section .note.GNU-stack,"",@progbits\n')
    out = work / library.name
    subprocess.run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(out), str(source)],
                   check=True, capture_output=True)
    return out


def slimmed(binaries: list[tuple], work: Path) -> list[tuple]:
    """PyInstaller's binaries with libicudata replaced by the trimmed one, when it can be built."""
    result = []
    for name, source, kind in binaries:
        if PurePath(name).name.startswith("libicudata.so"):
            try:
                trimmed = build(Path(source), work / "icu")
                print(f"ICU : {Path(source).stat().st_size / 1e6:.0f} Mo → {trimmed.stat().st_size / 1e6:.1f} Mo "
                      f"(langues {', '.join(LANGUAGES)})")
                source = str(trimmed)
            except (OSError, RuntimeError, subprocess.CalledProcessError) as problem:
                print(f"ICU laissé entier ({problem}) : installez icu-devtools et gcc pour un paquet plus petit.",
                      file=sys.stderr)
        result.append((name, source, kind))
    return result
