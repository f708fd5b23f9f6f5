"""accepted-papers: the list a visitor sees, the warnings an author sees, the export
command (with a fake OpenReview client: no network), and the model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import TESTS
from roads_ext.cli import openreview_export
from roads_ext.model.papers import (
    choose,
    parse_csv,
    parse_openreview,
    read_decision,
    sort_papers,
    split_authors,
    venue_decision,
)

EXPORT = (TESTS / "roots" / "test-papers" / "papers.json").read_text()
CSV = (TESTS / "roots" / "test-papers" / "papers.csv").read_text()


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def main_part(html: str) -> BeautifulSoup:
    page = soup(html)
    return page.find(attrs={"role": "main"}) or page


def paper_titles(block) -> list[str]:
    return [li.select_one(".roads-paper-title strong").text for li in block.select("li.roads-paper")]


# --- the test root ---------------------------------------------------------------------

# Every test of one root shares its source and output folders: without a fresh
# environment a later test's build would read and write nothing, and it would assert on
# an earlier test's pages and warnings.
papers_site = pytest.mark.sphinx("html", testroot="papers", freshenv=True)


@papers_site
def test_each_paper_links_its_forum_pdf_and_declared_authors(app):
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    page = main_part((app.outdir / "index.html").read_text())
    everything = page.select_one("#all .roads-papers") or page.select(".roads-papers")[0]
    # orals, spotlights, posters; the paper still under review is not listed
    assert paper_titles(everything) == [
        "Learned Hash Tables for <Sparse> Embeddings & More", "Pruning at Initialization, Revisited",
        "Sketching Gradients with Count-Min Tables",
    ]
    assert "A Paper Still Under Review" not in page.text
    oral = page.find(id="paper-lm8nb2vc4d")
    assert oral.name == "li"
    assert oral.select_one(".roads-paper-title a")["href"] == "https://openreview.net/forum?id=Lm8nB2vC4d"
    assert oral.select_one(".roads-badge").text == "Oral"
    pdf = oral.select_one(".roads-paper-links a")
    assert pdf["href"] == "https://openreview.net/pdf/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567.pdf"
    # no tooltip repeating the title the entry names already (a few per paper, on a list of thousands)
    assert pdf.text == "PDF" and not pdf.has_attr("title")
    authors = oral.select_one(".roads-paper-authors")
    assert authors.text == "Cy Placeholder, Di Testcase and Grace Testperson"
    # the declared author links to their card, with their details; the others are text
    links = authors.find_all("a")
    assert [(a.text, a["href"]) for a in links] == [("Grace Testperson", "people.html#person-grace-testperson")]
    assert links[0]["title"] == "Grace Testperson, Example University, Nowhere"
    poster = page.find(id="paper-xk3pq9rt2a")
    assert [a.text for a in poster.select(".roads-paper-authors a")] == ["Ada Example"]  # a committee line
    # the author's markup is escaped
    assert "<Sparse>" not in (app.outdir / "index.html").read_text()


@papers_site
def test_decision_filter_and_anchors(app):
    app.build()
    page = main_part((app.outdir / "index.html").read_text())
    orals = page.find(id="orals")
    assert paper_titles(orals) == ["Learned Hash Tables for <Sparse> Embeddings & More"]
    # the same paper twice on a page: the second gets its own anchor
    assert orals.select_one("li.roads-paper")["id"] == "paper-lm8nb2vc4d-2"


@papers_site
def test_csv_in_rst_sorted_by_title_and_chosen_by_track(app):
    app.build()
    page = main_part((app.outdir / "csv.html").read_text())
    first, systems = page.select(".roads-papers")
    assert paper_titles(first) == ["Bloom Filters for Retrieval, at Scale", "Coresets for Continual Learning",
                                   "Quantized Attention on Small Devices"]
    bloom = first.select_one("li.roads-paper")
    assert [b.text for b in bloom.select(".roads-badge")] == ["Best paper", "Oral", "Systems track"]
    assert bloom.select_one(".roads-paper-title a")["href"] == "https://example.org/papers/bloom"
    assert bloom.select_one(".roads-paper-authors").text == "Ada Example and Hal Mockup"
    assert bloom.select_one(".roads-paper-authors a")["href"] == "people.html#person-ada-example"
    assert bloom["id"] == "paper-bloom-filters-for-retrieval-at-scale"
    assert paper_titles(systems) == ["Bloom Filters for Retrieval, at Scale", "Quantized Attention on Small Devices"]


@papers_site
def test_papers_are_scholarly_articles_with_their_authors(app):
    app.build()
    html = (app.outdir / "index.html").read_text()
    data = [json.loads(s.string) for s in soup(html).find_all("script", type="application/ld+json")]
    articles = [item for block in data for item in block.get("@graph", []) if item["@type"] == "ScholarlyArticle"]
    # the title once, as the headline (a name too only where the headline would cut it)
    assert not any("name" in a for a in articles)
    assert [a["headline"] for a in articles] == [
        "Learned Hash Tables for <Sparse> Embeddings & More", "Pruning at Initialization, Revisited",
        "Sketching Gradients with Count-Min Tables",
    ]  # the oral listed twice is described once
    oral = articles[0]
    assert oral["url"] == "https://openreview.net/forum?id=Lm8nB2vC4d"
    assert oral["@id"] == "index.html#paper-lm8nb2vc4d"
    assert oral["encoding"]["contentUrl"].endswith(".pdf") and oral["genre"] == "Oral"
    authors = oral["author"]
    assert [a["name"] for a in authors] == ["Cy Placeholder", "Di Testcase", "Grace Testperson"]
    assert authors[0]["url"] == "https://openreview.net/profile?id=~Cy_Placeholder1"
    assert "url" not in authors[1]  # an e-mail as the author id is not published
    assert authors[2]["@id"] == "people.html#person-grace-testperson"
    assert authors[2]["affiliation"]["name"] == "Example University"
    assert "<Sparse>" not in html.split("application/ld+json")[1]  # escaped inside the script


@pytest.mark.parametrize("builder", ["text", "latex", "epub", "dirhtml", "singlehtml"])
def test_other_builders(make_app, tmp_path, builder):
    srcdir = tmp_path / "src"
    shutil.copytree(TESTS / "roots" / "test-papers", srcdir)
    app = make_app(builder, srcdir=srcdir, confoverrides={"version": "1", "epub_copyright": "x"})
    app.build()
    assert [line for line in app.warning.getvalue().splitlines() if "WARNING" in line] == []
    output = " ".join(p.read_text(errors="ignore") for p in Path(app.outdir).rglob("*")
                      if p.suffix in (".txt", ".tex", ".xhtml", ".html"))
    for title in ("Pruning at Initialization, Revisited", "Coresets for Continual Learning"):
        assert title in output.replace("\n", " ")
    if builder == "text":
        text = (Path(app.outdir) / "index.txt").read_text()
        assert "**Learned Hash Tables for <Sparse> Embeddings & More** Oral" in text
        assert "Cy Placeholder, Di Testcase and Grace Testperson" in text
    if builder == "dirhtml":
        page = soup((Path(app.outdir) / "index.html").read_text())
        assert page.select_one("#paper-lm8nb2vc4d .roads-paper-authors a")["href"] == \
            "people/#person-grace-testperson"


def test_parallel_build_gives_the_same_list(make_app, tmp_path):
    pages = {}
    for parallel in (0, 2):
        srcdir = tmp_path / f"src{parallel}"
        shutil.copytree(TESTS / "roots" / "test-papers", srcdir)
        app = make_app("html", srcdir=srcdir, parallel=parallel)
        app.build()
        pages[parallel] = str(main_part((Path(app.outdir) / "index.html").read_text()).select_one(".roads-papers"))
    assert pages[0] == pages[2] and "people.html#person-grace-testperson" in pages[0]


def test_no_paper_chosen_is_a_warning(build_page, tmp_path):
    built = build_page("# P\n\n```{accepted-papers} good.csv\n:decision: oral\n:track: Demo, Main\n```\n",
                       files={"good.csv": GOOD_CSV})
    assert built.warning_lines() == [
        f"{tmp_path}/src/index.md:3: WARNING: accepted-papers: no paper of 'good.csv' is listed with "
        ":decision: oral and :track: Demo, Main (1 read) [roads.empty]"]


@papers_site
def test_find_paper_by_forum_id_or_anchor(app):
    """What a program slot's '- paper:' detail will name."""
    from roads_ext.services.papers import find_paper

    app.build()
    assert find_paper(app.env, "Qr5sT7uV9w")[:2] == ("index", "paper-qr5st7uv9w")
    assert find_paper(app.env, "#paper-coresets-for-continual-learning")[0] == "csv"
    assert find_paper(app.env, "nothing-here") is None


