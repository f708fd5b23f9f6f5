"""The handbook's own small extension: live examples and references generated from the code.

- ``roads-example NAME``: the snippet ``snippets/myst/NAME.md`` rendered in the page, with
  its MyST and reStructuredText sources (``snippets/rst/NAME.rst``) in tabs beside it. The
  snippets are also the input of ``tests/test_handbook_snippets.py``, which builds each in
  both syntaxes and compares its doctree with ``snippets/snapshots/NAME.xml``.
- ``roads-settings``: the table of every ``roads_*`` setting, from their declarations.
- ``roads-warnings``: the table of every warning kind, from ``RoadsWarning``.

roads_ext is imported here only, through its public names (the settings' declarations and
the warning kinds); the tests take them from this module too, so that a move of roads_ext's
modules is repointed in one place.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from roads_ext.config import SETTINGS, Setting
from roads_ext.diagnostics import RoadsWarning

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains.std import StandardDomain
    from sphinx.util.typing import ExtensionMetadata

__all__ = [
    "SETTINGS",
    "SNIPPETS",
    "RoadsWarning",
    "Setting",
    "setting_anchor",
    "snippet_paths",
    "warning_anchor",
]

logger = logging.getLogger(__name__)

HANDBOOK = Path(__file__).resolve().parent.parent
#: the examples: ``myst/NAME.md``, ``rst/NAME.rst`` and the doctree of each, ``snapshots/NAME.xml``
SNIPPETS = HANDBOOK / "snippets"


def snippet_paths(name: str) -> tuple[Path, Path]:
    """The MyST and the reStructuredText source of the snippet ``name``."""
    return SNIPPETS / "myst" / f"{name}.md", SNIPPETS / "rst" / f"{name}.rst"


def setting_anchor(name: str) -> str:
    return "setting-" + name.replace("_", "-")


def warning_anchor(subtype: str) -> str:
    return f"warning-roads-{subtype}"


class ExampleDirective(SphinxDirective):
    """A snippet rendered live, its two sources in tabs above it."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        myst, rst = snippet_paths(name)
        missing = [path for path in (myst, rst) if not path.is_file()]
        if missing:
            where = ", ".join(str(path.relative_to(HANDBOOK)) for path in missing)
            return [
                self.state.document.reporter.warning(f"roads-example: no snippet {where}", line=self.lineno)
            ]
        for path in (myst, rst):
            self.env.note_dependency(str(path))
        in_myst = type(self.state).__module__.startswith("myst_parser")
        own = myst if in_myst else rst
        sources = self.sources_block(name, in_myst)
        output = nodes.container(classes=["roads-handbook-output"])
        output += self.parse_text_to_nodes(own.read_text(encoding="utf-8"))
        example = nodes.container(classes=["roads-handbook-example"], ids=[f"example-{name}"])
        example += sources
        example += nodes.paragraph("", "Shown as:", classes=["roads-handbook-shown"])
        example += output
        return [example]

    def sources_block(self, name: str, in_myst: bool) -> list[nodes.Node]:
        """sphinx-design tabs holding the two files, written in the page's own syntax."""
        if in_myst:
            text = (
                f"::::{{tab-set}}\n:sync-group: syntax\n\n"
                f":::{{tab-item}} MyST Markdown\n:sync: myst\n\n"
                f"```{{literalinclude}} /snippets/myst/{name}.md\n:language: markdown\n```\n:::\n\n"
                f":::{{tab-item}} reStructuredText\n:sync: rst\n\n"
                f"```{{literalinclude}} /snippets/rst/{name}.rst\n:language: rst\n```\n:::\n::::\n"
            )
        else:
            text = (
                ".. tab-set::\n   :sync-group: syntax\n\n"
                "   .. tab-item:: MyST Markdown\n      :sync: myst\n\n"
                f"      .. literalinclude:: /snippets/myst/{name}.md\n         :language: markdown\n\n"
                "   .. tab-item:: reStructuredText\n      :sync: rst\n\n"
                f"      .. literalinclude:: /snippets/rst/{name}.rst\n         :language: rst\n"
            )
        return self.parse_text_to_nodes(text)


