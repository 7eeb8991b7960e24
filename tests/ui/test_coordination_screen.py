"""The Coordination screen, driven with real widgets over a real folder hub that two real
sites (second databases, tests/coordination_world.py) wrote: shown only at the
coordination, « Récupérer maintenant » merges their files, the site and period choices
change the figures, the background pull brings new files in by itself, errors in French."""

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from atelier import settings
from tests.coordination_world import (
    MEDIATHEQUE_FOLDER, TILLEULS_FOLDER, close, correct_b2, make_coordinator, push, pushed_sites,
)
from ui import hub_pull, sync_runner
from ui.views.coordination import CoordinationView

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    monkeypatch.setattr(hub_pull, "START_DELAY_MS", 60_000)  # the tests pull when they say so
    monkeypatch.setattr(hub_pull, "AFTER_CHANGE_MS", 60_000)
    yield
    assert not [t for t in threading.enumerate() if t.name == "atelier-sync" and t.is_alive()], "a sync thread leaked"


@pytest.fixture
def sites(tmp_path):
    """The hub folder, with the Tilleuls' and the Médiathèque's files (and a stray one)."""
    hub, made = pushed_sites(tmp_path)
    stray = next((hub / "atelier" / MEDIATHEQUE_FOLDER).iterdir()) / "brouillon.json"
    stray.write_text("{}", encoding="utf-8")
    yield hub, made
    close(made)


def coordination_page(window, qtbot) -> CoordinationView:
    qtbot.mouseClick(window.buttons["coordination"], LEFT)
    page = window.stack.currentWidget()
    assert isinstance(page, CoordinationView)
    return page


def pulled(qtbot, window, page, click: bool = True) -> None:
    """« Récupérer maintenant », then until the pull ended and the figures were read again."""
    if click:
        qtbot.mouseClick(page.pull_button, LEFT)
    qtbot.waitUntil(lambda: window.pull.state.kind == hub_pull.DONE and not page.loading
                    and not page.reload_timer.isActive(), timeout=15000)


def totals(page) -> tuple[str, ...]:
    return tuple(page.totals[key].text() for key in ("sessions", "people", "hours", "attendances"))


def texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget))


def test_the_section_shows_only_at_the_coordination(store, open_window, qtbot):
    window = open_window()
    assert not window.buttons["coordination"].isVisible()
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    box = window.stack.currentWidget().sync.coordinator
    assert "« Coordination » apparaît" in texts(window.stack.currentWidget())
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        box.click()
    assert window.buttons["coordination"].isVisible() and settings.is_coordinator(store.db)
    page = coordination_page(window, qtbot)
    qtbot.waitUntil(lambda: page.overview is not None, timeout=5000)
    assert "Choisissez d'abord le partage" in page.pull_state.text()
    assert "Aucun fichier reçu" in texts(page.devices) and not page.busy.isVisible()
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        window.stack.currentWidget().sync.coordinator.click()
    assert not window.buttons["coordination"].isVisible()


def test_pull_now_merges_every_sites_files_and_the_site_choice_changes_the_figures(store, open_window, qtbot,
                                                                                   sites):
    hub, _made = sites
    make_coordinator(store, hub)
    window = open_window()
    page = coordination_page(window, qtbot)
    qtbot.waitUntil(lambda: page.overview is not None, timeout=5000)
    assert totals(page) == ("0", "0", "0", "0")
    pulled(qtbot, window, page)
    report = window.pull.state.report
    assert (report.files_merged, report.rejected) == (2, 1)
    assert "2 fichiers reçus, 1 refusé" in page.pull_state.text()
    assert totals(page) == ("4", "4", "7", "7")  # Hélène, at both sites, is one person
    assert [page.site.itemText(i) for i in range(page.site.count())] == [
        "Tous les sites", "Maison des tilleuls", "Mediatheque jules verne"]
    devices = texts(page.devices)
    assert "Maison des tilleuls" in devices and "Dernier fichier (n° 1) reçu aujourd'hui à" in devices
    rejects = texts(page.rejects)
    assert "brouillon.json" in rejects and "nom de fichier inattendu" in rejects

    page.site.setCurrentIndex(page.site.findData(TILLEULS_FOLDER))
    assert totals(page) == ("2", "2", "4", "3")
    assert "Mediatheque" not in texts(page.devices) and texts(page.rejects) == "Aucun fichier refusé."
    march = next(t for t in page.overview.of(TILLEULS_FOLDER).months if t.month == "2026-03")
    assert dict(page.chart.bars)["2026-03"] == march.sessions == 2
    qtbot.mouseClick(page.measures["people"], LEFT)
    assert page.measures["people"].isChecked() and not page.measures["sessions"].isChecked()
    assert dict(page.chart.bars)["2026-03"] == 2 and page.chart.accessibleName() == "Graphique : Personnes par mois"
    page.site.setCurrentIndex(0)
    assert dict(page.chart.bars)["2026-03"] == 4


