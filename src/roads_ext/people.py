"""Speakers and committees: ``speaker-card``, ``speakers`` and ``committee``.

Cards and lists are sphinx-design's card and grid structure built from generic
docutils nodes (containers, lists, paragraphs, references), so every builder
renders them; the schema.org data is added for HTML only. A card's photo or
initials avatar is an image slot of ``images`` (profile ``PORTRAIT``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from .core.directive import RoadsDirective
from .core.links import absolute_link_problem, link_problem
from .core.marks import ENTRY_ATTR, PERSON_ATTR
from .core.nodes import card as sd_card
from .core.nodes import grid_item, grid_list, grid_wrapper
from .core.options import columns, text
from .core.pages import json_ld_script, marked_nodes, unique_id
from .diagnostics import RoadsWarning, quoted
from .i18n import _
from .model.people import Person, PersonLineError, name_problem, parse_person_line, tab_problem
from .services import images
from .services.registry import (
    Declaration,
    PeopleDomain,
    declared_person_json_ld,
    page_of,
    person_reference,
    presented_name,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# The parts of what a directive makes that later transforms work on carry these
# attributes (docutils keeps them in the doctree and writes none of them out); no
# transform looks for a CSS class, which is the stylesheet's business alone.

#: on an entry for a name written alone: that name, whose details the registry gives
FILL_ATTR = "roads_fill"
#: on the empty place for those details: "card" (``Affiliation, Country``) or
#: "committee" (`` (Affiliation, Country)``), filled at write time
DETAILS_ATTR = "roads_details"
#: on a card's name: the card's title, whose heading level follows the section
CARD_TITLE_ATTR = "roads_card_title"


# --- nodes a person is shown with ----------------------------------------------


def name_reference(directive: RoadsDirective, person: Person, line: int | None = None) -> nodes.Node:
    """The name of a person a card or list presents, linked to their homepage. Given
    here, it is linked now; else it is a (strict) person reference, resolved at write
    time to their declared name and the homepage given wherever they are declared."""
    if person.homepage:
        return presented_name(person)
    return person_reference(
        directive.env,
        person.name,
        strict=True,
        form="name",
        by=directive.name,
        location=(directive.get_source_info()[0], line or directive.lineno),
    )


def where_nodes(person: Person) -> list[nodes.Node]:
    """``Affiliation, Country`` as one text node. (A node per part and per comma, on
    every card and committee line, made the pages' trees much larger than written
    by hand, and every later transform walks every node.)"""
    return [nodes.Text(person.where)] if person.where else []


def committee_where(person: Person) -> list[nodes.Node]:
    """``(Affiliation, Country)``, after a committee member's name."""
    return [nodes.Text(f"({person.where})")] if person.where else []


def checked_homepage(
    directive: RoadsDirective, url: str, line: int | None = None, option: str | None = None
) -> str:
    if not url:
        return ""
    problem = link_problem(url) or absolute_link_problem(url)
    if problem:
        directive.warn(
            f"homepage {url!r} {problem}; the name is shown unlinked", RoadsWarning.LINK, line, option
        )
        return ""
    return url


# --- speaker cards --------------------------------------------------------------


def speaker_card(
    name: nodes.Node,
    person: Person,
    talk: str = "",
    body: list[nodes.Node] | None = None,
    fill: bool = False,
) -> nodes.container:
    """One speaker as a sphinx-design card, ``name`` its title (see :func:`name_reference`);
    with ``fill``, its details come from the registry at write time."""
    card, card_body = sd_card("roads-speaker-card")
    card[ENTRY_ATTR] = "card"
    # the photo (checked by the directive), or the initials avatar
    card_body += images.image_slot(
        person.photo,
        images.PORTRAIT,
        person.name,
        _("Photo of %(name)s") % {"name": person.name},
        RoadsWarning.PHOTO,
    )
    title = nodes.rubric("", "", classes=["sd-card-title", "roads-person-name"])
    title[CARD_TITLE_ATTR] = True
    title += name
    card_body += title
    where = nodes.paragraph("", "", *where_nodes(person), classes=["roads-where"])
    if fill:
        where[DETAILS_ATTR] = "card"
    card_body += where
    if talk:
        talk_line = nodes.paragraph("", "", classes=["roads-talk"])
        label = _("Talk:") + " "
        talk_line += nodes.inline(label, label, classes=["roads-label"])
        talk_line += nodes.emphasis(talk, talk)
        card_body += talk_line
    if body:
        card_body += nodes.container("", *body, classes=["roads-bio"])
    return card


