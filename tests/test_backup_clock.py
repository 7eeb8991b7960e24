"""Backups do not trust the wall clock: they are ordered by a sequence in their names.

A PC whose clock jumped years ahead or back still takes its daily backup, and thinning
never deletes the newest one, whatever the dates in the names say.
"""

from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from atelier import backups

UTC = timezone.utc
START = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
ALL_RULES = backups.KEEP_NEWEST + backups.KEEP_DAILY + backups.KEEP_WEEKLY + backups.KEEP_MONTHLY


def a_month_of_daily_backups(store) -> list[backups.Backup]:
    return [backups.take_if_due(store.db, store.backups_dir, START + timedelta(days=n)) for n in range(30)]


def newest(store) -> backups.Backup:
    return backups.list_backups(store.backups_dir)[0]


def test_each_backup_takes_the_next_number_in_its_name(store):
    first = backups.take(store.db, store.backups_dir, "manual", START)
    second = backups.take(store.db, store.backups_dir, "manual", START)  # the same second
    assert (first.seq, second.seq) == (1, 2)
    assert first.path.name == "atelier-n000001-20240601-090000-manual.db"
    assert second.path.name == "atelier-n000002-20240601-090000-manual.db"


def test_a_clock_years_ahead_still_takes_the_daily_backup_and_keeps_it(store):
    a_month_of_daily_backups(store)
    ahead = START + timedelta(days=30 + 365 * 12)
    taken = backups.take_if_due(store.db, store.backups_dir, ahead)
    assert taken is not None and newest(store) == taken
    # The clock is put right again: the backup dated 2036 does not hold the daily one back…
    back = START + timedelta(days=31)
    again = backups.take_if_due(store.db, store.backups_dir, back)
    assert again is not None and newest(store) == again
    assert backups.latest_good(store.backups_dir) == again
    # … and neither newest backup was thinned away
    names = {b.path for b in backups.list_backups(store.backups_dir)}
    assert {taken.path, again.path} <= names
    assert backups.take_if_due(store.db, store.backups_dir, back + timedelta(hours=2)) is None


def test_a_clock_years_back_still_takes_the_daily_backup_and_never_thins_it(store):
    a_month_of_daily_backups(store)
    back = START - timedelta(days=365 * 20)  # a dead BIOS battery: 2004
    taken = backups.take_if_due(store.db, store.backups_dir, back)
    assert taken is not None, "a newest backup dated in the future must not hold the daily one back"
    assert newest(store) == taken and taken.path.exists()
    # Twenty more days on the wrong clock: one a day, and the newest is always there.
    for day in range(1, 21):
        today = back + timedelta(days=day)
        assert backups.take_if_due(store.db, store.backups_dir, today - timedelta(hours=1)) is None
        made = backups.take_if_due(store.db, store.backups_dir, today)
        assert made is not None and newest(store) == made and made.path.exists()
    assert len(backups.list_backups(store.backups_dir)) <= ALL_RULES


def test_backups_named_before_sequences_come_before_every_numbered_one(store):
    folder = store.backups_dir
    folder.mkdir(parents=True, exist_ok=True)
    old = backups.take(store.db, folder, "auto", START)
    renamed = folder / "atelier-20990101-000000-auto.db"  # an old name, dated far ahead
    old.path.rename(renamed)
    made = backups.take(store.db, folder, "manual", START)
    assert made.seq == 1
    assert [b.path for b in backups.list_backups(folder)] == [made.path, renamed]
    assert backups.latest_good(folder).path == made.path


@hypothesis_settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(jumps=st.lists(st.integers(-40 * 365 * 24, 40 * 365 * 24), min_size=1, max_size=25))
def test_whatever_the_clock_does_the_newest_backup_stays_and_the_numbers_climb(tmp_path_factory, jumps):
    """Each start, the clock says any time within forty years either way (in hours)."""
    from atelier.store import Store

    store = Store.open(tmp_path_factory.mktemp("clock"))
    try:
        last = None
        for hours in jumps:
            now = START + timedelta(hours=hours)
            made = backups.take_if_due(store.db, store.backups_dir, now)
            found = backups.list_backups(store.backups_dir)
            if made is not None:
                assert last is None or made.seq == last.seq + 1
                last = made
            else:  # only the newest backup, taken less than a day before this clock, holds it back
                assert last.taken_at <= now < last.taken_at + timedelta(days=1)
            assert found[0] == last and last.path.exists()
            assert len(found) <= ALL_RULES
    finally:
        store.close()
