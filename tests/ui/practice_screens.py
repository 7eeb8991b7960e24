"""Screenshot scenario for practice mode, called by screenshot_app.py: the learner tiles,
an exercise's instructions, the exercise, the summary, « Mes progrès », the facilitator's
grid and the help flag on the main window, at 100 % and 200 %."""


from atelier import groups, people, results, sessions
from atelier.people import Participant
from atelier.lessons.scoring import Outcome
from ui import modules as library
from ui.theme import apply_theme


def practice_shots(app, store, out, sizes, shown_window, settle, save) -> None:
    from datetime import date

    row = next(r for r in sessions.upcoming(store.db, date.today(), limit=40) if r.session.date == date.today().isoformat()
               and r.session.group_id)
    members = groups.members(store.db, row.session.group_id)
    if len(members) < 3:  # run alone: a few learners of its own, through the core
        added = [people.add(store.db, Participant(first, last)) for first, last in (
            ("Hélène", "Martin"), ("Bernard", "Roux"), ("Hélène", "Petit"), ("Jacqueline", "Girard-Delacroix"))]
        groups.add_members(store.db, row.session.group_id, [p.id for p in added])
        members = groups.members(store.db, row.session.group_id)
    souris = library.all_modules()[0]
    if members and not results.for_learner(store.db, members[0].id):
        for n, exercise in enumerate(souris.exercises[:3]):
            results.record(store.db, members[0].id, souris.id, exercise.id, Outcome(1.0 - 0.3 * n, 6, 90_000),
                           store.device_id)
        if len(members) > 1:
            results.record(store.db, members[1].id, souris.id, souris.exercises[0].id, Outcome(0.5, 9, 60_000),
                           store.device_id)
    for scale, percent in ((1.0, 100), (2.0, 200)):
        apply_theme(app, scale)
        window = shown_window(store)
        window.buttons["exercises"].click()
        view = window.stack.currentWidget()
        save(window, out, f"practice-grid-{percent}", sizes)
        view.group_buttons[0].click()
        shell = view.practice
        settle(shell, active=True)
        shell.picker.focus_first()
        save(shell, out, f"practice-tiles-{percent}", sizes)
        shell.picker.tiles[members[0].id].click()
        save(shell, out, f"practice-home-{percent}", sizes)
        shell.home.next_button.click()
        save(shell, out, f"practice-instructions-{percent}", sizes)
        try:
            shell.instructions.start_button.click()
            save(shell, out, f"practice-exercise-{percent}", sizes)
        except ImportError:
            pass  # the kinds are not there yet
        shell.run_page.clear()
        shell._show_summary(Outcome(0.9, 5, 80_000))
        save(shell, out, f"practice-summary-{percent}", sizes)
        shell._show_summary(Outcome(0.3, 14, 200_000))
        save(shell, out, f"practice-summary-again-{percent}", sizes)
        shell.show_progress()
        save(shell, out, f"practice-progress-{percent}", sizes)
        shell.help_button.click()
        save(shell, out, f"practice-help-{percent}", sizes)
        shell._leave()
        settle(window, active=True)
        save(window, out, f"practice-flag-{percent}", sizes)
        window.findChild(type(shell.flag), "helpFlag").clear()
        window.close()
    apply_theme(app, 1.0)
