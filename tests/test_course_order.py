"""The beginners' course comes in its teaching order, other modules after it by title."""

from dataclasses import dataclass

from atelier.content import lesson_dirs
from atelier.lessons import library
from atelier.lessons.course import COURSE, in_course_order
from atelier.lessons.translations import in_language


@dataclass
class Named:
    id: str
    title: str


def test_the_course_first_in_its_order_then_the_others_by_title():
    modules = [Named("zz-mon-module", "Apprendre le tricot"), Named("le-clavier", "Le clavier"),
               Named("aa-autre", "Zèbres"), Named("la-souris", "La souris")]
    assert [m.id for m in in_course_order(modules)] == ["la-souris", "le-clavier", "zz-mon-module", "aa-autre"]


def test_every_shipped_module_is_in_the_course():
    shipped, problems = library.load_library(lesson_dirs())
    assert not problems
    assert {m.id for m in shipped} <= set(COURSE)
    courses = [in_course_order(in_language(shipped, language)) for language in ("fr", "en")]
    assert all([m.id for m in course][:2] == ["la-souris", "le-clavier"] for course in courses)
