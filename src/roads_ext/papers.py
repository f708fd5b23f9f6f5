"""``accepted-papers``: the list of accepted papers, from an export committed with the site.

The directive reads an OpenReview export (``python3 dev.py papers VENUE_ID`` writes it)
or a CSV, through :mod:`roads_ext.model.papers`, and renders one entry per paper as
generic docutils nodes (every builder renders them): the title linked to its forum, a
badge for the award or the decision, the authors, a PDF link, and the paper's own
anchor. Each author is a quiet person reference
(:func:`roads_ext.services.registry.person_reference`): one declared on the site (a card, a
committee line) links to where they are presented; any other is plain text. For HTML the list is
described to search engines as schema.org ``ScholarlyArticle`` entries.

The papers of each page are kept in a domain (:mod:`roads_ext.services.papers`), by
forum id and anchor, so that a program slot can point to one (``- paper: <forum id>``,
``- papers: id1, id2``): at write time the slot shows the paper's title, linked to its
entry, and its authors; the entry says where the program presents it ("In the program:
..."), linked to the slot. Either may be on another page; each is rewritten when the
other changes (:func:`pages_to_rewrite`).
"""

from __future__ import annotations

import hashlib
import weakref
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .core.blocks import block_anchor
from .core.directive import RoadsDirective
from .core.marks import SLOT_PAPERS_ATTR
from .core.options import choice, text
from .core.pages import internal_link, json_ld_script, marked_nodes, page_link, transform_builder, unique_id
from .core.report import warn
from .diagnostics import RoadsWarning
from .i18n import _, formats
from .model.bibtex import Citation, citation_keys
from .model.imports import PAPER_FORMATS, papers_import
from .model.materials import MATERIALS
from .model.papers import (
    ACCEPTED,
    DECISION_LABELS,
    DECISIONS,
    SORTS,
    Paper,
    choose,
    sort_papers,
)
from .model.problems import did_you_mean
from .services.awards import award_json_ld, badge
from .services.calendars import all_records
from .services.citations import (
    BIBTEX_ATTR,
    bib_link,
    bibtex_block,
    paper_bibtex,
    setup_citations,
    workshop_year,
)
from .services.paper_groups import (
    GROUPED_MARK,
    GROUPS,
    add_search,
    group_block,
    group_heading,
    group_papers,
    group_slug,
    groups_nav,
    heading_level,
    search_box,
    search_flag,
)
from .services.paper_pages import (
    CONTEXT_KEY,
    CONTINUED_ATTR,
    SEARCH_ATTR,
    hold_pages,
    list_pages,
    paper_page,
    papers_by_page,
    per_page_option,
    setup_paper_pages,
    splits,
)
from .services.papers import PapersDomain, find_paper, paper_identity, papers_of
from .services.person_lists import author_line, author_nodes
from .services.registry import declared_person_json_ld
from .services.talks import Talk, slot_summary

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

FORMATS = PAPER_FORMATS
#: ``:bibtex:``: each paper's entry under it (closed), or only in the .bib file of all papers
BIBTEX_CHOICES = ("each", "file")
#: node attribute on a paper's entry: the paper (its forum id, or its anchor), for "In the program"
PAPER_ATTR = "roads_paper"

__all__ = ["AcceptedPapersDirective", "find_paper", "papers_of", "setup_papers"]


def word_list(allowed: tuple[str, ...], noun: str) -> Any:
    """A comma- or space-separated list of words, each one of ``allowed`` (a ``noun``)."""

    def convert(value: str | None) -> tuple[str, ...]:
        words = tuple(
            w for w in (part.strip().lower() for part in (value or "").replace(",", " ").split()) if w
        )
        if not words:
            raise ValueError("is empty")
        for word in words:
            if word not in allowed:
                what = f"is not a {noun}" if len(words) == 1 else f"has {word!r}, which is not a {noun}"
                raise ValueError(
                    f"{what}{did_you_mean(word, allowed)}: write one or more of {', '.join(allowed)}"
                )
        return words

    return convert


