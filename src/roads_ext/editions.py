"""Several editions of a workshop in one project: ``roads_editions``, and the editions list.

Each edition is a top-level folder of the source directory (``docs/2024/``,
``docs/2023/``), named in ``roads_editions`` newest first; the first is the current
edition. The people registry is per edition (:mod:`roads_ext.services.registry`). A page
outside every edition folder (the root ``index``, a shared contact page) is in the
current edition, and the root document is the current edition's landing page; an
older edition's landing page is its folder's ``index``.

On HTML pages (``html``, ``dirhtml``, ``singlehtml``; not the e-book) a small
``<nav aria-label="Editions">`` at the top of every page links each edition's landing
page, the page's own edition marked ``aria-current``. It is plain links: no script.
"""

from __future__ import annotations

import html
import posixpath
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform

from .config import conf_py_location
from .core.report import warn
from .diagnostics import RoadsWarning
from .i18n import _
from .model.editions import Editions

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: a ``nodes.raw`` holding the editions list carries this attribute
SWITCHER_ATTR = "roads_editions_nav"


def editions_of(env: BuildEnvironment) -> Editions:
    from .services.registry import PeopleDomain

    return PeopleDomain.of(env).editions


def landing_page(env: BuildEnvironment, editions: Editions, edition: str) -> str | None:
    """The page an edition opens with: the root document for the current edition, its
    folder's ``index`` for an older one (None where that page does not exist)."""
    if edition == editions.current:
        return env.config.root_doc
    docname = f"{edition}/index"
    return docname if docname in env.found_docs else None


def check_editions(app: Sphinx, env: BuildEnvironment) -> None:
    """Every edition named has pages, and an older one a landing page. (An edition whose
    folder holds no page file was left out when conf.py was read, see
    :func:`roads_ext.config.check_settings`; one whose pages are all excluded is kept, and
    warned of here.)"""
    editions = editions_of(env)
    for edition in editions.names:
        if not any(doc.startswith(f"{edition}/") for doc in env.found_docs):
            warn(
                f"roads_editions names edition {edition!r}, but no page is in its folder "
                f"{edition}/ of the source directory; write its pages there, or leave it out "
                "of roads_editions",
                RoadsWarning.EDITION,
                conf_py_location(app, "roads_editions"),
            )
        elif landing_page(env, editions, edition) is None:
            warn(
                f"edition {edition!r} has no landing page: write {edition}/index (.md or .rst), "
                "the page the editions list links for it; it is shown unlinked",
                RoadsWarning.EDITION,
                conf_py_location(app, "roads_editions"),
            )


class EditionsNav(SphinxPostTransform):
    """The editions list at the top of every HTML page."""

    default_priority = 30
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        editions = editions_of(self.env)
        builder = self._builder()
        if not editions.enabled or getattr(builder, "embedded", False):
            return  # no editions; an e-book is one edition's snapshot, with its own contents
        docname = self.env.docname
        here = editions.edition_of(docname)
        items = []
        for edition in editions.names:
            label = html.escape(editions.label(edition))
            landing = landing_page(self.env, editions, edition)
            uri = self._uri(builder, docname, landing) if landing else None
            current = ""
            if edition == here:
                current = ' aria-current="page"' if landing == docname else ' aria-current="true"'
            if uri is None:
                shown = f'<span class="roads-edition"{current}>{label}</span>'
            else:
                shown = f'<a class="roads-edition" href="{html.escape(uri)}"{current}>{label}</a>'
            items.append(f"<li>{shown}</li>")
        # TRANSLATORS: the name of the list of a workshop's editions (for screen readers)
        name = html.escape(_("Editions"))
        # TRANSLATORS: before the list of a workshop's editions (2024, 2023), on every page
        caption = html.escape(_("Editions:"))
        markup = (
            f'<nav class="roads-editions" aria-label="{name}">'
            f'<span class="roads-editions-label" aria-hidden="true">{caption}</span>'
            f'<ul class="roads-editions-list">{"".join(items)}</ul></nav>\n'
        )
        nav = nodes.raw("", markup, format="html")
        nav[SWITCHER_ATTR] = True
        # above the page's title: the first section (a page may open with targets)
        first = next(
            (i for i, child in enumerate(self.document.children) if isinstance(child, nodes.section)), 0
        )
        self.document.insert(first, nav)

    def _builder(self) -> Builder:
        app = getattr(self.env, "_app", None) or self.app
        return app.builder

    def _uri(self, builder: Builder, docname: str, target: str) -> str | None:
        config = self.env.config
        try:
            if docname == getattr(config, "notfound_pagename", None):
                # the 404 page is served at any path: its links start at the site's root
                prefix = getattr(config, "notfound_urls_prefix", None) or "/"
                return prefix.rstrip("/") + "/" + builder.get_target_uri(target)
            uri = builder.get_relative_uri(docname, target)
        except NoUri:
            return None
        # the page itself: its own file name (a folder's page in dirhtml: "./")
        return uri or posixpath.basename(builder.get_target_uri(target)) or "./"


def setup_editions(app: Sphinx) -> None:
    # roads_editions is declared and checked in config.py with the other roads_* values
    app.connect("env-check-consistency", check_editions)
    app.add_post_transform(EditionsNav)
