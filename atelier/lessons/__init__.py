"""Lesson packs: reading and checking them (pack, exercises, tomllines), the library
of installed packs, and how the practice engine scores an exercise (scoring,
keystrokes)."""