def card_grid(cards: Sequence[nodes.Element], columns: int = 3) -> nodes.container:
    """Speaker cards in sphinx-design's responsive grid."""
    grid = grid_list(columns, "roads-speakers")
    grid.extend(grid_item(card) for card in cards)
    return grid_wrapper(grid)


class SpeakerCardDirective(RoadsDirective):
    """One speaker: name as the argument, details as options, bio as the body."""

    warning_subtype = RoadsWarning.SPEAKER
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    known_options = {
        "affiliation": text,
        "country": text,
        "homepage": text,
        "photo": text,
        "talk": text,
        "name": text,
    }

    def run_checked(self) -> list[nodes.Node]:
        name = text(self.arguments[0]) if self.arguments else ""
        if not name:
            self.warn(
                "no name: write the speaker's name after the directive, "
                "for example '```{speaker-card} Ada Lovelace'" + self.left_out_details()
            )
            return []
        problem = name_problem(name)
        if problem:
            left_out = self.left_out_details() or "; this card is left out"
            self.warn(f"{problem}: write the speaker's name after the directive{left_out}")
            return []
        options = self.checked_options
        person = Person(
            name=name,
            affiliation=options.get("affiliation", ""),
            country=options.get("country", ""),
            homepage=checked_homepage(self, options.get("homepage", ""), option="homepage"),
            photo=self.checked_photo(options.get("photo", "")),
        )
        card = speaker_card(name_reference(self, person), person, options.get("talk", ""), self.parse_body())
        present(self, card, person, "speaker", self.lineno, fill=False)
        self.label(card, person.name, card["ids"][0])
        card["roads_loose"] = True  # grouped into a grid unless inside {speakers}
        return [card]

    def left_out_details(self) -> str:
        """What a card left out says it leaves out: its details and biography, each quoted."""
        given = [
            f"{label} {quoted(self.checked_options[option])}"
            for option, label in (("affiliation", "affiliation"), ("country", "country"), ("talk", "talk"))
            if self.checked_options.get(option)
        ]
        if self.content:
            biography = " ".join(self.content)
            given.append(f"biography {quoted(biography)}")
        return f"; this card is left out, with its {', '.join(given)}" if given else ""

    def checked_photo(self, photo: str) -> str:
        """The photo's path relative to the source folder, or "" after a warning."""
        return images.checked_image(self, photo, images.PORTRAIT, RoadsWarning.PHOTO, option="photo")


class SpeakersDirective(RoadsDirective):
    """A grid of speakers: ``speaker-card`` directives and/or a people list."""

    warning_subtype = RoadsWarning.SPEAKER
    reads_item_links = True
    has_content = True
    known_options = {"columns": columns, "name": text}

    def run_checked(self) -> list[nodes.Node]:
        if not self.content:
            self.warn(
                "is empty: put speaker-card directives or a list of "
                "'Name (Affiliation, Country)' lines inside it",
                RoadsWarning.EMPTY,
            )
            return []
        parsed = self.parse_body()
        cards: list[nodes.Element] = []
        others: list[nodes.Node] = []
        seen: dict[str, int] = {}
        for node in parsed:
            if isinstance(node, nodes.container) and PERSON_ATTR in node:
                node.attributes.pop("roads_loose", None)
                cards.append(node)
            elif isinstance(node, nodes.bullet_list | nodes.enumerated_list):
                for person, role, fill, line in note_repeats(self, read_people_list(self, node), seen):
                    card = speaker_card(name_reference(self, person, line), person, talk=role, fill=fill)
                    present(self, card, person, "speaker", line, fill)
                    cards.append(card)
            elif isinstance(node, nodes.system_message | nodes.comment | nodes.target):
                others.append(node)
            else:
                self.warn(
                    "only speaker-card directives and a people list belong inside; "
                    f"this {node.__class__.__name__} is shown below the grid",
                    RoadsWarning.CONTENT,
                    node.line or self.lineno,
                )
                others.append(node)
        if not cards:
            self.warn("has no speakers", RoadsWarning.EMPTY)
            return others
        grid = card_grid(cards, self.checked_options.get("columns", 3))
        self.set_source_info(grid)
        self.label(grid, "Speakers")
        return [grid, *others]


# --- people lists -----------------------------------------------------------------


