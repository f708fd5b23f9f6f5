"""Several editions in one project (``roads_editions``): each edition has its own people,
a name links within its edition, and every HTML page lists the editions.

The test root ``test-editions`` has a 2024 edition (the current one: the root index is
its landing page, ``contact`` is shared) and a 2023 edition. Mira Castellane speaks in
both, at another institute each year; Tomas Verhoef chairs both, also having moved;
Lena Hartwig is declared in 2023 only."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import TESTS, strip_colors
from roads_ext.model.editions import Editions, read_editions

ROOT = TESTS / "roots" / "test-editions"

editions_site = pytest.mark.sphinx("html", testroot="editions", freshenv=True)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def person_links(page: BeautifulSoup) -> list[tuple[str, str, str]]:
    """``(text, href, title)`` of every link to a person in the page's body."""
    body = page.select_one('[role="main"]') or page
    return [(a.get_text(), a["href"], a.get("title", "")) for a in body.select("a.reference.internal")
            if "#person-" in a["href"]]


def editions_nav(page: BeautifulSoup) -> list[tuple[str, str | None, str | None]]:
    """The editions list: ``(label, href, aria-current)``, in order."""
    nav = page.select('nav[aria-label="Editions"]')
    assert len(nav) == 1, nav
    return [(item.get_text(), item.get("href"), item.get("aria-current")) for item in nav[0].select("li > *")]


def warnings_of(app) -> list[str]:
    # a second app in one process re-registers Sphinx's own nodes: not the site's warnings
    return [line for line in strip_colors(app.warning.getvalue()).splitlines()
            if "WARNING" in line and "is already registered" not in line]


