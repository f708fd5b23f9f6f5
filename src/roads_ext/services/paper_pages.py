"""A long list of accepted papers in pages: ``:per-page:``, the pager, the extra pages.

``accepted-papers`` with more than :data:`SPLIT_ABOVE` papers (or with ``:per-page: N``)
shows its first :data:`PER_PAGE` papers on its own page, and writes the others as extra
pages of the HTML site beside it (``<page>-page-2.html`` ...; a page's second long list
``<page>-list-2-page-2.html``), so the first paint of a phone on a slow connection does not
wait for thousands of papers. At read time the directive builds every paper's entry and
keeps each extra page's in a container marked :data:`PAGE_ATTR` (its page number), with a
place for the pager marked :data:`PAGER_ATTR` (the names of the list's pages); the domain
(:mod:`roads_ext.services.papers`) keeps which page holds each paper, so that a program
slot, the search index, the schema.org data and the BibTeX file link to it there.

At write time (``doctree-resolved``, in the main process also with ``-j``), an HTML or
dirhtml builder detaches each extra page's container, renders it
(``builder.render_partial``) with the list's search box and a pager, and keeps it until
``html-collect-pages`` yields it as a page of the site (``page.html``, themed as the
general index is). Every other builder gets the whole list on one page, without a pager.
"""

from __future__ import annotations

import html
import re
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..core.pages import marked_nodes
from ..i18n import _
from .papers import PapersDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: papers a page of a long list shows, by default
PER_PAGE = 30
#: a list of more papers than this is split by default (a workshop's are far shorter)
SPLIT_ABOVE = 200
#: on a container of a list's entries that go on an extra page: its number (2, 3, ...)
PAGE_ATTR = "roads_paper_page"
#: on the place of a list's pager: the names of the list's pages (the first is the document)
PAGER_ATTR = "roads_paper_pager"
#: on a group, and on a list of papers, that goes on from the page before
CONTINUED_ATTR = "roads_paper_continued"
#: on a list's search box and its line of links to the groups: copied onto each extra page
SEARCH_ATTR = "roads_paper_search"
#: in the context of an extra page: ``(document, page name)``
CONTEXT_KEY = "roads_paper_page"
#: in the environment's data of the page being read: how many of its lists are in pages
SPLIT_LISTS_KEY = "roads_split_lists"


def per_page_option(value: str | None) -> int:
    """``:per-page: N`` (a positive integer), or ``all`` (0: one page)."""
    word = (value or "").strip().lower()
    if word == "all":
        return 0
    if not word.isdigit() or int(word) < 1:
        raise ValueError("must be a positive whole number of papers, or all")
    return int(word)


def page_size(option: int | None, count: int) -> int:
    """Papers per page (0: all on one page): the option's, else :data:`PER_PAGE` for a list
    of more than :data:`SPLIT_ABOVE` papers."""
    if option is None:
        return PER_PAGE if count > SPLIT_ABOVE else 0
    return option if option and count > option else 0


def page_names(docname: str, lists_before: int, pages: int) -> list[str]:
    """The names of a list's pages: the document, then ``<doc>-page-2`` ... (a page's
    second split list: ``<doc>-list-2-page-2`` ...)."""
    stem = docname if not lists_before else f"{docname}-list-{lists_before + 1}"
    return [docname] + [f"{stem}-page-{number}" for number in range(2, pages + 1)]


