"""Réglages: saved as they change, the text size and the contrast applied at once to the
whole program, the facilitator's code chosen and changed."""

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from atelier import pin, settings
from ui import theme
from ui.app import start
from ui.widgets.pin_dialog import guard
from ui.views.settings import SettingsView
from tests.disks import fill, small_disk  # noqa: F401 (fixture)
from waits import laid_out

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def page(open_window, qtbot):
    """The settings page of a shown window: (window, view)."""
    window = open_window()
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    view = window.stack.currentWidget()
    assert isinstance(view, SettingsView)
    return window, view


def next_stop(widget):
    """The next widget Tab may stop on (labels and frames between are passed over)."""
    following = widget.nextInFocusChain()
    while not following.focusPolicy() & Qt.FocusPolicy.TabFocus:
        following = following.nextInFocusChain()
    return following


def click_and_wait(qtbot, window, widget):
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.mouseClick(widget, LEFT)


def test_names_are_saved_as_they_change_and_the_title_follows_the_place(store, page, qtbot):
    window, view = page
    view.association.setFocus()
    qtbot.keyClicks(view.association, "Les Amis du Quartier")
    with qtbot.waitSignal(window.ops.changed, timeout=5000):  # the pause in typing saves it
        pass
    assert settings.get(store.db, settings.ASSOCIATION) == "Les Amis du Quartier"
    qtbot.keyClicks(view.site, "Maison des Tilleuls")
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        view.site.editingFinished.emit()  # leaving the field saves at once
    assert settings.get(store.db, settings.SITE) == "Maison des Tilleuls"
    assert window.windowTitle() == "Atelier — Maison des Tilleuls"
    assert window.home.where.text() == "", "a hidden home does not read on every change"
    window.show_section("home")
    assert window.home.where.text() == "Les Amis du Quartier — Maison des Tilleuls"


def test_facilitators_are_added_and_removed(store, page, qtbot):
    window, view = page
    labels = lambda: [w.text() for w in view.facilitator_list.findChildren(QLabel) if w.isVisibleTo(view)]  # noqa: E731
    assert labels() == ["Aucun nom pour l'instant."]
    for name in ("Claire Martin", "Karim Benali"):
        qtbot.keyClicks(view.new_name, name)
        click_and_wait(qtbot, window, view.add_button)
    qtbot.keyClicks(view.new_name, "Josiane Petit")
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.keyClick(view.new_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: labels() == ["Claire Martin", "Karim Benali", "Josiane Petit"])
    assert view.new_name.text() == ""
    assert [b.accessibleName() for b in view.remove_buttons] == [
        "Retirer Claire Martin", "Retirer Karim Benali", "Retirer Josiane Petit"]
    # the new rows take their place in the Tab order, between the logo and the new name
    assert next_stop(view.site) is view.town and next_stop(view.town) is view.logo.choose
    assert next_stop(view.logo.choose) is view.logo.remove
    assert next_stop(view.logo.remove) is view.remove_buttons[0]
    assert view.remove_buttons[-1].nextInFocusChain() is view.new_name
    click_and_wait(qtbot, window, view.remove_buttons[1])
    assert settings.facilitators(store.db) == ["Claire Martin", "Josiane Petit"]
    qtbot.waitUntil(lambda: labels() == ["Claire Martin", "Josiane Petit"])


def test_text_size_applies_at_once_to_every_screen(store, page, qtbot, qapp):
    window, view = page
    home_margins = window.home.date_label.parentWidget().layout().contentsMargins()
    assert home_margins.left() == 32 and view.size_label.text() == "100\u00a0%"
    assert not view.smaller.isEnabled()
    for expected in ("125", "150", "175", "200"):
        click_and_wait(qtbot, window, view.larger)
        assert view.size_label.text() == f"{expected}\u00a0%"
    assert settings.text_scale(store.db) == 2.0 and theme.current_scale() == 2.0
    assert qapp.font().pointSizeF() == 2 * theme.BASE_POINTS
    assert not view.larger.isEnabled() and view.smaller.isEnabled()
    laid_out(qtbot, window)
    for button in window.buttons.values():  # pages built before the change follow it too
        assert button.height() >= theme.target_px(2.0)
        assert button.fontInfo().pointSizeF() >= 2 * theme.BASE_POINTS - 0.5
    margins = window.home.date_label.parentWidget().layout().contentsMargins()
    assert margins.left() == theme.px(32) == 48
    assert view.preview.fontInfo().pointSizeF() >= 2 * theme.BASE_POINTS - 0.5
    for _ in range(4):
        click_and_wait(qtbot, window, view.smaller)
    assert settings.text_scale(store.db) == 1.0 and view.size_label.text() == "100\u00a0%"
    margins = window.home.date_label.parentWidget().layout().contentsMargins()
    assert margins.left() == 32


