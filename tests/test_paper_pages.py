"""A long list of accepted papers in pages: ``:per-page:``, the extra pages beside the
document, their pager, and every link to a paper leading to the page that shows it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from bs4 import BeautifulSoup

from roads_ext.services.paper_pages import PER_PAGE, page_size, per_page_option


def papers_csv(count: int, sessions: int = 3) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title", "authors", "url", "decision", "session", "board", "pdf"])
    for n in range(count):
        writer.writerow(
            [
                f"s{n:04d}",
                f"Study {n} of sketches",
                f"Author{n} Pagetest; Coauthor{n % 7} Pagetest",
                f"https://example.org/p/{n}",
                ("oral", "spotlight", "poster")[n % 3],
                f"Session {n % sessions + 1}",
                str(n // sessions + 1),
                f"https://example.org/p/{n}.pdf",
            ]
        )
    return out.getvalue()


MYST = """\
# Accepted papers

```{schedule} June 8, 2026
:timezone: UTC
:location: Hall A
- 10:00 - 11:00 Posters
  - papers: s0001, s0230
```

```{accepted-papers} papers.csv
:group-by: session
:search:
:bibtex: file
:per-page: 100
```
"""

DEFAULT = MYST.replace(":per-page: 100\n", "")

RST = """\
Accepted papers
===============

.. accepted-papers:: papers.csv
   :per-page: 40
   :search:
