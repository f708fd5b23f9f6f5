"""A name that may point to a person is one kind of reference, resolved in one place:
strict (``{person}``, a name alone in a list) or quiet (a program's speakers). What a
visitor sees (links, titles, cards listing talks) and what an author is told."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import SNIPPET_CONF, strip_colors
from roads_ext.model.names import NameFinder, edit_distance, short_form_of

PEOPLE = """\
# People

:::{speaker-card} Michael Mitzenmacher
:affiliation: Harvard University
:country: USA
:::

:::{speaker-card} Jane Smith
:affiliation: Example University
:::

:::{speaker-card} John Smith
:affiliation: Sample Institute
:::

:::{speaker-card} 张伟
:affiliation: 清华大学
:::

:::{speaker-card} Пётр Иванов
:affiliation: МГУ
:::

:::{speaker-card} Сергей Иванов
:affiliation: СПбГУ
:::
"""


def program(lines: str) -> str:
    return (
        "# Program\n\n"
        "```{schedule} Thursday, June 8, 2023\n"
        ":timezone: America/Los_Angeles\n"
        ":location: Room 3\n\n"
        + textwrap.dedent(lines)
        + "```\n"
    )


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def speakers_of(html: str) -> list[tuple[str, str | None, str | None]]:
    """Each slot's speakers as ``(text, link, title)``, in order."""
    found = []
    for line in soup(html).select(".roads-slot-speakers"):
        for part in line.children:
            if getattr(part, "name", None) == "a":
                found.append((part.get_text(), part["href"], part.get("title")))
            elif getattr(part, "name", None) == "span" and "roads-role" not in part.get("class", []):
                found.append((part.get_text(), None, None))
            elif isinstance(part, str) and part.strip(" ,"):
                found.append((part.strip(" ,"), None, None))
    return found


# --- the model: which declared person a written name means -------------------------------------


def finder(*names: str) -> NameFinder:
    from roads_ext.model.people import person_key

    return NameFinder((person_key(name), name) for name in names)


def test_full_surname_initial_and_honorific_forms_find_the_one_person():
    names = finder("Michael Mitzenmacher", "Ludwig van Beethoven", "Jean-Pierre Serre", "John Quincy Adams")
    for written in ("Michael Mitzenmacher", "michael  mitzenmacher", "Mitzenmacher", "M. Mitzenmacher",
                    "M Mitzenmacher", "Prof. Michael Mitzenmacher", "Dr Mitzenmacher"):
        assert names.find(written).key == "michael-mitzenmacher", written
    assert names.find("van Beethoven").key == names.find("L. van Beethoven").key == "ludwig-van-beethoven"
    assert names.find("J.-P. Serre").key == "jean-pierre-serre"
    assert names.find("John Adams").key == names.find("J. Q. Adams").key == "john-quincy-adams"
    # a first name alone, another initial, a different given name: nobody
    for written in ("Michael", "K. Mitzenmacher", "Karl Mitzenmacher", "Q. Adams"):
        assert names.find(written).key is None, written


def test_a_nickname_in_parentheses_between_given_and_family_name_is_left_out():
    from roads_ext.model.people import person_key

    names = finder("Mirela Testova", "Jo Example", "Ann Marie Sample")
    assert names.find("Mirela (Mimi) Testova").key == person_key("Mirela Testova")
    assert names.find("Dr. Mirela (Mimi) Testova").key == person_key("Mirela Testova")
    assert names.find("Ann (Annie Mae) Marie Sample").key == person_key("Ann Marie Sample")
    assert names.find("M. (Mimi) Testova").key == person_key("Mirela Testova")
    # only between names: a parenthesis first or last is not a nickname
    assert names.find("(Mimi) Testova").key is None
    assert names.find("Mirela Testova (Example University)").key is None
    assert names.find("Mirela (Mimi) Testowa").key is None
    assert names.near_misses("Mirela (Mimi) Testowa") == ["Mirela Testova"]


def test_a_short_form_several_people_share_is_ambiguous():
    names = finder("Jane Smith", "John Smith", "Ada Lovelace")
    found = names.find("Smith")
    assert found.key is None and found.ambiguous == ("jane-smith", "john-smith")
    assert names.find("J. Smith").ambiguous == ("jane-smith", "john-smith")
    assert names.find("Jane Smith").key == "jane-smith"