def test_a_new_export_is_read_on_the_next_build(make_app, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(TESTS / "roots" / "test-papers", srcdir)
    make_app("html", srcdir=srcdir).build()
    export = srcdir / "papers.json"
    export.write_text(export.read_text().replace("Pruning at Initialization, Revisited", "Pruning, Re-revisited"))
    again = make_app("html", srcdir=srcdir)
    again.build()
    page = main_part((Path(again.outdir) / "index.html").read_text())
    assert "Pruning, Re-revisited" in paper_titles(page.select(".roads-papers")[0])


def test_an_author_declared_later_is_linked_on_the_next_build(make_app, tmp_path):
    srcdir = tmp_path / "src"
    shutil.copytree(TESTS / "roots" / "test-papers", srcdir)
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert soup((Path(app.outdir) / "index.html").read_text()).find(id="paper-qr5st7uv9w").find("a", string="Ed Fixture") is None
    people = srcdir / "people.md"
    people.write_text(people.read_text() + "\n```{speaker-card} Ed Fixture\n:affiliation: Fixture Lab\n```\n")
    again = make_app("html", srcdir=srcdir)
    again.build()
    link = soup((Path(again.outdir) / "index.html").read_text()).find(id="paper-qr5st7uv9w").find("a", string="Ed Fixture")
    assert link["href"] == "people.html#person-ed-fixture"


# --- what an author sees when something is wrong --------------------------------------------------

GOOD_CSV = "title,authors,url,decision,track\nA Good Paper,Ann Author,https://example.org/good,poster,\n"
BAD_CSV = (
    "title,authors,url,decision,track\n"
    "A Good Paper,Ann Author,https://example.org/good,poster,\n"
    ",No Title Person,https://example.org/x,poster,\n"
    "Plain Link Paper,Bea Author,http://example.org/plain,oral,\n"
    "Script Link Paper,Cid Author,javascript:alert(1),oral,\n"
    "Misspelled Decision,Dee Author,https://example.org/d,postr,\n"
)
BAD_JSON = '{"notes": [\n {"id": "aaaa1111", "content": {"title": {"value": "Fine"}}},\n {"id": "bbbb2222",, }\n]}\n'
NO_TITLE_JSON = json.dumps({"notes": [
    {"id": "cccc3333", "forum": "cccc3333", "content": {"authors": {"value": ["Eve Author"]}}},
    {"id": "dddd4444", "forum": "dddd4444", "content": {"title": {"value": "Kept Paper"}, "authors": {"value": ["Fin Author"]},
                                                       "pdf": {"value": "ftp://example.org/x.pdf"}}},
]}, indent=1)

BAD_MYST = """\
# Papers

```{accepted-papers} missing.json
```

```{accepted-papers} ../outside.json
```

```{accepted-papers} https://openreview.net/group?id=X
```

```{accepted-papers} bad.csv
:sort: decisoin
:decision: oral poster
```

```{accepted-papers} broken.json
```

```{accepted-papers} notitle.json
```

```{accepted-papers} good.csv
:decision: orla
:trak: Main
```

```{accepted-papers}
```
"""

BAD_RST = """\
Papers
======

.. accepted-papers:: missing.json

.. accepted-papers:: bad.csv
   :sort: decisoin
   :decision: oral poster

.. accepted-papers:: notitle.json

.. accepted-papers:: good.csv
   :decision: orla
   :trak: Main
"""


def bad_files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "outside.json").write_text(EXPORT)
    return {"bad.csv": BAD_CSV, "broken.json": BAD_JSON, "notitle.json": NO_TITLE_JSON, "good.csv": GOOD_CSV}