"""


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(page: BeautifulSoup) -> BeautifulSoup:
    return page.find(attrs={"role": "main"}) or page


def test_the_option_and_the_default():
    assert [per_page_option(v) for v in ("50", " all ", "1")] == [50, 0, 1]
    for bad in ("0", "-3", "many", "", "2.5"):
        try:
            per_page_option(bad)
        except ValueError:
            continue
        raise AssertionError(bad)
    # above 200 papers, PER_PAGE a page; a list no longer than its page is one page
    assert (
        page_size(None, 200),
        page_size(None, 201),
        page_size(50, 50),
        page_size(50, 51),
        page_size(0, 9999),
    ) == (
        0,
        PER_PAGE,
        0,
        50,
        0,
    )


def test_by_default_a_list_of_more_than_200_papers_is_in_pages(build_page):
    built = build_page(DEFAULT, files={"papers.csv": papers_csv(250)})
    assert built.warning_lines() == []
    out = Path(built.app.outdir)
    count = -(-250 // PER_PAGE)
    names = ["index.html"] + [f"index-page-{n}.html" for n in range(2, count + 1)]
    assert sorted(p.name for p in out.glob("index*.html")) == sorted(names)
    shown = [len(article(soup(out / name)).select("li.roads-paper")) for name in names]
    assert shown == [PER_PAGE] * (count - 1) + [250 - PER_PAGE * (count - 1)]


def test_a_long_list_in_pages_in_myst(build_page):
    built = build_page(MYST, files={"papers.csv": papers_csv(250)})
    assert built.warning_lines() == []
    out = Path(built.app.outdir)
    names = ["index.html", "index-page-2.html", "index-page-3.html"]
    assert not (out / "index-page-4.html").exists()
    pages = [soup(out / name) for name in names]
    ids = [[li["id"] for li in article(page).select("li.roads-paper")] for page in pages]
    # every paper once, in the list's order, 100 a page
    assert [len(shown) for shown in ids] == [100, 100, 50]
    everything = [anchor for shown in ids for anchor in shown]
    assert sorted(everything) == sorted(f"paper-s{n:04d}" for n in range(250))
    where = {anchor: name for name, shown in zip(names, ids, strict=True) for anchor in shown}
    # groups keep their order; a group cut by a page break has its heading again, continued
    heads = [[h.get_text() for h in article(page).select(".roads-paper-group .rubric")] for page in pages]
    assert heads == [
        ["Session 1 (84 papers)", "Session 2 (83 papers)"],
        ["Session 2 (continued)", "Session 3 (83 papers)"],
        ["Session 3 (continued)"],
    ]
    # the line of links to the groups on each page, each to the page where the group starts
    links = [[a["href"] for a in article(page).select(".roads-paper-groups a")] for page in pages]
    assert links[0] == ["#papers-session-1-1", "#papers-session-2-2", "index-page-2.html#papers-session-3-3"]
    assert links[2] == [
        "index.html#papers-session-1-1",
        "index.html#papers-session-2-2",
        "index-page-2.html#papers-session-3-3",
    ]
    # each page: a pager, its current page marked; the extra page titled and themed
    for number, page in enumerate(pages):
        nav = article(page).select_one("nav.roads-paper-pager")
        assert nav["aria-label"] == "Pages of the list"
        assert nav.select_one("[aria-current=page]").get_text() == str(number + 1)
        hrefs = {a.get_text(): a.get("href") for a in nav.select("a")}
        assert {hrefs[str(n + 1)] for n in range(3) if n != number} == {
            name for n, name in enumerate(names) if n != number
        }
    assert [a.get_text() for a in pages[1].select("nav.roads-paper-pager a[href]")] == [
        "Previous page",
        "1",
        "3",
        "Next page",
    ]
    assert pages[1].title.get_text().startswith("Accepted papers (page 2 of 3)")
    assert article(pages[1]).h1.get_text() == "Accepted papers (page 2 of 3)"
    assert pages[1].select_one("form.roads-paper-search")["data-roads-total"] == "250"
    # the program's papers link to the page that shows each
    program = [a["href"] for a in pages[0].select(".roads-slot-papers a")]
    assert where["paper-s0001"] == "index.html" and where["paper-s0230"] != "index.html"
    assert program == ["#paper-s0001", f"{where['paper-s0230']}#paper-s0230"]
    # one index for the list, each paper with the page that shows it
    script = pages[2].find("script", src=lambda s: s and "roads-papers.js" in s)
    index = json.loads((out / script["data-roads-index"]).read_text())
    assert index["fields"][-1] == "page" and index["pages"] == names
    rows = {row[0]: index["pages"][row[5]] for row in index["papers"]}
    assert rows == where
    # each page describes its own papers to search engines, at their page
    for name, page in zip(names, pages, strict=True):
        (data,) = [
            d
            for d in (json.loads(s.string) for s in page.find_all("script", type="application/ld+json"))
            if d.get("@graph", [{}])[0].get("@type") == "ScholarlyArticle"
        ]
        assert sorted(a["@id"] for a in data["@graph"]) == sorted(
            f"{name}#{anchor}" for anchor, shown_on in where.items() if shown_on == name
        )


def test_a_long_list_in_pages_in_rst_with_its_bibtex(build_page):
    built = build_page(
        RST, suffix=".rst", files={"papers.csv": papers_csv(100)}, html_baseurl="https://example.org/"
    )
    assert built.warning_lines() == []
    out = Path(built.app.outdir)
    counts = [
        len(article(soup(out / n)).select("li.roads-paper"))
        for n in ("index.html", "index-page-2.html", "index-page-3.html")
    ]
    assert counts == [40, 40, 20]
    third = soup(out / "index-page-3.html")
    first = third.select_one("li.roads-paper")["id"]
    # the BibTeX of a paper with no forum link gives its entry on the site, on its page
    assert third.select_one(".roads-paper-bibtex") is not None
    assert (
        f"url = {{https://example.org/p/{int(first[7:])}}}"
        in third.select_one(".roads-paper-bibtex").get_text()
    )


def test_bad_per_page_values_warn_and_fall_back(build_page):
    source = "# P\n\n```{accepted-papers} papers.csv\n:per-page: many\n```\n"
    built = build_page(source, files={"papers.csv": papers_csv(250)})
    src = Path(built.app.srcdir)
    (line,) = built.warning_lines()
    assert line.startswith(f"{src}/index.md:4: WARNING: accepted-papers: option 'per-page': 'many' must be")
    assert line.endswith("[roads.option]")
    assert (Path(built.app.outdir) / "index-page-3.html").is_file()  # the default
    built = build_page(source.replace("many", "0"), suffix=".md", files={"papers.csv": papers_csv(150)})
    assert "'0' must be a positive whole number of papers, or all" in built.warnings
    assert not Path(built.app.outdir, "index-page-2.html").exists()


def test_small_lists_and_all_stay_one_page(build_page):
    built = build_page(
        MYST.replace(":per-page: 100", ":per-page: all"), files={"papers.csv": papers_csv(250)}
    )
    assert built.warning_lines() == []
    page = BeautifulSoup(built.html, "html.parser")
    assert len(page.select("li.roads-paper")) == 250 and not page.select("nav.roads-paper-pager")
    assert not list(Path(built.app.outdir).glob("index-page-*"))
    built = build_page(DEFAULT, files={"papers.csv": papers_csv(200)})
    page = BeautifulSoup(built.html, "html.parser")
    assert len(page.select("li.roads-paper")) == 200 and not page.select("nav.roads-paper-pager")
    assert not page.select_one("form.roads-paper-search").has_attr("data-roads-elsewhere")
    script = page.find("script", src=lambda s: s and "roads-papers.js" in s)
    index = json.loads((Path(built.app.outdir) / script["data-roads-index"]).read_text())
    assert index["fields"] == ["anchor", "title", "authors", "keywords", "award"] and "pages" not in index


def test_a_page_name_taken_by_a_document_is_a_warning(build_page):
    other = "---\norphan: true\n---\n# Another page\n"
    built = build_page(MYST, files={"papers.csv": papers_csv(250), "index-page-2.md": other})
    (line,) = built.warning_lines()
    assert "index.md:10: WARNING: accepted-papers: the list's page 'index-page-2' would replace" in line
    assert line.endswith("[roads.pages]")
    page = BeautifulSoup(built.html, "html.parser")
    assert len(page.select("li.roads-paper")) == 250
    assert "Another page" in (Path(built.app.outdir) / "index-page-2.html").read_text()


def test_a_shorter_list_drops_its_last_pages(build_page):
    build_page(MYST, files={"papers.csv": papers_csv(250)})
    built = build_page(MYST, files={"papers.csv": papers_csv(230)})
    out = Path(built.app.outdir)
    assert (out / "index-page-3.html").is_file()
    built = build_page(MYST, files={"papers.csv": papers_csv(220).replace("Session", "Room")})
    pages = BeautifulSoup(built.html, "html.parser").select("nav.roads-paper-pager a")
    assert [a.get_text() for a in pages] == ["2", "3", "Next page"]
    built = build_page(
        MYST.replace(":per-page: 100", ":per-page: 150"), files={"papers.csv": papers_csv(220)}
    )
    assert not (out / "index-page-3.html").exists() and (out / "index-page-2.html").is_file()
    assert [
        a.get_text() for a in BeautifulSoup(built.html, "html.parser").select("nav.roads-paper-pager a")
    ] == [
        "2",
        "Next page",
    ]


def test_other_builders_show_the_whole_list(build_page):
    built = build_page(MYST, buildername="text", files={"papers.csv": papers_csv(250)})
    assert built.warning_lines() == []
    text = Path(built.app.outdir, "index.txt").read_text()
    assert all(f"Study {n} of sketches" in text for n in range(250))
    assert "(continued)" not in text and text.count("Session 2 (83 papers)") == 1


def test_dirhtml_writes_a_folder_a_page(build_page):
    index = "# Site\n\n```{toctree}\npapers\n```\n"
    built = build_page(index, buildername="dirhtml", files={"papers.csv": papers_csv(250), "papers.md": MYST})
    assert built.warning_lines() == []
    out = Path(built.app.outdir)
    second = soup(out / "papers-page-2" / "index.html")
    assert len(article(second).select("li.roads-paper")) == 100
    nav = article(second).select_one("nav.roads-paper-pager")
    assert [a["href"] for a in nav.select("a[href]")][:2] == ["../papers/", "../papers/"]
    program = [a["href"] for a in soup(out / "papers" / "index.html").select(".roads-slot-papers a")]
    assert program[1].startswith("../papers-page-")


PROGRAM = """\
# Program

