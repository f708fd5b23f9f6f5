"""A long list of accepted papers that stays light: groups, a search box and its index.

``accepted-papers`` with ``:group-by:`` (session, track, keyword or decision) shows its
papers in groups, each under a heading of its own with the number of papers, and a line of
links to the groups above them; each group is a block the browser may leave undrawn while
it is off screen (``content-visibility: auto`` in roads.css), so the first paint does not
wait for a list of thousands. With ``:search:``, a search box above the list filters it in
the browser (title, authors, keywords, award) with roads-papers.js, a small script of our
own that reads a JSON index of the page's papers written at build time
(``_static/roads-papers/<page>.json``) and fetched only when the box is first used. Without
the script the whole grouped list is there; the box's place is kept from the first paint
(it is shown, not inserted, by the script: no layout shift). A page with a grouped list
has its papers' schema.org data after the list rather than in its head (:data:`GROUPED_MARK`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..i18n import _
from ..model.awards import award_label
from ..model.papers import DECISION_LABELS, DECISIONS, Paper
from .paper_pages import CONTEXT_KEY, paper_page, sibling_uri
from .papers import papers_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: what a list may be grouped by
GROUPS = ("session", "track", "keyword", "decision")
SEARCH_JS = "roads-papers.js"
#: in ``_static``: one index per page with a search box
INDEX_FOLDER = "roads-papers"
#: the class of the search box: a page whose HTML has it gets the script and its index
SEARCH_CLASS = "roads-paper-search"
#: in a page's HTML where a list is grouped: its schema.org data goes after the list
GROUPED_MARK = 'class="roads-paper-group '


def search_flag(value: str | None) -> bool:
    """``:search:`` (on), ``:search: on`` or ``:search: off``."""
    word = (value or "").strip().lower()
    if word in ("", "on", "yes", "true"):
        return True
    if word in ("off", "no", "false"):
        return False
    raise ValueError("must be empty, on or off")


def group_of(paper: Paper, by: str) -> str:
    """The group a paper is shown in ("" for none): its session, track, first keyword,
    or its decision's label."""
    if by == "session":
        return paper.session
    if by == "track":
        return paper.track
    if by == "keyword":
        return paper.keywords[0] if paper.keywords else ""
    return _(DECISION_LABELS.get(paper.decision) or "") or ""


def group_papers(papers: Iterable[Paper], by: str) -> list[tuple[str, list[Paper]]]:
    """``[(group, papers)]``: the groups in order (decisions in their order, the others by
    name, compared without case), each paper in one group and in the list's order within
    it; the papers of no group last, under ""."""
    groups: dict[str, list[Paper]] = {}
    names: dict[str, str] = {}
    for paper in papers:
        name = group_of(paper, by)
        key = name.casefold()
        names.setdefault(key, name)
        groups.setdefault(key, []).append(paper)
    if by == "decision":
        order = sorted(
            groups, key=lambda key: (key == "", min(DECISIONS.index(p.decision) for p in groups[key]))
        )
    else:
        order = sorted(groups, key=lambda key: (key == "", _natural(key)))
    return [(names[key], groups[key]) for key in order]