def test_bad_input_is_located_and_the_rest_is_built_myst(build_page, tmp_path):
    built = build_page(BAD_MYST, files=bad_files(tmp_path))
    src = tmp_path / "src"
    lines = built.warning_lines()
    expected = [
        f"{src}/index.md:3: WARNING: accepted-papers: 'missing.json' does not exist; write it with "
        "'python3 dev.py papers VENUE_ID' (see the handbook's guide, 'Accepted papers from OpenReview') [roads.file]",
        f"{src}/index.md:6: WARNING: accepted-papers: '../outside.json' lies outside the project; "
        "put the export beside the page [roads.file]",
        f"{src}/index.md:9: WARNING: accepted-papers: 'https://openreview.net/group?id=X' must be a file in the "
        "project, not a URL: write it with 'python3 dev.py papers VENUE_ID' and commit it [roads.file]",
        f"{src}/index.md:13: WARNING: accepted-papers: option 'sort': 'decisoin' must be one of decision, title, "
        "file (did you mean 'decision'?); it is ignored [roads.option]",
        f"{src}/bad.csv:3: WARNING: accepted-papers: bad.csv: a paper with no title; it is left out [roads.paper]",
        f"{src}/bad.csv:4: WARNING: accepted-papers: bad.csv: 'Plain Link Paper': the link "
        "'http://example.org/plain' is not an https:// link; it is left out [roads.link]",
        f"{src}/bad.csv:5: WARNING: accepted-papers: bad.csv: 'Script Link Paper': the link "
        "'javascript:alert(1)' is not an https:// link; it is left out [roads.link]",
        f"{src}/bad.csv:6: WARNING: accepted-papers: bad.csv: 'Misspelled Decision': unknown decision 'postr' "
        "(did you mean 'poster'?); write oral, spotlight, poster or accepted (or rejected, withdrawn); the paper "
        "is left out [roads.paper]",
        f"{src}/broken.json:3: WARNING: accepted-papers: broken.json: is not valid JSON (Expecting property name "
        "enclosed in double quotes, line 3 column 20); write the file again with 'python3 dev.py papers "
        "VENUE_ID' or fix it by hand [roads.file]",
        f"{src}/notitle.json:4: WARNING: accepted-papers: notitle.json: note 1 (cccc3333) has no title "
        "(content.title.value); it is left out [roads.paper]",
        f"{src}/notitle.json:15: WARNING: accepted-papers: notitle.json: note 2 (dddd4444): the PDF "
        "'ftp://example.org/x.pdf' is not an https:// link; it is left out [roads.link]",
        f"{src}/index.md:24: WARNING: accepted-papers: option 'decision': 'orla' is not a decision (did you mean 'oral'?): "
        "write one or more of oral, spotlight, poster, accepted, submitted, withdrawn, rejected; it is ignored "
        "[roads.option]",
        f"{src}/index.md:25: WARNING: accepted-papers: unknown option 'trak' (did you mean 'track'?); its value "
        "'Main' is left out [roads.option]",
        f"{src}/index.md:28: WARNING: accepted-papers: no file: write the export's path after the directive, for "
        "example '```{accepted-papers} papers.json' (python3 dev.py papers VENUE_ID writes it) [roads.file]",
    ]
    assert sorted(lines) == sorted(expected), "\n".join(lines)
    page = main_part(built.html)
    titles = [t.text for t in page.select(".roads-paper-title strong")]
    # the rest of each list is built; a bad link is left out, the paper kept
    assert titles == ["Plain Link Paper", "Script Link Paper", "A Good Paper", "Kept Paper", "A Good Paper"]
    plain = page.select("li.roads-paper")[0]
    assert plain.select_one(".roads-paper-title a") is None
    assert "javascript:" not in built.html
    assert page.select("li.roads-paper")[3].select_one(".roads-paper-links") is None