def copy_root(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    return src


# --- the model -----------------------------------------------------------------------------


def test_a_page_is_in_its_folders_edition_and_a_shared_page_in_the_current_one():
    editions, problems = read_editions(["2024", "2023"])
    assert problems == []
    assert editions.current == "2024"
    assert editions.edition_of("2023/speakers") == "2023"
    assert editions.edition_of("2024/program/day-1") == "2024"
    assert editions.edition_of("contact") == "2024"  # shared: the current edition
    assert editions.edition_of("2022/old") == "2024"  # not an edition: a folder like any other
    assert editions.edition_of(None) == "2024"
    assert Editions().edition_of("2023/speakers") == ""  # no editions: one registry


def test_labels_and_what_cannot_be_used_in_roads_editions():
    editions, problems = read_editions({"2024": "ROADS  2024", "2023": None, 2022: "ROADS 2022"})
    assert editions.names == ("2024", "2023", "2022")
    assert editions.label("2024") == "ROADS 2024" and editions.label("2023") == "2023"
    assert problems == []
    editions, problems = read_editions(["2024", "2024", "docs/2023", "", 7.5])
    assert editions.names == ("2024",)
    assert problems == [
        "'2024' is named twice; the second is left out",
        "'docs/2023' is not the name of a top-level folder of the source directory "
        "(write it as the folder is named, such as '2024'); it is left out",
        "'' is not the name of a top-level folder of the source directory (write it "
        "as the folder is named, such as '2024'); it is left out",
        "7.5 is not the name of a top-level folder of the source directory (write it "
        "as the folder is named, such as '2024'); it is left out",
    ]
    editions, problems = read_editions("2024")
    assert not editions.enabled
    assert problems[0].startswith("roads_editions must be a list of folder names, newest first")


def test_roads_editions_of_the_wrong_type_is_a_warning_at_its_line(make_app, tmp_path):
    src = copy_root(tmp_path)
    app = make_app("html", srcdir=src, confoverrides={"roads_editions": "2024"})
    app.build()
    assert warnings_of(app)[0] == (
        f"{src / 'conf.py'}:6: WARNING: roads_editions = '2024' in conf.py must be list or tuple or dict or "
        "None, not str; the default None is used [roads.config]")
    assert read_editions(None) == (Editions(), []) and read_editions([]) == (Editions(), [])


# --- the people of each edition ------------------------------------------------------------


@editions_site
def test_a_returning_speaker_with_a_new_affiliation_is_no_conflict(app):
    app.build()
    assert warnings_of(app) == []


@editions_site
def test_a_person_reference_links_to_its_own_editions_card(app):
    app.build()
    out = Path(app.outdir)
    # the root index is the current edition's landing page
    assert person_links(soup(out / "index.html")) == [
        ("Mira Castellane", "2024/speakers.html#person-mira-castellane",
         "Mira Castellane, Northbridge Institute, Canada"),
        ("Verhoef", "2024/committee.html#person-tomas-verhoef", "Tomas Verhoef, Harbor Tech, Netherlands"),
    ]
    assert person_links(soup(out / "2023" / "index.html")) == [
        ("Mira Castellane", "speakers.html#person-mira-castellane-2023", "Mira Castellane, Southgate University, Chile"),
        ("Lena Hartwig", "speakers.html#person-lena-hartwig-2023", "Lena Hartwig, Old Mill Labs, Germany"),
    ]
    # a shared page resolves in the current edition
    assert person_links(soup(out / "contact.html")) == [
        ("Tomas Verhoef", "2024/committee.html#person-tomas-verhoef", "Tomas Verhoef, Harbor Tech, Netherlands"),
    ]
    # reStructuredText
    assert person_links(soup(out / "2024" / "notes.html")) == [
        ("Mira Castellane", "speakers.html#person-mira-castellane", "Mira Castellane, Northbridge Institute, Canada"),
        ("the chair", "committee.html#person-tomas-verhoef", "Tomas Verhoef, Harbor Tech, Netherlands"),
    ]


@editions_site
def test_a_name_alone_takes_its_editions_details(app):
    app.build()
    out = Path(app.outdir)
    lines = [p.get_text() for p in soup(out / "2024" / "committee.html").select(".roads-member-line")]
    assert lines == ["Tomas Verhoef (Harbor Tech, Netherlands) — General chair",
                     "Mira Castellane (Northbridge Institute, Canada) — Program chair"]
    lines = [p.get_text() for p in soup(out / "2023" / "committee.html").select(".roads-member-line")]
    assert lines == ["Tomas Verhoef (Old Harbor College, Netherlands) — General chair",
                     "Lena Hartwig (Old Mill Labs, Germany) — Program chair"]
    lines = [p.get_text() for p in soup(out / "2024" / "notes.html").select(".roads-member-line")]
    assert lines == ["Jun Okafor (Lakeside University, Nigeria) — Registration"]


@editions_site
def test_each_program_links_its_own_editions_cards_and_each_card_its_own_slots(app):
    app.build()
    out = Path(app.outdir)
    program_2024 = soup(out / "2024" / "program.html")
    links = [(a.get_text(), a["href"]) for a in program_2024.select(".roads-slot-speakers a")]
    assert links == [("Mira Castellane", "speakers.html#person-mira-castellane"),
                     ("Jun Okafor", "speakers.html#person-jun-okafor")]
    # declared in 2023 only: in the 2024 program a guest, as written, unlinked and no warning
    speakers = [s.get_text() for s in program_2024.select(".roads-slot-speakers")]
    assert "Lena Hartwig" in speakers
    assert warnings_of(app) == []
    links = [(a.get_text(), a["href"]) for a in soup(out / "2023" / "program.html").select(".roads-slot-speakers a")]
    assert links == [("Mira Castellane", "speakers.html#person-mira-castellane-2023"),
                     ("Lena Hartwig", "speakers.html#person-lena-hartwig-2023")]
    cards = {card.select_one(".roads-person-name").get_text(): card.select_one(".roads-card-slots").get_text()
             for card in soup(out / "2024" / "speakers.html").select(".roads-speaker-card")}
    assert cards["Mira Castellane"] == "In the program: Keynote: Sketches that forget, Friday, June 14, 2024, 9:10\u202fAM CDT"
    cards = {card.select_one(".roads-person-name").get_text(): card.select_one(".roads-card-slots").get_text()
             for card in soup(out / "2023" / "speakers.html").select(".roads-speaker-card")}
    assert cards["Mira Castellane"] == (
        "In the program: Keynote: Counting with little memory, Thursday, June 8, 2023, 9:00\u202fAM EDT")
    card_link = soup(out / "2023" / "speakers.html").select_one(".roads-card-slots a")["href"]
    assert card_link.startswith("program.html#")


@editions_site
def test_schema_org_people_are_their_editions(app):
    app.build()
    import json

    for page, affiliation in (("2024/speakers.html", "Northbridge Institute"), ("2023/speakers.html", "Southgate University")):
        scripts = soup(Path(app.outdir, page)).select('script[type="application/ld+json"]')
        graph = [item for s in scripts for item in json.loads(s.string).get("@graph", [])]
        mira = next(item for item in graph if item["name"] == "Mira Castellane")
        assert mira["affiliation"]["name"] == affiliation


def test_two_declarations_in_one_edition_still_conflict(make_app, tmp_path):
    src = copy_root(tmp_path)
    (src / "2023" / "committee.md").write_text(
        "# Committee 2023\n\n:::{committee}\n* Mira Castellane (Northbridge Institute, Canada)\n:::\n")
    app = make_app("html", srcdir=src)
    app.build()
    assert warnings_of(app) == [
        f"{src / '2023' / 'committee.md'}:4: WARNING: person 'Mira Castellane' is declared twice with a "
        "different affiliation: 'Southgate University' at 2023/speakers:3 and 'Northbridge Institute' at "
        "2023/committee:4; give the details once and write the name alone elsewhere [roads.duplicate]",
        f"{src / '2023' / 'committee.md'}:4: WARNING: person 'Mira Castellane' is declared twice with a "
        "different country: 'Chile' at 2023/speakers:3 and 'Canada' at 2023/committee:4; give the details "
        "once and write the name alone elsewhere [roads.duplicate]",
    ]


# --- a name declared in another edition only --------------------------------------------------


def test_a_strict_reference_to_another_editions_person_says_where_they_are(make_app, tmp_path):
    src = copy_root(tmp_path)
    (src / "2024" / "thanks.md").write_text(textwrap.dedent("""\
        ---
        orphan: true
        ---
        # Thanks

        With thanks to {person}`Lena Hartwig`.

        :::{committee}
        * Lena Hartwig — Advisor
        :::
        """))
    (src / "2024" / "thanks-rst.rst").write_text(textwrap.dedent("""\
        :orphan:

        Thanks
        ======

        With thanks to :person:`Lena Hartwig`.
        """))
    app = make_app("html", srcdir=src)
    app.build()
    hint = ("('Lena Hartwig' is declared in edition 2023, and each edition has its own people: write this "
            "on a page of edition 2023, or declare them in edition 2024 too)")
    assert sorted(warnings_of(app)) == [
        f"{src / '2024' / 'thanks-rst.rst'}:6: WARNING: person: nobody called 'Lena Hartwig' is declared in "
        f"edition 2024 {hint}; declare them with a speaker-card or committee [roads.person]",
        f"{src / '2024' / 'thanks.md'}:6: WARNING: person: nobody called 'Lena Hartwig' is declared in "
        f"edition 2024 {hint}; declare them with a speaker-card or committee [roads.person]",
        f"{src / '2024' / 'thanks.md'}:9: WARNING: committee: 'Lena Hartwig' is written without "
        f"'(Affiliation, Country)' and is declared nowhere else in edition 2024 {hint}; give their "
        "details here or in a speaker-card [roads.person]",
    ]
    page = soup(Path(app.outdir, "2024", "thanks.html"))
    assert person_links(page) == []  # shown as written, never linked to 2023
    assert "With thanks to Lena Hartwig." in page.get_text()


def test_a_typo_in_one_edition_suggests_that_editions_names(make_app, tmp_path):
    src = copy_root(tmp_path)
    (src / "2023" / "index.md").write_text(
        (src / "2023" / "index.md").read_text().replace("{person}`Lena Hartwig`", "{person}`Jun Okafr`"))
    app = make_app("html", srcdir=src)
    app.build()
    # Jun Okafor is a 2024 speaker: 2023's did-you-mean does not offer him
    assert warnings_of(app) == [
        f"{src / '2023' / 'index.md'}:3: WARNING: person: nobody called 'Jun Okafr' is declared in edition "
        "2023; declare them with a speaker-card or committee [roads.person]"]


# --- the editions list ------------------------------------------------------------------------


@editions_site
def test_every_page_lists_the_editions_its_own_marked(app):
    app.build()
    out = Path(app.outdir)
    assert editions_nav(soup(out / "index.html")) == [("2024", "index.html", "page"), ("2023", "2023/index.html", None)]
    assert editions_nav(soup(out / "contact.html")) == [("2024", "index.html", "true"), ("2023", "2023/index.html", None)]
    assert editions_nav(soup(out / "2024" / "program.html")) == [
        ("2024", "../index.html", "true"), ("2023", "../2023/index.html", None)]
    assert editions_nav(soup(out / "2023" / "index.html")) == [("2024", "../index.html", None), ("2023", "index.html", "page")]
    assert editions_nav(soup(out / "2023" / "speakers.html")) == [
        ("2024", "../index.html", None), ("2023", "index.html", "true")]
    # above the page's title, plain links (no script)
    page = soup(out / "2023" / "speakers.html")
    nav = page.select_one('nav[aria-label="Editions"]')
    assert nav.find_next("h1").get_text().startswith("Speakers 2023")
    assert nav.select("script") == []


@pytest.mark.sphinx("html", testroot="editions", freshenv=True,
                    confoverrides={"roads_editions": {"2024": "Example 2024 <b>", "2023": "Example 2023"}})
def test_edition_labels_are_shown_escaped(app):
    app.build()
    html = Path(app.outdir, "index.html").read_text()
    assert editions_nav(soup(Path(app.outdir, "index.html"))) == [
        ("Example 2024 <b>", "index.html", "page"), ("Example 2023", "2023/index.html", None)]
    assert "Example 2024 &lt;b&gt;" in html


@pytest.mark.sphinx("dirhtml", testroot="editions", freshenv=True)
def test_dirhtml_lists_the_editions(app):
    app.build()
    assert warnings_of(app) == []
    out = Path(app.outdir)
    assert editions_nav(soup(out / "2023" / "speakers" / "index.html")) == [
        ("2024", "../../", None), ("2023", "../", "true")]
    assert editions_nav(soup(out / "index.html"))[0] == ("2024", "./", "page")
    assert ("Mira Castellane", "../speakers/#person-mira-castellane-2023",
            "Mira Castellane, Southgate University, Chile") in person_links(soup(out / "2023" / "program" / "index.html"))


@pytest.mark.sphinx("singlehtml", testroot="editions", freshenv=True)
def test_singlehtml_keeps_each_editions_links_in_it(app):
    app.build()
    assert warnings_of(app) == []
    page = soup(Path(app.outdir, "index.html"))
    assert editions_nav(page) == [("2024", "#document-index", "page"), ("2023", "#document-2023/index", None)]
    # the 2023 pages are in the same file, and their names still mean 2023's people
    section = page.find(id="document-2023/index").find_next("section")  # its marker is an empty span
    links = [(a.get_text(), a["href"], a["title"]) for a in section.select("a.reference.internal")
             if "#person-" in a["href"]]
    name, href, title = links[0]
    assert (name, title) == ("Mira Castellane", "Mira Castellane, Southgate University, Chile")
    # Sphinx 8 writes "#person-…", Sphinx 9 "#document-2023/speakers#person-…"; the card's
    # anchor is 2023's own (the 2024 card of the same person is in the same file)
    assert href.rsplit("#", 1)[1] == "person-mira-castellane-2023"
    target = page.find(id="person-mira-castellane-2023")
    assert target is not None
    assert target.find_previous(id=lambda i: i and i.startswith("document-"))["id"] == "document-2023/speakers"
    committee_2023 = page.find(id="document-2023/committee").find_next("section")
    assert [p.get_text() for p in committee_2023.select(".roads-member-line")][1] == (
        "Lena Hartwig (Old Mill Labs, Germany) — Program chair")


@pytest.mark.parametrize("buildername", ["text", "latex", "epub"])
def test_other_builders_build_without_warnings_or_editions_list(make_app, tmp_path, buildername):
    src = copy_root(tmp_path)
    app = make_app(buildername, srcdir=src)
    app.build()
    assert warnings_of(app) == []
    out = Path(app.outdir)
    written = "".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*")
                      if p.suffix in {".txt", ".tex", ".xhtml"})
    assert "Editions:" not in written
    assert "Northbridge Institute" in written and "Southgate University" in written
    if buildername == "text":
        committee = (out / "2023" / "committee.txt").read_text()
        assert "Lena Hartwig (Old Mill Labs, Germany) — Program chair" in committee
    if buildername == "latex":
        # one document of both editions: the 2023 committee keeps 2023's details
        tex = next(out.glob("*.tex")).read_text()
        assert (r"\DUrole{roads-person-name}{Tomas Verhoef} \DUrole{roads-where}{(Old Harbor College, "
                "Netherlands)}") in tex
        assert (r"\DUrole{roads-person-name}{Lena Hartwig} \DUrole{roads-where}{(Old Mill Labs, "
                "Germany)}") in tex
        assert (r"The first edition. {\hyperref[\detokenize{2023/speakers:person-mira-castellane-2023}]"
                r"{\sphinxcrossref{Mira Castellane}}}") in tex