def test_the_period_choice_reads_the_year(store, open_window, qtbot, sites):
    hub, _made = sites
    make_coordinator(store, hub)
    window = open_window()
    page = coordination_page(window, qtbot)
    pulled(qtbot, window, page)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.period.setCurrentIndex(page.period.findData(2025))
    assert totals(page) == ("0", "0", "0", "0") and page.overview.first.year == 2025
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.period.setCurrentIndex(page.period.findData(2026))
    assert [bar[0] for bar in page.chart.bars][0] == "2026-01" and totals(page)[0] == "4"


def test_the_background_pull_brings_a_correction_in_by_itself(store, open_window, qtbot, sites, monkeypatch):
    hub, made = sites
    make_coordinator(store, hub)
    monkeypatch.setattr(hub_pull, "START_DELAY_MS", 50)
    monkeypatch.setattr(sync_runner, "EVERY_MS", 300)
    window = open_window()
    page = coordination_page(window, qtbot)
    qtbot.waitUntil(lambda: totals(page) == ("4", "4", "7", "7"), timeout=15000)  # at start, by itself
    correct_b2(made[1])  # Chantal came after all: the Médiathèque sends version 2
    push(made[1], hub)
    qtbot.waitUntil(lambda: totals(page)[3] == "8", timeout=15000)  # a few minutes later, by itself
    assert store.db.execute("SELECT max(version) FROM hub_summaries WHERE site = ?",
                            [MEDIATHEQUE_FOLDER]).fetchone()[0] == 2


def test_an_unplugged_hub_is_said_in_french_and_nothing_is_lost(store, open_window, qtbot, tmp_path):
    make_coordinator(store, tmp_path / "cle-usb")
    window = open_window()
    page = coordination_page(window, qtbot)
    qtbot.mouseClick(page.pull_button, LEFT)
    qtbot.waitUntil(lambda: window.pull.state.kind == hub_pull.OFFLINE, timeout=10000)
    said = page.pull_state.text()
    assert said.startswith("Le partage ne répond pas : Le dossier du partage est introuvable")
    assert "clé USB débranchée" in said and "Nouvel essai" in said and "Traceback" not in said
    assert page.pull_button.isEnabled()
    assert store.db.execute("SELECT count(*) FROM hub_checkpoints").fetchone()[0] == 0


def test_a_big_first_pull_goes_to_the_worker_in_batches(store, open_window, qtbot, sites, monkeypatch):
    """One file a batch, at most one waiting: every file still merged, the progress shown."""
    hub, _made = sites
    make_coordinator(store, hub)
    monkeypatch.setattr(hub_pull, "BATCH_FILES", 1)
    monkeypatch.setattr(hub_pull, "WAITING_BATCHES", 1)
    window = open_window()
    page = coordination_page(window, qtbot)
    seen = []
    window.pull.state_changed.connect(lambda state: seen.append((state.kind, state.read, state.total)))
    pulled(qtbot, window, page)
    running = [s for s in seen if s[0] == hub_pull.RUNNING and s[2]]
    assert [read for _kind, read, _total in running] == [0, 1, 2, 3] and running[0][2] == 3
    assert window.pull.state.report.files_merged == 2 and totals(page)[0] == "4"



def test_turning_coordination_on_pulls_soon_by_itself(store, open_window, qtbot, sites, monkeypatch):
    hub, _made = sites
    settings.set_hub(store.db, str(hub))  # a site's PC so far: nothing pulled
    monkeypatch.setattr(hub_pull, "AFTER_CHANGE_MS", 50)
    window = open_window()
    assert window.pull.state.kind == hub_pull.OFF
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    window.stack.currentWidget().sync.coordinator.click()
    qtbot.waitUntil(lambda: window.pull.state.kind == hub_pull.DONE, timeout=15000)
    assert store.db.execute("SELECT count(*) FROM hub_checkpoints").fetchone()[0] == 2
    assert window.buttons["coordination"].isVisible()


def test_a_webdav_hub_asks_for_its_password_then_is_pulled(store, open_window, qtbot, sites):
    from tests.hub_server import PASSWORD, USER, running_dav_server

    hub, _made = sites
    with running_dav_server(hub) as url:
        settings.set_hub(store.db, url, USER, coordinator=True)
        window = open_window()
        page = coordination_page(window, qtbot)
        qtbot.mouseClick(page.pull_button, LEFT)
        assert window.pull.state.kind == hub_pull.FAILED
        assert "mot de passe du serveur est à indiquer dans Réglages" in page.pull_state.text()
        window.sync.set_password(url, USER, PASSWORD)  # as typed in Réglages, in memory only
        pulled(qtbot, window, page)
        assert totals(page) == ("4", "4", "7", "7") and window.pull.state.report.rejected == 1
