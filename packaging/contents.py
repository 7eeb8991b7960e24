"""What the bundle takes in: every module and data file of Atelier's two packages.

The pages (ui/pages.py) and the exercise kinds are imported by name at run time, out
of the analysis' sight; collecting every module of ``atelier`` and ``ui`` keeps the
ones others add covered without a list to keep up. Plain Python, used by atelier.spec
and by the tests.
"""

from pathlib import Path

PACKAGES = ("atelier", "ui")


def modules_and_data(root: Path, package: str) -> tuple[list[str], list[tuple[str, str]]]:
    """(every module name, every (data file, folder in the bundle)) of ``root/package``."""
    modules, data = [], []
    for path in sorted((root / package).rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        relative = path.relative_to(root)
        if path.suffix == ".py":
            parts = relative.with_suffix("").parts
            modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
        elif path.suffix not in (".pyc", ".pyo"):
            data.append((str(path), str(relative.parent)))
    return modules, data


def everything(root: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """Both packages' modules, and their data plus the lessons and assets folders."""
    modules, data = [], [(str(root / "lessons"), "lessons"), (str(root / "assets"), "assets")]
    for package in PACKAGES:
        found_modules, found_data = modules_and_data(root, package)
        modules += found_modules
        data += found_data
    return modules, data