# --- checks of the configuration -----------------------------------------------------------------


def test_an_edition_without_pages_or_landing_page_is_a_warning(make_app, tmp_path):
    src = copy_root(tmp_path)
    (src / "2023" / "index.md").unlink()
    (src / "index.md").write_text((src / "index.md").read_text().replace("2023/index", "2023/speakers\n2023/program\n2023/committee"))
    app = make_app("html", srcdir=src, confoverrides={"roads_editions": ["2024", "2023", "2022", "a/b"]})
    app.build()
    conf = src / "conf.py"  # the line that sets roads_editions
    assert warnings_of(app) == [
        f"{conf}:6: WARNING: roads_editions = ['2024', '2023', '2022', 'a/b'] in conf.py: 'a/b' is not the "
        "name of a top-level folder of the source directory (write it as the folder is named, such as "
        "'2024'); it is left out [roads.edition]",
        f"{conf}:6: WARNING: roads_editions = ['2024', '2023', '2022', 'a/b'] in conf.py: no page is in the "
        "folder 2022/ of the source directory (there is no such folder): an edition is a folder of its "
        "pages, so write them there; '2022' is left out [roads.edition]",
        f"{conf}:6: WARNING: edition '2023' has no landing page: write 2023/index (.md or .rst), the page "
        "the editions list links for it; it is shown unlinked [roads.edition]",
    ]
    assert app.config.roads_editions == ["2024", "2023"]
    nav = soup(Path(app.outdir, "2023", "speakers.html")).select_one('nav[aria-label="Editions"]')
    assert [str(item) for item in nav.select("li > span")] == [
        '<span aria-current="true" class="roads-edition">2023</span>']