def list_pages(env: BuildEnvironment, option: int | None, count: int) -> tuple[int, list[str]]:
    """Papers per page (0: one page) and the names of a list's pages, for the page being read."""
    size = page_size(option, count)
    if not size:
        return 0, [env.docname]
    before = int(env.temp_data.get(SPLIT_LISTS_KEY) or 0)
    env.temp_data[SPLIT_LISTS_KEY] = before + 1
    return size, page_names(env.docname, before, -(-count // size))


def hold_pages(
    env: BuildEnvironment,
    block: nodes.Element,
    pages: list[list[nodes.Element]],
    names: list[str],
) -> None:
    """A list's entries: its first page's in ``block``, each other page's in a container
    of its own, then the place of the pager; the domain notes the page of each paper."""
    block.extend(pages[0])
    if len(names) == 1:
        return
    shown_on = PapersDomain.of(env).pages.setdefault(env.docname, {})
    for number, members in enumerate(pages[1:], start=2):
        holder = nodes.container()
        holder[PAGE_ATTR] = number
        holder.extend(members)
        block += holder
        for item in holder.findall(nodes.list_item):
            if item["ids"]:
                shown_on[item["ids"][0]] = names[number - 1]
    place = nodes.container()
    place[PAGER_ATTR] = names
    block += place


def splits(builder: Builder, docname: str) -> bool:
    """Whether this builder writes a long list in pages: a web site of one file per
    page (html), or of one folder per page (dirhtml, but not for an ``index`` document,
    whose extra pages would be one folder deeper than it)."""
    if builder.name == "dirhtml":
        return docname != "index" and not docname.endswith("/index")
    return builder.name == "html"


def paper_page(env: BuildEnvironment, builder: Builder | None, docname: str, anchor: str) -> str:
    """The page that shows the paper ``docname#anchor`` in this builder's output."""
    if builder is None or not splits(builder, docname):
        return docname
    return PapersDomain.of(env).pages.get(docname, {}).get(anchor, docname)


def sibling_uri(builder: Builder, docname: str, pagename: str) -> str:
    """``pagename``'s address relative to any page of ``docname``'s folder (its pages)."""
    return relative_uri(builder.get_target_uri(f"{docname}-page-0"), builder.get_target_uri(pagename))


# --- at write time -------------------------------------------------------------------------

#: environment -> document -> its extra pages, rendered in this build: [(name, title, body)]
_RENDERED: weakref.WeakKeyDictionary[BuildEnvironment, dict[str, list[tuple[str, str, str]]]] = (
    weakref.WeakKeyDictionary()
)


def pager(builder: Builder, names: list[str], current: int) -> nodes.raw:
    """``Pages: 1 2 3 … 10 Next``: a ``<nav>`` of links to the list's pages, the current
    one marked; far pages elided."""

    def link(number: int, shown: str, rel: str = "") -> str:
        href = html.escape(builder.get_relative_uri(names[current], names[number]), quote=True)
        relation = f' rel="{rel}"' if rel else ""
        return f'<a href="{href}"{relation}>{html.escape(shown)}</a>'

    count = len(names)
    parts = []
    if current:
        parts.append(link(current - 1, _("Previous page"), "prev"))
    last = -1
    for number in range(count):
        if number not in (0, count - 1) and abs(number - current) > 2:
            continue
        if last != number - 1:
            parts.append("<span>…</span>")
        last = number
        parts.append(
            f'<span aria-current="page">{number + 1}</span>'
            if number == current
            else link(number, str(number + 1))
        )
    if current < count - 1:
        parts.append(link(current + 1, _("Next page"), "next"))
    label = html.escape(_("Pages of the list"), quote=True)
    shown = html.escape(_("Page:"))
    markup = (
        f'<nav class="roads-paper-pager" aria-label="{label}"><span class="roads-label">{shown}</span> '
        + " ".join(parts)
        + "</nav>"
    )
    return nodes.raw("", markup, format="html")


def rewrite_links(
    builder: Builder, doctree: nodes.Node, pages: list[nodes.Element], names: list[str]
) -> None:
    """A link to an anchor of the list (a group, a paper) that now lies on another page
    than the link leads to that page."""
    where: dict[str, int] = {}
    for number, page in enumerate(pages, start=1):
        for node in page.findall(nodes.Element):
            for anchor in node["ids"]:
                where[anchor] = number
    own: dict[int, int] = {}
    for number, page in enumerate(pages, start=1):
        for reference in page.findall(nodes.reference):
            own[id(reference)] = number
    for reference in doctree.findall(nodes.reference):
        anchor = reference.get("refid")
        if not anchor:
            continue
        here, there = own.get(id(reference), 0), where.get(anchor, 0)
        if here != there:
            del reference["refid"]
            reference["refuri"] = f"{builder.get_relative_uri(names[here], names[there])}#{anchor}"


#: environment -> document -> (its papers, those papers by the page of the list that shows them)
_BY_PAGE: weakref.WeakKeyDictionary[BuildEnvironment, dict[str, tuple[list, dict[str, list]]]] = (
    weakref.WeakKeyDictionary()
)


def papers_by_page(app: Sphinx, docname: str, shown: list[tuple[str, Any]]) -> dict[str, list]:
    """page name -> ``[(anchor, paper)]`` of the papers it shows, found once per document
    and build (a list of 5,000 in 167 pages was walked whole for each page)."""
    found = _BY_PAGE.setdefault(app.env, {}).get(docname)
    if found is not None and found[0] is shown:
        return found[1]
    on_pages = PapersDomain.of(app.env).pages.get(docname, {}) if splits(app.builder, docname) else {}
    by_page: dict[str, list] = {}
    for anchor, paper in shown:
        by_page.setdefault(on_pages.get(anchor, docname), []).append((anchor, paper))
    _BY_PAGE[app.env][docname] = (shown, by_page)
    return by_page


def split_pages(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Detach and render a long list's extra pages (HTML), or keep them in place (others)."""
    builder = app.builder
    rendered = _RENDERED.setdefault(app.env, {})
    rendered.pop(docname, None)
    kept: dict[str, int] = {}  # the stem of each list's pages -> how many it has
    for place in marked_nodes(doctree, PAGER_ATTR):
        block = place.parent
        pages = [child for child in block.children if isinstance(child, nodes.Element) and PAGE_ATTR in child]
        names = list(place[PAGER_ATTR])
        if not splits(builder, docname):
            join_pages(block, pages)
            block.remove(place)
            continue
        # each page has the list's search box and its line of links to the groups
        shared = [
            child for child in block.children if isinstance(child, nodes.Element) and SEARCH_ATTR in child
        ]
        for page in pages:
            page[0:0] = [node.deepcopy() for node in shared]
        rewrite_links(builder, doctree, pages, names)
        title = app.env.titles[docname].astext() if docname in app.env.titles else ""
        # every page rendered at once, a mark between two (making a writer for each page
        # cost most of the time of a list in 167 pages); an author's text cannot make the
        # mark: it is escaped
        together = nodes.container()
        for number, page in enumerate(pages, start=1):
            block.remove(page)
            wrapper = nodes.container(classes=block["classes"], ids=block["ids"])
            wrapper.extend(page.children)
            wrapper += pager(builder, names, number)
            if number > 1:
                together += nodes.raw("", _PAGE_BREAK, format="html")
            together += wrapper
        rendered_pages = builder.render_partial(together)["fragment"].split(_PAGE_BREAK)  # type: ignore[attr-defined]
        for number, fragment in enumerate(rendered_pages, start=1):
            # TRANSLATORS: an extra page's title, "Accepted papers (page 2 of 10)"
            heading = _("%(title)s (page %(page)s of %(pages)s)") % {
                "title": title,
                "page": number + 1,
                "pages": len(names),
            }
            body = f"<section><h1>{html.escape(heading)}</h1>{_unwrapped(fragment, number, len(pages))}</section>"
            rendered.setdefault(docname, []).append((names[number], heading, body))
        place.replace_self(pager(builder, names, 0))
        kept[names[1].rsplit("-page-", 1)[0]] = len(names)
    if splits(builder, docname) and (kept or PapersDomain.of(app.env).papers.get(docname)):
        remove_stale(app, docname, kept)


#: between two pages rendered at once
_PAGE_BREAK = "<!-- roads-page-break -->"


def _unwrapped(fragment: str, number: int, count: int) -> str:
    """One page's HTML out of the pages rendered together: without the outer container's
    opening tag (first page) or closing tag (last)."""
    if number == 1:
        fragment = fragment.split(">", 1)[1] if fragment.lstrip().startswith("<div") else fragment
    if number == count:
        fragment = fragment.rstrip()
        fragment = fragment[: -len("</div>")] if fragment.endswith("</div>") else fragment
    return fragment.strip("\n")


def join_pages(block: nodes.Element, pages: list[nodes.Element]) -> None:
    """The whole list on one page (a builder that does not split): each page's entries in
    place, a group (or list) cut by a page break one again."""
    for page in pages:
        page.replace_self(page.children)
    for part in [
        child for child in block.children if isinstance(child, nodes.Element) and CONTINUED_ATTR in child
    ]:
        before = block[block.index(part) - 1]
        if isinstance(part, nodes.bullet_list):
            into: nodes.Node = before
            entries: nodes.Node = part
        else:  # a group: its list goes on the list of the group before
            into, entries = before.children[-1], part[-1]
        if isinstance(into, nodes.Element) and isinstance(entries, nodes.Element):
            into.extend(entries.children)
        block.remove(part)


def remove_stale(app: Sphinx, docname: str, kept: dict[str, int]) -> None:
    """The extra pages a list of this document had in an earlier build, and has no more
    (the list is shorter, or gone), are removed: nothing links to them."""
    stems = [docname] + [f"{docname}-list-{number}" for number in range(2, len(kept) + 3)]
    for stem in stems:
        number = kept.get(stem, 1) + 1
        while f"{stem}-page-{number}" not in app.env.found_docs:
            path = Path(app.builder.get_outfilename(f"{stem}-page-{number}"))  # type: ignore[attr-defined]
            if not path.is_file():
                break
            path.unlink()
            number += 1


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """The extra pages rendered in this build, as pages of the site."""
    for docname, pages in sorted(_RENDERED.get(app.env, {}).items()):
        for name, title, body in pages:
            yield name, {"title": title, "body": body, CONTEXT_KEY: (docname, name)}, "page.html"


_ANCHORS: dict[int, tuple[list, frozenset[str]]] = {}


def _anchors(shown: list) -> frozenset[str]:
    """The anchors of a document's papers, found once for all its pages."""
    kept = _ANCHORS.get(id(shown))
    if kept is None or kept[0] is not shown:
        if len(_ANCHORS) > 16:  # a long-running process builds many sites: keep a few
            _ANCHORS.clear()
        kept = _ANCHORS[id(shown)] = (shown, frozenset(anchor for anchor, _paper in shown))
    return kept[1]


_ITEM = re.compile(r'<li\b[^>]*\bid="([^"]+)"[^>]*>.*?</li>', re.DOTALL)
_LINK_CLASS = re.compile(r'<a class="reference (?:external|internal)" ')


def thin_entries(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The links of a paper's entry without Sphinx's classes (``reference external``):
    no style uses them there, and a list of thousands repeats them four times a paper.
    The entries are found by their anchors (the papers the page lists), not by a class."""
    docname = pagename if doctree is not None else (context.get(CONTEXT_KEY) or ("", ""))[0]
    shown = PapersDomain.of(app.env).papers.get(docname) if docname else None
    body = context.get("body") or ""
    if not shown or "<li" not in body:
        return
    anchors = _anchors(shown)

    def thin(entry: re.Match[str]) -> str:
        return _LINK_CLASS.sub("<a ", entry.group(0)) if entry.group(1) in anchors else entry.group(0)

    context["body"] = _ITEM.sub(thin, body)


def setup_paper_pages(app: Sphinx) -> None:
    app.connect("doctree-resolved", split_pages)
    app.connect("html-collect-pages", collect_pages)
    app.connect("html-page-context", thin_entries, priority=400)
