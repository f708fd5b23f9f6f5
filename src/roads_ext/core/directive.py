"""The directive base class every roads_ext directive subclasses."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains.std import StandardDomain

from ..diagnostics import RoadsWarning, quoted
from ..model.problems import did_you_mean
from .links import link_problem, unmade_links
from .options import LenientOptionSpec, RawOption, text
from .pages import source_line, unique_id
from .report import warn
from .source import SourceLines, in_myst

MAX_AUTHOR_FILE = 32 * 2**20


class RoadsDirective(SourceLines):
    """Base class: lenient option parsing, checked options, located warnings.

    Subclasses declare ``options`` (name -> converter) and implement ``run_checked``.
    """

    #: subtype of the warnings this directive gives by default, e.g. ``RoadsWarning.SPEAKER``
    #: (every subclass names its own)
    warning_subtype: ClassVar[RoadsWarning]
    #: name -> converter, checked by :meth:`check_options`
    known_options: dict[str, Callable[[str | None], Any]] = {}
    #: whether the directive reads each list item's link itself (a person's or a
    #: sponsor's name) and words its own warning for one Markdown left as text
    reads_item_links: ClassVar[bool] = False
    #: whether the directive's argument is a caption shown above it (quoted when the block is empty)
    argument_is_caption: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.option_spec = LenientOptionSpec(cls.known_options)

    def warn(
        self,
        message: str,
        subtype: RoadsWarning | None = None,
        line: int | None = None,
        option: str | None = None,
    ) -> None:
        """Warn at ``line``, or at the line of ``option`` (found only now, on a warning)."""
        if line is None and option is not None:
            line = self.option_line(option)
        where = (self.env.docname, line if line is not None else self.lineno)
        warn(f"{self.name}: {message}", subtype or self.warning_subtype, where)

    def warn_empty(self, message: str) -> None:
        """A ``roads.empty`` warning for a block left out; its caption, if it has one, is
        left out with it, so the warning quotes it."""
        if self.argument_is_caption and self.arguments and text(self.arguments[0]):
            message += f"; its caption {quoted(text(self.arguments[0]))} is left out with it"
        self.warn(message, RoadsWarning.EMPTY)

    def check_options(self) -> dict[str, Any]:
        block = f" of {text(self.arguments[0])!r}" if self.arguments else ""
        for name, line, ignored, kept in self.repeated_options():
            self.warn(
                f"option {name!r}{block} is given twice: the last value, {kept!r}, is kept "
                f"and {ignored!r} is ignored; give each option once",
                RoadsWarning.OPTION,
                line,
            )
        checked: dict[str, Any] = {}
        for name, raw in self.options.items():
            value = raw.value if isinstance(raw, RawOption) else raw
            if value is None:  # written with no value (``:track:``): quoted as the empty value
                value = ""
            if name not in self.known_options:
                left_out = f"; its value {value!r} is left out" if value else ""
                self.warn(
                    f"unknown option {name!r}{did_you_mean(name, self.known_options)}{left_out}",
                    subtype=RoadsWarning.OPTION,
                    option=name,
                )
                continue
            if name == "name" and not text(value):  # every block's label
                self.warn(
                    "option 'name' has no value; write ':name: a-label' to link to this block "
                    "with {ref}`a-label`",
                    subtype=RoadsWarning.OPTION,
                    option=name,
                )
                continue
            try:
                checked[name] = self.known_options[name](value)
            except ValueError as error:
                self.warn(
                    f"option {name!r}: {value!r} {error}; it is ignored",
                    subtype=RoadsWarning.OPTION,
                    option=name,
                )
        return checked

    def label(self, node: nodes.Element, title: str, anchor: str = "") -> None:
        """Make ``:name:`` a label that ``{ref}`` (rST ``:ref:``) links to, with
        ``title`` as the link's text.

        The block's anchor is ``anchor`` when it has one already (``schedule``,
        ``important-dates``: it was made from the name), else one is made from the
        name and added to ``node``. A name another label has already is a
        ``roads.label`` warning naming both, and this block is then not labelled.
        """
        written = self.checked_options.get("name", "")
        if not written:
            return
        if not anchor:
            base = re.sub(r"[^a-z0-9-]+", "-", written.lower()).strip("-") or "block"
            anchor = unique_id(self.state.document, base)
            node["ids"].append(anchor)
            self.state.document.ids[anchor] = node
        label = nodes.fully_normalize_name(written)
        std = cast(StandardDomain, self.env.get_domain("std"))
        if label in std.labels or label in std.anonlabels:
            docname = (std.labels.get(label) or std.anonlabels[label])[0]
            place = "on this page" if docname == self.env.docname else f"in {self.env.doc2path(docname)}"
        elif self.state.document.nametypes.get(label):  # explicit: a heading's own name is no label
            place = "on this page"
        else:
            std.labels[label] = (self.env.docname, anchor, title)
            std.anonlabels[label] = (self.env.docname, anchor)
            return
        self.warn(
            f":name: {written!r} of {title!r} is already a label {place}; this block "
            f"cannot be linked by it: give it another name",
            RoadsWarning.LABEL,
            option="name",
        )

    def project_file(self, written: str) -> tuple[Path | None, str]:
        """``written`` (relative to the page, or ``/``-rooted at the source folder) as a
        file of the project, its links followed; or None and why not: "is not a usable
        path" (a link that loops, a NUL byte), "lies outside the project" or "does not
        exist". The one check of every file an author names."""
        source = Path(self.env.srcdir).resolve()
        try:
            _, absolute = self.env.relfn2path(written, self.env.docname)  # resolves it too
            resolved = Path(absolute).resolve()
        except (OSError, RuntimeError, ValueError):
            return None, "is not a usable path"
        if not resolved.is_relative_to(source):
            return None, "lies outside the project"
        try:
            exists = resolved.is_file()
        except (OSError, ValueError):  # a name too long for the file system
            exists = False
        return (resolved, "") if exists else (None, "does not exist")

    def read_project_text(self, written: str) -> tuple[str | None, Path | None, str]:
        """The text of a file an author names (``:file:``, an export), ``(text, path, "")``;
        or ``(None, path or None, why not)``. The one reader of such files: only from inside
        the project (:meth:`project_file`, its links followed), at most
        :data:`MAX_AUTHOR_FILE` bytes, UTF-8 (a byte order mark left out), noted as a
        dependency of the page (readable or not). The caller words the warning, with its own subtype."""
        path, problem = self.project_file(written)
        if path is None:
            return None, None, problem
        self.env.note_dependency(str(path))  # read again once it changes, readable or not
        try:
            if path.stat().st_size > MAX_AUTHOR_FILE:
                return None, path, f"is larger than {MAX_AUTHOR_FILE // 2**20} MB"
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            return None, path, "is not UTF-8 text"
        except OSError as error:
            return None, path, f"cannot be read ({error.strerror or error})"
        return text, path, ""

    def run(self) -> list[nodes.Node]:
        self.checked_options = self.check_options()
        return self.run_checked()

    def run_checked(self) -> list[nodes.Node]:  # pragma: no cover - abstract
        raise NotImplementedError

    def parse_body(self) -> list[nodes.Node]:
        """The directive's body as nodes: Markdown under MyST, rST under rST."""
        if not self.content:
            return []
        parsed = self.parse_content_to_nodes(allow_section_headings=False)
        return sanitize(parsed, self)

    def parse_body_lists(self, what: str, shown_below: str) -> tuple[list[nodes.Element], list[nodes.Node]]:
        """The body's Markdown/rST lists, and what else it holds, to go below the
        block: anything but a list is a ``roads.content`` warning ("only a list of
        ``what`` belongs inside; ... is shown below ``shown_below``")."""
        lists: list[nodes.Element] = []
        below: list[nodes.Node] = []
        for node in self.parse_body():
            if isinstance(node, nodes.bullet_list | nodes.enumerated_list):
                lists.append(node)
                continue
            if not isinstance(node, nodes.system_message | nodes.comment):
                self.warn(
                    f"only a list of {what} belongs inside; this {node.__class__.__name__} is shown "
                    f"below {shown_below}",
                    RoadsWarning.CONTENT,
                    node.line or self.lineno,
                )
            below.append(node)
        return lists, below


