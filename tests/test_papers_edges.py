"""accepted-papers at its edges: an export nested too deeply, titles in other scripts,
a body under the directive, what a file repeats or holds of the wrong type, ``:name:``
as a label, an empty option, and the venue's address pasted into ``dev.py papers``."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from roads_ext.cli import openreview_export
from roads_ext.model.papers import parse_csv, parse_openreview, slug


def main_part(html: str) -> BeautifulSoup:
    page = BeautifulSoup(html, "html.parser")
    return page.find(attrs={"role": "main"}) or page


def shown(html: str) -> list[tuple[str, str]]:
    """(anchor, title) of each paper on the page, in order."""
    return [(li["id"], li.select_one(".roads-paper-title strong").text)
            for li in main_part(html).select("li.roads-paper")]


GOOD_CSV = "title,authors,url,decision,track\nA Good Paper,Ann Author,https://example.org/good,poster,\n"


# --- 1. an export nested too deeply -------------------------------------------------------

DEEP_JSON = '{"notes": ' + "[" * 1500 + "]" * 1500 + "}"


def test_a_deeply_nested_export_is_a_file_warning_and_the_page_is_built(build_page, tmp_path):
    built = build_page("# P\n\n```{accepted-papers} deep.json\n```\n\n```{accepted-papers} good.csv\n```\n",
                       files={"deep.json": "\n" + DEEP_JSON, "good.csv": GOOD_CSV})
    assert built.warning_lines() == [
        f"{tmp_path}/src/deep.json:2: WARNING: accepted-papers: deep.json: is nested too deeply to be read "
        "(1501 levels of brackets, the deepest from this line); an OpenReview export holds its notes a few "
        "levels deep: write the file again with 'python3 dev.py papers VENUE_ID' or fix it by hand [roads.file]"]
    assert [title for _, title in shown(built.html)] == ["A Good Paper"]


def test_deep_nesting_in_the_model():
    result = parse_openreview('{"notes": [\n "a \\" [[[[",\n' + "[" * 3000 + "]" * 3000 + "]}")
    assert result.papers == []
    [problem] = result.problems
    assert (problem.line, problem.subtype) == (3, "file")
    assert problem.message.startswith("is nested too deeply to be read (3002 levels of brackets")


# --- 2. titles in other scripts ----------------------------------------------------------------

SCRIPTS_CSV = (
    "title,authors,url,decision,track\n"
    "深度学习的稀疏训练,Ann Author,https://example.org/a,poster,\n"
    "Ещё одна статья,Bea Author,https://example.org/b,poster,\n"
    "Zoë's Sparse Method,Cy Author,https://example.org/c,poster,\n"
)


def test_titles_in_other_scripts_get_their_own_stable_anchors(build_page):
    built = build_page("# P\n\n```{accepted-papers} p.csv\n:sort: file\n```\n", files={"p.csv": SCRIPTS_CSV})
    assert built.warning_lines() == []
    expected = [
        ("paper-u6df1-u5ea6-u5b66-u4e60-u7684-u7a00-u758f-u8bad-u7ec3", "深度学习的稀疏训练"),
        ("paper-u435-u449-u451-u43e-u434-u43d-u430-u441-u442-u430-86156e", "Ещё одна статья"),
        ("paper-zoe-s-sparse-method", "Zoë’s Sparse Method"),  # Sphinx's smart quote
    ]
    assert shown(built.html) == expected
    # the same anchors whatever the order of the rows
    header, *rows = SCRIPTS_CSV.splitlines()
    again = build_page("# P\n\n```{accepted-papers} p.csv\n:sort: file\n```\n",
                       files={"p.csv": "\n".join([header, *reversed(rows)]) + "\n"})
    assert shown(again.html) == list(reversed(expected))


def test_slug_keeps_ascii_titles_and_caps_every_length():
    assert slug("Bloom Filters for Retrieval, at Scale") == "bloom-filters-for-retrieval-at-scale"
    assert slug("Learned Hash Tables for <Sparse> Embeddings & More") == \
        "learned-hash-tables-for-sparse-embeddings-more"
    long_ascii = "A Very Long Title " * 10
    assert slug(long_ascii) == "a-very-long-title-a-very-long-title-a-very-long-title-a-very"
    assert slug("???") == "untitled" and slug("🚀🚀") == "untitled"
    # two long titles that begin alike: each its own anchor, none longer than the cap
    first, second = slug("稀疏训练" * 10 + "甲"), slug("稀疏训练" * 10 + "乙")
    assert first != second and len(first) <= 60 and len(second) <= 60
    assert first.startswith("u7a00-u758f-u8bad-u7ec3-") and first == slug("稀疏训练" * 10 + "甲")
    assert all(len(part) == 5 for part in first.split("-")[:-1])  # no code point cut in half


# --- 3. a body under the directive ---------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "source", "shown_below"), [
    (".md", "# P\n\n```{accepted-papers} good.csv\n:sort: title\n\nSee also **our** list.\n```\n\nAfter.\n",
     "<p>See also <strong>our</strong> list.</p>"),
    (".rst", "P\n=\n\n.. accepted-papers:: good.csv\n\n   See also *our* list.\n\nAfter.\n",
     "<p>See also <em>our</em> list.</p>"),
], ids=["myst", "rst"])
def test_a_body_is_shown_below_the_list(build_page, tmp_path, suffix, source, shown_below):
    built = build_page(source, suffix=suffix, files={"good.csv": GOOD_CSV})
    assert built.warning_lines() == [
        f"{tmp_path}/src/index{suffix}:6: WARNING: accepted-papers: the papers come from the file 'good.csv', not "
        "from the text inside the directive; that text is shown below the list [roads.content]"]
    page = main_part(built.html)
    assert [title for _, title in shown(built.html)] == ["A Good Paper"]
    assert str(page.select_one(".roads-papers").find_next_sibling()) == shown_below
    assert "After." in page.text


# --- 4. what a file repeats, or holds of the wrong type ---------------------------------------------


def test_repeated_columns_and_ids_are_warnings(build_page, tmp_path):
    csv_text = (
        "title,title,authors,authors,url,decision,track,id\n"
        "First Title,Second Title,Ann Author,Not Used,https://example.org/a,poster,,same\n"
        "Another Paper,Other,Bea Author,Not Used,https://example.org/b,poster,,same\n"
    )
    built = build_page("# P\n\n```{accepted-papers} p.csv\n:sort: file\n```\n", files={"p.csv": csv_text})
    src = tmp_path / "src"
    assert built.warning_lines() == [
        f"{src}/p.csv:1: WARNING: accepted-papers: p.csv: the column 'title' is named twice (columns 1 and 2): "
        "column 1 is used and column 2 is ignored; give each column once [roads.file]",
        f"{src}/p.csv:1: WARNING: accepted-papers: p.csv: the column 'authors' is named twice (columns 3 and 4): "
        "column 3 is used and column 4 is ignored; give each column once [roads.file]",
        f"{src}/p.csv:3: WARNING: accepted-papers: p.csv: 'Another Paper': the id 'same' is already the id of "
        "'First Title' (line 2), so a program's '- paper: same' would not say which one it means; the first "
        "keeps it and this paper's title makes its anchor: give each paper its own id [roads.paper]",
    ]
    assert shown(built.html) == [("paper-same", "First Title"), ("paper-another-paper", "Another Paper")]
    assert "Not Used" not in built.html
    papers = parse_csv(csv_text).papers
    assert [(p.key, p.authors) for p in papers] == [("same", ("Ann Author",)), ("", ("Bea Author",))]


OPENREVIEW_ODD = json.dumps({"notes": [
    {"id": "oddN0te1", "forum": "oddN0te1", "content": {
        "title": {"value": "Odd Authors"}, "authors": {"value": [5, "Kim Example", None, " "]},
        "authorids": {"value": ["~Five1", "~Kim_Example1", "~None1", "~Blank1"]},
        "track": {"value": ["Main", "Demo"]}, "venue": {"value": "EXW 2031 Poster"}}},
    {"id": "oddN0te2", "forum": "oddN0te2", "content": {
        "title": {"value": "Odd Track"}, "authors": {"value": ["Lee Example", False]},
        "track": {"value": 7}, "award": {"value": {"name": "Best"}}, "venue": {"value": "EXW 2031 Oral"}}},
]}, indent=1)


def test_openreview_authors_and_track_of_the_wrong_type_are_warnings(build_page, tmp_path):
    built = build_page("# P\n\n```{accepted-papers} odd.json\n:sort: file\n```\n", files={"odd.json": OPENREVIEW_ODD})
    where = f"{tmp_path}/src/odd.json"
    assert sorted(built.warning_lines()) == sorted([
        f"{where}:4: WARNING: accepted-papers: odd.json: note 1 (oddN0te1) ('Odd Authors'): the authors 5, null, "
        '" " (content.authors.value) are not names; they are left out [roads.paper]',
        f"{where}:4: WARNING: accepted-papers: odd.json: note 1 (oddN0te1) ('Odd Authors'): the track "
        '["Main", "Demo"] (content.track.value) is not text; it is left out [roads.paper]',
        f"{where}:38: WARNING: accepted-papers: odd.json: note 2 (oddN0te2) ('Odd Track'): the author false "
        "(content.authors.value) is not a name; it is left out [roads.paper]",
        f"{where}:38: WARNING: accepted-papers: odd.json: note 2 (oddN0te2) ('Odd Track'): the track 7 "
        "(content.track.value) is not text; it is left out [roads.paper]",
        f"{where}:38: WARNING: accepted-papers: odd.json: note 2 (oddN0te2) ('Odd Track'): the award "
        '{"name": "Best"} (content.award.value) is not text; it is left out [roads.paper]',
    ])
    first = parse_openreview(OPENREVIEW_ODD).papers[0]
    # the profile beside the author it belongs to
    assert first.authors == ("Kim Example",) and first.profile_url(0).endswith("id=~Kim_Example1")


# --- 5. :name: as a label -----------------------------------------------------------------------------


def test_name_is_a_label(build_page):
    built = build_page("# P\n\n## Orals\n\n```{accepted-papers} good.csv\n:name: orals\n```\n\n"
                       "```{accepted-papers} good.csv\n:name: paperlist\n```\n\n"
                       "See {ref}`paperlist`, {ref}`the orals <orals>`.\n",
                       files={"good.csv": GOOD_CSV})
    assert built.warning_lines() == []
    page = main_part(built.html)
    links = [(a.text, a["href"]) for a in page.select("a.reference.internal") if a.text != "#"]
    assert ("Accepted papers", "#paperlist") in links and ("the orals", "#orals-2") in links
    assert page.find(id="paperlist")["class"] == ["roads-papers", "docutils", "container"]
    assert "roads-papers" in page.find(id="orals-2")["class"]


def test_name_is_a_label_rst(build_page, tmp_path):
    built = build_page(".. _taken:\n\nP\n=\n\n.. accepted-papers:: good.csv\n   :name: rstlist\n\n"
                       ".. accepted-papers:: good.csv\n   :name: taken\n\nSee :ref:`rstlist`.\n",
                       suffix=".rst", files={"good.csv": GOOD_CSV})
    assert built.warning_lines() == [
        f"{tmp_path}/src/index.rst:10: WARNING: accepted-papers: :name: 'taken' of 'Accepted papers' is "
        "already a label on this page; this block cannot be linked by it: give it another name [roads.label]"]
    assert main_part(built.html).find("a", href="#rstlist").text == "Accepted papers"


# --- 7. an option with no value -----------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "source", "line"), [
    (".md", "# P\n\n```{accepted-papers} good.csv\n:track:\n```\n", 4),
    (".rst", "P\n=\n\n.. accepted-papers:: good.csv\n   :track:\n", 5),
])
def test_an_empty_track_is_quoted_as_empty(build_page, tmp_path, suffix, source, line):
    built = build_page(source, suffix=suffix, files={"good.csv": GOOD_CSV})
    assert built.warning_lines() == [
        f"{tmp_path}/src/index{suffix}:{line}: WARNING: accepted-papers: option 'track': '' is empty; "
        "it is ignored [roads.option]"]
    assert [title for _, title in shown(built.html)] == ["A Good Paper"]


# --- 6. python3 dev.py papers with the venue's address pasted ----------------------------------------


class FakeClient:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def get_all_notes(self, **query):
        self.asked.append(query["content"]["venueid"])
        return [{"id": "abc", "forum": "abc", "number": 1, "content": {"title": {"value": "T"}}}]


@pytest.mark.parametrize("written", [
    "https://openreview.net/group?id=MLSys.org%2F2023%2FWorkshop%2FROADS",
    "https://openreview.net/group?referrer=%5BHomepage%5D(%2F)&id=MLSys.org/2023/Workshop/ROADS",
    "https://openreview.net/group?id=MLSys.org/2023/Workshop/ROADS#tab-accept-oral",
    "openreview.net/group?id=MLSys.org/2023/Workshop/ROADS&referrer=x",
    "MLSys.org%2F2023%2FWorkshop%2FROADS",
    " MLSys.org/2023/Workshop/ROADS ",
])
def test_dev_py_papers_reads_the_venue_id_of_an_address(tmp_path, capsys, written):
    client = FakeClient()
    code = openreview_export.main([written, "--out", str(tmp_path / "p.json")], client_factory=lambda env: client)
    assert code == 0 and client.asked == ["MLSys.org/2023/Workshop/ROADS"]
    assert "1 papers of MLSys.org/2023/Workshop/ROADS written to" in capsys.readouterr().out


def test_dev_py_papers_with_an_address_with_no_id(tmp_path, capsys):
    client = FakeClient()
    out = tmp_path / "p.json"
    code = openreview_export.main(["https://openreview.net/group?referrer=x", "--out", str(out)],
                                  client_factory=lambda env: client)
    assert code == 2 and client.asked == [] and not out.exists()
    assert capsys.readouterr().err == (
        "papers: 'https://openreview.net/group?referrer=x' has no venue id: give the id, or the venue's "
        "address as https://openreview.net/group?id=VENUE_ID; nothing written\n")


def test_title_words_are_not_a_persons_key():
    """A title is no name: its first word stays, whatever person keys leave out."""
    assert slug("Dr. Ёлкин") == "dr-u451-u43b-u43a-u438-u43d"
    assert slug("Mr\u200bЁ") == "mr-u451"  # an invisible character is no break