def test_bad_input_rst(build_page, tmp_path):
    built = build_page(BAD_RST, suffix=".rst", files=bad_files(tmp_path))
    src = tmp_path / "src"
    lines = built.warning_lines()
    assert f"{src}/index.rst:4: WARNING: accepted-papers: 'missing.json' does not exist; write it with " \
           "'python3 dev.py papers VENUE_ID' (see the handbook's guide, 'Accepted papers from OpenReview') [roads.file]" in lines
    assert any(line.startswith(f"{src}/index.rst:7: WARNING: accepted-papers: option 'sort': 'decisoin'")
               for line in lines), lines
    assert any(line.startswith(f"{src}/bad.csv:6: WARNING: accepted-papers: bad.csv: 'Misspelled Decision'")
               for line in lines), lines
    assert any(line.startswith(f"{src}/notitle.json:4: WARNING") for line in lines), lines
    assert f"{src}/index.rst:14: WARNING: accepted-papers: unknown option 'trak' (did you mean 'track'?); " \
           "its value 'Main' is left out [roads.option]" in lines
    assert len(lines) == 10, "\n".join(lines)
    titles = [t.text for t in main_part(built.html).select(".roads-paper-title strong")]
    assert titles == ["Plain Link Paper", "Script Link Paper", "A Good Paper", "Kept Paper", "A Good Paper"]


