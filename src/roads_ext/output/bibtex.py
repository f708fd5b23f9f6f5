"""``papers.bib``: the BibTeX of every accepted paper on the site, one file at the root
of the HTML output, which each ``accepted-papers`` list links to.

Written when an HTML build has finished, from the papers the pages keep
(:func:`roads_ext.services.papers.papers_of`), each paper once (a paper in two lists,
all and orals, is one entry), in the order of the pages and the lists; a site with no
accepted papers gets no file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..core.build import is_html_site
from ..services.citations import BIB_FILE, paper_bibtex
from ..services.paper_pages import paper_page
from ..services.papers import paper_identity, papers_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def bib_text(app: Sphinx) -> str:
    """Every paper's entry, each once, separated by a blank line ("" for none)."""
    seen: set[str] = set()
    entries = []
    for docname, shown in sorted(papers_of(app.env).items()):
        for anchor, paper in shown:
            if paper_identity(paper) not in seen:
                seen.add(paper_identity(paper))
                page = paper_page(app.env, app.builder, docname, anchor)
                entries.append(paper_bibtex(app, page, anchor, paper))
    return "\n".join(entries)


def write_bib(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not is_html_site(app.builder):
        return
    text = bib_text(app)
    if text:
        Path(app.outdir, BIB_FILE).write_text(text, encoding="utf-8")


def setup_bibtex(app: Sphinx) -> None:
    app.connect("build-finished", write_bib)
