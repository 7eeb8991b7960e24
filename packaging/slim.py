"""What the bundle leaves out: the Qt plugins, translations and libraries Atelier never opens.

Plain Python, used by atelier.spec on PyInstaller's lists of files (``(name, source,
kind)`` tuples) and tested on its own. The rule for libraries: after the unused plugins
and modules are gone, a shared library stays only if something that stays still loads
it (walked from the Python extension modules, the Python library and the kept plugins),
so the GTK, Wayland and EGL libraries that only the removed plugins needed go too.
"""

import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

# The Qt modules Atelier imports (QtCore, QtGui, QtWidgets, QtPrintSupport; QtSvg for the
# lesson pictures) are kept by the analysis; these never are.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "pydoc_data", "idlelib", "lib2to3", "ensurepip", "venv", "test",
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.QtVirtualKeyboard", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtTextToSpeech",
    "PySide6.QtMultimedia", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSql",
    "PySide6.QtDBus", "PySide6.QtTest", "PySide6.QtUiTools", "PySide6.QtDesigner", "PySide6.QtHelp",
    "PySide6.QtConcurrent", "PySide6.QtXml", "PySide6.QtNetworkAuth", "PySide6.QtWebSockets",
    # httpx's own command line (httpx._main): without them httpx keeps a stub, and loads faster
    "pygments", "rich", "markdown_it", "mdurl",
    # never used (asyncio's thread pools are): without it PyInstaller's start-up hook for it,
    # which imported it at every start (7 ms), is left out too
    "multiprocessing",
    # the test tools installed beside the program in a developer's environment
    "pytest", "_pytest", "pytestqt", "hypothesis", "pip", "setuptools", "pkg_resources",
]

# Plugins kept, by folder, on each platform; every other plugin is left out. On Windows
# the modern Windows style keeps the program looking like the rest of the PC.
PICTURES = {"qjpeg", "qgif", "qwebp", "qsvg"}  # PNG is built into Qt; the packs accept these
KEPT_PLUGINS = {
    "linux": {
        "platforms": {"qxcb", "qoffscreen"},  # X11 (XWayland too), and the self-test's offscreen
        "platforminputcontexts": {"composeplatforminputcontextplugin"},  # dead keys: ^ then e gives ê
        "imageformats": PICTURES,
        "iconengines": {"qsvgicon"},
        "printsupport": {"cupsprintersupport"},
    },
    "win32": {
        "platforms": {"qwindows", "qoffscreen"},
        "styles": {"qmodernwindowsstyle", "qwindowsvistastyle"},
        "imageformats": PICTURES,
        "iconengines": {"qsvgicon"},
        "printsupport": {"windowsprintersupport"},
    },
    "darwin": {
        "platforms": {"qcocoa", "qoffscreen"},
        "styles": {"qmacstyle"},
        "imageformats": PICTURES,
        "iconengines": {"qsvgicon"},
        "printsupport": {"cocoaprintersupport"},
    },
}

# Reading aloud, when the bundle is built with the extra « voix » (PySide6-Addons): the
# QtTextToSpeech module and the platform's engine plugin. It brings libQt6Multimedia and
# libQt6Network with it (3.6 MB); Qt's media plugins (FFmpeg) stay out.
SPEECH_MODULE = "PySide6.QtTextToSpeech"
SPEECH_PLUGINS = {
    "linux": {"texttospeech": {"qtexttospeech_speechd"}},  # speech-dispatcher, with espeak-ng on Debian
    "win32": {"texttospeech": {"qtexttospeech_sapi"}},  # SAPI: every Windows since XP
    "darwin": {"texttospeech": {"qtexttospeech_speech_darwin"}},
}
# speech-dispatcher's client library and PulseAudio's come with the system's speech
# service: a copy of ours would only speak an older protocol to it.
SPEECH_SYSTEM_LIBRARIES = {"linux": {"libspeechd.so.2", "libpulse.so.0"}, "win32": set(), "darwin": set()}

# Libraries every Linux desktop with a printer dialog already has, left to the system with
# the chain they load (Kerberos, GnuTLS, Avahi…: 9 MB). Without CUPS on the PC, Qt's printer
# plugin stays unloaded and documents are still saved as PDF.
SYSTEM_LIBRARIES = {"linux": {"libcups.so.2"}, "win32": set(), "darwin": set()}

# Qt's own words in the UI languages only (French, and English as the second one).
LANGUAGES = ("fr", "en")
TRANSLATION_FAMILIES = ("qt", "qtbase")


def platform_key(platform: str) -> str:
    if platform.startswith("win"):
        return "win32"
    return "darwin" if platform == "darwin" else "linux"


def _parts(name: str) -> tuple[str, ...]:
    return PurePosixPath(name.replace("\\", "/")).parts


