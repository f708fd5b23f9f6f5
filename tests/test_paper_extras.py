"""Accepted papers' materials, posters (sessions and boards), awards (papers and slots) and
citations (BibTeX per paper, the .bib of all, roads_archival): the model, the export
command's fields, and a site built in MyST and in reStructuredText."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import strip_colors
from roads_ext.cli import openreview_export
from roads_ext.diagnostics import RoadsWarning
from roads_ext.model.awards import read_award
from roads_ext.model.bibtex import Citation, bibtex_entry, citation_keys, escape
from roads_ext.model.materials import Material
from roads_ext.model.papers import parse_csv, parse_openreview
from roads_ext.model.program import parse_program

# --- the model ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Best Paper Award", "best-paper"),
        ("best-paper", "best-paper"),
        ("Outstanding paper", "best-paper"),
        ("best papr", "best-paper"),  # a typo one letter off
        ("Best Posters", "best-poster"),
        ("Honorable Mention", "honourable-mention"),
        ("honourable_mention", "honourable-mention"),
        ("Spotlight", "spotlight"),
        ("oral", "oral"),
        ("", ""),
        ("bestest", None),
        ("great work", None),
    ],
)
def test_one_award_vocabulary_tolerates_spellings(written, key):
    assert read_award(written) == key


def test_bibtex_escapes_what_tex_reads_specially():
    assert escape(r"100% of {Sparse} & $5 #1 a_b ~x^2 \o") == (
        r"100\% of \{Sparse\} \& \$5 \#1 a\_b \textasciitilde{}x\textasciicircum{}2 \textbackslash{}o"
    )
    citation = Citation("Sketches & {Sparse}", ("Zoë Exämple", "Bo Sample"), "https://example.org/p?id=a_b", 2031)
    assert bibtex_entry("example2031sketches", citation, "EXW 2031: Example_Workshop", archival=False) == (
        "@inproceedings{example2031sketches,\n"
        "  title = {Sketches \\& \\{Sparse\\}},\n"
        "  author = {Zoë Exämple and Bo Sample},\n"
        "  booktitle = {EXW 2031: Example\\_Workshop},\n"
        "  year = {2031},\n"
        "  url = {https://example.org/p?id=a_b},\n"
        "  note = {Non-archival}\n"
        "}\n"
    )
    assert "note" not in bibtex_entry("k", citation, "EXW")


def test_citation_keys_are_unique_in_file_order():
    same = Citation("On the Sketches", ("Ada Example",), year=2031)
    other = Citation("Zoë's Caches", ("Zoë Exämple",))
    assert citation_keys([same, same, other, same]) == [
        "example2031sketches", "example2031sketchesb", "examplezoes", "example2031sketchesc"
    ]


CSV = """\
title,authors,url,decision,track,award,slides,video,poster,code,link,session,board
"Sketches, at Scale",Ada Example,https://example.org/p/1,oral,,Best Paper Award,https://example.org/s.pdf,https://youtu.be/abc,,https://github.com/ex/s,Blog https://example.org/blog,,
Bloom Filters,Cy Demo,https://example.org/p/2,poster,,,,https://example.org/v.mp4,A7,,,Session A,
Caches,Di Test,https://example.org/p/3,poster,,honourable mention,,,https://example.org/poster.pdf,,,session a,#a7
Quantized,Ed Test,https://example.org/p/4,poster,,great work,ftp://example.org/s.pdf,,,,,,"by the door, left"
"""


def test_csv_materials_boards_and_awards():
    result = parse_csv(CSV)
    sketches, bloom, caches, quantized = result.papers
    assert sketches.award == "best-paper" and sketches.badges == ("best-paper", "oral")
    assert [(m.kind, m.url, m.label) for m in sketches.materials] == [
        ("slides", "https://example.org/s.pdf", ""),
        ("video", "https://youtu.be/abc", ""),
        ("code", "https://github.com/ex/s", ""),
        ("link", "https://example.org/blog", "Blog"),
    ]
    assert sketches.materials[1].host == "YouTube"
    # a poster cell that is a short word is the board; one that is a link is the poster
    assert (bloom.session, bloom.board, bloom.materials[0].host) == ("Session A", "A7", "")
    assert (caches.board, [m.kind for m in caches.materials]) == ("a7", ["poster"])
    assert caches.badges == ("honourable-mention", "poster")
    assert quantized.award == "" and quantized.materials == () and quantized.board == ""
    assert [(p.line, p.subtype, p.message) for p in result.problems] == [
        (5, RoadsWarning.AWARD, "'Quantized': unknown award 'great work': write best paper, best poster, "
         "best student paper, honourable mention, oral or spotlight; it is left out"),
        (5, RoadsWarning.LINK, "'Quantized': the slides link 'ftp://example.org/s.pdf' is not an http(s) "
         "link: write https://...; it is left out"),
        (5, RoadsWarning.BOARD, "'Quantized': the board 'by the door, left' is not a board number: write it "
         "like '12' or 'A7'; it is left out"),
        (4, RoadsWarning.BOARD, "'Caches': board 'a7' of session 'session a' is already the board of "
         "'Bloom Filters' (line 3): give each poster a board of its own"),
    ]


def test_openreview_materials_and_year():
    note = {
        "id": "aB3dE5fG7h", "forum": "aB3dE5fG7h", "pdate": 1939420800000,
        "content": {
            "title": {"value": "Sketches"}, "authors": {"value": ["Ada Example"]},
            "venue": {"value": "EXW 2031 Oral"}, "venueid": {"value": "Example.org/2031/Workshop/EXW"},
            "award": {"value": "Best paper"},
            "slides": {"value": "/attachment/0123.pdf"}, "video": {"value": "https://vimeo.com/1"},
            "code": {"value": "javascript:alert(1)"},
            "session": {"value": "Posters A"}, "board": {"value": 12},
        },
    }
    result = parse_openreview(json.dumps({"notes": [note]}))
    paper = result.papers[0]
    assert paper.materials == (
        Material("slides", "https://openreview.net/attachment/0123.pdf"), Material("video", "https://vimeo.com/1")
    )
    assert paper.materials[1].host == "Vimeo" and paper.award == "best-paper" and paper.year == 2031
    assert (paper.session, paper.board) == ("Posters A", "12")
    assert [p.message for p in result.problems] == [
        "note 1 (aB3dE5fG7h) ('Sketches'): the code link 'javascript:alert(1)' is not an http(s) link: "
        "write https://...; it is left out"
    ]


def test_the_export_keeps_the_materials_fields():
    kept = ("slides", "video", "poster", "code", "session", "board")
    note = {"id": "x", "content": {name: {"value": f"/attachment/{name}"} for name in kept}}
    assert set(openreview_export.note_json(note)["content"]) == set(kept)


def test_a_slot_award_and_boards_in_the_program():
    program = parse_program(
        textwrap.dedent("""\
        - 9:00am-10:00am - Posters
          - papers: aB3dE5fG7h (board 12), paper-bloom (7), xK3pQ9rT2a
          - award: best poster
        - 10:00am-11:00am - Talk
          - award: bestest
        """).splitlines(),
        first_day=dt.date(2031, 6, 8),
    )
    posters, talk = program.slots()
    assert [(ref.reference, ref.board) for ref in posters.papers] == [
        ("aB3dE5fG7h", "12"), ("paper-bloom", "7"), ("xK3pQ9rT2a", "")
    ]
    assert posters.award == "best-poster" and talk.award == ""
    assert [(p.offset, p.subtype) for p in program.problems] == [(4, RoadsWarning.AWARD)]
    assert "(did you mean 'best poster'?)" in program.problems[0].message


# --- a site, in MyST and in reStructuredText -----------------------------------------------

SITE_CSV = """\
title,authors,url,decision,track,award,slides,video,poster,code,link,session,board
"Sketches & {Sparse} 100%","Ada Example, Bo Sample",https://example.org/p/1,oral,,Best Paper Award,https://example.org/s1.pdf,https://www.youtube.com/watch?v=abc,,https://github.com/ex/sketch,Blog post https://example.org/blog,,
Learned Bloom Filters,Cy Demo,https://example.org/p/2,poster,,honorable mention,,https://example.org/video2.mp4,7,,,A,
Caches Revisited,Di Test,https://example.org/p/3,poster,,Best Poster,,,https://example.org/poster3.pdf,,,A,7
Quantized Things,Ed Test,https://example.org/p/4,spotlight,,great work,ftp://example.org/s.pdf,,,,,,
"""

PAGES = {
    ".md": {
        "index.md": "# Workshop\n\n```{toctree}\nprogram\npapers/list\n```\n",
        "papers/list.md": "# Papers\n\n```{accepted-papers} /papers.csv\n```\n",
        "program.md": """\
            # Program

            ```{schedule} 2031-06-08
            :timezone: UTC
            :location: Room 1, Example Hall

            - 9:00am-9:20am - Oral: Sketches (Ada Example)
              - paper: paper-sketches-sparse-100
              - award: best paper
            - 10:00am-11:00am - Poster session
              - papers: paper-learned-bloom-filters, paper-quantized-things (board 7)
              - award: bestest
            ```
            """,
    },
    ".rst": {
        "index.rst": "Workshop\n========\n\n.. toctree::\n\n   program\n   papers/list\n",
        "papers/list.rst": "Papers\n======\n\n.. accepted-papers:: /papers.csv\n",
        "program.rst": """\
            Program
            =======

            .. schedule:: 2031-06-08
               :timezone: UTC
               :location: Room 1, Example Hall

               - 9:00am-9:20am - Oral: Sketches (Ada Example)

                 - paper: paper-sketches-sparse-100
                 - award: best paper
               - 10:00am-11:00am - Poster session

                 - papers: paper-learned-bloom-filters, paper-quantized-things (board 7)
                 - award: bestest
            """,
    },
}
CONF = 'extensions = ["myst_parser", "roads_ext"]\nproject = "Example Workshop 2031"\nroads_workshop_date = "2031-06-08"\n'


def build_site(make_app, tmp_path: Path, suffix: str, conf: str = ""):
    srcdir = tmp_path / f"site{suffix.replace('.', '-')}"
    for name, text in {**PAGES[suffix], "papers.csv": SITE_CSV, "conf.py": CONF + conf}.items():
        path = srcdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    return app, srcdir


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / name).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_site_materials_posters_awards_and_citations(make_app, tmp_path, suffix):
    app, srcdir = build_site(make_app, tmp_path, suffix, "roads_archival = False\n")
    warnings = [line for line in strip_colors(app.warning.getvalue()).splitlines() if "WARNING" in line]
    program_award_line = 12 if suffix == ".md" else 15
    program_papers_line = program_award_line - 1
    assert sorted(warnings) == sorted([
        f"{srcdir}/papers.csv:5: WARNING: accepted-papers: /papers.csv: 'Quantized Things': unknown award "
        "'great work': write best paper, best poster, best student paper, honourable mention, oral or "
        "spotlight; it is left out [roads.award]",
        f"{srcdir}/papers.csv:5: WARNING: accepted-papers: /papers.csv: 'Quantized Things': the slides link "
        "'ftp://example.org/s.pdf' is not an http(s) link: write https://...; it is left out [roads.link]",
        f"{srcdir}/papers.csv:4: WARNING: accepted-papers: /papers.csv: 'Caches Revisited': board '7' of "
        "session 'A' is already the board of 'Learned Bloom Filters' (line 3): give each poster a board of "
        "its own [roads.board]",
        f"{srcdir}/program{suffix}:{program_award_line}: WARNING: schedule: unknown award 'bestest' (did you "
        "mean 'best poster'?): write best paper, best poster, best student paper, honourable mention, oral or "
        "spotlight; it is left out: '- award: bestest' [roads.award]",
        f"{srcdir}/program{suffix}:{program_papers_line}: WARNING: schedule: board '7' is given to 'Learned "
        "Bloom Filters' and to 'Quantized Things' in one session: give each poster a board of its own "
        "[roads.board]",
    ])

    papers = page(app, "papers/list.html")
    block = papers.select_one(".roads-papers")
    assert block.select_one(".roads-papers-archival").text == (
        "Non-archival: the papers are not published as proceedings."
    )
    sketches = papers.find(id="paper-sketches-sparse-100")
    badges = sketches.select(".roads-paper-title .roads-badge")
    assert [(b.text, b["class"]) for b in badges] == [
        ("Best paper", ["roads-badge", "roads-badge-best-paper", "roads-badge-award"]),
        ("Oral", ["roads-badge", "roads-badge-oral"]),
    ]
    # materials: small labelled links; a YouTube video is a link naming its host, no player
    links = [(a.text, a["href"]) for a in sketches.select(".roads-paper-links a")]
    assert links == [
        ("Slides", "https://example.org/s1.pdf"),
        ("Video (YouTube)", "https://www.youtube.com/watch?v=abc"),
        ("Code", "https://github.com/ex/sketch"),
        ("Blog post", "https://example.org/blog"),
    ]
    assert not papers.find_all(["iframe", "video", "embed", "object"])
    # the BibTeX: a closed <details> with a <pre>, TeX's specials escaped
    details = sketches.select_one("details.roads-bibtex")
    assert details.summary.text == "BibTeX" and "open" not in details.attrs
    assert details.pre.text == (
        "@inproceedings{example2031sketches,\n"
        "  title = {Sketches \\& \\{Sparse\\} 100\\%},\n"
        "  author = {Ada Example and Bo Sample},\n"
        "  booktitle = {Example Workshop 2031},\n"
        "  year = {2031},\n"
        "  url = {https://example.org/p/1},\n"
        "  note = {Non-archival}\n"
        "}\n"
    )
    # posters: the paper's session and board, and its slot with the board the program gives
    bloom = papers.find(id="paper-learned-bloom-filters")
    assert bloom.select_one(".roads-paper-board").text == "Poster session: A · Board 7"
    quantized = papers.find(id="paper-quantized-things")
    slot_line = quantized.select_one(".roads-paper-slots")
    assert slot_line.text.startswith("In the program: Poster session, ") and slot_line.text.endswith(", board 7")
    assert slot_line.find_next_sibling("div")["class"][0] == "roads-paper-bibtex"  # the slot above the BibTeX
    # the .bib of all papers, linked from the page (one folder down)
    assert block.select_one(".roads-papers-bib a")["href"] == "../papers.bib"
    bib = (Path(app.outdir) / "papers.bib").read_text(encoding="utf-8")
    assert bib.count("@inproceedings{") == 4 and details.pre.text in bib
    assert bib.count("note = {Non-archival}") == 4
    # JSON-LD: the paper's award
    data = [json.loads(s.string) for s in papers.find_all("script", type="application/ld+json")]
    articles = {a["headline"]: a for d in data for a in d.get("@graph", [])}
    assert articles["Sketches & {Sparse} 100%"]["award"] == "Best paper"
    assert "award" not in articles["Quantized Things"]

    program = page(app, "program.html")
    oral, posters = program.select("tr.roads-slot")
    assert [b.text for b in oral.select(".roads-slot-head .roads-badge-award")] == ["Best paper"]
    assert not posters.select(".roads-badge")  # the unknown award is left out
    assert [p.text for p in posters.select(".roads-slot-paper")] == [
        "Board 7 Learned Bloom Filters · Cy Demo", "Board 7 Quantized Things · Ed Test"
    ]
    event = next(
        json.loads(s.string) for s in program.find_all("script", type="application/ld+json")
        if json.loads(s.string).get("@type") == "Event"
    )
    assert event["subEvent"][0]["workFeatured"] == {
        "@type": "CreativeWork", "name": "Sketches", "award": "Best paper"
    }
    assert "workFeatured" not in event["subEvent"][1]


def test_archival_by_default_and_other_builders(make_app, tmp_path):
    app, srcdir = build_site(make_app, tmp_path, ".md")
    papers = page(app, "papers/list.html")
    assert not papers.select(".roads-papers-archival")
    assert "Non-archival" not in (Path(app.outdir) / "papers.bib").read_text()
    text = make_app("text", srcdir=srcdir)
    text.build()
    shown = (Path(text.outdir) / "papers" / "list.txt").read_text()
    assert "@inproceedings{example2031sketches," in shown  # the BibTeX, as a literal block
    assert "BibTeX of all papers" not in shown  # no .bib beside a text build
    assert not (Path(text.outdir) / "papers.bib").exists()


def test_a_url_is_kept_verbatim_but_cannot_end_its_value():
    entry = bibtex_entry("k", Citation("T", ("A B",), "https://example.org/a_b%20c?x={y}\\z"), "W")
    assert "  url = {https://example.org/a_b%20c?x=%7By%7D%5Cz}\n" in entry


def test_a_board_in_the_program_that_is_no_board_is_left_out_with_a_warning():
    program = parse_program(["- 9:00am-10:00am - Posters", "  - papers: aB3dE5fG7h (by the door), xK3pQ9rT2a (B-4)"],
                            first_day=dt.date(2031, 6, 8))
    (slot,) = program.slots()
    assert [(ref.reference, ref.board) for ref in slot.papers] == [("aB3dE5fG7h", ""), ("xK3pQ9rT2a", "B-4")]
    assert [(p.offset, p.subtype, p.message) for p in program.problems] == [
        (1, RoadsWarning.BOARD, "'aB3dE5fG7h': the board 'by the door' is not a board number: write it like "
         "'12' or 'A7'; it is left out")
    ]
