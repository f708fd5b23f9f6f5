"""What every roads_ext directive shares: option checking, warnings, safe links.

Directives are thin: they collect raw text, hand it to the Sphinx-free model
(``roads_ext.model``) and turn the result into docutils nodes. Every problem in
an author's input is reported by :func:`warn` as ``roads.<subtype>`` with the
file and line, and the rest of the page still renders.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import hashlib
import json
import os
import re
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast
from urllib.parse import urljoin

from docutils import nodes
from docutils import utils as docutils_utils
from sphinx import addnodes
from sphinx.domains.std import StandardDomain
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.logging import getLogger

from . import __version__
from .diagnostics import RoadsWarning
from .model.dates import did_you_mean, now_for_build
from .model.pasted import MARKDOWN_LINK

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = getLogger("roads_ext")

WARNING_TYPE = "roads"


def warn(message: str, subtype: RoadsWarning, location: Any) -> None:
    """Report a problem in an author's input as a ``roads.<subtype>`` warning.

    ``subtype`` is a :class:`~roads_ext.diagnostics.RoadsWarning` member, never a
    string (``tests/test_layers.py`` reads every call). ``location`` is a node, a docname or a
    ``(docname, line)`` pair.
    """
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)


# --- the site and the build ------------------------------------------------------


@contextlib.contextmanager
def cyclic_collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while roads_ext writes its files at the
    end of a build (as it was before).

    Its full passes walk every object alive, and at the end of a build that is every
    module, the environment and its records: on the bench's small site one such pass,
    set off by the stylesheet trees this work makes, took longer than the work itself.
    What is made here holds no reference cycles (reference counting frees it), and what
    the collector would have found waits for its next pass."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def is_html_site(builder: Builder) -> bool:
    """A web site, with room for files of its own (calendars, photos, a social card);
    an epub or help file has no use for them."""
    return builder.format == "html" and not getattr(builder, "embedded", False)


@functools.cache
def code_digest() -> str:
    """A digest of roads_ext's own code: a changed extension (an editable install
    being worked on) remakes every file made from an author's input, as a changed
    input does."""
    package = Path(__file__).parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.glob("*.py")) + sorted(package.glob("model/*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


#: environment -> this build's "now" (kept beside the environment, not pickled with it)
_CLOCK: weakref.WeakKeyDictionary[BuildEnvironment, dt.datetime] = weakref.WeakKeyDictionary()


def start_build_clock(app: Sphinx) -> None:
    """Fix this build's "now" (``builder-inited``): ``SOURCE_DATE_EPOCH`` when set."""
    now, problem = now_for_build(dict(os.environ))
    _CLOCK[app.env] = now
    if problem:
        warn(problem, RoadsWarning.DATE, None)


def build_now(env: BuildEnvironment) -> dt.datetime:
    """This build's "now", the same for every page and file of the build."""
    now = _CLOCK.get(env)
    if now is None:
        now = _CLOCK[env] = now_for_build(dict(os.environ))[0]
    return now


# --- options -----------------------------------------------------------------
#
# docutils (rST) rejects the whole directive on an unknown or invalid option and
# MyST drops it with a ``myst.*`` warning that names no alternative. Both call
# ``option_spec[name](value)``; this mapping answers every name with a converter
# that records the raw value, and the directive checks them itself, so both
# parsers give the same ``roads.option`` warning and keep the rest.


class _RawOption:
    __slots__ = ("name", "value")

    def __init__(self, name: str, value: str | None) -> None:
        self.name = name
        self.value = value


class LenientOptionSpec(dict):
    """An ``option_spec`` that accepts any option name, to check it later.

    It holds the known options only because docutils and MyST parse no options
    at all for an empty ``option_spec``.
    """

    def __getitem__(self, name: str) -> Callable[[str | None], _RawOption]:
        # every known option too, so that a bad value is reported by us
        return lambda value: _RawOption(name, value)

    def __contains__(self, name: object) -> bool:
        return True


# An option given twice: MyST keeps the last value without a word, and docutils
# rejects the whole directive ("duplicate option") before the directive runs, so
# that the card or list is lost. For roads_ext's directives only (their
# LenientOptionSpec), docutils keeps the last value too, as MyST does, and the
# directive itself warns, naming the option and both values (see
# RoadsDirective.repeated_options). docutils looks the function up on its
# ``utils`` module at each call; every other option_spec goes to the original.