def plugin_name(filename: str) -> str:
    """``libqxcb.so`` → ``qxcb``; ``qwindows.dll`` → ``qwindows``."""
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def excluded_modules(speech: bool) -> list[str]:
    """EXCLUDED_MODULES, less QtTextToSpeech when the bundle reads aloud."""
    return [name for name in EXCLUDED_MODULES if not (speech and name == SPEECH_MODULE)]


def kept_plugins(platform: str, speech: bool = False) -> dict[str, set[str]]:
    key = platform_key(platform)
    kept = {folder: set(names) for folder, names in KEPT_PLUGINS[key].items()}
    if speech:
        for folder, names in SPEECH_PLUGINS[key].items():
            kept.setdefault(folder, set()).update(names)
    return kept


def system_libraries(platform: str, speech: bool = False) -> set[str]:
    key = platform_key(platform)
    return SYSTEM_LIBRARIES[key] | (SPEECH_SYSTEM_LIBRARIES[key] if speech else set())


def is_kept_plugin(name: str, platform: str, speech: bool = False) -> bool:
    """False for a Qt plugin Atelier does not use; True for it and for anything else."""
    parts = _parts(name)
    at = parts.index("plugins") if "plugins" in parts else -1
    if at < 0 or len(parts) != at + 3:  # not a plugin: plugins/<folder>/<file>
        return True
    folder, filename = parts[at + 1], parts[-1]
    return plugin_name(filename) in kept_plugins(platform, speech).get(folder, set())


def is_kept_translation(name: str) -> bool:
    """False for Qt's translation files other than qt/qtbase in the UI languages."""
    parts = _parts(name)
    if "translations" not in parts or not parts[-1].endswith(".qm"):
        return True
    family, _sep, language = parts[-1][:-3].rpartition("_")
    return family in TRANSLATION_FAMILIES and language in LANGUAGES


def is_library(name: str) -> bool:
    """A shared library (not a Python extension module, which is a root of the walk)."""
    base = _parts(name)[-1].lower()
    if base.endswith((".pyd", ".abi3.so")) or ".cpython-" in base:
        return False
    return base.endswith((".dll", ".dylib")) or ".so" in base


def is_root(name: str) -> bool:
    """What stays whatever loads it: extension modules, the Python library, plugins."""
    parts = _parts(name)
    base = parts[-1].lower()
    return not is_library(name) or "plugins" in parts or base.startswith(("libpython", "python3"))


def prune_libraries(binaries: list[tuple], imports_of: Callable[[str], Iterable[str]]) -> list[tuple]:
    """Keep the roots and every library that a kept file loads, directly or not.

    ``imports_of(source)`` gives the file names a binary links to (PyInstaller's
    bindepend). Names are matched case-insensitively by their last part.
    """
    by_base: dict[str, list[tuple]] = {}
    for entry in binaries:
        by_base.setdefault(_parts(entry[0])[-1].lower(), []).append(entry)
    kept = {id(e) for e in binaries if is_root(e[0])}
    todo = [e for e in binaries if id(e) in kept]
    while todo:
        entry = todo.pop()
        for needed in imports_of(entry[1]):
            for dependency in by_base.get(_parts(needed)[-1].lower(), ()):
                if id(dependency) not in kept:
                    kept.add(id(dependency))
                    todo.append(dependency)
    return [e for e in binaries if id(e) in kept]


def needed_elf(source: str) -> list[str]:
    """The libraries an ELF file names itself (NEEDED), not the whole chain ldd would list."""
    dynamic = subprocess.run(["readelf", "-d", source], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)


def _link_target(entry: tuple) -> str:
    """Where a PyInstaller SYMLINK entry (name, target relative to the link, "SYMLINK") points."""
    return _normal("/".join((*_parts(entry[0])[:-1], *_parts(entry[1]))))


def slim(binaries: list[tuple], datas: list[tuple], platform: str,
         imports_of: Callable[[str], Iterable[str]], speech: bool = False) -> tuple[list[tuple], list[tuple]]:
    """The bundle's binaries and data without the unused plugins, translations and libraries
    (``speech``: built with the extra « voix », it keeps the speech engine's plugin)."""
    system = system_libraries(platform, speech)
    binaries = [e for e in binaries if is_kept_plugin(e[0], platform, speech) and _parts(e[0])[-1] not in system]
    binaries = prune_libraries(binaries, imports_of)
    datas = [e for e in datas if is_kept_translation(e[0]) and is_kept_plugin(e[0], platform, speech)]
    kept = {"/".join(_parts(e[0])) for e in binaries + datas}
    datas = [e for e in datas if len(e) < 3 or e[2] != "SYMLINK" or _link_target(e) in kept]
    return binaries, datas


def _normal(path: str) -> str:
    """a/b/../c → a/c (a link's target, as a name in the bundle)."""
    out: list[str] = []
    for part in _parts(path):
        if part == "..":
            out = out[:-1]
        elif part != ".":
            out.append(part)
    return "/".join(out)