# --- the model ---------------------------------------------------------------------------------


def test_openreview_bare_list_and_api_v1_values():
    notes = json.loads(EXPORT)["notes"]
    assert [p.title for p in parse_openreview(json.dumps(notes)).papers] == \
           [p.title for p in parse_openreview(EXPORT).papers]
    v1 = [{"id": "v1paper01", "forum": "v1paper01", "content": {
        "title": "An Older Venue's Paper", "authors": ["Gil Old"], "authorids": ["~Gil_Old1"],
        "venue": "EXW 2021 Poster", "pdf": "/pdf/abc.pdf"}}]
    paper = parse_openreview(json.dumps(v1)).papers[0]
    assert (paper.title, paper.authors, paper.decision, paper.pdf) == (
        "An Older Venue's Paper", ("Gil Old",), "poster", "https://openreview.net/pdf/abc.pdf")
    result = parse_openreview('{"papers": []}')
    assert result.papers == [] and "is not an OpenReview export" in result.problems[0].message


@pytest.mark.parametrize(("venue", "venue_id", "decision"), [
    ("MLSys 2023 Workshop ROADS Oral", "MLSys.org/2023/Workshop/ROADS", "oral"),
    ("ICLR 2031 spotlight", "ICLR.cc/2031/Conference", "spotlight"),
    ("ROADS 2023 Poster", "", "poster"),
    ("ROADS 2023", "MLSys.org/2023/Workshop/ROADS", "accepted"),
    ("Submitted to ROADS 2023", "MLSys.org/2023/Workshop/ROADS/Submission", "submitted"),
    ("ROADS 2023 Withdrawn Submission", "MLSys.org/2023/Workshop/ROADS/Withdrawn_Submission", "withdrawn"),
    ("", "MLSys.org/2023/Workshop/ROADS/Desk_Rejected_Submission", "rejected"),
])
def test_venue_decision(venue, venue_id, decision):
    assert venue_decision(venue, venue_id) == decision


@pytest.mark.parametrize(("cell", "decision"), [
    ("Oral", "oral"), ("Accept (Poster)", "poster"), ("accepted - spotlight", "spotlight"), ("", "accepted"),
    ("Accept", "accepted"), ("Desk rejected", "rejected"), ("Oarl", None), ("accept maybe", None),
    ("Accepted (short paper)", "accepted"), ("Accepted (talk)", "oral"), ("Accept (pending revisions)", None),
])
def test_read_decision(cell, decision):
    assert read_decision(cell) == decision