@pytest.mark.parametrize("named", [["2025", "2024", "2023"], ["index", "2024", "2023"]])
def test_an_edition_with_no_folder_is_left_out_and_the_next_is_current(make_app, tmp_path, named):
    """An edition named before its folder is written (or a page's name, "index") is a
    warning and is left out: the edition after it stays the current one, whose landing page
    is the root index, even though its folder has no index of its own."""
    src = copy_root(tmp_path)
    conf = src / "conf.py"
    conf.write_text(conf.read_text().replace('roads_editions = ["2024", "2023"]', f"roads_editions = {named!r}"))
    app = make_app("html", srcdir=src)
    app.build()
    assert warnings_of(app) == [
        f"{conf}:6: WARNING: roads_editions = {named!r} in conf.py: no page is in the folder {named[0]}/ of "
        "the source directory (there is no such folder): an edition is a folder of its pages, so write them "
        f"there; {named[0]!r} is left out [roads.edition]",
    ]
    assert app.config.roads_editions == ["2024", "2023"]
    out = Path(app.outdir)
    assert editions_nav(soup(out / "index.html")) == [("2024", "index.html", "page"), ("2023", "2023/index.html", None)]
    assert editions_nav(soup(out / "2024" / "program.html")) == [
        ("2024", "../index.html", "true"), ("2023", "../2023/index.html", None)]