def test_identity_is_never_folded_to_ascii():
    names = finder("张伟", "Пётр Иванов", "Сергей Иванов")
    assert names.find("王伟").key is None  # another person, not a typo
    assert names.near_misses("王伟") == []
    assert names.find("Пётр Иванов").key != names.find("Сергей Иванов").key
    assert names.find("Иванов").key is None and len(names.find("Иванов").ambiguous) == 2
    assert names.find("П. Иванов").key == names.find("Пётр Иванов").key
    assert not short_form_of("Petr Ivanov", "Пётр Иванов")


def test_near_misses_are_a_letter_or_two_off_and_not_short_names():
    names = finder("Jonathan Frankle", "Michael Mitzenmacher", "Ada Lovelace", "Wei Li")
    assert names.near_misses("Jonathan Franke") == ["Jonathan Frankle"]
    assert names.near_misses("Micheal Mitzenmacher") == ["Michael Mitzenmacher"]  # two letters swapped
    assert names.near_misses("Mitzenmaher") == ["Michael Mitzenmacher"]  # the surname of a short form
    assert names.near_misses("M. Mitzenmaher") == ["Michael Mitzenmacher"]
    assert names.near_misses("Ada Lovelace") == []  # found, not missed
    assert names.near_misses("Grace Hopper") == []
    assert names.near_misses("Wei Lu") == []  # too short to tell a typo from another person
    assert edit_distance("kitten", "sitting") == 3 and edit_distance("ab", "ba") == 1


# --- the program: quiet references -----------------------------------------------------------------


def test_program_speakers_link_by_full_surname_initial_or_honorific_and_guests_stay_text(build_page):
    built = build_page(program("""\
        - 9:00am-9:30am - Talk one (Michael Mitzenmacher)
        - 9:30am-10:00am - Talk two (Mitzenmacher)
        - 10:00am-10:30am - Talk three (M. Mitzenmacher)
        - 10:30am-11:00am - Talk four (Prof. Michael Mitzenmacher)
        - 11:00am-11:30am - Talk five (Grace Guest)
        - 11:30am-12:00pm - Talk six (王伟, Пётр Иванов)
        """), files={"people.md": "---\norphan: true\n---\n" + PEOPLE})
    assert built.warning_lines() == []  # a guest, and 王伟 (not a typo of 张伟), warn nobody
    card = "people.html#person-michael-mitzenmacher"
    title = "Michael Mitzenmacher, Harvard University, USA"
    assert speakers_of(built.html) == [
        ("Michael Mitzenmacher", card, title),
        ("Mitzenmacher", card, title),  # shown as written, linked to the one person it means
        ("M. Mitzenmacher", card, title),
        ("Prof. Michael Mitzenmacher", card, title),
        ("Grace Guest", None, None),
        ("王伟", None, None),
        ("Пётр Иванов", f"people.html#{person_anchor(built, 'Пётр Иванов')}", "Пётр Иванов, МГУ"),
    ]
    # the card lists every talk its person gives, whatever form named them
    people = soup((Path(built.app.outdir) / "people.html").read_text())
    cards = {c.select_one(".roads-person-name").get_text(): c for c in people.select(".roads-speaker-card")}
    talks = [a.get_text().split(",")[0] for a in cards["Michael Mitzenmacher"].select(".roads-card-slots a")]
    assert talks == ["Talk one", "Talk two", "Talk three", "Talk four"]
    assert [a.get_text().split(",")[0] for a in cards["Пётр Иванов"].select(".roads-card-slots a")] == [
        "Talk six"]
    assert cards["Сергей Иванов"].select(".roads-card-slots") == []  # the same surname, another person
    assert cards["张伟"].select(".roads-card-slots") == []
    # search engines are told who speaks: the declared person, or the guest by name
    (event,) = [json.loads(s.string) for s in soup(built.html).find_all("script", type="application/ld+json")]
    performers = [[p["name"] for p in sub.get("performer", [])] for sub in event["subEvent"]]
    assert performers[:5] == [["Michael Mitzenmacher"]] * 4 + [["Grace Guest"]]
    assert {p["name"]: "@id" in p for p in event["performer"]} == {
        "Michael Mitzenmacher": True, "Grace Guest": False, "王伟": False, "Пётр Иванов": True}


