"""What an author may link to and put in a body: one check for every link."""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..diagnostics import RoadsWarning
from ..model.pasted import MARKDOWN_LINK
from .report import warn

# --- what an author may put in a body ----------------------------------------

SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def link_problem(url: str) -> str | None:
    """Why ``url`` may not be linked, or None when it is safe.

    Absolute links must be http(s) or mailto; relative links stay inside the site (a
    protocol-relative one, ``//example.org``, does not).
    """
    # what browsers ignore in a link left out (ASCII's space is the only printable space)
    if url.isprintable() and " " not in url:
        cleaned = url
    else:
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


def unmade_links(text: str) -> list[tuple[str, str]]:
    """``(url, why)`` for each link written as Markdown in ``text`` that Markdown did not
    make, because it may not be linked: shown as text, the author is told."""
    found = []
    for match in MARKDOWN_LINK.finditer(text):
        problem = link_problem(match.group("url").strip("<>"))
        if problem:
            found.append((match.group("url").strip("<>"), problem))
    return found


#: an http(s) link with a host, or a mailto one, all printable and without spaces:
#: what :func:`link_problem` lets through, found without cleaning it first
_SURELY_SAFE = re.compile(r"(?:https?://[^\s/\\]|mailto:)\S*\Z", re.IGNORECASE)


def _references(document: nodes.document) -> list[nodes.reference]:
    """The page's references, in document order: a walk of its elements only (its text
    nodes hold none), lighter than ``findall`` on every page of a large site."""
    found: list[nodes.reference] = []
    stack: list[nodes.Element] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.reference):
            found.append(node)
        children = [child for child in node.children if isinstance(child, nodes.Element)]
        if children:
            children.reverse()
            stack.extend(children)
    return found


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
        for ref in _references(self.document):
            uri = ref.get("refuri")
            if not uri:  # a link within the page, or one Sphinx resolves at write time
                continue
            if _SURELY_SAFE.match(uri) and uri.isprintable():  # most links: no need to look closer
                continue
            problem = link_problem(uri)
            if problem:
                warn(f"link {uri!r} {problem}; shown as text", RoadsWarning.LINK, ref)
                ref.replace_self(nodes.inline(ref.rawsource, "", *ref.children))
