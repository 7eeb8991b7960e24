"""The architecture holds: the core never reaches Qt nor the ui (except the CLI's lazy
entry into the window), the ui keeps its layers, and no module imports in a circle."""

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "atelier"
GUI_PACKAGES = ("PySide6", "shiboken6", "ui")


def lint_imports_command() -> list[str]:
    beside = Path(sys.executable).with_name("lint-imports")
    found = str(beside) if beside.exists() else shutil.which("lint-imports")
    assert found, "import-linter is not installed (pip install -e '.[test]')"
    return [found]


def test_import_linter_contracts_hold():
    result = subprocess.run(
        [*lint_imports_command(), "--no-cache", "pyproject.toml"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    # "No matches for ignored import X" is an error too: every ignore must match an import
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout and "BROKEN" not in result.stdout


def test_the_contract_forbids_qt_and_the_ui_to_the_whole_core():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    assert {"atelier", "ui"} <= set(config["root_packages"])
    assert config.get("include_external_packages") is True  # else PySide6 is invisible
    forbidden = [c for c in config["contracts"] if c["type"] == "forbidden"]
    core = [c for c in forbidden if c["source_modules"] == ["atelier"]]
    assert len(core) == 1, "one contract names the whole atelier package"
    contract = core[0]
    assert {"PySide6", "ui"} <= set(contract["forbidden_modules"])
    for ignored in contract.get("ignore_imports", []):
        importer, imported = (part.strip() for part in ignored.split("->"))
        assert importer == "atelier.cli", ignored
        assert imported == "ui" or imported.startswith("ui."), ignored


def imports_of(tree: ast.AST) -> list[tuple[str, ast.AST, bool]]:
    """(module imported, node, at module level?) for every import in the tree."""
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, node, id(node) in top_level))
    return found


def is_gui(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in GUI_PACKAGES)


def core_modules() -> list[Path]:
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) > 10 and CORE / "cli.py" in modules
    return modules


def test_no_core_module_but_the_cli_imports_qt_or_the_ui_even_inside_functions():
    offenders = []
    for path in core_modules():
        if path.name == "cli.py" and path.parent == CORE:
            continue
        for module, node, _top in imports_of(ast.parse(path.read_text(), str(path))):
            if is_gui(module):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {module}")
    assert offenders == []


def test_the_cli_imports_the_ui_only_inside_functions():
    tree = ast.parse((CORE / "cli.py").read_text())
    gui_imports = [(module, top) for module, _node, top in imports_of(tree) if is_gui(module)]
    assert gui_imports, "the cli is where the window is started: it must import ui somewhere"
    assert [module for module, top in gui_imports if top] == []
    assert not any(module.startswith(("PySide6", "shiboken6")) for module, _ in gui_imports)


def test_the_ast_check_catches_a_hidden_import():
    """The walker must see imports nested in functions, classes and try blocks."""
    tree = ast.parse(
        "import os\n"
        "def f():\n"
        "    try:\n"
        "        from PySide6.QtWidgets import QWidget\n"
        "    except ImportError:\n"
        "        pass\n"
        "class C:\n"
        "    def g(self):\n"
        "        import ui.views.home\n"
    )
    found = {(module, top) for module, _node, top in imports_of(tree)}
    assert ("PySide6.QtWidgets", False) in found and ("ui.views.home", False) in found
    assert ("os", True) in found


def test_the_core_imports_without_qt():
    """Importing every core module in a fresh interpreter loads no Qt module."""
    names = [
        "atelier." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in core_modules() if p.name not in ("__main__.py",)
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def lint_a_copy(tmp_path: Path, module: str, added: str) -> subprocess.CompletedProcess:
    """lint-imports with the same config, on a copy of the tree where ``added`` ends ``module``."""
    for folder in ("atelier", "ui"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    path = tmp_path / module
    path.write_text(path.read_text() + added)
    return subprocess.run(
        [*lint_imports_command(), "--no-cache", "pyproject.toml"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )


def test_the_contract_bites_on_a_copy_that_imports_qt(tmp_path):
    """The same config on a copy of the tree where one core module imports PySide6."""
    result = lint_a_copy(tmp_path, "atelier/clock.py", "\n\ndef _window():\n    from PySide6 import QtWidgets\n")
    assert result.returncode == 1
    assert "BROKEN" in result.stdout and "atelier.clock -> PySide6" in result.stdout


# — no circle anywhere: a module never needs, even lazily, what needs it —

PACKAGES = ("atelier", "ui")


def module_files() -> dict[str, Path]:
    """Every module of atelier/ and ui/ by its dotted name (a package by its own name)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def import_graph(files: dict[str, Path]) -> dict[str, set[str]]:
    """Module → the modules of ours it imports anywhere in it: at the top, inside
    functions and classes, under TYPE_CHECKING. ``from a import b`` counts as an import
    of ``a.b`` when b is a module, else of ``a``; relative imports are resolved."""

    def ours(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for module, path in files.items():
        edges = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                edges.update(ours(alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
                    package = package[:len(package) - node.level + 1]
                    base = ".".join(package + ([node.module] if node.module else []))
                for alias in node.names:
                    edges.add(ours(f"{base}.{alias.name}") if f"{base}.{alias.name}" in files else ours(base))
        graph[module] = edges - {None, module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of two modules or more (Tarjan, iterative)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_import_cycle_in_atelier_or_ui():
    files = module_files()
    assert "ui.main_window" in files and "atelier.cli" in files
    graph = import_graph(files)
    assert "ui.views.home" in graph["ui.main_window"]  # the walker sees our imports
    assert cycles(graph) == []


def test_the_cycle_check_sees_a_lazy_circle(tmp_path):
    """home → workshop at the top, workshop → home inside a function, relatively."""
    (tmp_path / "__init__.py").write_text("")
    (tmp_path / "home.py").write_text("import os\nfrom pkg import workshop\n")
    (tmp_path / "workshop.py").write_text("def go():\n    from .home import start\n")
    (tmp_path / "alone.py").write_text("from pkg.home import start\n")
    files = {"pkg": tmp_path / "__init__.py", **{f"pkg.{n}": tmp_path / f"{n}.py" for n in ("home", "workshop", "alone")}}
    graph = import_graph(files)
    assert graph == {"pkg": set(), "pkg.home": {"pkg.workshop"}, "pkg.workshop": {"pkg.home"}, "pkg.alone": {"pkg.home"}}
    assert cycles(graph) == [["pkg.home", "pkg.workshop"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}) == [["a", "b", "c"]]


def test_every_room_of_the_ui_has_its_layer():
    """A new module or package under ui/ must be placed in the layers contract."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    placed = {name.strip() for layer in layers for name in layer.replace(":", "|").split("|")}
    rooms = {f"ui.{p.stem}" for p in (ROOT / "ui").glob("*.py") if p.name != "__init__.py"}
    rooms |= {f"ui.{p.name}" for p in (ROOT / "ui").iterdir() if (p / "__init__.py").exists()}
    assert rooms - placed == set()
    assert placed - rooms == set()


def test_the_layers_bite_on_a_copy_where_a_model_imports_a_view_lazily(tmp_path):
    result = lint_a_copy(tmp_path, "ui/models/sessions.py", "\n\ndef _home():\n    from ui.views import home\n")
    assert result.returncode == 1
    assert "BROKEN" in result.stdout and "ui.models.sessions -> ui.views.home" in result.stdout


def test_no_module_passes_400_lines():
    """Split by noun before a file grows past a few hundred lines (STYLE.md)."""
    long = {name: lines for name, path in module_files().items()
            if (lines := len(path.read_text().splitlines())) > 400}
    assert long == {}
