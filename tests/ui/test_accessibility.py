"""Accessibility on every screen, at 100 % and 200 %, in both themes.

Each screen reachable in the program (every section of the navigation, the workshop
of the day with its projector, every dialog) is shown over a filled database and
audited as a person would meet it: the contrast of the text measured on the rendered
pixels, targets of at least 48 × 48 px, a name for every control, every control
reached by Tab in reading order, and nothing that needs a double-click.
"""

import importlib
import importlib.util
import inspect
import re
from datetime import UTC, date, datetime
from pathlib import Path

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from atelier.i18n import _
from atelier import groups, mentions, people, sessions, settings
from atelier.groups import Group
from atelier.lessons.pack import load_module
from atelier.people import Participant
from atelier.retention import Inactive
from atelier.session_removal import Removal
from atelier.sessions import Session
from a11y import FOCUS_PAIRS, TEXT_PAIRS, audit, colours, controls
from waits import laid_out
from ui import theme

ROOT = Path(__file__).resolve().parents[2]
DEMO_MODULE = ROOT / "tests" / "demo_pack" / "nouveautes"   # a module with a lexique
TODAY = date(2026, 11, 27)  # the conftest's day for open_window()
LOOKS = [(1.0, False), (2.0, False), (1.0, True), (2.0, True)]
LOOK_IDS = ["100", "200", "100-contraste", "200-contraste"]
UNREACHABLE: set[str] = set()  # files under ui/views the walk may leave out
SEEN: set[str] = set()  # modules of every widget audited, for the coverage test


@pytest.fixture(params=LOOKS, ids=LOOK_IDS)
def look(request, qapp):
    scale, high_contrast = request.param
    theme.apply_theme(qapp, scale, high_contrast)
    yield request.param
    theme.apply_theme(qapp, 1.0, False)


@pytest.fixture
def day(store):
    """A group of three, a session today with La souris, the association's names."""
    db = store.db
    settings.put(db, settings.ASSOCIATION, "Les Amis du Quartier")
    settings.put(db, settings.SITE, "Maison des Tilleuls")
    settings.set_facilitators(db, ["Claire Martin"])
    group = groups.add(db, Group("Premiers pas", place="Salle informatique"))
    members = [people.add(db, Participant(first, last)) for first, last in
               (("Hélène", "Durand"), ("Marcel", "Petit"), ("Yvette", "Bernard"))]
    for person in members:
        groups.add_member(db, group.id, person.id)
    session = sessions.add(db, Session(date=TODAY.isoformat(), start_time="14:00", end_time="16:00",
                                       group_id=group.id, place=group.place, module_id="la-souris",
                                       notes="Hélène Durand apporte sa tablette."))
    return {"group": group, "person": members[0], "session": session}


WINDOW_SIZE = (1280, 720)  # a common projector and laptop size


@pytest.fixture
def opened(open_window):
    def opener():
        window = open_window()
        window.resize(*WINDOW_SIZE)
        return window
    return opener


def settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=5000)
    laid_out(qtbot, window)  # what the last answer changed, shown


def check(qtbot, top: QWidget, root: QWidget, what: str) -> None:
    verdict(look_at(qtbot, top, root, what))


def look_at(qtbot, top: QWidget, root: QWidget, what: str) -> list[str]:
    SEEN.update(type(w).__module__ for w in [root, *root.findChildren(QWidget)])
    return [f"{what} : {problem}" for problem in audit(qtbot, top, root)]


def verdict(problems: list[str], what: str = "problèmes") -> None:
    new = [p for p in problems if not any(known in p for known in KNOWN)]
    assert not new, f"{what} :\n  " + "\n  ".join(new)
    if problems:
        pytest.xfail("déjà signalé : " + " ; ".join(problems))


@pytest.mark.parametrize("key", ["home", "groups", "participants", "sessions", "lessons", "exercises", "documents",
                                 "settings"])