def _keeping_the_last_option(original: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    def extract_extension_options(field_list: nodes.field_list, options_spec: Any) -> dict[str, Any]:
        if not isinstance(options_spec, LenientOptionSpec):
            return original(field_list, options_spec)
        return {name: options_spec[name](value) for name, value in docutils_utils.extract_options(field_list)}

    extract_extension_options.roads_original = original  # type: ignore[attr-defined]
    return extract_extension_options


def keep_the_last_of_repeated_options() -> None:
    """Let docutils read a roads_ext directive whose option is given twice (once per process)."""
    current = docutils_utils.extract_extension_options
    if not hasattr(current, "roads_original"):
        docutils_utils.extract_extension_options = _keeping_the_last_option(current)


def text(value: str | None) -> str:
    """Any single line of text, whitespace collapsed."""
    return " ".join((value or "").split())


def columns(value: str | None) -> int:
    """A grid's number of columns on a wide screen: 1 to 6."""
    try:
        number = int((value or "").strip())
    except ValueError:
        raise ValueError("is not a whole number") from None
    if not 1 <= number <= 6:
        raise ValueError("must be from 1 to 6")
    return number


def choice(*choices: str) -> Callable[[str | None], str]:
    def convert(value: str | None) -> str:
        word = text(value).lower()
        if word not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}" + did_you_mean(word, choices))
        return word

    return convert


_OPTION = re.compile(r"^:(?P<name>[^:\s][^:]*?):(?:\s+(?P<value>.*))?$")
_YAML_OPTION = re.compile(r"^(?P<name>[A-Za-z][\w-]*):(?:\s+(?P<value>.*))?$")


def _in_myst(directive: SphinxDirective) -> bool:
    return type(directive.state).__module__.startswith("myst_parser")


#: the largest file an author may name (a program, an export of accepted papers)
MAX_AUTHOR_FILE = 32 * 2**20


class RoadsDirective(SphinxDirective):
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
            value = raw.value if isinstance(raw, _RawOption) else raw
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
            if number == self.lineno and line == "---" and _in_myst(self):
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


# --- ids, URLs and structured data ----------------------------------------------


def unique_id(document: nodes.document, base: str) -> str:
    """``base``, or ``base-2``, ``base-3`` ... where the page has that id already."""
    anchor, count = base, 1
    while anchor in document.ids:
        count += 1
        anchor = f"{base}-{count}"
    return anchor


def page_url(app: Sphinx, docname: str, anchor: str = "") -> str:
    """The absolute URL of a page (and anchor), or "" when the site has no base URL."""
    base = app.config.html_baseurl
    if not base:
        return ""
    url = urljoin(base.rstrip("/") + "/", app.builder.get_target_uri(docname))
    return f"{url}#{anchor}" if anchor else url


def page_link(app: Sphinx, docname: str, anchor: str) -> str:
    """The absolute URL where the site has a base URL, else one relative to the root."""
    return page_url(app, docname, anchor) or f"{app.builder.get_target_uri(docname)}#{anchor}"


def json_ld_script(data: dict) -> str:
    """A ``<script type="application/ld+json">`` element for a page's head."""
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # no "<", ">" or "&" from an author can end the script element or open a comment
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'\n<script type="application/ld+json">{payload}</script>'


# --- at write time: the nodes roads_ext marked -------------------------------------

#: page -> node attribute -> the elements that carry it (see :func:`marked_nodes`)
_MARKED: weakref.WeakKeyDictionary[nodes.document, dict[str, list[nodes.Element]]] = (
    weakref.WeakKeyDictionary()
)


def marked_nodes(document: nodes.document, attribute: str) -> list[nodes.Element]:
    """The elements of a page being written that carry ``attribute``, one of the
    ``roads_*`` attributes the directives put on the nodes they make, in document
    order.

    The page is walked once for all of roads_ext's write-time transforms: each
    walking every node of every page for the few it works on cost more than the
    work itself on a large site. An element that lost the attribute since then is
    left out; each attribute is for one family's transforms, which replace or
    remove only the elements they handle.
    """
    index = _MARKED.get(document)
    if index is None:
        index = _MARKED[document] = {}
        for node in document.findall(nodes.Element):
            for key in node.attributes:
                if key.startswith("roads_"):
                    index.setdefault(key, []).append(node)
    return [node for node in index.get(attribute, ()) if attribute in node.attributes]


# --- what an author may put in a body ----------------------------------------

SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def link_problem(url: str) -> str | None:
    """Why ``url`` may not be linked, or None when it is safe.

    Absolute links must be http(s) or mailto; relative links stay inside the site (a
    protocol-relative one, ``//example.org``, does not).
    """
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace())
    if cleaned.startswith(("//", "\\\\", "/\\", "\\/")):  # browsers read "\" as "/"
        return protocol_relative(url)
    match = _SCHEME.match(cleaned)
    if match is None:
        return None if cleaned else "is empty"
    if match.group(1).lower() not in SAFE_SCHEMES:
        return f"uses {match.group(1).lower()!r}: only http(s) and mailto links are allowed"
    if match.group(1).lower() in ("http", "https") and not re.match(
        r"^https?://[^/\s]+", cleaned, re.IGNORECASE
    ):
        return "has no host"
    return None


