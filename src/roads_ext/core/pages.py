"""Pages and the site: ids, URLs, JSON-LD, a node's line, and the nodes roads_ext marked."""

from __future__ import annotations

import json
import weakref
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


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


def source_line(node: nodes.Node, default: int) -> int:
    """The line of ``node`` or of its nearest ancestor that knows one."""
    current: nodes.Node | None = node
    while current is not None:
        line = getattr(current, "line", None)
        if line:
            return int(line)
        current = current.parent
    return default


def transform_builder(transform: SphinxPostTransform) -> Builder:
    """The builder, for a post-transform (``self.app`` is deprecated from Sphinx 9)."""
    app = getattr(transform.env, "_app", None) or transform.app
    return app.builder


def internal_link(
    transform: SphinxPostTransform, docname: str, anchor: str, shown: nodes.Node, title: str | None = None
) -> nodes.Node:
    """A link to ``docname#anchor``, or the text alone where the output has no such page
    (a LaTeX or man document leaves out pages outside its toctree)."""
    builder = transform_builder(transform)
    if builder.name == "singlehtml" and anchor:
        # every page is one: make_refnode would write "#document-page#anchor", which leads nowhere
        link = nodes.reference("", "", shown, internal=True, refuri=f"#{anchor}")
        if title:
            link["reftitle"] = title
        return link
    try:
        return make_refnode(builder, transform.env.docname, docname, anchor, shown, title)
    except NoUri:
        return shown