def test_every_section(key, look, day, opened, qtbot):
    window = opened()
    qtbot.mouseClick(window.buttons[key], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    check(qtbot, window, window.centralWidget(), f"page « {window.buttons[key].text()} »")


def test_the_coordination_section(look, day, opened, qtbot, store, tmp_path):
    """At the coordination's PC, over two real sites' files: the figures, the chart, the lists."""
    from tests.coordination_world import close, make_coordinator, pull, pushed_sites

    hub, sites = pushed_sites(tmp_path)
    close(sites)
    make_coordinator(store, hub)
    pull(store, hub)
    window = opened()
    qtbot.mouseClick(window.buttons["coordination"], Qt.MouseButton.LeftButton)
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.overview is not None and not page.loading, timeout=5000)
    settle(qtbot, window)
    found = look_at(qtbot, window, window.centralWidget(), "page « Coordination »")
    qtbot.mouseClick(window.buttons["documents"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.stack.currentWidget().sites.isVisible(), "le choix des sites, à la coordination"
    found += look_at(qtbot, window, window.centralWidget(), "page « Documents » à la coordination")
    verdict(found)


def test_the_workshop_of_the_day(look, day, opened, qtbot):
    window = opened()
    start = next((b for b in window.home.findChildren(QPushButton)
                  if b.accessibleName().startswith("Commencer")), None)
    assert start is not None, "pas de bouton « Commencer » sur l'accueil pour la séance du jour"
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    workshop = window.stack.currentWidget()
    found = look_at(qtbot, window, workshop, "l'appel")
    qtbot.mouseClick(workshop.steps[1], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    found += look_at(qtbot, window, workshop, "le guide de la leçon")
    lesson = workshop.lesson
    if hasattr(lesson, "project_button"):
        qtbot.mouseClick(lesson.project_button, Qt.MouseButton.LeftButton)
        projector = lesson.projector
        qtbot.waitExposed(projector)
        found += look_at(qtbot, projector, projector, "la fenêtre du projecteur")
        projector.close()
    qtbot.mouseClick(workshop.steps[2], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    found += look_at(qtbot, window, workshop, "la fin de séance")
    verdict(found)


# (module, how to build the dialog from the window and the day's data)
DIALOGS = {
    "premier-lancement": ("ui.views.first_run", lambda m, w, d: m.FirstRunDialog()),
    "code": ("ui.widgets.pin_dialog", lambda m, w, d: m.PinDialog()),
    "changer-le-code": ("ui.widgets.pin_dialog", lambda m, w, d: m.PinChangeDialog(True)),
    "nouveau-groupe": ("ui.views.group_form", lambda m, w, d: m.GroupForm(w.ops)),
    "modifier-le-groupe": ("ui.views.group_form", lambda m, w, d: m.GroupForm(w.ops, d["group"])),
    "ajouter-des-membres": ("ui.views.member_picker",
                            lambda m, w, d: m.MemberPicker(w.ops, d["group"].id, d["group"].name)),
    "nouveau-participant": ("ui.views.participant_form", lambda m, w, d: m.ParticipantForm(w.ops, today=TODAY)),
    "fiche-participant": ("ui.views.participant_form",
                          lambda m, w, d: m.ParticipantForm(w.ops, d["person"], today=TODAY)),
    "fiche-participant-en-double": ("ui.views.participant_form", lambda m, w, d: m.ParticipantForm(
        w.ops, people.add(w.store.db, replace(d["person"], id="twin")), today=TODAY)),
    "effacer": ("ui.views.erase_dialog", lambda m, w, d: m.EraseDialog(
        d["person"], people.erasure_report(w.store.db, d["person"].id),
        mentions.find(w.store.db, d["person"]))),
    "anonymiser": ("ui.views.retention_dialog", lambda m, w, d: m.RetentionDialog(
        [Inactive(d["person"].id, d["person"].full_name, date(2022, 3, 14)),
         Inactive("x", "Marcel Petit", date(2022, 6, 2))], 3)),
    "planifier-une-seance": ("ui.views.session_form", lambda m, w, d: m.SessionForm(w.ops, "one", None, TODAY)),
    "planifier-une-serie": ("ui.views.session_form", lambda m, w, d: m.SessionForm(w.ops, "series", None, TODAY)),
    "modifier-la-seance": ("ui.views.session_form",
                           lambda m, w, d: m.SessionForm(w.ops, "edit", d["session"], TODAY)),
    "nouveau-venu": ("ui.views.walk_in", lambda m, w, d: m.WalkInDialog(d["group"].name)),
    "feuille-d-emargement": ("ui.views.sheet_dialog", lambda m, w, d: m.SheetDialog(w.ops, d["session"].id)),
    "nouveau-venu-deja-connu": ("ui.views.walk_in", lambda m, w, d: typed(
        m.WalkInDialog(d["group"].name, ops=w.ops), d["person"].last_name, d["person"].first_name)),
    "nouvelle-personne-deja-connue": ("ui.views.participant_form", lambda m, w, d: typed(
        m.ParticipantForm(w.ops, today=TODAY, use_text=_("Ajouter {name} au groupe")), d["person"].first_name,
        d["person"].last_name)),
    "commencer-un-autre-jour": ("ui.views.start_day", lambda m, w, d: m.StartDayDialog(
        replace(d["session"], date="2026-12-04"), TODAY)),
    "supprimer-la-seance": ("ui.views.session_removal", lambda m, w, d: m.removal_dialog(
        None, d["session"], Removal(marks=3, came=2, summarised=True))),
    "fusionner": ("ui.views.merge_dialog", lambda m, w, d: m.MergeDialog(w.ops, d["person"])),
    "completer-les-fiches": ("ui.views.complete_fields", lambda m, w, d: m.CompleteFieldsDialog(
        w.ops, groups.members(w.store.db, d["group"].id))),
    "lexique": ("ui.views.glossary_dialog", lambda m, w, d: m.GlossaryDialog(load_module(DEMO_MODULE))),
    "importer-un-module": ("ui.views.lesson_import", lambda m, w, d: import_dialog(m, w, refused=False)),
    "zip-refuse": ("ui.views.lesson_import", lambda m, w, d: import_dialog(m, w, refused=True)),
    "fichier-abime": ("ui.views.data_file_messages", lambda m, w, d: m.DamagedFileDialog(damaged_file(w))),
}


def damaged_file(window):
    """The start's question about a damaged data file, a good backup to put back."""
    from atelier.backups import Backup
    from atelier.db import DamagedDatabaseError

    error = DamagedDatabaseError("", window.store.path, "*** in database main ***\nTree 12 page 12: "
                                 "btreeInitPage() returns error code 11")
    error.backup = Backup(window.store.backups_dir / "atelier-daily.db",
                          datetime(2026, 11, 29, 20, 56, tzinfo=UTC), "daily", 1)
    return error


def typed(dialog, first: str, last: str):
    """A dialog whose name fields hold a name already known (its « déjà connue » shows)."""
    fields = (dialog.first[1], dialog.last[1]) if hasattr(dialog, "first") else (dialog.first_name, dialog.last_name)
    for field, text in zip(fields, (first, last)):
        field.setText(text)
    return dialog


def import_dialog(module, window, refused: bool):
    """The import dialog showing what a zip holds (a module replacing an older one), or
    why it is refused."""
    from atelier.lessons import imports
    from tests.lesson_packs import module_zip, write_zip

    user_dir = window.store.home / "lessons"
    folder = user_dir.parent / "zips"
    folder.mkdir(exist_ok=True)
    imports.install(imports.unpack_zip(module_zip(folder / "v1.zip"), user_dir), user_dir)
    zip_path = write_zip(folder / "bad.zip", {"../x.md": b"#"}) if refused else \
        module_zip(folder / "v2.zip", version=2, title="Les fenêtres et les dossiers")
    dialog = module.ImportDialog(window.ops, zip_path, user_dir, window)
    dialog.show_contents(imports.unpack_zip(zip_path, user_dir))
    return dialog

# Found by this walk and reported to the screen's author; still wrong. Each entry is a
# piece of the message: such a problem makes the test xfail, any other one fails it, so
# nothing new slips in. Remove an entry once the screen is mended.
KNOWN = {
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog(name, look, day, opened, qtbot):
    module_name, build = DIALOGS[name]
    window = opened()
    dialog = build(importlib.import_module(module_name), window, day)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, window)
    check(qtbot, dialog, dialog, f"fenêtre « {dialog.windowTitle()} »")
    dialog.close()


def test_the_walk_saw_every_screen():
    """Each file under ui/views that defines a widget was met in the walk above."""
    if not SEEN:
        pytest.skip("run with the walk above")
    missing = []
    for path in sorted((ROOT / "ui" / "views").glob("*.py")):
        name = f"ui.views.{path.stem}"
        module = importlib.import_module(name)
        widgets = [c for _, c in inspect.getmembers(module, inspect.isclass)
                   if issubclass(c, QWidget) and c.__module__ == name]
        if widgets and name not in SEEN and name not in UNREACHABLE:
            missing.append(name)
    assert not missing, "écrans jamais montrés par ce test (ajoutez-les au parcours) : " + ", ".join(missing)


def test_nothing_needs_a_double_click():
    """Only the practice exercises, which teach it, may listen for a double-click."""
    pattern = re.compile(r"mouseDoubleClickEvent|doubleClicked|DoubleClicked")
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if "practice" in path.relative_to(ROOT / "ui").parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line) and "NoEditTriggers" not in line:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.HIGH_CONTRAST], ids=["clair", "contraste"])
def test_the_theme_colours_reach_7_to_1(palette):
    for what, fg, bg in colours(palette, TEXT_PAIRS):
        assert theme.contrast_ratio(fg, bg) >= 7, f"{what}: {fg} sur {bg}"
    for what, ring, around in colours(palette, FOCUS_PAIRS):
        assert theme.contrast_ratio(ring, around) >= 3, f"{what}: {ring} sur {around}"


def test_the_audit_finds_what_it_looks_for(qtbot, qapp):
    """The checks themselves: a tiny, nameless, grey-on-grey button is caught."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    page = QWidget()
    qtbot.addWidget(page)
    column = QVBoxLayout(page)
    bad = QPushButton("?")
    bad.setFixedSize(20, 20)
    faint = QLabel("Texte pâle")
    faint.setStyleSheet("color: #999999;")
    column.addWidget(bad)
    column.addWidget(faint)
    page.show()
    qtbot.waitExposed(page)
    problems = " ".join(audit(qtbot, page, page))
    assert "trop petit" in problems and "sans nom" in problems and "contraste" in problems
    assert controls(page) == [bad]
    QApplication.processEvents()
