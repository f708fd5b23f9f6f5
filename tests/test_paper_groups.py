"""A long list of accepted papers: ``:group-by:``, ``:search:`` and its index, ``:bibtex: file``."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from roads_ext.model.materials import split_keywords
from roads_ext.model.papers import parse_csv, parse_openreview
from roads_ext.services.paper_groups import group_papers

CSV = """\
id,title,authors,url,decision,track,award,session,board,keywords
p1,Sketches at Scale,Ada Groupauthor; Ben Groupauthor,https://example.org/1,oral,Main,best paper,Session 10,1,sketching | hashing
p2,Hashing Revisited,Cy Groupauthor,https://example.org/2,poster,Demo,,Session 2,4,hashing
p3,Unsorted Thoughts,Di Groupauthor,https://example.org/3,poster,,,,,
p4,Bloom Filters Again,Ed Groupauthor,https://example.org/4,spotlight,Main,,Session 2,5,Sketching; filters
"""

MYST = """\
# Papers

```{accepted-papers} papers.csv
:group-by: session
:search:
:bibtex: file
```
"""

RST = """\
Papers
======

.. accepted-papers:: papers.csv
   :group-by: keyword
   :search: on
"""


def article(html: str) -> BeautifulSoup:
    page = BeautifulSoup(html, "html.parser")
    return page.find(attrs={"role": "main"}) or page


def test_keywords_are_read_from_a_csv_and_openreview():
    assert split_keywords("sketching | hashing; Sketching, filters") == ("sketching", "hashing", "filters")
    papers = parse_csv(CSV).papers
    assert [p.keywords for p in papers] == [
        ("sketching", "hashing"),
        ("hashing",),
        (),
        ("Sketching", "filters"),
    ]
    note = {
        "id": "a1",
        "forum": "a1",
        "content": {
            "title": {"value": "T"},
            "authors": {"value": ["A B"]},
            "venue": {"value": "X 2026 Poster"},
            "keywords": {"value": ["graphs", "  sparse  ", 5]},
        },
    }
    assert parse_openreview(json.dumps({"notes": [note]})).papers[0].keywords == ("graphs", "sparse")


def test_groups_in_natural_order_with_the_papers_of_no_group_last():
    papers = parse_csv(CSV).papers
    groups = group_papers(papers, "session")
    assert [(name, [p.key for p in members]) for name, members in groups] == [
        ("Session 2", ["p2", "p4"]),
        ("Session 10", ["p1"]),
        ("", ["p3"]),
    ]
    assert [name for name, _ in group_papers(papers, "keyword")] == ["hashing", "sketching", ""]
    assert [name for name, _ in group_papers(papers, "decision")] == ["Oral", "Spotlight", "Poster"]
    assert [name for name, _ in group_papers(papers, "track")] == ["Demo", "Main", ""]


def test_a_grouped_searchable_list_in_myst(build_page):
    built = build_page(MYST, files={"papers.csv": CSV})
    assert built.warning_lines() == []
    page = article(built.html)
    groups = page.select(".roads-papers .roads-paper-group")
    assert [g.select_one("h2.rubric").get_text() for g in groups] == [
        "Session 2 (2 papers)",
        "Session 10 (1 paper)",
        "Other papers (1)",
    ]
    assert [[li["id"] for li in g.select("li.roads-paper")] for g in groups] == [
        ["paper-p4", "paper-p2"],
        ["paper-p1"],
        ["paper-p3"],
    ]  # by decision (the default sort) in each
    nav = page.select_one(".roads-paper-groups")
    assert [(a.get_text(), a["href"]) for a in nav.select("a")] == [
        (f"{name} ({count})", f"#{group['id']}")
        for (name, count), group in zip(
            (("Session 2", 2), ("Session 10", 1), ("Other papers", 1)), groups, strict=True
        )
    ]
    # the search box is in the page (hidden until the script shows it), labelled
    form = page.select_one("form.roads-paper-search")
    field = form.select_one("input[type=search]")
    assert form.select_one(f"label[for={field['id']}]").get_text() == "Search the papers"
    assert form["data-roads-total"] == "4"
    # no BibTeX block per paper, the .bib of all papers still linked
    assert not page.select(".roads-paper-bibtex") and page.select_one(".roads-papers-bib a")
    # the script is on this page only, with its index, written at build time
    script = BeautifulSoup(built.html, "html.parser").find(
        "script", src=lambda s: s and "roads-papers.js" in s
    )
    assert script is not None and script.has_attr("defer")
    index = Path(built.app.outdir) / script["data-roads-index"]
    data = json.loads(index.read_text())
    assert data["fields"] == ["anchor", "title", "authors", "keywords", "award"]
    assert [
        "paper-p1",
        "Sketches at Scale",
        "Ada Groupauthor; Ben Groupauthor",
        "sketching; hashing",
        "Best paper",
    ] in data["papers"]
    assert len(data["papers"]) == 4
    assert (Path(built.app.outdir) / "_static" / "roads-papers.js").is_file()
    # the schema.org data of a long list comes after it, not in the head before the first paint
    whole = BeautifulSoup(built.html, "html.parser")
    assert whole.head.find("script", type="application/ld+json") is None
    data = json.loads(whole.body.find("script", type="application/ld+json").string)
    assert len(data["@graph"]) == 4 and data["@graph"][0]["@type"] == "ScholarlyArticle"
    assert built.html.index('type="application/ld+json"') > built.html.index('id="paper-p3"')


def test_a_grouped_list_in_rst_by_keyword_keeps_each_bibtex(build_page):
    built = build_page(RST, suffix=".rst", files={"papers.csv": CSV})
    assert built.warning_lines() == []
    page = article(built.html)
    heads = [h.get_text() for h in page.select(".roads-paper-group h2")]
    assert heads == ["hashing (1 paper)", "sketching (2 papers)", "Other papers (1)"]  # a first keyword each
    assert len(page.select(".roads-paper-bibtex")) == 4
    assert page.select_one("form.roads-paper-search") is not None


def test_without_the_options_the_list_is_as_before(build_page):
    built = build_page("# P\n\n```{accepted-papers} papers.csv\n```\n", files={"papers.csv": CSV})
    page = article(built.html)
    assert not page.select(".roads-paper-group, form.roads-paper-search, .roads-paper-groups")
    assert len(page.select("ul.roads-paper-list")) == 1 and len(page.select(".roads-paper-bibtex")) == 4
    assert "roads-papers.js" not in built.html
    assert BeautifulSoup(built.html, "html.parser").head.find("script", type="application/ld+json")
    assert not (Path(built.app.outdir) / "_static" / "roads-papers").exists()


def test_bad_options_are_located_warnings_and_the_list_is_shown(build_page, tmp_path):
    source = "# P\n\n```{accepted-papers} papers.csv\n:group-by: sesion\n:search: maybe\n:bibtex: none\n```\n"
    built = build_page(source, files={"papers.csv": CSV})
    src = tmp_path / "src"
    assert built.warning_lines() == [
        f"{src}/index.md:4: WARNING: accepted-papers: option 'group-by': 'sesion' must be one of session, "
        "track, keyword, decision (did you mean 'session'?); it is ignored [roads.option]",
        f"{src}/index.md:5: WARNING: accepted-papers: option 'search': 'maybe' must be empty, on or off; "
        "it is ignored [roads.option]",
        f"{src}/index.md:6: WARNING: accepted-papers: option 'bibtex': 'none' must be one of each, file; "
        "it is ignored [roads.option]",
    ]
    assert len(article(built.html).select("li.roads-paper")) == 4


def test_titles_and_names_are_escaped_in_the_index_and_the_page(build_page):
    csv = 'title,authors,url,decision,track,session\n"<b>Bold</b> & ""x""",<i>Eve</i>,,poster,,"<s>S</s>"\n'
    built = build_page(MYST, files={"papers.csv": csv})
    assert "<b>Bold</b>" not in built.html and "<s>S</s>" not in built.html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in built.html


def test_the_script_names_no_class_of_the_stylesheet():
    """The per-page style cut keeps, on every page of a site, the rules of any class a script
    in _static names: roads-papers.js spells its classes from a prefix, so that the pages
    without a paper list keep the styles they had."""
    import re

    from roads_ext.output.assets import _JS_WORD, STATIC

    script = (STATIC / "roads-papers.js").read_text(encoding="utf-8")
    classes = set(
        re.findall(r"\.([A-Za-z][A-Za-z0-9_-]*)", (STATIC / "roads.css").read_text(encoding="utf-8"))
    )
    assert {"roads-paper-search", "roads-paper-group", "roads-paper"} <= classes
    assert set(_JS_WORD.findall(script)) & classes == set()