def protocol_relative(url: str) -> str:
    """Why ``//example.org/x`` is no link: it leaves the site, on whatever scheme the page has."""
    return f"is protocol-relative: write it with https, as 'https:{url.strip()}'"


def absolute_link_problem(url: str) -> str | None:
    """Why ``url`` cannot be a link to a page elsewhere (a person's homepage, a
    conference's page), or None: it must be an absolute ``http(s)://`` (or ``mailto:``)
    link. A relative one (``ada.html``) would point into this site, differently from
    each page, and a protocol-relative one (``//example.org``) is no URL for search
    engines' structured data; both are refused, never passed on as they are."""
    if re.match(r"^\s*(?:https?://|mailto:)", url, re.IGNORECASE):
        return None
    if url.strip().startswith("//"):
        return protocol_relative(url)
    return "is not an absolute link: write the whole address, starting with https://"


def source_line(node: nodes.Node, default: int) -> int:
    """The line of ``node`` or of its nearest ancestor that knows one."""
    current: nodes.Node | None = node
    while current is not None:
        line = getattr(current, "line", None)
        if line:
            return int(line)
        current = current.parent
    return default


def unmade_links(text: str) -> list[tuple[str, str]]:
    """``(url, why)`` for each link written as Markdown in ``text`` that Markdown did not
    make, because it may not be linked: shown as text, the author is told."""
    found = []
    for match in MARKDOWN_LINK.finditer(text):
        problem = link_problem(match.group("url").strip("<>"))
        if problem:
            found.append((match.group("url").strip("<>"), problem))
    return found


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
        if _in_myst(directive) and not links_read_by_directive:
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


class CheckEveryLink(SphinxTransform):
    """Every reference on every page, whoever made it, gets the check roads_ext's own
    fields have (:func:`link_problem`): http(s), mailto and relative links stay; any
    other is unlinked, its text kept, with a ``roads.link`` warning at its line.

    docutils knows ``javascript:`` and ``data:`` as URI schemes, so plain text in any
    reStructuredText paragraph or title would otherwise become a live link. It runs
    after docutils has given named references their URIs, and before Sphinx copies a
    page's titles for the table of contents."""

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        for ref in list(self.document.findall(nodes.reference)):
            uri = ref.get("refuri")
            if not uri:  # a link within the page, or one Sphinx resolves at write time
                continue
            problem = link_problem(uri)
            if problem:
                warn(f"link {uri!r} {problem}; shown as text", RoadsWarning.LINK, ref)
                ref.replace_self(nodes.inline(ref.rawsource, "", *ref.children))


# --- sphinx-design's grid, as a list --------------------------------------------


def grid_list(columns: int, *classes: str) -> nodes.bullet_list:
    """A ``<ul>`` laid out as sphinx-design's responsive grid: one column on a
    phone, two on a tablet, ``columns`` on a wide screen."""
    columns = max(1, min(columns, 6))
    narrow = min(2, columns)
    return nodes.bullet_list(
        classes=[
            "sd-row",
            "sd-row-cols-1",
            "sd-row-cols-xs-1",
            f"sd-row-cols-sm-{narrow}",
            f"sd-row-cols-md-{narrow}",
            f"sd-row-cols-lg-{columns}",
            "sd-g-3",
            "roads-grid",
            *classes,
        ],
        bullet="*",
    )


def grid_item(card: nodes.Element) -> nodes.list_item:
    return nodes.list_item("", card, classes=["sd-col", "sd-d-flex-row"])


# ``is_div`` marks a container as sphinx-design's own component: its HTML visitor
# then leaves out the "container" class, which furo gives no side padding.


def grid_wrapper(grid: nodes.bullet_list) -> nodes.container:
    return nodes.container(
        "",
        grid,
        is_div=True,
        classes=["sd-container-fluid", "sd-sphinx-override", "roads-grid-wrapper"],
    )


def card(*classes: str) -> tuple[nodes.container, nodes.container]:
    """An empty sphinx-design card and its body, to fill."""
    outer = nodes.container(
        is_div=True, classes=["sd-card", "sd-sphinx-override", "sd-shadow-sm", "sd-w-100", *classes]
    )
    body = nodes.container(is_div=True, classes=["sd-card-body"])
    outer += body
    return outer, body
