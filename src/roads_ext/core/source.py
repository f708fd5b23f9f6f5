"""Where a directive's options and lines are in its source file, as written.

docutils and MyST give a directive its first line and its content's offset only;
a warning about one option, or one line of a pasted list, needs that line's number.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.util.docutils import SphinxDirective

_OPTION = re.compile(r"^:(?P<name>[^:\s][^:]*?):(?:\s+(?P<value>.*))?$")
_YAML_OPTION = re.compile(r"^(?P<name>[A-Za-z][\w-]*):(?:\s+(?P<value>.*))?$")


def in_myst(directive: SphinxDirective) -> bool:
    return type(directive.state).__module__.startswith("myst_parser")


class SourceLines(SphinxDirective):
    """The lines of a directive's source file, read once per document, and where its
    options and content lines are in it."""

    def option_lines(self) -> list[tuple[int, str, str]]:
        """``(line, name, value)`` of each option as written in the source, in order:
        ``:name: value`` lines, or ``name: value`` in MyST's ``---`` block."""
        source, _ = self.get_source_info()
        lines = self.source_lines(source)
        if lines is None:
            return []
        found: list[tuple[int, str, str]] = []
        yaml_block = False
        for number in range(self.lineno, min(len(lines), self.lineno + 200)):
            line = lines[number].strip()  # the line after ``number`` (1-based)
            if number == self.lineno and line == "---" and in_myst(self):
                yaml_block = True
                continue
            if yaml_block:
                if line == "---":
                    break
                option = _YAML_OPTION.match(line)
            else:
                if not line:
                    break
                option = _OPTION.match(line)
            if option:
                found.append(
                    (number + 1, option.group("name").lower(), (option.group("value") or "").strip())
                )
        return found

    def repeated_options(self) -> list[tuple[str, int, str, str]]:
        """``(name, line, ignored value, kept value)`` for each option written again
        (MyST and docutils, as roads_ext sets it up, keep the last)."""
        written = self.option_lines()
        last = {name: value for _, name, value in written}
        first: dict[str, str] = {}
        repeated = []
        for line, name, value in written:
            if name in first:
                repeated.append((name, line, first[name], last[name]))
            first[name] = value
        return repeated

    def option_line(self, name: str) -> int:
        """The source line of option ``name`` (the directive's line if not found).

        Options stand right below the directive's first line, before any blank
        line, in both MyST and rST. The source file is read once per document
        (not once per directive: a page of a thousand cards would read itself
        a thousand times) and kept while that document is read.
        """
        pattern = re.compile(rf"^\s*:{re.escape(name)}:")
        source, _ = self.get_source_info()
        lines = self.source_lines(source)
        if lines is None:
            return self.lineno
        for number in range(self.lineno, min(len(lines), self.lineno + 200)):
            line = lines[number]  # the line after ``number`` (1-based)
            if not line.strip():
                break
            if pattern.match(line):
                return number + 1
        return self.lineno

    def written_line(self, line: int) -> str:
        """Source line ``line`` (1-based) of this directive's file as written, or ""."""
        lines = self.source_lines(self.get_source_info()[0])
        return lines[line - 1] if lines and 0 < line <= len(lines) else ""

    def source_lines(self, source: str) -> list[str] | None:
        """The lines of ``source``, read once while the current document is read."""
        cache: dict[str, list[str] | None] = self.env.temp_data.setdefault(  # type: ignore[assignment]
            "roads_source_lines", {}
        )
        if source not in cache:
            try:
                cache[source] = Path(source).read_text(encoding="utf-8").splitlines()
            except (OSError, TypeError, ValueError):
                cache[source] = None
        return cache[source]

    def content_line(self, offset: int) -> int:
        """The source line of the directive's ``offset``-th content line.

        docutils gives ``content_offset`` as the content's 0-based line in the file;
        MyST gives it relative to the directive's own line.
        """
        line = self.content_offset + offset + 1
        if type(self.state).__module__.startswith("myst_parser"):
            line += self.lineno
        return line