def test_csv_quotes_authors_and_sorting():
    result = parse_csv(CSV)
    assert result.problems == []
    bloom = result.papers[0]
    assert bloom.title == "Bloom Filters for Retrieval, at Scale" and bloom.authors == ("Ada Example", "Hal Mockup")
    assert split_authors("Ida Sample and Jo Fixture") == ("Ida Sample", "Jo Fixture")
    assert split_authors("Lovelace, Ada; Turing, Alan") == ("Lovelace, Ada", "Turing, Alan")
    assert [p.title for p in sort_papers(result.papers, "file")] == [p.title for p in result.papers]
    assert [p.decision for p in sort_papers(result.papers)] == ["oral", "poster", "poster"]
    assert [p.title for p in choose(result.papers, ("poster",), ("theory TRACK",))] == ["Coresets for Continual Learning"]
    broken = parse_csv('title,authors\n"An unclosed quote,Ann\n')
    assert broken.problems and broken.problems[0].subtype == "file"
    unknown = parse_csv("titel,authors\nX,Y\n")
    assert unknown.problems[0].message.startswith("unknown column 'titel' (did you mean 'title'?)")


# --- python3 dev.py papers, with a fake OpenReview client ------------------------------------------------


class FakeNote:
    def __init__(self, data: dict) -> None:
        self.data = data

    def to_json(self) -> dict:
        return self.data


class FakeClient:
    """What openreview-py's OpenReviewClient answers, for the calls the command makes."""

    def __init__(self, notes: list[dict]) -> None:
        self.notes = notes
        self.asked: list[dict] = []

    def get_all_notes(self, **query):
        self.asked.append(query)
        venue = query["content"]["venueid"]
        return [FakeNote({**note, "signatures": ["~Someone1"], "readers": ["everyone"]})
                for note in self.notes if note["content"].get("venueid", {}).get("value") == venue]


def test_dev_py_papers_writes_an_export_the_directive_reads(tmp_path, capsys):
    notes = json.loads(EXPORT)["notes"]
    client = FakeClient(list(reversed(notes)))
    out = tmp_path / "docs" / "papers.json"
    code = openreview_export.main(
        ["https://openreview.net/group?id=Example.org/2031/Workshop/EXW", "--out", str(out)],
        client_factory=lambda environ: client)
    assert code == 0
    assert client.asked == [{"content": {"venueid": "Example.org/2031/Workshop/EXW"}}]
    written = json.loads(out.read_text())
    # sorted by number, only the kept fields, the note under review not asked for
    assert [note["number"] for note in written["notes"]] == [4, 9, 12]
    assert "signatures" not in written["notes"][0]
    assert written["notes"][0]["content"]["title"] == {"value": "Sketching Gradients with Count-Min Tables"}
    papers = parse_openreview(out.read_text()).papers
    assert [p.decision for p in papers] == ["poster", "oral", "spotlight"]
    assert "3 papers of Example.org/2031/Workshop/EXW written to" in capsys.readouterr().out


def test_dev_py_papers_with_no_paper_writes_nothing(tmp_path, capsys):
    out = tmp_path / "papers.json"
    code = openreview_export.main(["Nobody.org/2031/Workshop", "--out", str(out)],
                                  client_factory=lambda environ: FakeClient([]))
    assert code == 1 and not out.exists()
    assert "returned no accepted paper for venue 'Nobody.org/2031/Workshop'" in capsys.readouterr().err


def test_dev_py_papers_logs_in_only_with_credentials(monkeypatch):
    import sys
    import types

    made = []
    api = types.SimpleNamespace(OpenReviewClient=lambda **kwargs: made.append(kwargs) or "client")
    monkeypatch.setitem(sys.modules, "openreview", types.SimpleNamespace(api=api))
    openreview_export.make_client({})
    openreview_export.make_client({"OPENREVIEW_USERNAME": "ann@example.org", "OPENREVIEW_PASSWORD": "pw"})
    assert made == [{"baseurl": "https://api2.openreview.net"},
                    {"baseurl": "https://api2.openreview.net", "username": "ann@example.org", "password": "pw"}]
