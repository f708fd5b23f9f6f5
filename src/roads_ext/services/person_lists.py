"""Person references in bulk: a paragraph of names (a paper's authors) and the
post-transform that resolves every person reference of a page before Sphinx's
resolver does.

A list of 5,000 papers has 20,000 authors, most of them declared nowhere. As a
reference each, through Sphinx's resolver (events, a debug log line, the
missing-reference path for each), they cost seconds; here a name that is nobody
stays text, and what is somebody, or may warn, gets the outcome
:mod:`roads_ext.services.registry` gives it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.pages import transform_builder
from ..i18n import _
from .registry import BY_ATTR, FORM_ATTR, QUIET_ATTR, PeopleDomain, person_reference

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class person_names(nodes.paragraph):
    """A paragraph of names, each a quiet person reference: a paper's authors,
    ``A, B and C``.

    ``roads_parts`` alternates names and the words between them. Most authors are
    declared nowhere: the paragraph keeps them as one text, where a reference each would
    be two nodes more, each resolved by Sphinx's resolver (a list of 5,000 papers has
    20,000 authors). :class:`ResolvePersonReferences` cuts the text around the names that
    are somebody (or may warn). Builders write it as the paragraph it is."""


def person_name_list(
    env: BuildEnvironment,
    parts: list[str],
    *,
    by: str,
    location: tuple[str | None, int | None],
    classes: list[str],
) -> person_names:
    """``parts``: ``[name, words, name, words, name]``; each name is recorded as a
    mention on the current page, as :func:`person_reference` records it."""
    domain = PeopleDomain.of(env)
    for name in parts[::2]:
        domain.note_mention(env.docname, " ".join(name.split()))
    text = "".join(parts)
    node = person_names(text, text, classes=classes)
    node["roads_parts"] = [*parts]
    node[BY_ATTR] = by
    node["refdoc"] = env.docname
    node.source, node.line = location
    return node


def author_parts(authors: tuple[str, ...]) -> list[str]:
    """``[A, ", ", B, " and ", C]``: the names and the words between them."""
    parts: list[str] = []
    for index, name in enumerate(authors):
        if index:
            last = index == len(authors) - 1
            # TRANSLATORS: before the last of a paper's authors, "A, B and C"
            parts.append(" " + _("and") + " " if last else ", ")
        parts.append(name)
    return parts


def author_line(
    env: BuildEnvironment, authors: tuple[str, ...], by: str, location: tuple[str | None, int | None]
) -> nodes.paragraph:
    """``A, B and C``, each a quiet person reference: linked when declared on the site;
    most authors are not: plain text, no warning."""
    return person_name_list(
        env, author_parts(authors), by=by, location=location, classes=["roads-paper-authors"]
    )


def author_nodes(
    env: BuildEnvironment, authors: tuple[str, ...], by: str, location: tuple[str | None, int | None]
) -> list[nodes.Node]:
    """The same names inside a line of other words: a quiet person reference each."""
    return [
        person_reference(env, part, strict=False, by=by, location=location)
        if index % 2 == 0
        else nodes.Text(part)
        for index, part in enumerate(author_parts(authors))
    ]


class ResolvePersonReferences(SphinxPostTransform):
    """Resolve the page's person references before Sphinx's resolver does.

    Sphinx's resolver gives every reference events, a debug log line and, unresolved,
    the missing-reference path: on a list of 5,000 papers the 20,000 authors, most
    of them declared nowhere, cost seconds. Here a reference that resolves is replaced,
    and so is a quiet one to a stranger (plain text, no warning); one that may warn is
    left to Sphinx, whose ``nitpick_ignore`` may silence it: the outcome is Sphinx's."""

    default_priority = 8  # after the transforms that add references (5), before Sphinx's (10)

    def run(self, **kwargs: Any) -> None:
        domain = PeopleDomain.of(self.env)
        for names in list(self.document.findall(person_names)):
            shown = self.name_list(domain, names)
            if shown is not None:
                names[:] = shown
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("refdomain") != "roads" or node.get("reftype") != "person":
                continue
            contnode = cast(nodes.Element, node[0].deepcopy() if len(node) else nodes.Text(""))
            page = node.get("refdoc") or self.env.docname
            try:
                resolved = domain.resolve_xref(
                    self.env, page, transform_builder(self), "person", node["reftarget"], node, contnode
                )
            except NoUri:  # a page this builder leaves out (latex): the text, as Sphinx does
                node.replace_self(contnode)
                continue
            if resolved is None and not (
                node.get(QUIET_ATTR) and domain.is_stranger(node["reftarget"], page)
            ):
                continue
            node.replace_self(resolved if resolved is not None else contnode)

    def name_list(self, domain: PeopleDomain, names: person_names) -> list[nodes.Node] | None:
        """The text of ``names``, each name that is somebody (or may warn) a person
        reference, resolved next; None when all are strangers (the text stays)."""
        parts: list[str] = names["roads_parts"]
        page = names.get("refdoc") or self.env.docname
        if all(domain.is_stranger(" ".join(name.split()), page) for name in parts[::2]):
            return None
        shown: list[nodes.Node] = []
        for index, part in enumerate(parts):
            if index % 2:
                shown.append(nodes.Text(part))
                continue
            name = " ".join(part.split())
            if domain.is_stranger(name, page):
                shown.append(nodes.Text(part))
                continue
            ref = addnodes.pending_xref(
                "", nodes.Text(part), refdomain="roads", reftype="person", reftarget=name, refwarn=True
            )
            ref[QUIET_ATTR], ref[FORM_ATTR], ref[BY_ATTR], ref["refdoc"] = True, "link", names[BY_ATTR], page
            ref.source, ref.line = names.source, names.line
            shown.append(ref)
        return shown


def setup_person_lists(app: Sphinx) -> None:
    app.add_post_transform(ResolvePersonReferences)