```{schedule} June 8, 2026
:timezone: UTC
:location: Hall A
- 10:00 - 11:00 Posters
  - papers: s0230
```
"""


def test_the_program_follows_a_paper_to_its_new_page_on_a_rebuild(build_page):
    index = "# Site\n\n```{toctree}\nprogram\npapers\n```\n"
    papers = "# Papers\n\n```{accepted-papers} papers.csv\n:per-page: 100\n```\n"
    files = {"papers.csv": papers_csv(250), "program.md": PROGRAM, "papers.md": papers}
    built = build_page(index, files=files)
    assert built.warning_lines() == []
    out = Path(built.app.outdir)

    def link() -> str:
        return soup(out / "program.html").select_one(".roads-slot-papers a")["href"]

    first = link()
    assert first.startswith("papers-page-") and first.endswith("#paper-s0230")
    # the program page is not re-read, but written again: its link follows the paper
    built = build_page(index, files={**files, "papers.md": papers.replace("100", "40")})
    # (a second app in one process: Sphinx warns that its nodes are registered again)
    assert [line for line in built.warning_lines() if "while setting up extension" not in line] == []
    second = link()
    assert second != first and second.endswith("#paper-s0230")
    page = second.split("#")[0]
    assert 'id="paper-s0230"' in (out / page).read_text()


def test_an_entry_is_thin(build_page):
    """No tooltip repeating the title, no class no style uses on an entry's links, the title
    once in the schema.org data (a name too only where the headline cuts it)."""
    long_title = "A " + "very " * 30 + "long title"
    source = (
        "id,title,authors,url,decision,pdf,slides\n"
        "p1,Short Title,Ada Thin,https://example.org/1,oral,https://example.org/1.pdf,https://example.org/1s.pdf\n"
        f"p2,{long_title},Ben Thin,https://example.org/2,poster,,\n"
    )
    built = build_page("# P\n\n```{accepted-papers} papers.csv\n```\n", files={"papers.csv": source})
    assert built.warning_lines() == []
    page = BeautifulSoup(built.html, "html.parser")
    links = page.select("li.roads-paper a")
    assert [a.get_text() for a in links] == ["Short Title", "PDF", "Slides", long_title]
    assert not any(a.has_attr("title") or a.has_attr("class") for a in links)
    assert [li.get("class") for li in page.select("li.roads-paper")] == [["roads-paper"], ["roads-paper"]]
    (data,) = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    short, long = data["@graph"]
    assert short["headline"] == "Short Title" and "name" not in short
    assert long["headline"] == long_title[:110] and long["name"] == long_title