def track_list(value: str | None) -> tuple[str, ...]:
    """Tracks are free text: separated by commas only."""
    tracks = tuple(" ".join(part.split()) for part in (value or "").split(",") if part.strip())
    if not tracks:
        raise ValueError("is empty")
    return tracks


class AcceptedPapersDirective(RoadsDirective):
    """``accepted-papers <file>``: the papers of an OpenReview export or a CSV."""

    warning_subtype = RoadsWarning.PAPER
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    #: a body is no part of the list (the papers come from the file): it is shown below
    #: it, with a ``roads.content`` warning, rather than refused (MyST's "no content
    #: permitted", or docutils' error that leaves the whole list out)
    has_content = True
    known_options = {
        "format": choice(*FORMATS),
        "decision": word_list(DECISIONS, "decision"),
        "track": track_list,
        "sort": choice(*SORTS),
        "group-by": choice(*GROUPS),
        "search": search_flag,
        "bibtex": choice(*BIBTEX_CHOICES),
        "per-page": per_page_option,
        "name": text,
    }

    def run_checked(self) -> list[nodes.Node]:
        written = text(self.arguments[0]) if self.arguments else ""
        return self.paper_list(written) + self.body_below(written)

    def body_below(self, written: str) -> list[nodes.Node]:
        """The directive's body, shown below the list, with one ``roads.content`` warning."""
        if not self.content:
            return []
        source = f"the file {written!r}" if written else "a file (written after the directive)"
        self.warn(
            f"the papers come from {source}, not from the text inside the directive; "
            "that text is shown below the list",
            RoadsWarning.CONTENT,
            self.content_line(0),
        )
        return self.parse_body()

    def paper_list(self, written: str) -> list[nodes.Node]:
        if not written:
            self.warn(
                "no file: write the export's path after the directive, for example "
                "'```{accepted-papers} papers.json' (python3 dev.py papers VENUE_ID writes it)",
                RoadsWarning.FILE,
            )
            return []
        found = self.read_export(written)
        if found is None:
            return []
        source, path = found
        result = papers_import(source, path.suffix.lower(), self.checked_options.get("format"))
        year = workshop_year(self.config)
        keys = citation_keys(Citation(p.title, p.authors, year=year or p.year) for p in result.papers)
        result.papers = [replace(paper, cite_key=key) for paper, key in zip(result.papers, keys, strict=True)]
        for problem in result.problems:
            where = f"{path}:{problem.offset}" if problem.offset else str(path)
            warn(f"{self.name}: {written}: {problem.message}", problem.subtype, where)
        decisions = self.checked_options.get("decision", ACCEPTED)
        papers = sort_papers(
            choose(result.papers, decisions, self.checked_options.get("track", ())),
            self.checked_options.get("sort", "decision"),
        )
        if not papers and not any(
            problem.subtype in (RoadsWarning.FILE, RoadsWarning.IMPORT) for problem in result.problems
        ):
            chosen = [f":decision: {' '.join(decisions)}"] if "decision" in self.checked_options else []
            if "track" in self.checked_options:
                chosen.append(f":track: {', '.join(self.checked_options['track'])}")
            self.warn(
                f"no paper of {written!r} is listed"
                + (f" with {' and '.join(chosen)}" if chosen else "")
                + f" ({len(result.papers)} read)",
                RoadsWarning.EMPTY,
            )
        if not papers:
            return []

        anchor = block_anchor(self, "papers")
        block = nodes.container(classes=["roads-papers"], ids=[anchor])
        self.state.document.ids[anchor] = block
        self.set_source_info(block)
        self.label(block, "Accepted papers", anchor)
        if not self.config.roads_archival:
            shown = _("Non-archival: the papers are not published as proceedings.")
            block += nodes.paragraph(shown, shown, classes=["roads-papers-archival"])
        kept = self.fill(block, anchor, papers)
        papers_of(self.env).setdefault(self.env.docname, []).extend(kept)
        block += bib_link()
        return [block]

    def fill(self, block: nodes.container, anchor: str, papers: list[Paper]) -> list[tuple[str, Paper]]:
        """The search box (``:search:``), and the papers' entries: in one list, or in
        groups (``:group-by:``) after a line of links to them; a long list's later pages
        in containers of their own (:mod:`roads_ext.services.paper_pages`); ``[(anchor, paper)]``."""
        size, names = self.pages_of(len(papers))
        if self.checked_options.get("search"):
            box = search_box(anchor, len(papers), paged=len(names) > 1)
            box[SEARCH_ATTR] = True
            block += box
        by = self.checked_options.get("group-by")
        groups = group_papers(papers, by) if by else [("", papers)]
        pages: list[list[nodes.Element]] = [[] for _name in names]
        kept: list[tuple[str, Paper]] = []
        shown_groups: list[tuple[str, str, int]] = []
        level = heading_level(self.parent_node()) if by else 0
        for number, (name, members) in enumerate(groups):
            listing: nodes.bullet_list | None = None
            for paper in members:
                page = len(kept) // size if size else 0
                if listing is None or (size and len(kept) % size == 0):
                    continued = listing is not None
                    listing = nodes.bullet_list(classes=["roads-paper-list"], bullet="-")
                    group = (number, name, len(members), continued)
                    pages[page].append(self.group_part(anchor, by, group, listing, level, shown_groups))
                item = self.paper_item(paper, names[page])
                listing += item
                kept.append((item["ids"][0], paper))
        if by:
            groups_line = groups_nav(shown_groups)
            groups_line[SEARCH_ATTR] = True
            block += groups_line
        hold_pages(self.env, block, pages, names)
        return kept

    def group_part(
        self,
        anchor: str,
        by: str | None,
        group: tuple[int, str, int, bool],
        listing: nodes.bullet_list,
        level: int,
        shown_groups: list[tuple[str, str, int]],
    ) -> nodes.Element:
        """``listing`` under its group's heading (``:group-by:``), or alone; a group that
        goes on over a page break (``continued``) has its heading again, marked so."""
        number, name, count, continued = group
        if continued:
            listing[CONTINUED_ATTR] = True
        if not by:
            return listing
        group_anchor = group_slug(anchor, number, name) + ("-continued" if continued else "")
        group_anchor = unique_id(self.state.document, group_anchor)
        if continued:
            # TRANSLATORS: a group's heading again on the next page, "Session A (continued)"
            heading = _("%(group)s (continued)") % {"group": name or _("Other papers")}
        else:
            heading = group_heading(name, by, count)
            shown_groups.append((group_anchor, name, count))
        holder = group_block(group_anchor, heading, level)
        self.state.document.ids[group_anchor] = holder
        if continued:
            holder[CONTINUED_ATTR] = True
        holder += listing
        return holder

    def pages_of(self, count: int) -> tuple[int, list[str]]:
        """Papers per page (0: one page) and the names of the list's pages; a name that
        is a document of the site already is a warning, and the list one page."""
        size, names = list_pages(self.env, self.checked_options.get("per-page"), count)
        taken = [name for name in names[1:] if name in self.env.found_docs]
        if not taken:
            return size, names
        self.warn(
            f"the list's page {taken[0]!r} would replace the document of that name: "
            "the list is shown on one page (rename that document, or write ':per-page: all')",
            RoadsWarning.PAGES,
        )
        return 0, [self.env.docname]

    def parent_node(self) -> nodes.Node | None:
        """Where the list goes (docutils' state knows; MyST's refuses to say: None)."""
        try:
            return self.state.parent
        except Exception:  # MyST's mock state raises for what it does not mock
            return None

    def read_export(self, written: str) -> tuple[str, Path] | None:
        """The export's text and path, inside the project (relative to the page, or
        ``/``-rooted), or None after a warning."""
        if "://" in written:
            self.warn(
                f"{written!r} must be a file in the project, not a URL: write it with "
                "'python3 dev.py papers VENUE_ID' and commit it",
                RoadsWarning.FILE,
            )
            return None
        source, path, problem = self.read_project_text(written)
        if problem == "lies outside the project":
            self.warn(
                f"{written!r} lies outside the project; put the export beside the page", RoadsWarning.FILE
            )
            return None
        if path is None:
            self.warn(
                f"{written!r} {problem}; write it with 'python3 dev.py papers VENUE_ID' "
                "(see the handbook's guide, 'Accepted papers from OpenReview')",
                RoadsWarning.FILE,
            )
            return None
        if source is None:
            self.warn(f"{written!r} {problem}", RoadsWarning.FILE)
            return None
        return source, path

    def paper_item(self, paper: Paper, pagename: str) -> nodes.list_item:
        anchor = unique_id(self.state.document, paper.anchor)
        item = nodes.list_item(classes=["roads-paper"], ids=[anchor])
        self.state.document.ids[anchor] = item
        self.set_source_info(item)

        title = nodes.paragraph(classes=["roads-paper-title"])
        shown = nodes.strong(paper.title, paper.title)
        title += nodes.reference("", "", shown, refuri=paper.url) if paper.url else shown
        shown_badges = [badge(key) for key in paper.badges]
        if paper.track:
            shown_badges.append(
                nodes.inline(paper.track, paper.track, classes=["roads-badge", "roads-badge-track"])
            )
        for shown_badge in shown_badges:
            if shown_badge is not None:
                title += nodes.Text(" ")
                title += shown_badge
        item += title

        item[PAPER_ATTR] = paper_identity(paper)
        if paper.authors:
            item += author_line(self.env, paper.authors, self.name, self.get_source_info())
        links = self.material_links(paper)
        if len(links):
            item += links
        if paper.board or paper.session:
            item += board_line(paper.session, paper.board)
        if self.checked_options.get("bibtex", "each") == "each":  # "file": in the .bib of all only
            app = getattr(self.env, "_app", None) or self.env.app
            shown_on = pagename if splits(app.builder, self.env.docname) else self.env.docname
            item += bibtex_block(paper_bibtex(app, shown_on, anchor, paper))
        return item

    def material_links(self, paper: Paper) -> nodes.paragraph:
        """The PDF, slides, video, poster, code and labelled links, as small labelled
        links; a video of a known host says which (a link, never a player)."""
        links = nodes.paragraph(classes=["roads-paper-links"])
        if paper.pdf:
            # no tooltip: "PDF of <title>" only repeated the entry's title, a few times a paper
            links += nodes.reference("PDF", "PDF", refuri=paper.pdf)
        for material in paper.materials:
            label = _(MATERIALS[material.kind]) if material.kind in MATERIALS else material.label or _("Link")
            if material.host:
                label = f"{label} ({material.host})"
            if len(links):
                links += nodes.Text(" · ")
            links += nodes.reference(label, label, refuri=material.url)
        return links