def _table(headers: list[str], rows: list[tuple[str, list[nodes.Node]]], widths: list[int]) -> nodes.table:
    """A table of ``rows`` (each an anchor and its cells: inline nodes, put in a paragraph, or
    a container of paragraphs)."""
    table = nodes.table(classes=["roads-handbook-table"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    head += row
    for header in headers:
        row += nodes.entry("", nodes.paragraph("", header))
    body = nodes.tbody()
    group += body
    for anchor, cells in rows:
        row = nodes.row(ids=[anchor])
        body += row
        for cell in cells:
            row += (
                nodes.entry("", *cell.children)
                if isinstance(cell, nodes.container)
                else nodes.entry("", nodes.paragraph("", "", cell))
            )
    return table


def _note_labels(directive: SphinxDirective, labels: list[tuple[str, str]]) -> None:
    """Each row a label (``{ref}`warning-roads-config```) that any page may link to."""
    std = cast("StandardDomain", directive.env.get_domain("std"))
    for anchor, title in labels:
        std.note_hyperlink_target(anchor, directive.env.docname, anchor, title)


def _code(text: str) -> nodes.literal:
    return nodes.literal(text, text)


class SettingsDirective(SphinxDirective):
    """Every ``roads_*`` setting: name, type, default, what a change rebuilds, meaning."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        rows = [
            (
                setting_anchor(entry.name),
                [
                    _code(entry.name),
                    nodes.Text(entry.type_names()),
                    _code(repr(entry.default)),
                    nodes.Text(_REBUILDS[entry.rebuild]),
                    nodes.Text(entry.meaning),
                ],
            )
            for entry in SETTINGS
        ]
        _note_labels(self, [(setting_anchor(entry.name), entry.name) for entry in SETTINGS])
        return [
            _table(["setting", "type", "default", "a change rebuilds", "meaning"], rows, [18, 10, 8, 10, 54])
        ]


_REBUILDS = {"env": "every page (re-read)", "html": "the HTML (re-written)", "": "nothing"}


class WarningsDirective(SphinxDirective):
    """Every warning kind: ``roads.<subtype>`` and its one-line meaning, from ``RoadsWarning``.

    The body may add a note to a kind, one line each, ``roads.<subtype>: text`` (inline markup
    of the page's syntax): the cases the one-line meaning leaves out, and what is used
    instead. A note for a kind the code does not have is a warning, so that a note cannot
    outlive its kind.
    """

    has_content = True

    def run(self) -> list[nodes.Node]:
        notes = self.read_notes()
        rows: list[tuple[str, list[nodes.Node]]] = []
        for member in RoadsWarning:
            when = nodes.container()
            when += nodes.paragraph("", member.meaning)
            if member.value in notes:
                line, text = notes[member.value]
                inline, messages = self.parse_inline(text, lineno=line)
                when += nodes.paragraph("", "", *inline, classes=["roads-handbook-note"])
                when += messages
            rows.append((warning_anchor(member.value), [_code(f"roads.{member.value}"), when]))
        _note_labels(
            self, [(warning_anchor(member.value), f"roads.{member.value}") for member in RoadsWarning]
        )
        return [_table(["warning", "when"], rows, [20, 80])]

    def body_line(self, offset: int) -> int:
        """The page's line of the body's line ``offset``: docutils keeps each line's own, MyST
        its offset in the body, which starts after the directive's line and options."""
        if type(self.state).__module__.startswith("myst_parser"):
            return self.lineno + self.content_offset + 1 + offset
        return (self.content.info(offset)[1] or 0) + 1

    def read_notes(self) -> dict[str, tuple[int, str]]:
        """``subtype -> (line, text)`` from the body's lines."""
        members = {member.value for member in RoadsWarning}
        notes: dict[str, tuple[int, str]] = {}
        for offset, raw in enumerate(self.content):
            line = self.body_line(offset)
            if not raw.strip():
                continue
            found = _NOTE.match(raw.strip())
            if found is None or found.group(1) not in members:
                logger.warning(
                    "roads-warnings: a note must be 'roads.<subtype>: text', for a kind RoadsWarning has: %r",
                    raw.strip(),
                    location=(self.env.docname, line),
                )
                continue
            notes[found.group(1)] = (line, found.group(2))
        return notes


_NOTE = re.compile(r"^roads\.([a-z-]+):\s+(.+)$")


def _add_css(app: Sphinx, *_: Any) -> None:
    app.add_css_file("handbook.css")


#: the elements that scroll sideways on a phone when too wide: a code block, furo's wrapper
#: of a table
_SCROLLABLE = re.compile(r'<pre>|<div class="table-wrapper')
#: sphinx-design's tab label names its panel with aria-controls, which HTML does not allow on
#: a label tied to an input (the radio button it labels is the control)
_TAB_LABEL = re.compile(r'<label aria-controls="[^"]*" class="sd-tab-label"')


def _focusable(found: re.Match[str]) -> str:
    return (
        found.group(0).replace("<pre", '<pre tabindex="0"').replace("<div class", '<div tabindex="0" class')
    )


def _html_fixes(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """A region that may scroll is reachable with the keyboard (``tabindex="0"``), so that a
    reader without a mouse can scroll it (axe's scrollable-region-focusable, WCAG 2.1.1);
    the tabs' labels are valid HTML (the Nu Html Checker)."""
    body = context.get("body")
    if isinstance(body, str):
        body = _SCROLLABLE.sub(_focusable, body)
        context["body"] = _TAB_LABEL.sub('<label class="sd-tab-label"', body)


def _description(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Each page's meta description, for search engines and link previews: its first
    paragraph, shortened, unless the page gives one (``html_meta`` in its front matter)."""
    if doctree is None or 'name="description"' in context.get("metatags", ""):
        return
    first = next((node for node in doctree.findall(nodes.paragraph) if len(node.astext()) > 40), None)
    if first is None:
        return
    text = " ".join(first.astext().split())
    if len(text) > 155:
        text = text[:154].rsplit(" ", 1)[0] + "…"
    context["metatags"] = (
        context.get("metatags", "") + f'\n<meta name="description" content="{html.escape(text)}">'
    )


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_directive("roads-example", ExampleDirective)
    app.add_directive("roads-settings", SettingsDirective)
    app.add_directive("roads-warnings", WarningsDirective)
    app.connect("builder-inited", _add_css)
    app.connect("html-page-context", _html_fixes)
    app.connect("html-page-context", _description)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
