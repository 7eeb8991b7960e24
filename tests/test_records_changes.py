"""The records' writes say what they changed, as every write of the core does: the
screens refresh from that and never guess."""

from datetime import date

from atelier import attendance, funder_fields, groups, merge, people, session_removal, sessions, walk_ins
from atelier.changes import Changes, perform
from atelier.sync import summaries


def test_each_records_write_says_what_it_changed(store):
    db = store.db
    group = groups.add(db, groups.Group("Tablette"))
    helene = people.add(db, people.Participant("Hélène", "Martin"))
    twin = people.add(db, people.Participant("HELENE", "martin"))
    session = sessions.add(db, sessions.Session("2026-11-27", "14:00", "16:00", group.id))
    mistake = sessions.add(db, sessions.Session("2026-11-28", "14:00", "16:00", group.id))
    attendance.mark(db, mistake.id, helene.id, attendance.PRESENT)
    summaries.close_session(db, mistake.id, "")
    came = walk_ins.welcome(db, session.id, "Odette", join_group=True)
    cases = [
        ((walk_ins.undo, came), Changes(people=True, groups=True, attendance=True, results=True)),  # the record erased
        ((walk_ins.welcome_known, session.id, twin.id, True), Changes(groups=True, attendance=True)),
        ((groups.add_known_member, group.id, helene.id), Changes(groups=True)),
        ((funder_fields.complete, {helene.id: {"gender": "feminin"}}), Changes(people=True, outbox=True)),
        ((merge.merge, helene.id, twin.id),
         Changes(people=True, groups=True, attendance=True, results=True, outbox=True)),
        # Hélène's first visit moves with the session cancelled and back: the closed one's summary follows
        ((sessions.cancel, session.id), Changes(sessions=True, outbox=True)),
        ((sessions.restore, session.id), Changes(sessions=True, outbox=True)),
        ((sessions.move_to, mistake.id, date(2026, 11, 29)), Changes(sessions=True, outbox=True)),
        ((session_removal.delete, mistake.id),
         Changes(sessions=True, attendance=True, lessons=True, results=True, outbox=True)),
    ]
    for (work, *args), expected in cases:
        assert perform(db, work, *args).changes == expected, work.__qualname__