def board_line(session: str, board: str) -> nodes.paragraph:
    """``Poster session: A · Board 12``: where a paper's poster hangs."""
    line = nodes.paragraph(classes=["roads-paper-board"])
    if session:
        label = _("Poster session:") + " "
        line += nodes.inline(label, label, classes=["roads-label"])
        line += nodes.Text(session)
    if board:
        if session:
            line += nodes.Text(" · ")
        shown = _("Board %(board)s") % {"board": board}
        line += nodes.inline(shown, shown, classes=["roads-board"])
    return line


# --- a slot's papers, and a paper's slots ------------------------------------------------


def slots_by_paper(env: BuildEnvironment) -> dict[str, list[Talk]]:
    """paper (:func:`paper_identity`) -> the slots that present it, in program order."""
    found: dict[str, list[Talk]] = {}
    for record in all_records(env):
        for slot in record.program.slots() if record.program else []:
            for ref in slot.papers:
                paper = find_paper(env, ref.reference)
                if paper is not None:
                    summary = slot_summary(record, slot, formats(env.config))
                    if ref.board:  # where in the session: "Posters, Thursday 10:00, board 12"
                        summary += ", " + _("board %(board)s") % {"board": ref.board}
                    talk = Talk(record.docname, f"{record.anchor}-{slot.slug}", summary)
                    talks = found.setdefault(paper_identity(paper[2]), [])
                    if talk not in talks:
                        talks.append(talk)
    return found