def test_high_contrast_applies_at_once(store, page, qtbot, qapp):
    window, view = page
    assert not view.contrast.isChecked()
    click_and_wait(qtbot, window, view.contrast)
    assert settings.high_contrast(store.db) and theme.current_high_contrast()
    laid_out(qtbot, window)
    image = window.grab().toImage()
    corner = image.pixelColor(image.width() - 60, 5).name().upper()
    assert corner == theme.HIGH_CONTRAST.window
    click_and_wait(qtbot, window, view.contrast)
    assert not settings.high_contrast(store.db) and not theme.current_high_contrast()
    image = window.grab().toImage()
    assert image.pixelColor(image.width() - 60, 5).name().upper() == theme.LIGHT.window


def test_the_saved_look_is_applied_at_start_up(home, store, qtbot):
    settings.put(store.db, settings.ASSOCIATION, "Les Amis du Quartier")
    settings.set_text_scale(store.db, 1.5)
    settings.set_high_contrast(store.db, True)
    window = start(home, ask=lambda widget: pytest.fail("nothing to ask"))
    qtbot.addWidget(window)
    try:
        assert theme.current_scale() == 1.5 and theme.current_high_contrast()
        assert QApplication.instance().font().pointSizeF() == 1.5 * theme.BASE_POINTS
    finally:
        window.close()
        window.store.close()


def type_code(qtbot, dialog, *codes):
    for field, code in zip(dialog.fields, codes):
        qtbot.keyClicks(field, code)
    qtbot.mouseClick(dialog.ok, LEFT)


def test_the_facilitator_code_is_chosen_then_changed(store, page, qtbot):
    window, view = page
    assert view.pin_button.text() == "Choisir un code"
    qtbot.mouseClick(view.pin_button, LEFT)
    dialog = view.pin_dialog
    assert dialog.isVisible() and dialog.current is None and len(dialog.fields) == 2
    type_code(qtbot, dialog, "12", "12")
    assert dialog.message.text() == "Le code doit avoir de 4 à 8 chiffres."
    qtbot.keyClicks(dialog.new, "12ab34")  # letters never reach the field
    assert dialog.new.text() == "1234"
    dialog.new.clear()
    type_code(qtbot, dialog, "2580", "2581")
    assert "ne sont pas les mêmes" in dialog.message.text()
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        type_code(qtbot, dialog, "2580", "2580")
    assert pin.check_pin(store.db, "2580")
    assert not dialog.isVisible() and view.pin_button.text() == "Changer le code"
    assert view.pin_status.text() == "Le nouveau code est enregistré."

    qtbot.mouseClick(view.pin_button, LEFT)
    dialog = view.pin_dialog
    assert dialog.current is not None and len(dialog.fields) == 3
    type_code(qtbot, dialog, "0000", "1379", "1379")
    qtbot.waitUntil(lambda: "n'est pas le bon" in dialog.message.text(), timeout=5000)
    assert dialog.isVisible() and pin.check_pin(store.db, "2580")
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        type_code(qtbot, dialog, "2580", "1379", "1379")
    assert pin.check_pin(store.db, "1379") and not pin.check_pin(store.db, "2580")
    assert "1379" not in (settings.get(store.db, pin.KEY) or "")


def test_the_code_dialog_guards_a_way_out(store, open_window, qtbot):
    window = open_window()
    let_through = []
    assert guard(window.ops, window, lambda: let_through.append("sans code")) is None
    assert let_through == ["sans code"]  # no code chosen yet: nothing to guard with
    pin.set_pin(store.db, "2580")
    dialog = guard(window.ops, window, lambda: let_through.append("bon code"))
    assert dialog.isVisible() and dialog.windowTitle() == "Code de l'animateur"
    type_code(qtbot, dialog, "1111")
    qtbot.waitUntil(lambda: dialog.message.text() == "Ce n'est pas le bon code. Essayez encore.", timeout=5000)
    assert dialog.field.text() == "" and let_through == ["sans code"]
    type_code(qtbot, dialog, "2580")
    qtbot.waitUntil(lambda: let_through == ["sans code", "bon code"], timeout=5000)
    assert not dialog.isVisible()