def _is_link(node: nodes.Node) -> bool:
    return isinstance(node, nodes.reference) or (
        isinstance(node, addnodes.pending_xref) and node.get("reftype") == "myst"
    )


def sanitize(parsed: list[nodes.Node], directive: RoadsDirective) -> list[nodes.Node]:
    """Escape raw HTML and unlink unsafe links in an author's body text; say so for links
    that Markdown left as text."""
    for tree in parsed:
        if not isinstance(tree, nodes.Node):
            continue
        # a people or sponsor list is read item by item, each item's link checked (more
        # strictly) and worded there; the list itself is not shown
        links_read_by_directive = directive.reads_item_links and isinstance(
            tree, nodes.bullet_list | nodes.enumerated_list
        )
        if in_myst(directive) and not links_read_by_directive:
            for paragraph in tree.findall(nodes.TextElement):
                if isinstance(paragraph, nodes.FixedTextElement | nodes.literal):
                    continue
                for child in paragraph.children:
                    if isinstance(child, nodes.Text) and "](" in child:
                        for url, why in unmade_links(str(child)):
                            directive.warn(
                                f"link {url!r} {why}; shown as text",
                                subtype=RoadsWarning.LINK,
                                line=source_line(paragraph, directive.lineno),
                            )
        for raw in list(tree.findall(nodes.raw)):
            directive.warn(
                "raw HTML is shown as text, not run",
                subtype=RoadsWarning.HTML,
                line=source_line(raw, directive.lineno),
            )
            shown = nodes.Text(raw.astext())
            if isinstance(raw.parent, nodes.TextElement):
                raw.replace_self(shown)
            else:
                raw.replace_self(nodes.paragraph("", "", shown))
        links = (
            []
            if links_read_by_directive
            else [n for n in tree.findall(_is_link) if isinstance(n, nodes.Element)]
        )
        for ref in links:
            # MyST makes a link with no scheme (``//example.org``) a cross-reference to resolve
            uri = ref.get("refuri") if isinstance(ref, nodes.reference) else ref.get("reftarget")
            if uri is None:
                continue
            problem = link_problem(uri)
            if problem:
                directive.warn(
                    f"link {uri!r} {problem}; shown as text",
                    subtype=RoadsWarning.LINK,
                    line=source_line(ref, directive.lineno),
                )
                ref.replace_self(nodes.inline(ref.astext(), ref.astext()))
    return parsed