#: environment -> paper -> the slots that present it, for the build under way (kept
#: beside the environment, not in it: found again at each build's start of writing)
_SLOTS: weakref.WeakKeyDictionary[BuildEnvironment, dict[str, list[Talk]]] = weakref.WeakKeyDictionary()


class ShowSlotPapers(SphinxPostTransform):
    """A slot's ``- paper:`` details become the papers' titles, linked to their entries,
    and their authors. Runs before references are resolved: the authors are person
    references."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        for holder in marked_nodes(self.document, SLOT_PAPERS_ATTR):
            listing = nodes.bullet_list(classes=["roads-slot-papers"], bullet="-")
            boards: dict[str, str] = {}  # board -> the paper on it, in this slot
            for reference, source, line, board in holder[SLOT_PAPERS_ATTR]:
                found = find_paper(self.env, reference)
                if found is None:
                    known = PapersDomain.of(self.env).references()
                    where = (
                        "no accepted-papers list on the site names a paper"
                        if not known
                        else "no accepted-papers list names a paper"
                    )
                    warn(
                        f"schedule: {where} {reference!r}{did_you_mean(reference, known)}: write the "
                        "paper's forum id or its anchor (paper-...), or a link as 'paper: https://...'; "
                        "the slot is shown without it",
                        RoadsWarning.PAPER,
                        (source, line),
                    )
                    continue
                docname, anchor, paper = found
                entry = nodes.paragraph(classes=["roads-slot-paper"])
                board = board or paper.board
                if board:
                    self.check_board(boards, board, paper.title, (source, line))
                    shown = _("Board %(board)s") % {"board": board}
                    entry += [nodes.inline(shown, shown, classes=["roads-board"]), nodes.Text(" ")]
                title = nodes.inline(paper.title, paper.title, classes=["roads-slot-paper-title"])
                shown_on = paper_page(self.env, transform_builder(self), docname, anchor)
                entry += internal_link(self, shown_on, anchor, title)
                if paper.authors:
                    entry += nodes.Text(" · ")
                    entry.extend(author_nodes(self.env, paper.authors, "schedule", (source, line)))
                listing += nodes.list_item("", entry)
            if len(listing):
                holder.replace_self(listing)
            else:
                holder.parent.remove(holder)

    @staticmethod
    def check_board(boards: dict[str, str], board: str, title: str, where: tuple[str, int]) -> None:
        """A board given twice in one session is a warning at the slot (both are shown)."""
        other = boards.setdefault(board.casefold(), title)
        if other != title:
            warn(
                f"schedule: board {board!r} is given to {other!r} and to {title!r} in one session: "
                "give each poster a board of its own",
                RoadsWarning.BOARD,
                where,
            )


class ShowPaperSlots(SphinxPostTransform):
    """A paper's entry says where the program presents it, linked to the slot."""

    default_priority = 25

    def run(self, **kwargs: Any) -> None:
        items = marked_nodes(self.document, PAPER_ATTR)
        if not items:
            return
        slots = _SLOTS.get(self.env)
        if slots is None:
            slots = slots_by_paper(self.env)
        for item in items:
            talks = slots.get(item[PAPER_ATTR])
            if not talks:
                continue
            line = nodes.paragraph(classes=["roads-paper-slots"])
            label = _("In the program:") + " "
            line += nodes.inline(label, label, classes=["roads-label"])
            for index, talk in enumerate(talks):
                if index:
                    line += nodes.Text("; ")
                line += internal_link(
                    self, talk.docname, talk.anchor, nodes.inline(talk.summary, talk.summary)
                )
            citation = [
                i
                for i, child in enumerate(item.children)
                if isinstance(child, nodes.Element) and child.get(BIBTEX_ATTR)
            ]
            item.insert(citation[0] if citation else len(item), line)  # above its BibTeX