def test_an_edition_folder_without_pages_is_left_out_and_its_labels_kept(make_app, tmp_path):
    src = copy_root(tmp_path)
    (src / "2025").mkdir()
    (src / "2025" / "logo.txt").write_text("not a page\n")
    named = {"2025": "Example 2025", "2024": "Example 2024", "2023": "Example 2023"}
    app = make_app("html", srcdir=src, confoverrides={"roads_editions": named})
    app.build()
    assert warnings_of(app) == [
        f"{src / 'conf.py'}:6: WARNING: roads_editions = {named!r} in conf.py: no page is in the folder 2025/ "
        "of the source directory: an edition is a folder of its pages, so write them there; '2025' is left "
        "out [roads.edition]",
    ]
    assert app.config.roads_editions == {"2024": "Example 2024", "2023": "Example 2023"}
    assert [label for label, _, _ in editions_nav(soup(Path(app.outdir) / "contact.html"))] == [
        "Example 2024", "Example 2023"]


def test_without_editions_one_registry_and_no_editions_list(make_app, tmp_path):
    """The site as it is without roads_editions: 2023's and 2024's declarations are one
    person's, in conflict, and no page lists editions."""
    src = copy_root(tmp_path)
    app = make_app("html", srcdir=src, confoverrides={"roads_editions": None})
    app.build()
    warnings = warnings_of(app)
    assert any("person 'Mira Castellane' is declared twice with a different affiliation" in w for w in warnings)
    assert soup(Path(app.outdir, "index.html")).select("nav.roads-editions") == []


