"""Where the data folder is: Atelier's own reading of the usual Linux case agrees with
platformdirs, which decides everything else."""

import sys
from contextlib import contextmanager

import platformdirs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from atelier import paths

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the usual case is read on Linux")

UNSET = None
absolute = st.lists(st.text("abé _-.~", min_size=1, max_size=6), min_size=1, max_size=3).map(
    lambda parts: "/" + "/".join(parts))
a_value = st.one_of(
    st.just(UNSET), st.just(""), st.sampled_from([" ", "\t", "/", "//", "~", "~/x", "relatif/dossier", " /espace"]),
    absolute, absolute.map(lambda path: path + "/"), st.text(max_size=8).filter(lambda t: "\x00" not in t))


@contextmanager
def environment(**values):
    """Each variable set to its value (UNSET: none) for the block, put back after."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in values.items():
            if value is UNSET:
                patch.delenv(name, raising=False)
            else:
                patch.setenv(name, value)
        yield


@given(data=a_value, user=a_value)
@example(data=UNSET, user="/home/josiane").via("the usual case: no XDG_DATA_HOME")
@example(data="/srv/donnees", user="/home/josiane").via("an absolute XDG_DATA_HOME")
@example(data="", user="/home/josiane/").via("a blank one, a HOME with its slash")
@settings(max_examples=300, deadline=None)
def test_the_usual_folder_is_platformdirs_own(data, user):
    with environment(XDG_DATA_HOME=data, HOME=user, ANDROID_DATA=UNSET, ANDROID_ROOT=UNSET):
        usual = paths.usual_unix_data_dir()
        if usual is not None:
            assert usual == platformdirs.user_data_dir(paths.APP_NAME, appauthor=False)


def test_the_usual_cases_are_read_without_platformdirs():
    """The cases above are not all passed on to platformdirs: the common ones are read here."""
    with environment(XDG_DATA_HOME=UNSET, HOME="/home/josiane", ATELIER_HOME=UNSET):
        assert paths.usual_unix_data_dir() == "/home/josiane/.local/share/atelier"
        assert str(paths.home()) == "/home/josiane/.local/share/atelier"
    with environment(XDG_DATA_HOME="/srv/donnees", HOME="/home/josiane"):
        assert paths.usual_unix_data_dir() == "/srv/donnees/atelier"
    with environment(XDG_DATA_HOME="donnees", HOME="/home/josiane"):
        assert paths.usual_unix_data_dir() is None  # relative: platformdirs decides
    with environment(XDG_DATA_HOME=UNSET, HOME=UNSET):
        assert paths.usual_unix_data_dir() is None