def test_a_speaker_written_with_a_nickname_links_to_their_card(build_page):
    people = PEOPLE + "\n:::{speaker-card} Mirela Testova\n:affiliation: Example Institute\n:::\n"
    built = build_page(program("""\
        - 9:00am-9:30am - Keynote: Small models (Mirela (Mimi) Testova)
        - 9:30am-10:00am - Panel (Mirela (Mimi) Testova (Example Institute), Jo Guest)
        """), files={"people.md": "---\norphan: true\n---\n" + people})
    assert built.warning_lines() == []
    card = "people.html#person-mirela-testova"
    assert speakers_of(built.html) == [
        ("Mirela (Mimi) Testova", card, "Mirela Testova, Example Institute"),  # shown as written
        ("Mirela (Mimi) Testova", card, "Mirela Testova, Example Institute"),
        (" (Example Institute)", None, None),  # the affiliation the program gives, after the name
        ("Jo Guest", None, None),
    ]
    page = soup((Path(built.app.outdir) / "people.html").read_text())
    (mirela,) = [c for c in page.select(".roads-speaker-card")
                 if c.select_one(".roads-person-name").get_text() == "Mirela Testova"]
    assert [a.get_text().split(",")[0] for a in mirela.select(".roads-card-slots a")] == [
        "Keynote: Small models", "Panel"]
    # the calendar names the declared person
    ics = (Path(built.app.outdir) / "_calendar" / "index" / "schedule.ics").read_text()
    assert "Small models (Mirela Testova)" in ics.replace("\r\n ", "")


def person_anchor(built, name: str) -> str:
    people = soup((Path(built.app.outdir) / "people.html").read_text())
    for card in people.select(".roads-speaker-card"):
        if card.select_one(".roads-person-name").get_text() == name:
            return card["id"]
    raise AssertionError(name)


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_a_near_miss_or_an_ambiguous_name_warns_and_stays_text(build_page, suffix):
    lines = """\
        - 9:00am-9:30am - Talk one (Michael Mitzenmaher)
        - 9:30am-10:00am - Talk two (Smith)
        - 10:00am-10:30am - Talk three (Jane Smith; chair: Nobody Declared)
        """
    if suffix == ".md":
        source = program(lines)
        first = 7
    else:
        source = ("Program\n=======\n\n.. schedule:: Thursday, June 8, 2023\n"
                  "   :timezone: America/Los_Angeles\n   :location: Room 3\n\n"
                  + textwrap.indent(textwrap.dedent(lines), "   "))
        first = 8
    built = build_page(source, suffix=suffix, files={"people.md": "---\norphan: true\n---\n" + PEOPLE})
    lines_seen = built.warning_lines()
    assert len(lines_seen) == 2, built.warnings
    assert re.search(
        rf"index{suffix}:{first}: WARNING: schedule: 'Michael Mitzenmaher' is declared nowhere on this site "
        r"\(did you mean 'Michael Mitzenmacher'\?\); it is shown as written.* \[roads.person\]$", lines_seen[0])
    assert re.search(
        rf"index{suffix}:{first + 1}: WARNING: schedule: 'Smith' could be any of 'Jane Smith', 'John Smith'; "
        r"write the full name to link it to one of them \[roads.person\]$", lines_seen[1])
    assert speakers_of(built.html) == [
        ("Michael Mitzenmaher", None, None),
        ("Smith", None, None),
        ("Jane Smith", "people.html#person-jane-smith", "Jane Smith, Example University"),
        ("Nobody Declared", None, None),
    ]


def test_a_quiet_reference_stays_quiet_in_nitpicky_mode(build_page):
    """The site is built with -n: a guest is still no warning, a strict miss still ours."""
    built = build_page(program("""\
        - 9:00am-9:30am - Talk (Grace Guest)
        """) + "\nSee {person}`Nobody At All`.\n", nitpicky=True)
    (line,) = built.warning_lines()
    assert "person: nobody called 'Nobody At All' is declared on this site" in line
    assert line.endswith("[roads.person]")


