"""The bundle's parts (packaging/*.py): what it takes in, what it leaves out, its icon,
version and archive. The build itself is tests/test_bundle.py (slow)."""

import importlib
import importlib.util
import struct
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import contents  # noqa: E402
import icons  # noqa: E402
import icu_data  # noqa: E402
import slim  # noqa: E402
import windows_version  # noqa: E402


def load_build_script():
    """packaging/build.py under a name of its own (``build`` is also a PyPI package)."""
    spec = importlib.util.spec_from_file_location("atelier_packaging_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_page_and_kind_is_in_what_the_bundle_collects():
    """Pages and kinds are imported by name at run time: the analysis cannot see them."""
    from ui.pages import PAGES
    from ui.practice.kinds import KIND_WIDGETS

    modules, data = contents.everything(ROOT)
    assert {entry.split(":")[0] for entry in PAGES.values()} <= set(modules)
    assert {kind.__module__ for kind in KIND_WIDGETS.values()} <= set(modules)
    assert {"ui.self_test", "atelier.cli", "ui.app"} <= set(modules)
    targets = {Path(source).name: folder for source, folder in data}
    assert targets["vocabulary.toml"] == "atelier"
    assert targets["summary.schema.json"] == str(Path("atelier") / "sync")
    assert (str(ROOT / "lessons"), "lessons") in data and (str(ROOT / "assets"), "assets") in data
    assert not any(source.endswith((".py", ".pyc")) for source, _folder in data)


def test_only_the_plugins_atelier_uses_stay():
    kept = [name for name in (
        "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so", "PySide6/Qt/lib/libQt6Core.so.6",
    ) if slim.is_kept_plugin(name, "linux")]
    assert kept == ["PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
                    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
                    "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
                    "PySide6/Qt/lib/libQt6Core.so.6"]
    # Windows keeps its native look: the Windows styles and platform
    assert slim.is_kept_plugin("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", "win32")
    assert slim.is_kept_plugin("PySide6\\plugins\\platforms\\qwindows.dll", "win32")
    assert not slim.is_kept_plugin("PySide6\\plugins\\platforms\\qdirect2d.dll", "win32")


def test_qt_translations_only_in_the_ui_languages():
    names = ["PySide6/Qt/translations/qtbase_fr.qm", "PySide6/Qt/translations/qtbase_de.qm",
             "PySide6/Qt/translations/qt_en.qm", "PySide6/Qt/translations/qt_help_fr.qm",
             "PySide6/Qt/translations/qtdeclarative_fr.qm", "lessons/la-souris/module.toml"]
    assert [n for n in names if slim.is_kept_translation(n)] == [
        "PySide6/Qt/translations/qtbase_fr.qm", "PySide6/Qt/translations/qt_en.qm", "lessons/la-souris/module.toml"]


def test_a_library_stays_only_while_something_kept_loads_it():
    links = {"/qt/QtGui.abi3.so": ["libQt6Gui.so.6"], "/qt/libQt6Gui.so.6": ["libQt6Core.so.6", "libpng16.so.16"],
             "/qt/libQt6Core.so.6": ["libicuuc.so.73"], "/qt/libicuuc.so.73": ["libicudata.so.73"],
             "/qt/libqgtk3.so": ["libgtk-3.so.0"], "/sys/libgtk-3.so.0": ["libcairo.so.2"],
             "/sys/libcups.so.2": ["libgnutls.so.30"]}
    binaries = [("PySide6/QtGui.abi3.so", "/qt/QtGui.abi3.so", "EXTENSION"),
                ("PySide6/Qt/lib/libQt6Gui.so.6", "/qt/libQt6Gui.so.6", "BINARY"),
                ("PySide6/Qt/lib/libQt6Core.so.6", "/qt/libQt6Core.so.6", "BINARY"),
                ("PySide6/Qt/lib/libicuuc.so.73", "/qt/libicuuc.so.73", "BINARY"),
                ("PySide6/Qt/lib/libicudata.so.73", "/qt/libicudata.so.73", "BINARY"),
                ("PySide6/Qt/lib/libQt6Network.so.6", "/qt/libQt6Network.so.6", "BINARY"),
                ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/qt/libqgtk3.so", "BINARY"),
                ("libgtk-3.so.0", "/sys/libgtk-3.so.0", "BINARY"), ("libcairo.so.2", "/sys/libcairo.so.2", "BINARY"),
                ("libpng16.so.16", "/sys/libpng16.so.16", "BINARY"), ("libcups.so.2", "/sys/libcups.so.2", "BINARY"),
                ("libgnutls.so.30", "/sys/libgnutls.so.30", "BINARY"),
                ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY")]
    datas = [("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
             ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("PySide6/Qt/translations/qtbase_ja.qm", "/qt/qtbase_ja.qm", "DATA")]
    kept, kept_data = slim.slim(binaries, datas, "linux", lambda source: links.get(source, []))
    assert sorted(e[0] for e in kept) == [
        "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/lib/libicuuc.so.73", "PySide6/QtGui.abi3.so", "libpng16.so.16", "libpython3.11.so.1.0"]
    assert kept_data == [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK")]


def test_icu_keeps_french_english_and_what_every_language_needs():
    names = ["fr.res", "fr_CA.res", "en_GB.res", "de.res", "zh_Hant_TW.res", "root.res", "pool.res",
             "res_index.res", "supplementalData.res", "zoneinfo64.res", "coll/fr.res", "coll/ja.res",
             "coll/ucadata.icu", "brkitr/cjdict.dict", "brkitr/root.res", "translit/root.res",
             "ibm-5348_P100-1997.cnv", "gb18030.cnv", "nfkc.nrm", "unames.icu"]
    sizes = {"gb18030.cnv": 230_000, "ibm-5348_P100-1997.cnv": 2_000}
    assert icu_data.unwanted(names, lambda name: sizes.get(name, 100)) == {
        "de.res", "zh_Hant_TW.res", "coll/ja.res", "brkitr/cjdict.dict", "translit/root.res", "gb18030.cnv"}


def test_the_windows_icon_holds_every_size_as_png(qapp):
    data = icons.ico_bytes({size: icons.png_bytes(size) for size in icons.ICO_SIZES})
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for n, size in enumerate(icons.ICO_SIZES):
        side, _h, _c, _r, _planes, _bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * n)
        assert side == (0 if size == 256 else size)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)


def test_windows_version_numbers():
    assert windows_version.numbers("0.1.0") == (0, 1, 0, 0)
    assert windows_version.numbers("2.10") == (2, 10, 0, 0)
    assert windows_version.version() == importlib.import_module("atelier").__version__


def test_the_archive_holds_the_bundle_folder(tmp_path):
    bundle = tmp_path / "dist" / "atelier"
    (bundle / "_internal" / "lessons").mkdir(parents=True)
    (bundle / "atelier").write_bytes(b"\x7fELF" + bytes(1000))
    (bundle / "_internal" / "lessons" / "module.toml").write_text("id = \"x\"\n")
    packed = load_build_script().archive(bundle, tmp_path / "dist")
    assert packed.parent == tmp_path / "dist" and packed.name.startswith("atelier-")
    if packed.suffix == ".xz":
        with tarfile.open(packed) as archive:
            assert sorted(archive.getnames()) == ["atelier", "atelier/_internal", "atelier/_internal/lessons",
                                                  "atelier/_internal/lessons/module.toml", "atelier/atelier"]
            assert archive.extractfile("atelier/_internal/lessons/module.toml").read() == b'id = "x"\n'


def test_the_speech_engine_stays_only_in_a_bundle_built_with_the_extra():
    speechd = "PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so"
    mock = "PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so"
    media = "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so"
    assert not slim.is_kept_plugin(speechd, "linux")
    assert slim.is_kept_plugin(speechd, "linux", speech=True)
    assert not slim.is_kept_plugin(mock, "linux", speech=True) and not slim.is_kept_plugin(media, "linux", speech=True)
    assert slim.is_kept_plugin("PySide6\\plugins\\texttospeech\\qtexttospeech_sapi.dll", "win32", speech=True)
    assert "PySide6.QtTextToSpeech" in slim.excluded_modules(False)
    assert "PySide6.QtTextToSpeech" not in slim.excluded_modules(True)
    assert "PySide6.QtMultimedia" in slim.excluded_modules(True)  # its library stays, not its Python module
    binaries = [(speechd, "/q/speechd.so", "BINARY"), ("libspeechd.so.2", "/lib/libspeechd.so.2", "BINARY"),
                ("PySide6/Qt/lib/libQt6TextToSpeech.so.6", "/q/tts.so", "BINARY")]
    links = {"/q/speechd.so": ["libspeechd.so.2", "libQt6TextToSpeech.so.6"]}
    kept, _datas = slim.slim(binaries, [], "linux", lambda source: links.get(source, []), speech=True)
    assert [entry[0] for entry in kept] == [speechd, "PySide6/Qt/lib/libQt6TextToSpeech.so.6"]  # the system's own libspeechd
    plain, _datas = slim.slim(binaries, [], "linux", lambda source: links.get(source, []))
    assert plain == []
