"""A program slot that presents accepted papers (``- paper: <forum id or anchor>``,
``- papers: id1, id2``), and a paper that says where the program presents it: across
pages, in MyST and reStructuredText, for HTML, single-page HTML and text, in the
calendar files, and after an edit of the program alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import TESTS, strip_colors

PROGRAM_MD = """\
---
orphan: true
---
# Program

```{schedule} 2031-06-08
:timezone: UTC
:location: Room 1, Example Hall

- 9:00am-9:20am - Oral: Hash tables that learn (Cy Placeholder)
  - paper: Lm8nB2vC4d
- 10:00am-11:00am - Poster session
  - papers: xK3pQ9rT2a, #paper-coresets-for-continual-learning
  - paper: Lm8nB2vC4e
- 11:00am-11:10am - Closing remarks
  - paper: https://example.org/closing.pdf
```
"""

PROGRAM_RST = """\
:orphan:

Program
=======

.. schedule:: 2031-06-08
   :timezone: UTC
   :location: Room 1, Example Hall

   - 9:00am-9:20am - Oral: Hash tables that learn (Cy Placeholder)
     - paper: Lm8nB2vC4d
   - 10:00am-11:00am - Poster session
     - papers: xK3pQ9rT2a, #paper-coresets-for-continual-learning
     - paper: Lm8nB2vC4e
   - 11:00am-11:10am - Closing remarks
     - paper: https://example.org/closing.pdf