@pytest.mark.parametrize("buildername", ["html", "text"])
def test_a_papers_authors_link_warn_and_stay_text_as_one_reference_each_would(build_page, buildername):
    """A paper's authors are one node until written (most are declared nowhere); each
    name still links, warns or stays text as a reference of its own would, in -n too."""
    csv = (
        "title,authors,url,decision\n"
        "First,Grace Guest; M. Mitzenmacher; Jane Smyth,https://example.org/1,Oral\n"
        "Second,Smith; Ada Guest,https://example.org/2,Poster\n"
        "Third,Only Guests; Bo Guest,https://example.org/3,Poster\n"
    )
    built = build_page(
        "# Papers\n\n```{accepted-papers} papers.csv\n```\n",
        buildername=buildername,
        files={"papers.csv": csv, "people.md": "---\norphan: true\n---\n" + PEOPLE},
        nitpicky=True,
    )
    lines_seen = built.warning_lines()
    assert len(lines_seen) == 2, built.warnings
    assert "index.md:3: WARNING: accepted-papers: 'Jane Smyth' is declared nowhere on this site (did you mean " \
        "'Jane Smith'?)" in lines_seen[0]
    assert "index.md:3: WARNING: accepted-papers: 'Smith' could be any of 'Jane Smith', 'John Smith'" in lines_seen[1]
    assert all(line.endswith("[roads.person]") for line in lines_seen)
    # read, the authors of a paper are one paragraph of one text, no reference each
    from sphinx import addnodes

    from roads_ext.services.person_lists import person_names

    read = built.app.env.get_doctree("index")
    assert [len(node) for node in read.findall(person_names)] == [1, 1, 1]
    assert list(read.findall(addnodes.pending_xref)) == []
    if buildername == "text":
        text = (Path(built.app.outdir) / "index.txt").read_text()
        assert "Grace Guest, M. Mitzenmacher and Jane Smyth" in text
        assert "Smith and Ada Guest" in text
        return
    authors = soup(built.html).select(".roads-paper-authors")
    assert [line.get_text() for line in authors] == [
        "Grace Guest, M. Mitzenmacher and Jane Smyth", "Smith and Ada Guest", "Only Guests and Bo Guest"
    ]
    assert [(a.get_text(), a["href"]) for a in authors[0].select("a")] == [
        ("M. Mitzenmacher", "people.html#person-michael-mitzenmacher")
    ]
    assert authors[1].select("a") == [] and authors[2].select("a") == []
    assert [str(child) for child in authors[2].children] == ["Only Guests and Bo Guest"]  # one text


# --- strict references: {person} and names alone in lists ---------------------------------------


def test_person_role_and_names_alone_accept_the_same_short_forms(build_page):
    built = build_page("""\
        # Page

        :::{speaker-card} Grace Hopper
        :affiliation: US Navy
        :country: USA
        :homepage: https://example.org/grace
        :::

        :::{committee}
        * Hopper — Program chair
        :::

        Chaired by {person}`Dr. Hopper`, with {person}`the admiral <G. Hopper>`.
        """)
    assert built.warning_lines() == []
    page = soup(built.html)
    member = page.select_one(".roads-committee li")
    # a list presents the person: their declared name, homepage and details
    assert member.p.get_text() == "Grace Hopper (US Navy, USA) — Program chair"
    assert member.a["href"] == "https://example.org/grace"
    links = [(a.get_text(), a["href"], a["title"]) for a in page.select("p a.reference.internal")]
    assert links == [("Dr. Hopper", "#person-grace-hopper", "Grace Hopper, US Navy, USA"),
                     ("the admiral", "#person-grace-hopper", "Grace Hopper, US Navy, USA")]


def test_a_strict_reference_to_several_people_says_who(build_page):
    built = build_page("""\
        # Page

        :::{committee}
        * Jane Smith (Example University)
        * John Smith (Sample Institute)
        :::

        Ask {person}`Smith`.
        """)
    (line,) = built.warning_lines()
    assert line.endswith("index.md:8: WARNING: person: 'Smith' could be any of 'Jane Smith', 'John Smith'; "
                         "write the full name to link it to one of them [roads.person]")
    assert "Ask Smith." in soup(built.html).get_text()


# --- incremental builds: a page is rewritten when what a name means changes -----------------------


