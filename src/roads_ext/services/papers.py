"""Where the accepted papers of every page are kept: a domain, purged and merged per page.

The ``accepted-papers`` directive (:mod:`roads_ext.papers`) records the papers it lists
here; a program slot's ``- paper:`` detail and the calendar files find them here
(:func:`find_paper`), whatever page either is on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from ..core.storage import StorageDomain
from ..model.papers import Paper

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


class PapersDomain(StorageDomain):
    """The papers each page lists, and what each page was last written from (no roles,
    no directives: a domain is where Sphinx keeps per-page data it purges and merges)."""

    name = "roads-papers"
    label = "Accepted papers"
    initial_data: ClassVar[dict[str, Any]] = {
        # docname -> [(anchor, Paper)], in the order shown
        "papers": {},
        # docname -> a digest of the papers and slots it shows of other pages
        "joins": {},
        # docname -> anchor -> the extra page of a long list that shows the paper
        # (roads_ext.services.paper_pages); a paper on the document itself is not in it
        "pages": {},
    }
    per_page = ("papers", "joins", "pages")
    data_version = 3

    @property
    def papers(self) -> dict[str, list[tuple[str, Paper]]]:
        return self.data["papers"]

    @property
    def joins(self) -> dict[str, str]:
        return self.data["joins"]

    @property
    def pages(self) -> dict[str, dict[str, str]]:
        return self.data["pages"]

    def find(self, reference: str) -> tuple[str, str, Paper] | None:
        """``(docname, anchor, paper)`` for a forum id (``aB3dE5fG7h``) or an anchor
        (``paper-ab3de5fg7h``, with or without ``#``), or None."""
        wanted = reference.strip().lstrip("#")
        if not wanted:
            return None
        for docname in sorted(self.papers):
            for anchor, paper in self.papers[docname]:
                if wanted in (paper.key, anchor):
                    return docname, anchor, paper
        return None

    def references(self) -> list[str]:
        """Every forum id and anchor a slot may name (for did-you-mean)."""
        return sorted(
            {
                word
                for shown in self.papers.values()
                for anchor, paper in shown
                for word in (paper.key, anchor)
                if word
            }
        )


def papers_of(env: BuildEnvironment) -> dict[str, list[tuple[str, Paper]]]:
    """docname -> [(anchor, paper)], in the order shown."""
    return PapersDomain.of(env).papers


def find_paper(env: BuildEnvironment, reference: str) -> tuple[str, str, Paper] | None:
    """``(docname, anchor, paper)`` for a forum id or an anchor, or None: what a
    program slot's ``- paper:`` detail needs."""
    return PapersDomain.of(env).find(reference)


def paper_identity(paper: Paper) -> str:
    """One paper, however many lists show it."""
    return paper.key or paper.anchor