def read_people_list(
    directive: RoadsDirective, people_list: nodes.Element
) -> list[tuple[Person, str, bool, int]]:
    """The items of a Markdown/rST list as ``(person, role, fill, line)``.

    An item that does not read ``Name (Affiliation, Country)`` is a warning and is
    left out. ``fill`` is true for a name written alone: its details come from
    wherever that person is declared.
    """
    read = []
    for item in people_list.children:
        line = item.line or directive.lineno
        paragraphs = [child for child in item.children if isinstance(child, nodes.paragraph)]
        if len(paragraphs) != 1 or len(item.children) != 1:
            directive.warn(
                "each item must be one line 'Name (Affiliation, Country)'; this item is left out: "
                + quoted(item.astext()),
                RoadsWarning.ITEM,
                line,
            )
            continue
        entry = read_person_item(directive, paragraphs[0], line)
        if entry is not None:
            read.append(entry)
    return read


def note_repeats(
    directive: RoadsDirective, people: list[tuple[Person, str, bool, int]], seen: dict[str, int]
) -> list[tuple[Person, str, bool, int]]:
    """``people``, each person listed again in the same block (``seen``: key -> the line
    of the first) a ``roads.duplicate`` warning. Both are still shown (a second role, or
    details, are not lost) and checked against each other."""
    for person, _role, _fill, line in people:
        if person.key in seen:
            directive.warn(
                f"{person.name!r} is listed twice in this block (first at line {seen[person.key]}): "
                "list each person once, with all their roles",
                RoadsWarning.DUPLICATE,
                line,
            )
        else:
            seen[person.key] = line
    return people


def read_person_item(
    directive: RoadsDirective, paragraph: nodes.paragraph, line: int
) -> tuple[Person, str, bool, int] | None:
    """One list item's paragraph as ``(person, role, fill, line)``, or None after a warning."""
    line = paragraph.line or line
    # reStructuredText turns tabs into spaces before parsing: look at the line as written
    tabs = tab_problem(_LIST_MARKER.sub("", directive.written_line(line), count=1))
    if tabs:
        directive.warn(f"{tabs}; this item is left out", RoadsWarning.ITEM, line)
        return None
    first = paragraph.children[0] if paragraph.children else None
    homepage = ""
    try:
        # MyST makes a relative link ([Name](ada.html)) a cross-reference to resolve
        written = (
            first.get("refuri") or first.get("reftarget") or first.get("refid")
            if isinstance(first, nodes.reference | addnodes.pending_xref)
            else ""
        )
        if written:
            rest = "".join(child.astext() for child in paragraph.children[1:])
            parsed = parse_person_line(paragraph.children[0].astext(), rest)
            homepage = checked_homepage(directive, written, line)
        else:
            parsed = parse_person_line(None, paragraph.astext())
            homepage = checked_homepage(directive, parsed.link, line)
    except PersonLineError as error:
        directive.warn(
            f"{paragraph.astext()!r} does not read 'Name (Affiliation, Country)': "
            f"{error}; this item is left out",
            RoadsWarning.ITEM,
            line,
        )
        return None
    person = Person(parsed.name, parsed.affiliation, parsed.country, homepage)
    fill = not parsed.has_details and not homepage
    return person, parsed.role, fill, line


_LIST_MARKER = re.compile(r"^\s*(?:[*+-]|\d+[.)]|#\.)\s+")


# A committee of hundreds is hundreds of lines such as
# ``* [Ada Lovelace](https://example.org/ada) (Analytical Engines, UK) — Chair``.
# Parsing them as Markdown into a list, then reading the people back from that
# list, cost more than the rest of the page. Lines this plain, in MyST with no
# extension that rewrites text, are read directly; anything else (emphasis, an
# escape, a nested list, a continuation line, reStructuredText) goes through the
# parser as before, and so do its warnings.
_PLAIN_ITEM = re.compile(
    r"^[*+-][ \t]+(?:\[(?P<name>[^\[\]]+)\]\((?P<url>(?:https?://|mailto:)[A-Za-z0-9._~:/?#@+,;=-]+)\)"
    r"(?P<rest>[ \t]*(?:\([^()]*\))?[^()]*)|(?P<line>[^\[\]()]+(?:\([^()]*\))?[^()]*))$"
)
_MARKDOWN_ACTIVE = re.compile(r"[*_`\\<>\[\]{}!&|~$]|://|www\.|^\s*#|[ \t]{2,}$")
_TEXT_REWRITING_EXTENSIONS = {"replacements", "smartquotes", "linkify", "substitution"}


