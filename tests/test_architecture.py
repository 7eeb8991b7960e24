"""The core never reaches Qt nor the ui, except the CLI's lazy entry into the window."""

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


def test_the_contract_bites_on_a_copy_that_imports_qt(tmp_path):
    """The same config on a copy of the tree where one core module imports PySide6."""
    for folder in ("atelier", "ui"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    clock = tmp_path / "atelier" / "clock.py"
    clock.write_text(clock.read_text() + "\n\ndef _window():\n    from PySide6 import QtWidgets\n")
    result = subprocess.run(
        [*lint_imports_command(), "--no-cache", "pyproject.toml"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode == 1
    assert "BROKEN" in result.stdout and "atelier.clock -> PySide6" in result.stdout