def _natural(text: str) -> list[Any]:
    """``Session 2`` before ``Session 10``."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text) if part
    ]


def group_slug(block_anchor: str, number: int, name: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].rstrip("-")
    return f"{block_anchor}-{words or 'group'}-{number + 1}"


def group_heading(name: str, by: str, count: int) -> str:
    """``Session A (12 papers)``; ``Other papers (3)`` for the papers of no group."""
    if not name:
        return _("Other papers (%(count)s)") % {"count": count}
    if count == 1:
        return _("%(group)s (1 paper)") % {"group": name}
    return _("%(group)s (%(count)s papers)") % {"group": name, "count": count}


def groups_nav(entries: list[tuple[str, str, int]]) -> nodes.paragraph:
    """The line of links to the groups: ``Groups: A (12) · B (3)``."""
    line = nodes.paragraph(classes=["roads-paper-groups"])
    label = _("Groups:") + " "
    line += nodes.inline(label, label, classes=["roads-label"])
    for index, (anchor, name, count) in enumerate(entries):
        if index:
            line += nodes.Text(" · ")
        group = name or _("Other papers")
        shown = f"{group} ({count})"
        line += nodes.reference(shown, shown, refid=anchor, internal=True)
    return line


def heading_level(parent: nodes.Node | None) -> int:
    """The level of a heading under ``parent``'s sections: one below the innermost (an
    ``<h2>`` on a page whose list is under its title), at most 6."""
    depth = 0
    while parent is not None:
        depth += isinstance(parent, nodes.section)
        parent = parent.parent
    return min(max(depth, 1) + 1, 6)


def group_block(anchor: str, heading: str, level: int) -> nodes.container:
    """One group: a heading (``<h2>`` to ``<h6>`` in HTML, ``level``) above its list."""
    block = nodes.container(classes=["roads-paper-group"], ids=[anchor])
    block += nodes.rubric(heading, heading, classes=["roads-paper-group-title"], **{"heading-level": level})
    return block


def search_box(anchor: str, total: int, paged: bool = False) -> nodes.raw:
    """The search box (HTML only): shown by roads-papers.js, its place kept until then;
    a list in pages (``paged``) also lists what matches on its other pages."""
    words = {
        "label": _("Search the papers"),
        "in": _("in"),
        "all": _("all fields"),
        "title": _("titles"),
        "authors": _("authors"),
        "keywords": _("keywords"),
        "award": _("awards"),
        # TRANSLATORS: the search box's count; %(shown)s and %(total)s are numbers
        "shown": _("%(shown)s of %(total)s papers shown"),
        "none": _("No paper matches."),
        "elsewhere": _("On other pages of the list:"),
        # TRANSLATORS: after the first 100 papers of other pages that match a search
        "more": _("%(count)s more on other pages: refine the search."),
    }
    esc = {name: html.escape(value, quote=True) for name, value in words.items()}
    fields = "".join(
        f'<option value="{name}">{esc[name]}</option>'
        for name in ("all", "title", "authors", "keywords", "award")
    )
    markup = (
        f'<form class="{SEARCH_CLASS}" role="search" data-roads-shown="{esc["shown"]}" '
        f'data-roads-none="{esc["none"]}" data-roads-total="{total}"'
        + (f' data-roads-elsewhere="{esc["elsewhere"]}" data-roads-more="{esc["more"]}"' if paged else "")
        + ">"
        f'<label for="{anchor}-q">{esc["label"]}</label> '
        f'<input id="{anchor}-q" type="search" autocomplete="off" spellcheck="false"> '
        f'<label for="{anchor}-in">{esc["in"]}</label> '
        f'<select id="{anchor}-in">{fields}</select>'
        f'<p class="roads-paper-search-status" role="status" aria-live="polite"></p>'
        "</form>"
    )
    return nodes.raw("", markup, format="html")


# --- the index, written at build time -----------------------------------------------------


def index_name(pagename: str) -> str:
    return f"{INDEX_FOLDER}/{pagename.replace('/', '--')}.json"


def page_index(
    shown: list[tuple[str, Paper]], pages: dict[str, int] | None = None, urls: list[str] | None = None
) -> dict[str, Any]:
    """The page's papers as the script searches them: ``[anchor, title, authors,
    keywords, award]`` each (a paper in two lists once per list). A list in pages adds
    ``urls`` (the addresses of its pages) and, to each paper of it, the number in
    ``urls`` of the page that shows it (``pages``: anchor -> that number)."""
    rows: list[list[Any]] = []
    for anchor, paper in shown:
        award = _(award_label(paper.award)) if paper.award else ""
        row: list[Any] = [anchor, paper.title, "; ".join(paper.authors), "; ".join(paper.keywords), award]
        if pages and anchor in pages:
            row.append(pages[anchor])
        rows.append(row)
    if not urls:
        return {"fields": ["anchor", "title", "authors", "keywords", "award"], "papers": rows}
    return {
        "fields": ["anchor", "title", "authors", "keywords", "award", "page"],
        "pages": urls,
        "papers": rows,
    }


def add_search(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """A page with a search box: write its index and add the script (this page only);
    a long list's extra page uses the index of its document."""
    extra = context.get(CONTEXT_KEY)
    if (doctree is None and not extra) or f'class="{SEARCH_CLASS}"' not in (context.get("body") or ""):
        return
    docname = extra[0] if extra else pagename
    if not extra:
        write_index(app, docname)
    index_url = context["pathto"](f"_static/{index_name(docname)}", 1)
    app.add_js_file(SEARCH_JS, loading_method="defer", **{"data-roads-index": index_url})


def write_index(app: Sphinx, docname: str) -> None:
    """``_static/roads-papers/<page>.json``: the index of the page's papers, with the pages
    of its lists in pages."""
    shown = papers_of(app.env).get(docname) or []
    on_pages = {anchor: paper_page(app.env, app.builder, docname, anchor) for anchor, _paper in shown}
    names = sorted({docname, *on_pages.values()}, key=lambda name: (name != docname, len(name), name))
    urls = [sibling_uri(app.builder, docname, name) for name in names] if len(names) > 1 else []
    numbers = {anchor: names.index(name) for anchor, name in on_pages.items()} if urls else {}
    target = Path(app.outdir, "_static", index_name(docname))
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(page_index(shown, numbers, urls), ensure_ascii=False, separators=(",", ":"))
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