def plain_people_list(directive: RoadsDirective) -> list[tuple[Person, str, bool, int]] | None:
    """The content's people when every line is a plain list item, else None (parse it)."""
    if not type(directive.state).__module__.startswith("myst_parser"):
        return None
    if _TEXT_REWRITING_EXTENSIONS & set(getattr(directive.config, "myst_enable_extensions", ())):
        return None
    read = []
    for index, raw in enumerate(directive.content):
        if not raw.strip():
            continue
        match = _PLAIN_ITEM.match(raw)
        if match is None:
            return None
        name, url = match.group("name"), match.group("url") or ""
        words = match.group("rest") if name else match.group("line")
        if _MARKDOWN_ACTIVE.search(words) or (name and _MARKDOWN_ACTIVE.search(name)):
            return None
        line = directive.content_line(index)
        try:
            parsed = parse_person_line(name, words) if name else parse_person_line(None, words)
        except PersonLineError:
            return None  # the parser's path words the warning
        if url and link_problem(url):
            return None  # the parser's path words the warning, once for the whole list
        person = Person(parsed.name, parsed.affiliation, parsed.country, url)
        read.append((person, parsed.role, not parsed.has_details and not url, line))
    return read or None


def present(
    directive: RoadsDirective, node: nodes.Element, person: Person, kind: str, line: int, fill: bool
) -> None:
    """Give ``node`` the person's anchor and record it in the registry."""
    document = directive.state.document
    domain = PeopleDomain.of(directive.env)
    base = person.anchor
    edition = domain.edition_of(directive.env.docname)
    if edition != domain.editions.current:
        # an older edition's card has an anchor of its own: one file (singlehtml, epub)
        # can hold a returning person's card of every edition
        base = f"{base}-{edition}"
    anchor = unique_id(document, base)
    node["ids"].append(anchor)
    document.ids[anchor] = node
    node[PERSON_ATTR] = person.key
    source = directive.get_source_info()[0]
    # located text is also what gettext extracts for translators
    for located in (node, *node.findall(nodes.TextElement)):
        if not located.source:
            located.source, located.line = source, line
    if fill:
        node[FILL_ATTR] = person.name  # its reference notes the mention
    else:
        domain.declare(Declaration(person, kind, directive.env.docname, line, anchor))


def committee_entry(name: nodes.Node, person: Person, role: str, fill: bool = False) -> nodes.list_item:
    """``Name (Affiliation, Country) — Role``, ``name`` as :func:`name_reference` makes
    it. A name written alone (``fill``) gets an empty place for the details, which come
    from the registry at write time."""
    entry = nodes.list_item(classes=["roads-member"])
    entry[ENTRY_ATTR] = "committee"
    line = nodes.paragraph("", "", classes=["roads-member-line"])
    line += nodes.inline("", "", name, classes=["roads-person-name"])
    if person.where:
        line += nodes.Text(" ")
        line += nodes.inline("", "", *committee_where(person), classes=["roads-where"])
    elif fill:  # the space before it comes with the details
        line += nodes.inline("", "", classes=["roads-where"], **{DETAILS_ATTR: "committee"})
    if role:
        line += nodes.Text(" — ")
        line += nodes.inline(role, role, classes=["roads-role"])
    entry += line
    return entry


class CommitteeDirective(RoadsDirective):
    """A list of people: ``* [Name](url) (Affiliation, Country) — Role``."""

    warning_subtype = RoadsWarning.COMMITTEE
    reads_item_links = True
    has_content = True
    optional_arguments = 1  # a caption such as "Program committee"
    argument_is_caption = True
    final_argument_whitespace = True
    known_options = {"name": text}

    def run_checked(self) -> list[nodes.Node]:
        if not self.content:
            self.warn_empty("is empty: write a Markdown list of 'Name (Affiliation, Country)' lines")
            return []
        members = nodes.bullet_list(classes=["roads-committee"], bullet="*")
        self.set_source_info(members)
        trailing: list[nodes.Node] = []
        people = plain_people_list(self)
        if people is None:  # not plain lines: read through the Markdown parser
            lists, trailing = self.parse_body_lists("people", "the list")
            people = [entry for found in lists for entry in read_people_list(self, found)]
        for person, role, fill, line in note_repeats(self, people, {}):
            entry = committee_entry(name_reference(self, person, line), person, role, fill)
            present(self, entry, person, "committee", line, fill)
            members += entry
        result: list[nodes.Node] = []
        if self.arguments:
            caption = text(self.arguments[0])
            result.append(nodes.rubric(caption, caption, classes=["roads-committee-caption"]))
        if len(members):
            result.append(members)
        else:
            self.warn("has no people", RoadsWarning.EMPTY)
        if result and isinstance(result[0], nodes.Element):  # the caption, or else the list
            self.label(result[0], text(self.arguments[0]) if self.arguments else "Committee")
        return result + trailing


