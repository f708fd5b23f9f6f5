"""Citations of accepted papers: each paper's BibTeX, and the link to the ``.bib`` of all.

The ``accepted-papers`` directive puts under each paper a container holding its
``@inproceedings`` entry as a literal block (every builder shows it); for HTML,
:class:`BibtexDetails` makes it a ``<details>`` with a ``<pre>`` a visitor opens and
copies. The list's link to :data:`BIB_FILE` (written by :mod:`roads_ext.output.bibtex`
at the end of an HTML build) gets its address at write time (:class:`BibLink`), and
is left out by any other builder.

The workshop is the entry's ``booktitle`` (the project's name), its year
``roads_workshop_date``'s (else the year OpenReview published the paper), its ``url`` the
paper's forum (else its entry on the site, where the site has a base URL);
``roads_archival = False`` adds ``note = {Non-archival}``.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from ..core.build import is_html_site
from ..core.pages import marked_nodes, page_url, transform_builder
from ..core.settings import read_settings
from ..i18n import _
from ..model.bibtex import Citation, bibtex_entry
from ..model.papers import Paper

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: Sphinx's ``project`` where conf.py sets none
PROJECT_PLACEHOLDER = "Project name not set"
#: the file of every paper's entry, at the root of the HTML output
BIB_FILE = "papers.bib"
#: node attribute on a paper's BibTeX container: its entry (for HTML's <details>)
BIBTEX_ATTR = "roads_bibtex"
#: node attribute on the link to the .bib of all papers: the file, at the output's root
BIB_LINK_ATTR = "roads_bib_link"


def workshop_year(config: Config) -> int | None:
    """The year of ``roads_workshop_date`` (read once per build), or None."""
    date = read_settings(config).workshop_date
    return date.year if date else None


def paper_bibtex(app: Sphinx, docname: str, anchor: str, paper: Paper) -> str:
    """The paper's ``@inproceedings`` entry (its key is the one the directive gave it)."""
    citation = Citation(
        title=paper.title,
        authors=paper.authors,
        url=paper.url or page_url(app, docname, anchor),
        year=workshop_year(app.config) or paper.year,
    )
    return bibtex_entry(paper.cite_key, citation, workshop_name(app), app.config.roads_archival)


def workshop_name(app: Sphinx) -> str:
    """The project's name, the entries' ``booktitle``; ``""`` where ``conf.py`` sets none
    (Sphinx's placeholder is no workshop's name)."""
    name = app.config.project or ""
    return "" if name == PROJECT_PLACEHOLDER else name


def bibtex_block(entry: str) -> nodes.container:
    """A paper's BibTeX: a literal block in a container (a ``<details>`` in HTML)."""
    block = nodes.literal_block(entry, entry, language="bibtex", classes=["roads-bibtex-entry"])
    holder = nodes.container("", block, classes=["roads-paper-bibtex"])
    holder[BIBTEX_ATTR] = True
    return holder


def bib_link() -> nodes.paragraph:
    """The list's link to the ``.bib`` of all papers (its address is set at write time)."""
    paragraph = nodes.paragraph(classes=["roads-papers-bib"])
    shown = _("BibTeX of all papers")
    paragraph += nodes.reference(shown, shown, refuri=BIB_FILE)
    paragraph[BIB_LINK_ATTR] = BIB_FILE
    return paragraph


class BibtexDetails(SphinxPostTransform):
    """HTML: a paper's BibTeX in a ``<details>`` (closed), its summary "BibTeX"."""

    default_priority = 30
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        summary = html.escape(_("BibTeX"))
        for holder in marked_nodes(self.document, BIBTEX_ATTR):
            opening = f'<details class="roads-bibtex"><summary>{summary}</summary>'
            holder.insert(0, nodes.raw("", opening, format="html"))
            holder.append(nodes.raw("", "</details>", format="html"))


class BibLink(SphinxPostTransform):
    """The ``.bib`` link: relative to the page in a web site, left out elsewhere."""

    default_priority = 30

    def run(self, **kwargs: Any) -> None:
        builder = transform_builder(self)
        for paragraph in marked_nodes(self.document, BIB_LINK_ATTR):
            if not is_html_site(builder):
                paragraph.parent.remove(paragraph)
                continue
            here = builder.get_target_uri(self.env.docname)
            for reference in paragraph.findall(nodes.reference):
                reference["refuri"] = relative_uri(here, paragraph[BIB_LINK_ATTR])


def setup_citations(app: Sphinx) -> None:
    app.add_post_transform(BibtexDetails)
    app.add_post_transform(BibLink)