def write_site(srcdir: Path, second_smith: bool) -> None:
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(SNIPPET_CONF)
    (srcdir / "index.md").write_text("# Site\n\n```{toctree}\nprogram\npeople\nmore\n```\n")
    (srcdir / "program.md").write_text(program("""\
        - 9:00am-9:30am - Talk (Smith)
        """))
    (srcdir / "people.md").write_text("# People\n\n:::{speaker-card} Jane Smith\n:affiliation: Example U\n:::\n")
    more = "# More\n\n" + (":::{committee}\n* John Smith (Sample Institute)\n:::\n" if second_smith else "")
    (srcdir / "more.md").write_text(more)


def test_declaring_a_second_person_of_that_surname_rewrites_the_pages_that_named_it(make_app, tmp_path):
    src = tmp_path / "src"
    write_site(src, second_smith=False)
    app = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    app.build()
    program_html = Path(app.outdir, "program.html")
    assert speakers_of(program_html.read_text()) == [("Smith", "people.html#person-jane-smith",
                                                     "Jane Smith, Example U")]
    assert "Talk" in soup(Path(app.outdir, "people.html").read_text()).select_one(".roads-card-slots").get_text()

    write_site(src, second_smith=True)  # only more.md changes
    app2 = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    app2.build()
    warnings = strip_colors(app2.warning.getvalue())
    assert "program.md:7: WARNING: schedule: 'Smith' could be any of 'Jane Smith', 'John Smith'" in warnings
    assert speakers_of(program_html.read_text()) == [("Smith", None, None)]
    # Jane Smith's card no longer lists a talk that may not be hers
    assert soup(Path(app2.outdir, "people.html").read_text()).select(".roads-card-slots") == []
    fresh = make_app("html", srcdir=src, builddir=tmp_path / "fresh")
    fresh.build()
    for page in ("program.html", "people.html"):
        assert Path(app2.outdir, page).read_text() == Path(fresh.outdir, page).read_text()
    shutil.rmtree(tmp_path / "fresh")


# --- parts are marked, not guessed ---------------------------------------------------------------


def test_renaming_every_roads_class_changes_nothing_but_the_class_names(make_app, tmp_path, monkeypatch):
    """What the write-time code finds (cards, names, details, titles, tables) it finds by
    node attributes: the stylesheet's class names can change freely."""
    from sphinx.transforms import SphinxTransform

    class RenameClasses(SphinxTransform):
        default_priority = 1  # before every other transform, right after the directives ran

        def apply(self, **kwargs):
            for node in self.document.findall(lambda n: hasattr(n, "attributes")):
                node["classes"] = [f"renamed-{c}" if c.startswith("roads-") else c for c in node["classes"]]

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1684000000")
    pages = {
        "index.md": "# Site\n\n```{toctree}\nprogram\npeople\ncommittee\npapers\n```\n\nSee {person}`Hopper`.\n",
        "program.md": program("""\
            - 9:00am-9:30am - Keynote: One (Michael Mitzenmacher)
            - 9:30am-10:00am - Talk: Two (Hopper, Grace Guest)
            """) + "\n## Important dates\n\n```{important-dates}\n- Important dates: May 1, 2023\n```\n",
        "people.md": PEOPLE + "\n:::{speakers}\n* Grace Hopper (US Navy, USA)\n* Mitzenmacher\n:::\n",
        "committee.md": "# Committee\n\n:::{committee}\n* Hopper — Chair\n* Jane Smith\n:::\n",
        "papers.md": "# Papers\n\n```{accepted-papers} papers.csv\n```\n\n## Sponsors\n\n"
                     ":::{sponsors}\nGold\n- [Acme Research](https://acme.example)\n- Initech\n:::\n",
        "papers.csv": "title,authors,url,decision,track,award\n"
                      "A Paper,\"M. Mitzenmacher, Grace Guest\",https://example.org/p,Oral,,Best paper\n",
    }
    html = {}
    for variant in ("plain", "renamed"):
        src = tmp_path / variant
        src.mkdir()
        (src / "conf.py").write_text(SNIPPET_CONF)
        for name, text in pages.items():
            (src / name).write_text(text)
        app = make_app("html", srcdir=src)
        if variant == "renamed":
            app.add_transform(RenameClasses)
        app.build()
        assert [w for w in strip_colors(app.warning.getvalue()).splitlines() if "WARNING" in w
                and "[app.add_" not in w] == []
        html[variant] = {p.name: soup(p.read_text()).select_one('[role="main"]') for p in Path(app.outdir).glob("*.html")
                         if p.name in ("index.html", "program.html", "people.html", "committee.html",
                                       "papers.html")}
    for name, page in html["renamed"].items():
        for element in page.find_all(class_=True):
            element["class"] = [c.removeprefix("renamed-") for c in element["class"]]
        assert str(page) == str(html["plain"][name]), name
    # and the pages are the full ones: details filled, talks listed, avatars drawn, headings set
    committee = html["plain"]["committee.html"]
    assert committee.select_one(".roads-committee li").p.get_text() == "Grace Hopper (US Navy, USA) — Chair"
    people = html["plain"]["people.html"]
    assert people.select_one("#person-michael-mitzenmacher .roads-card-slots") is not None
    assert people.select_one("#person-michael-mitzenmacher .roads-avatar").get_text() == "MM"
    assert people.select_one("#person-michael-mitzenmacher h2") is not None
    assert html["plain"]["program.html"].select_one(".roads-dates-table caption") is None
    papers = html["plain"]["papers.html"]
    assert [a["href"] for a in papers.select(".roads-paper-authors a")] == [
        "people.html#person-michael-mitzenmacher"]
    assert len(papers.select(".roads-sponsor-name")) == 2