# --- after reading: grids and heading levels ----------------------------------------


class ArrangeSpeakerCards(SphinxTransform):
    """Group speaker cards written one after another into one grid, and give each
    card's name the heading level below the section it stands in."""

    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        loose: list[nodes.container] = []
        titles: list[nodes.rubric] = []
        for node in self.document.findall(nodes.Element):  # one walk for both
            if isinstance(node, nodes.container) and node.get("roads_loose"):
                loose.append(node)
            elif isinstance(node, nodes.rubric) and node.get(CARD_TITLE_ATTR):
                titles.append(node)
        for card in loose:
            if not card.get("roads_loose") or card.parent is None:
                continue  # already grouped with the card before it
            parent = card.parent
            index = parent.index(card)
            run = [card]
            for sibling in parent.children[index + 1 :]:
                if isinstance(sibling, nodes.container) and sibling.get("roads_loose"):
                    run.append(sibling)
                else:
                    break
            for member in run:
                del member["roads_loose"]
                parent.remove(member)
            grid = card_grid(run)
            grid.source, grid.line = card.source, card.line
            parent.insert(index, grid)
        for title in titles:
            depth = sum(1 for a in _ancestors(title) if isinstance(a, nodes.section))
            title["heading-level"] = min(depth + 1, 6)


def _ancestors(node: nodes.Node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


# --- at write time: details from the registry ----------------------------------------


class FillPeopleFromRegistry(SphinxPostTransform):
    """Show a name written alone with the details declared elsewhere (a speaker named
    again in a committee gets the affiliation of their speaker card), and note
    the people the page shows, for its schema.org data.

    The names themselves are person references, resolved by Sphinx before this runs
    (:meth:`~roads_ext.services.registry.PeopleDomain.resolve_xref`); a name written alone is
    looked up the same way (:meth:`~roads_ext.services.registry.PeopleDomain.find`).
    """

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        domain = PeopleDomain.of(self.env)
        shown: dict[str, None] = {}  # the keys, in page order
        docname = self.env.docname
        for node in marked_nodes(self.document, PERSON_ATTR):
            page = page_of(node, docname)  # its edition's details
            if FILL_ATTR in node:
                key = domain.find(node[FILL_ATTR], page).key
                if key is None:
                    continue  # its reference gave the warning
                node[PERSON_ATTR] = key  # "Hopper" alone is Grace Hopper's key from now on
                person = domain.lookup(key, page)
                if person is not None:
                    images.set_slot_name(node, person.name)  # the avatar's initials
            if domain.lookup(node[PERSON_ATTR], page) is not None:
                shown[node[PERSON_ATTR]] = None
        for holder in marked_nodes(self.document, DETAILS_ATTR):
            entry = holder.parent
            while entry is not None and FILL_ATTR not in entry:
                entry = entry.parent
            person = domain.lookup(entry[PERSON_ATTR], page_of(entry, docname)) if entry is not None else None
            form = holder.attributes.pop(DETAILS_ATTR)
            if form == "card":
                holder.extend(where_nodes(person) if person else [])
            elif person is not None and person.where:  # a committee line: " (Affiliation, Country)"
                holder.parent.insert(holder.parent.index(holder), nodes.Text(" "))
                holder.extend(committee_where(person))
            else:  # no "()" around nothing
                holder.parent.remove(holder)
        self.document["roads_people_shown"] = list(shown)


# --- schema.org ---------------------------------------------------------------------


def add_people_json_ld(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Describe the people a page shows as schema.org ``Person`` (JSON-LD in the head)."""
    if doctree is None or not doctree.get("roads_people_shown"):
        return
    described = (declared_person_json_ld(app, key, pagename) for key in doctree["roads_people_shown"])
    graph = [data for data in described if data is not None]
    context["metatags"] = context.get("metatags", "") + json_ld_script(
        {"@context": "https://schema.org", "@graph": graph}
    )


def setup_people(app: Sphinx) -> None:
    app.add_directive("speaker-card", SpeakerCardDirective)
    app.add_directive("speakers", SpeakersDirective)
    app.add_directive("committee", CommitteeDirective)
    app.add_transform(ArrangeSpeakerCards)
    app.add_post_transform(FillPeopleFromRegistry)
    app.connect("html-page-context", add_people_json_ld)