def _digest(value: object) -> str:
    return hashlib.sha1(repr(value).encode()).hexdigest()


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """A program whose papers changed, and a papers list whose slots changed, are on
    pages that were not re-read: rewrite them."""
    slots = _SLOTS[env] = slots_by_paper(env)
    joins: dict[str, str] = {}
    for record in all_records(env):
        refs = [
            (ref.reference, found, found and PapersDomain.of(env).pages.get(found[0], {}).get(found[1]))
            for slot in (record.program.slots() if record.program else [])
            for ref in slot.papers
            for found in [find_paper(env, ref.reference)]
        ]
        if refs:
            joins[record.docname] = _digest((joins.get(record.docname), refs))
    for docname, shown in papers_of(env).items():
        joins[docname] = _digest((joins.get(docname), [slots.get(paper_identity(p)) for _a, p in shown]))
    domain = PapersDomain.of(env)
    changed = {
        docname
        for docname in set(joins) | set(domain.joins)
        if joins.get(docname) != domain.joins.get(docname)
    }
    domain.joins.clear()
    domain.joins.update(joins)
    return sorted(changed & set(env.found_docs))


# --- schema.org ---------------------------------------------------------------------------


def paper_json_ld(app: Sphinx, docname: str, anchor: str, paper: Paper) -> dict[str, Any]:
    """A paper as a schema.org ``ScholarlyArticle`` with its authors."""
    authors = []
    for index, name in enumerate(paper.authors):
        data = declared_person_json_ld(app, name, docname) or {"@type": "Person", "name": name}
        profile = paper.profile_url(index)
        if profile and "url" not in data:
            data = {**data, "url": profile}
        authors.append(data)
    article: dict[str, Any] = {
        "@type": "ScholarlyArticle",
        "@id": page_link(app, paper_page(app.env, app.builder, docname, anchor), anchor),
        "headline": paper.title[:110],
        "author": authors,
    }
    if len(paper.title) > 110:  # the headline is cut: the whole title as its name
        article["name"] = paper.title
    if paper.url:
        article["url"] = paper.url
    if paper.pdf:
        article["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": paper.pdf,
            "encodingFormat": "application/pdf",
        }
    if paper.award:
        article["award"] = award_json_ld(paper.award)
    genre = DECISION_LABELS.get(paper.decision) or award_json_ld(paper.award)
    if genre or paper.track:
        article["genre"] = " · ".join(part for part in (genre, paper.track) if part)
    return article