def make_logo(path, fmt: str = "PNG") -> str:
    from PySide6.QtGui import QColor, QImage

    image = QImage(240, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#0B4478"))
    assert image.save(str(path), fmt)
    return str(path)


def test_the_association_logo_is_copied_shown_printed_and_removed(store, page, qtbot, tmp_path):
    import subprocess

    from atelier import demo
    from atelier.exports.sheet import LOGO, sheet_for
    from ui.render.documents import render_sheet

    window, view = page
    logo = view.logo
    assert not logo.remove.isVisible() and logo.picture.text() == "Pas de logo"
    elsewhere = tmp_path / "clé USB"
    elsewhere.mkdir()
    chosen = []
    logo.choose_file = lambda parent, title, filters: chosen.append(filters) or make_logo(elsewhere / "Mon logo.PNG")
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.mouseClick(logo.choose, LEFT)
    assert "*.png" in chosen[0] and "*.svg" in chosen[0]
    copy = store.home / "logo.png"
    assert settings.get(store.db, LOGO) == str(copy) and copy.is_file()
    (elsewhere / "Mon logo.PNG").unlink()  # the original goes away: the copy stays
    assert not logo.picture.pixmap().isNull() and logo.picture.pixmap().width() <= logo.preview_size().width()
    assert logo.remove.isVisible() and not logo.message.isVisible()

    demo.fill(store.db, date(2026, 11, 27))
    session_id = store.db.execute("SELECT id FROM sessions ORDER BY date LIMIT 1").fetchone()[0]
    pdf = render_sheet(sheet_for(store.db, session_id, False), tmp_path / "feuille.pdf")
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(listing.strip().splitlines()) > 2, listing  # two title lines, then one line per image

    # A file that is not a picture: a plain message, nothing changed.
    (tmp_path / "faux.png").write_text("pas une image", encoding="utf-8")
    logo.choose_file = lambda *args: str(tmp_path / "faux.png")
    qtbot.mouseClick(logo.choose, LEFT)
    assert logo.message.isVisible() and "n'est pas une image" in logo.message.text()
    assert settings.get(store.db, LOGO) == str(copy) and copy.read_bytes()[:4] == b"\x89PNG"

    # A JPEG replaces it; the older copy goes.
    logo.choose_file = lambda *args: make_logo(tmp_path / "photo.jpeg", "JPG")
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.mouseClick(logo.choose, LEFT)
    assert settings.get(store.db, LOGO) == str(store.home / "logo.jpg") and not copy.exists()
    assert not logo.message.isVisible()

    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.mouseClick(logo.remove, LEFT)
    assert not settings.get(store.db, LOGO) and not (store.home / "logo.jpg").exists()
    assert sheet_for(store.db, session_id, False).logo_path is None
    pdf = render_sheet(sheet_for(store.db, session_id, False), tmp_path / "sans-logo.pdf")
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(listing.strip().splitlines()) == 2, listing  # no image left on the sheet
    qtbot.waitUntil(lambda: not logo.remove.isVisible())
    assert logo.picture.pixmap().isNull() and logo.picture.text() == "Pas de logo"


def test_an_svg_logo_is_kept_as_svg(store, page, qtbot, tmp_path):
    from atelier.exports.sheet import LOGO

    window, view = page
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60">'
                   '<rect width="120" height="60" fill="#0B4478"/></svg>', encoding="utf-8")
    view.logo.choose_file = lambda *args: str(svg)
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.mouseClick(view.logo.choose, LEFT)
    assert settings.get(store.db, LOGO) == str(store.home / "logo.svg")
    assert not view.logo.picture.pixmap().isNull()
    view.logo.choose_file = lambda *args: None  # the chooser closed without a file: nothing happens
    qtbot.mouseClick(view.logo.choose, LEFT)
    assert settings.get(store.db, LOGO) == str(store.home / "logo.svg") and not view.logo.message.isVisible()


def test_a_logo_that_does_not_fit_leaves_the_previous_one(store, tmp_path, small_disk):
    from atelier.exports.sheet import LOGO
    from atelier.files import WriteError
    from ui.views.logo_setting import store_logo

    first = store_logo(store.db, Path(make_logo(tmp_path / "premier.png")), small_disk, "png")
    kept = first.read_bytes()
    fill(small_disk)
    with pytest.raises(WriteError, match="Le disque est plein"):
        store_logo(store.db, Path(make_logo(tmp_path / "second.png")), small_disk, "png")
    assert first.read_bytes() == kept and settings.get(store.db, LOGO) == str(first)
    assert sorted(os.listdir(small_disk)) == ["filler.bin", "logo.png"]  # no partial copy