"""


def site(tmp_path: Path, suffix: str) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(TESTS / "roots" / "test-papers", srcdir)
    (srcdir / f"program{suffix}").write_text(PROGRAM_MD if suffix == ".md" else PROGRAM_RST)
    return srcdir


def warnings(app) -> list[str]:
    return [line for line in strip_colors(app.warning.getvalue()).splitlines() if "WARNING" in line]


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_slot_shows_its_papers_and_the_papers_their_slot(make_app, tmp_path, suffix):
    srcdir = site(tmp_path, suffix)
    app = make_app("html", srcdir=srcdir)
    app.build()
    # the unknown one is named, with its line, and what it was near
    assert warnings(app) == [
        f"{srcdir}/program{suffix}:14: WARNING: schedule: no accepted-papers list names a paper "
        "'Lm8nB2vC4e' (did you mean 'Lm8nB2vC4d'?): write the paper's forum id or its anchor (paper-...), "
        "or a link as 'paper: https://...'; the slot is shown without it [roads.paper]"]
    program = BeautifulSoup((Path(app.outdir) / "program.html").read_text(), "html.parser")
    oral, posters, closing = program.select("tr.roads-slot")
    paper = oral.select_one(".roads-slot-paper")
    assert paper.select_one("a")["href"] == "index.html#paper-lm8nb2vc4d"
    assert paper.select_one("a").text == "Learned Hash Tables for <Sparse> Embeddings & More"
    assert " ".join(paper.text.split()) == ("Learned Hash Tables for <Sparse> Embeddings & More · "
                                            "Cy Placeholder, Di Testcase and Grace Testperson")
    # an author declared on the site links to where they are presented
    assert paper.select("a")[-1]["href"] == "people.html#person-grace-testperson"
    assert [(a.text, a["href"]) for a in posters.select(".roads-slot-paper-title")
            for a in [a.parent]] == [
        ("Sketching Gradients with Count-Min Tables", "index.html#paper-xk3pq9rt2a"),
        ("Coresets for Continual Learning", "csv.html#paper-coresets-for-continual-learning")]
    # a URL is still a link
    assert closing.select_one(".roads-slot-links a")["href"] == "https://example.org/closing.pdf"
    assert not closing.select(".roads-slot-paper")

    papers = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
    slots = papers.select_one("#paper-lm8nb2vc4d .roads-paper-slots")
    assert " ".join(slots.text.split()) == \
        "In the program: Contributed talk: Hash tables that learn, Sunday, June 8, 2031, 9:00 AM UTC"
    assert slots.select_one("a")["href"] == "program.html#schedule-hash-tables-that-learn"
    assert program.select_one("#schedule-hash-tables-that-learn") is not None
    # the same paper in a second list (the orals) says it too; a paper no slot names does not
    assert papers.select_one("#orals .roads-paper-slots") is not None
    assert papers.select_one("#paper-qr5st7uv9w .roads-paper-slots") is None
    csv = BeautifulSoup((Path(app.outdir) / "csv.html").read_text(), "html.parser")
    assert "Poster session, Sunday, June 8, 2031, 10:00 AM UTC" in \
        " ".join(csv.select_one("#paper-coresets-for-continual-learning .roads-paper-slots").text.split())

    # the slot's calendar event names its papers
    ics = (Path(app.outdir) / "_calendar" / "program" / "schedule" / "poster-session.ics").read_text()
    unfolded = ics.replace("\r\n ", "")
    assert "Paper: Sketching Gradients with Count-Min Tables (" in unfolded
    assert "Paper: Coresets for Continual Learning (Kim Demo)" in unfolded


def test_editing_the_program_rewrites_the_papers_page(make_app, tmp_path):
    srcdir = site(tmp_path, ".md")
    app = make_app("html", srcdir=srcdir)
    app.build()
    index = Path(app.outdir) / "index.html"
    assert "Hash tables that learn" in index.read_text()
    (srcdir / "program.md").write_text(PROGRAM_MD.replace("Hash tables that learn", "Tables that learn"))
    app = make_app("html", srcdir=srcdir)
    app.build()
    text = index.read_text()
    assert "Contributed talk: Tables that learn, Sunday" in text and "Hash tables that learn" not in text
    # and the other way: a paper's new title reaches the program page
    export = srcdir / "papers.json"
    export.write_text(export.read_text().replace("Learned Hash Tables", "Learned Hash Maps"))
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert "Learned Hash Maps for" in (Path(app.outdir) / "program.html").read_text()


@pytest.mark.parametrize("builder", ["text", "singlehtml"])
def test_other_builders(make_app, tmp_path, builder):
    srcdir = site(tmp_path, ".md")
    # part of the document: singlehtml holds the pages of the toctree
    (srcdir / "program.md").write_text(PROGRAM_MD.split("---\n", 2)[2])
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("csv\n```", "csv\nprogram\n```"))
    app = make_app(builder, srcdir=srcdir)
    app.build()
    assert len(warnings(app)) == 1 and "'Lm8nB2vC4e'" in warnings(app)[0]
    if builder == "text":
        program = " ".join((Path(app.outdir) / "program.txt").read_text().replace("|", " ").split())
        assert "Learned Hash Tables for <Sparse> Embeddings & More · Cy Placeholder" in program
        papers = " ".join((Path(app.outdir) / "index.txt").read_text().split())
        assert "In the program: Contributed talk: Hash tables that learn, Sunday, June 8, 2031, 9:00 AM UTC" in papers
    else:
        page = BeautifulSoup((Path(app.outdir) / "index.html").read_text(), "html.parser")
        assert page.select_one(".roads-slot-paper a")["href"] == "#paper-lm8nb2vc4d"
        assert page.select_one("#paper-lm8nb2vc4d .roads-paper-slots a")["href"] == \
            "#schedule-hash-tables-that-learn"


def test_model_reads_paper_references_and_links():
    from roads_ext.model.program import parse_program

    program = parse_program([
        "- 9:00am-10:00am - Posters",
        "  - papers: aB3dE5fG7h, paper-x, aB3dE5fG7h",
        "  - paper: #paper-y",
        "  - paper: https://example.org/p.pdf",
        "  - papers: https://example.org/p.pdf",
    ], None, __import__("datetime").date(2031, 6, 8))
    slot = program.slots()[0]
    assert [(ref.reference, ref.offset) for ref in slot.papers] == [("aB3dE5fG7h", 1), ("paper-x", 1),
                                                                    ("paper-y", 2)]
    assert [link.url for link in slot.links] == ["https://example.org/p.pdf"]
    assert [p.message for p in program.problems] == [
        "papers 'https://example.org/p.pdf' is not a paper reference: write the paper's forum id or its "
        "anchor, like 'papers: aB3dE5fG7h, paper-xk3pq9rt2a' (a URL goes in 'paper: https://...'); "
        "it is left out"]


def test_parallel_build_joins_the_same(make_app, tmp_path):
    shown = {}
    for parallel in (0, 2):
        srcdir = site(tmp_path / str(parallel), ".md")
        app = make_app("html", srcdir=srcdir, parallel=parallel)
        app.build()
        pages = [BeautifulSoup((Path(app.outdir) / page).read_text(), "html.parser")
                 for page in ("program.html", "index.html", "csv.html")]
        shown[parallel] = [str(pages[0].select(".roads-slot-papers")),
                           *(str(page.select(".roads-paper-slots")) for page in pages[1:])]
    assert shown[0] == shown[2] and "csv.html#paper-coresets-for-continual-learning" in shown[0][0]
    assert "program.html#schedule-poster-session" in shown[0][2]