def test_a_card_for_a_name_alone_follows_the_program_in_an_incremental_build(make_app, tmp_path, monkeypatch):
    """The card on team.md is not a declaration, and team.md is not re-read: it is
    rewritten because it shows a person whose talks changed."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1684000000")
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(SNIPPET_CONF)
    (src / "index.md").write_text("# Site\n\n```{toctree}\nprogram\npeople\nteam\n```\n")
    (src / "people.md").write_text(PEOPLE)
    (src / "team.md").write_text("# Team\n\n:::{speakers}\n* Michael Mitzenmacher\n:::\n")
    (src / "program.md").write_text(program("- 9:00am-9:30am - Talk one (M. Mitzenmacher)\n"))
    app = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    app.build()
    team = Path(app.outdir, "team.html")
    assert "9:00\u202fAM" in soup(team.read_text()).select_one(".roads-card-slots").get_text()
    (src / "program.md").write_text(program("- 9:15am-9:30am - Talk one (M. Mitzenmacher)\n"))
    again = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    again.build()
    assert "9:15\u202fAM" in soup(team.read_text()).select_one(".roads-card-slots").get_text()
    fresh = make_app("html", srcdir=src, builddir=tmp_path / "fresh")
    fresh.build()
    assert team.read_text() == Path(fresh.outdir, "team.html").read_text()


def test_an_entry_keeps_the_homepage_it_gives_and_takes_one_given_elsewhere(build_page):
    built = build_page("""\
        # Page

        :::{speaker-card} Alan Turing
        :affiliation: University of Manchester
        :::

        :::{committee}
        * [Alan Turing](https://a.example) (University of Manchester)
        * [Alan Turing](https://b.example)
        * Alan Turing — Chair
        :::
        """)
    # lines 9 and 10 repeat line 8; line 9 also gives another homepage
    assert [re.sub(r".*index.md:(\d+): WARNING: (\S+ \S+).*(\[\S+\])$", r"\1 \2 \3", line)
            for line in built.warning_lines()] == [
        "9 committee: 'Alan [roads.duplicate]", "10 committee: 'Alan [roads.duplicate]", "9 person 'Alan [roads.duplicate]"]
    page = soup(built.html)
    card_link = page.select_one(".roads-speaker-card .roads-person-name a")
    assert card_link["href"] == "https://a.example"  # given by the first committee line
    assert [a["href"] for a in page.select(".roads-committee a")] == [
        "https://a.example", "https://b.example", "https://a.example"]


def test_no_code_reads_a_roads_class_to_find_a_node():
    """The stylesheet's classes are for the stylesheet: code that finds nodes tests
    attributes (see the renaming test above, which covers the paths a build takes)."""
    source = Path(__file__).resolve().parent.parent / "src" / "roads_ext"
    reading = re.compile(r"""["']roads-[\w-]*["']\s+(?:not\s+)?in\s+[\w.\[\]"'()]*classes""")
    found = [f"{path.name}:{number}: {line.strip()}"
             for path in sorted(source.rglob("*.py"))
             for number, line in enumerate(path.read_text().splitlines(), 1) if reading.search(line)]
    assert found == []