def add_papers_json_ld(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The schema.org data of the papers on this page (a long list's page: its own)."""
    docname = pagename if doctree is not None else (context.get(CONTEXT_KEY) or ("", ""))[0]
    shown = papers_of(app.env).get(docname) if docname else None
    if not shown:
        return
    seen: set[str] = set()  # a paper in two lists (all, and orals) is described once
    graph = []
    for anchor, paper in papers_by_page(app, docname, shown).get(pagename, ()):
        if (paper.key or paper.title) not in seen:
            seen.add(paper.key or paper.title)
            graph.append(paper_json_ld(app, docname, anchor, paper))
    script = json_ld_script({"@context": "https://schema.org", "@graph": graph})
    if GROUPED_MARK in (context.get("body") or ""):
        # a long list's data (about 0.5 KB a paper) after the list, not in the head: the
        # first paint does not wait for it
        context["body"] = context["body"] + script
    else:
        context["metatags"] = context.get("metatags", "") + script


def setup_papers(app: Sphinx) -> None:
    setup_citations(app)
    app.add_domain(PapersDomain)
    app.add_directive("accepted-papers", AcceptedPapersDirective)
    app.add_post_transform(ShowSlotPapers)
    app.add_post_transform(ShowPaperSlots)
    app.connect("env-get-updated", pages_to_rewrite)
    app.connect("html-page-context", add_papers_json_ld)
    app.connect("html-page-context", add_search)
    setup_paper_pages(app)