# --- incremental builds -------------------------------------------------------------------------


def test_a_changed_2024_affiliation_rewrites_2024_pages_only(make_app, tmp_path):
    src = copy_root(tmp_path)
    app = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    app.build()
    speakers = src / "2024" / "speakers.md"
    speakers.write_text(speakers.read_text().replace("Northbridge Institute", "Eastfield Institute"))
    app2 = make_app("html", srcdir=src, builddir=tmp_path / "inc")
    written: list[str] = []
    app2.connect("html-page-context", lambda app, pagename, *args: written.append(pagename))
    app2.build()
    assert warnings_of(app2) == []
    pages = {page for page in written if page not in {"genindex", "search"}}
    # 2024's pages that show or link her (and the current edition's landing page), no 2023 page
    assert pages == {"2024/speakers", "2024/committee", "2024/program", "2024/notes", "index"}
    out = Path(app2.outdir)
    assert person_links(soup(out / "index.html"))[0][2] == "Mira Castellane, Eastfield Institute, Canada"
    assert person_links(soup(out / "2023" / "index.html"))[0][2] == "Mira Castellane, Southgate University, Chile"
    fresh = make_app("html", srcdir=src, builddir=tmp_path / "fresh")
    fresh.build()
    for page in ("index.html", "2024/committee.html", "2024/program.html", "2023/index.html"):
        assert Path(app2.outdir, page).read_text() == Path(fresh.outdir, page).read_text()


def test_a_parallel_build_gives_the_same_pages(make_app, tmp_path):
    """Pages read in two processes: each edition's people merged from both, the same pages."""
    src = copy_root(tmp_path)
    serial = make_app("html", srcdir=src, builddir=tmp_path / "serial")
    serial.build()
    parallel = make_app("html", srcdir=src, builddir=tmp_path / "parallel", parallel=2)
    parallel.build()
    assert warnings_of(parallel) == []
    for page in ("index.html", "2024/committee.html", "2024/speakers.html", "2023/committee.html",
                 "2023/program.html", "2024/notes.html"):
        assert Path(parallel.outdir, page).read_text() == Path(serial.outdir, page).read_text(), page


@pytest.mark.sphinx("html", testroot="editions", freshenv=True, confoverrides={"language": "de"})
def test_the_editions_list_in_the_sites_language(app):
    app.build()
    nav = soup(Path(app.outdir, "2023", "index.html")).select_one("nav.roads-editions")
    assert nav["aria-label"] == "Ausgaben"
    assert nav.select_one(".roads-editions-label").get_text() == "Ausgaben:"


def test_each_editions_calendar_names_its_own_person_for_a_surname(make_app, tmp_path):
    """"Hartwig" is Lena Hartwig in the 2023 program and Otto Hartwig in the 2024 one:
    each calendar file names the person of its own edition."""
    src = copy_root(tmp_path)
    speakers = src / "2024" / "speakers.md"
    speakers.write_text(speakers.read_text() + "\n:::{speaker-card} Otto Hartwig\n:affiliation: Example Lab\n:::\n")
    for edition, line in (("2023", "- 10:20am-11:00am - Invited talk: New mills (Hartwig)\n"),
                          ("2024", "- 11:00am-11:30am - Invited talk: Lakes again (Hartwig)\n")):
        program = src / edition / "program.md"
        text = program.read_text()
        end = text.index("```", text.index("{schedule}"))
        program.write_text(text[:end] + line + text[end:])
    app = make_app("html", srcdir=src)
    app.build()
    assert warnings_of(app) == []
    out = Path(app.outdir) / "_calendar"
    old = (out / "2023" / "program" / "schedule" / "new-mills.ics").read_text().replace("\r\n ", "")
    new = (out / "2024" / "program" / "schedule" / "lakes-again.ics").read_text().replace("\r\n ", "")
    assert "SUMMARY:Invited talk: New mills (Lena Hartwig)" in old
    assert "SUMMARY:Invited talk: Lakes again (Otto Hartwig)" in new
