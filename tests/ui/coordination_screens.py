"""Demo-like sites for the Coordination screen: three sites (one with two PCs) run weekly
workshops for most of a year, close them, and push their summaries to a folder hub; one
stray file waits there to be refused. Used by the screenshots and the screen's tests."""

import random
from datetime import date, timedelta
from pathlib import Path

from atelier import attendance, groups, people, sessions, settings
from atelier.store import Store
from atelier.sync import push as pushing, summaries
from atelier.sync.folder import FolderHub

SECRET = "le-code-secret-des-amis-du-quartier"
SITES = (("Maison des Tilleuls", 2), ("Médiathèque Jules Verne", 1), ("Centre social La Passerelle", 1))
FIRST_NAMES = ("Hélène", "Gérard", "Odette", "Raymond", "Yvette", "André", "Simone", "Lucien", "Josiane", "Maurice",
               "Colette", "René", "Denise", "Bernard")


def fill_device(folder: Path, site: str, index: int, today: date, weeks: int) -> Store:
    """One PC of a site: a group of eight and a weekly session closed for ``weeks`` weeks."""
    store = Store.open(folder)
    db = store.db
    settings.put(db, settings.ASSOCIATION, "Les Amis du Quartier")
    settings.put(db, settings.SITE, site)
    settings.set_sync_secret(db, SECRET)
    chance = random.Random(f"{site}-{index}")
    group = groups.add(db, groups.Group(f"Ateliers du {('mardi', 'jeudi', 'vendredi')[index % 3]}", place=site))
    who = [people.add(db, people.Participant(name, f"Habitant{index}{n}", birth_year=1940 + chance.randrange(30),
                                             gender=chance.choice(("feminin", "masculin"))))
           for n, name in enumerate(chance.sample(FIRST_NAMES, 8))]
    for week in range(weeks):
        day = today - timedelta(days=7 * (weeks - week) + index)
        made = sessions.add(db, sessions.Session(day.isoformat(), "14:00", "16:00", group.id,
                                                 module_id=chance.choice(("la-souris", "le-clavier"))))
        attendance.set_statuses(db, made.id, {person.id: attendance.PRESENT for person in who
                                               if chance.random() < 0.7})  # one transaction a session
        summaries.close_session(db, made.id, "")
    return store


def demo_hub(root: Path, today: date, weeks: int = 40) -> Path:
    """The hub folder, filled by every site's PCs; a refused file in it too."""
    hub = root / "partage"
    hub.mkdir(parents=True, exist_ok=True)
    for site, machines in SITES:
        for index in range(machines):
            store = fill_device(root / f"{pushing.site_folder(site)}-{index}", site, index, today, weeks - 6 * index)
            try:
                report = pushing.push(store.db, FolderHub(hub), site, store.device_id, sleep=lambda _s: None)
                assert report.error is None, report
                stray = hub / "atelier" / pushing.site_folder(site) / store.device_id / "notes-de-claire.json"
                if index == 1:
                    stray.write_text("{}", encoding="utf-8")
            finally:
                store.close()
    return hub


def coordination_shots(app, store, out: Path, sizes: dict, shown_window, settle, save) -> None:
    """The Coordination page over demo-like sites, pulled through its own button, at 100 % and
    200 %: its top, its chart and table, and its lists at the bottom."""
    import tempfile

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QScrollArea

    from ui.theme import apply_theme

    hub = demo_hub(Path(tempfile.mkdtemp(prefix="atelier-hub-")), date.today())
    settings.set_hub(store.db, str(hub), coordinator=True)
    for scale, percent in ((1.0, 100), (2.0, 200)):
        apply_theme(app, scale)
        window = shown_window(store)
        window.buttons["coordination"].click()
        page = window.stack.currentWidget()
        page.pull_button.click()
        while window.pull.state.kind != "done" or page.loading or page.reload_timer.isActive():
            QTest.qWait(20)
        page.pull_button.setFocus()
        save(window, out, f"coordination-{percent}", sizes)
        scroller = page.findChild(QScrollArea)
        scroller.ensureWidgetVisible(page.chart)
        scroller.ensureWidgetVisible(page.measures["people"])
        page.measures["people"].click()
        page.measures["people"].setFocus()
        save(window, out, f"coordination-chart-{percent}", sizes)
        scroller.verticalScrollBar().setValue(10**6)
        save(window, out, f"coordination-bas-{percent}", sizes)
        window.close()
    apply_theme(app, 1.0)
