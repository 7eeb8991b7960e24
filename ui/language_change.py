"""Réglages → Langue: the program speaks the chosen language at once, without a restart.

A Qt widget keeps the text it was given, so the window's contents are built again in the
new language: its pages (the section on screen comes back, the window keeps its place
and size), a workshop under way at its step with its projector, the practice window.
What that would close unsaved (an open dialog, an exercise under way) is asked about
first; the closing notes' draft survives on its own (ui.views.closing keeps it).
"""

from PySide6.QtWidgets import QApplication, QDialog, QWidget
from shiboken6 import isValid

from atelier.i18n import _, current_language
from atelier import settings
from ui import modules
from ui.qt_language import install_qt_translations
from ui.widgets.confirm import ConfirmDialog

RUNNING = ("instructions", "run_page", "summary")  # the practice screens of an exercise under way


def losses(window) -> list[str]:
    """What a rebuild would close with something not saved in it: the dialogs open over
    the window, an exercise under way in the practice window."""
    found = [dialog.windowTitle() or _("une fenêtre ouverte") for dialog in window.findChildren(QDialog)
             if dialog.isVisible()]
    for practice in practice_windows(window):
        if practice.stack.currentWidget() in [getattr(practice, name) for name in RUNNING]:
            found.append(_("l'exercice en cours dans l'entraînement"))
    return found


def practice_windows(window) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget, "practice") if w.isVisible()]


def change_language(window, code: str) -> ConfirmDialog | None:
    """Speak ``code`` from now on, and keep the choice for this installation; first ask
    when something open would be lost (the question is returned, None when none was).
    A language clicked again while the question is open brings that question forward:
    never a second one over it."""
    asked = getattr(window, "language_question", None)
    if asked is not None and isValid(asked) and asked.isVisible():
        asked.raise_()
        asked.activateWindow()
        return asked
    if code == current_language():
        return None
    lost = losses(window)
    if not lost:
        apply_language(window, code)
        return None
    question = ConfirmDialog(
        _("Changer de langue maintenant ?"),
        _("Ce qui est ouvert sera fermé, et ce qui n'est pas enregistré sera perdu : {what}.").format(
            what=", ".join(lost)),
        _("Changer de langue"), _("Plus tard"), parent=window)
    question.accepted.connect(lambda: apply_language(window, code, close_dialogs=True))
    question.open()
    window.language_question = question
    return question


def apply_language(window, code: str, close_dialogs: bool = False) -> None:
    if close_dialogs:
        for dialog in window.findChildren(QDialog):
            if dialog.isVisible() and dialog is not getattr(window, "language_question", None):
                dialog.reject()
    install_qt_translations(QApplication.instance(), code)
    modules.language_changed()
    on_screen = window.stack.currentWidget()
    section = next((key for key, page in window.pages.items() if page is on_screen), None)
    workshops = [workshop_state(w) for w in window.workshops()]
    flow = on_screen in window.workshops()
    shown = None
    for workshop in window.workshops():
        if workshop is window.stack.currentWidget():
            shown = workshop.session.id
        put_away(window, workshop)
    window.rebuild_pages()
    for state in workshops:
        reopened = reopen_workshop(window, *state)
        if flow and state[0].id == shown:
            shown = reopened
    if flow and shown is not None:
        window.show_flow(shown)
    elif section is not None:
        window.show_section(section)
        chosen = getattr(getattr(window.pages[section], "language", None), "buttons", {}).get(code)
        if chosen is not None:  # Réglages → Langue, built again: the keyboard stays on the choice
            chosen.setFocus()
    reopen_practice(window)
    renew_help_banner(window)
    window.ops.run(settings.set_language, code, parent=window)


def workshop_state(workshop) -> tuple:
    """What a workshop shows beyond its session: the step, the lesson's step, the projector."""
    lesson = workshop.lesson
    return (workshop.session, workshop.current_step(), lesson.index if lesson is not None else None,
            lesson is not None and lesson.projecting())


def put_away(window, workshop) -> None:
    if workshop.lesson is not None and workshop.lesson.projector is not None:
        workshop.lesson.projector.close()
    window.stack.removeWidget(workshop)
    workshop.deleteLater()


def reopen_workshop(window, session, step: int, lesson_step: int | None, projecting: bool):
    workshop = window.open_workshop(session)
    if lesson_step is not None:
        workshop.show_step(1, focus=False)
        workshop.lesson.go_to(lesson_step)
        if projecting:
            workshop.lesson.set_projecting(True)
    workshop.show_step(step, focus=False)
    return workshop


def reopen_practice(window) -> None:
    """The practice window again, for the same people, with the learner who was chosen."""
    from ui.practice.shell import open_practice

    for old in practice_windows(window):
        people, flag, session_id = old.people, old.flag, old.session_id
        learner, guest, module = old.learner, old.guest, module_shown(old)
        old._may_close = True
        old.close()
        new = open_practice(window.ops, people, modules.all_modules(), flag, session_id, parent=window)
        if learner is not None or guest:
            new.choose(learner)  # the same person (or guest), on their home: their results read again
            again = next((m for m in new.modules if m.id == module), None)
            if again is not None:
                new.open_module(again)
        home = window.pages.get("exercises")
        if home is not None:
            home.practice = new
            new.left.connect(home._practice_left)


def module_shown(practice) -> str | None:
    """The module whose list of exercises the learner was in, or whose exercise was open
    (that exercise was asked about and is gone: it starts again from the list)."""
    page = practice.stack.currentWidget()
    if page is practice.menu:
        return practice.menu.module.id
    if page in [getattr(practice, name) for name in RUNNING] and practice.current is not None:
        return practice.current[0].id
    return None


def renew_help_banner(window) -> None:
    """The banner that shows a call for help on this window, in the new language; a call
    showing keeps showing (the window's title, said again by rebuild_pages, gets its
    « Besoin d'aide » back)."""
    from ui.practice.help_flag import HelpBanner, HelpFlag

    flag = window.findChild(HelpFlag, "helpFlag")
    if flag is None:
        return
    for banner in window.findChildren(HelpBanner, "helpBanner"):
        flag.raised.disconnect(banner._raised)  # gone: it must not answer the flag before it is deleted
        flag.cleared.disconnect(banner._cleared)
        window.removeToolBar(banner)
        banner.setObjectName("")  # not found again before it is deleted
        banner.deleteLater()
    banner = HelpBanner(flag, window)
    if flag.is_raised:
        banner.show_call(flag.who)
