"""Finding the line of a key in the raw text of a module.toml.

tomllib gives values, not positions: to tell a trainer where a problem is, the raw
text is scanned for the key, inside the right [[exercises]] block when needed.

Lines are counted as an editor and tomllib count them: at each "\n" only. Python's
``str.splitlines`` also breaks at U+2028, U+0085, form feeds…, which a trainer may have
pasted inside a text: every line after it would be named one too far.
"""

import re


_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\- ]+?)\s*\]\]?\s*(#.*)?$")


def editor_lines(text: str) -> list[str]:
    """The lines of ``text`` as an editor shows them (a "\r" before "\n" dropped)."""
    lines = text.split("\n")
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()   # the newline that ends the last line starts no line of its own
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def last_line(text: str) -> int:
    """The number of the last line of ``text`` (1 for an empty text)."""
    return max(1, len(editor_lines(text)))


class Locator:
    """Maps a key (inside the Nth [[exercises]] block, maybe inside its Mth sub-table)
    to a 1-based line number by scanning the text; None when it cannot tell."""

    def __init__(self, text: str):
        self.lines = editor_lines(text)
        self.code, inside = [], False
        for line in self.lines:
            self.code.append(not inside)
            if (line.count('"""') + line.count("'''")) % 2:   # multi-line string edge
                inside = not inside
        self.headers = [(i, m.group(2).replace(" ", ""), m.group(1) == "[[")
                        for i, line in enumerate(self.lines)
                        if self.code[i] and (m := _HEADER.match(line))]

    def _next_header(self, after: int) -> int:
        return next((i for i, _n, _a in self.headers if i > after), len(self.lines))

    def find(self, key, start: int, end: int) -> int | None:
        pattern = re.compile(r"""^\s*(%s|"%s"|'%s')\s*=""" % ((re.escape(str(key)),) * 3))
        return next((i for i in range(start, end)
                     if self.code[i] and pattern.match(self.lines[i])), None)

    def line(self, where: tuple = (), exercise: int | None = None) -> int | None:
        """The line of ``where`` (a key path such as ("pages", 1, "fields", 0, "expected"))
        inside the ``exercise``th [[exercises]] block, or at the top of the file."""
        top_end = self._next_header(-1)
        blocks = [i for i, name, array in self.headers if name == "exercises" and array]
        if exercise is not None and exercise >= len(blocks):   # inline exercises = [...]
            found = self.find("exercises", 0, top_end)
            return None if found is None else found + 1
        if exercise is None:
            found = self.find(where[0], 0, top_end) if where else None
            if found is None and where:   # a table of its own, such as [glossary]
                found = next((i for i, name, _a in self.headers if name == str(where[0])), None)
            return None if found is None else found + 1
        start = blocks[exercise]
        end = next((i for i, name, _a in self.headers
                    if i > start and not name.startswith("exercises.")), len(self.lines))
        return self._walk(tuple(where), "exercises", start, end) + 1

    def _walk(self, where: tuple, prefix: str, start: int, end: int) -> int:
        """0-based line of ``where`` in the table whose header is at ``start``, its
        sub-tables running to ``end``; the nearest line found when it goes no further."""
        if not where:
            return start
        own_end = self._next_header(start)
        found = self.find(where[0], start, own_end)
        name = f"{prefix}.{where[0]}"
        subs = [i for i, header, array in self.headers if start < i < end and array and header == name]
        if found is None and subs and len(where) == 1:   # the list itself, written as [[…]] tables
            return subs[0]
        if len(where) > 1 and isinstance(where[1], int):
            if len(subs) > where[1]:
                sub = subs[where[1]]
                sub_end = next((i for i, header, _a in self.headers if i > sub and (
                    header == name or not header.startswith(name + "."))), end)
                return self._walk(where[2:], name, sub, sub_end)
            if found is not None:   # inline tables, usually one per line
                items = [i for i in range(found, own_end) if "{" in self.lines[i]]
                if len(items) > where[1]:
                    return items[where[1]]
        return found if found is not None else start

    def table_line(self, table: str, key: str | None = None) -> int | None:
        """The line of ``key`` in the table [``table``] (or of ``table = {…}`` written inline)."""
        header = next((i for i, name, array in self.headers if name == table and not array), None)
        if header is None:
            return self.line((table,))
        found = self.find(key, header + 1, self._next_header(header)) if key is not None else None
        return (found if found is not None else header) + 1
