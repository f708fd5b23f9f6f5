"""Speaker cards, speaker grids, committees, topics and the {person} role, as a
visitor sees them in the HTML and as an author sees the warnings."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def main_part(html: str) -> BeautifulSoup:
    page = soup(html)
    return page.find(attrs={"role": "main"}) or page


# --- the test root: several pages sharing one registry -------------------------------

# Sphinx's test fixtures give every test of one root the same source and output
# folders: without a fresh environment, a later test's build would read nothing and
# write nothing, and it would assert on an earlier test's pages (and on no warnings).
people_site = pytest.mark.sphinx("html", testroot="people", freshenv=True)


def build_site(app, warning) -> None:
    """Build the root, and check that this build read and wrote every page, without a
    warning: what the test then asserts on was made by it."""
    written: list[str] = []
    app.connect("doctree-resolved", lambda app, doctree, docname: written.append(docname))
    app.build()
    assert sorted(written) == ["committee", "index", "speakers", "topics"]
    assert "WARNING" not in warning.getvalue(), warning.getvalue()


@people_site
def test_speaker_cards_show_every_detail(app, warning):
    build_site(app, warning)
    page = main_part((app.outdir / "speakers.html").read_text())
    ada = page.find(id="person-ada-lovelace")
    assert "sd-card" in ada["class"]
    name = ada.find(class_="roads-person-name")
    assert name.name == "h2"  # one level below the page's h1
    assert name.a["href"] == "https://example.org/ada"
    assert ada.find(class_="roads-where").text == "Analytical Engines Ltd, UK"
    assert ada.find(class_="roads-talk").em.text == "Notes on the engine"
    assert ada.find(class_="roads-bio").strong.text == "the first"
    avatar = ada.find(class_="roads-avatar")
    assert avatar.text == "AL" and avatar["aria-hidden"] == "true"
    # no homepage: the name is not a link, and nothing is broken
    turing = page.find(id="person-alan-turing")
    assert turing.find(class_="roads-person-name").a is None
    assert turing.find("img") is None


@people_site
def test_cards_form_a_responsive_grid_that_is_a_list(app, warning):
    build_site(app, warning)
    page = main_part((app.outdir / "speakers.html").read_text())
    grids = page.find_all("ul", class_="roads-speakers")
    # two loose cards are grouped into one grid; the {speakers} block is another
    assert len(grids) == 2
    loose, listed = grids
    assert [li.find(class_="roads-person-name").text for li in loose.find_all("li", recursive=False)] == [
        "Ada Lovelace", "Alan Turing",
    ]
    for cls in ("sd-row", "sd-row-cols-1", "sd-row-cols-lg-3"):
        assert cls in loose["class"]
    assert "sd-row-cols-lg-2" in listed["class"]  # :columns: 2
    names = [li.find(class_="roads-person-name").text for li in listed.find_all("li", recursive=False)]
    assert names == ["Grace Hopper", "Katherine Johnson"]
    assert listed.find(id="person-katherine-johnson").find(class_="roads-where").text.startswith("NASA")


@people_site
def test_committee_entries_are_linked_styled_and_carry_roles(app, warning):
    build_site(app, warning)
    page = main_part((app.outdir / "committee.html").read_text())
    members = page.find("ul", class_="roads-committee").find_all("li", recursive=False)
    assert [m.find(class_="roads-person-name").text for m in members] == [
        "Barbara Liskov", "Edsger Dijkstra", "Grace Hopper",
    ]
    liskov = members[0]
    assert liskov.find(class_="roads-person-name").a["href"] == "https://example.org/liskov"
    assert liskov.find(class_="roads-where").text == "(MIT, USA)"
    assert liskov.find(class_="roads-role").text == "General chair"
    # running text, so that it reads aloud and copies with its punctuation
    assert liskov.p.get_text() == "Barbara Liskov (MIT, USA) — General chair"
    assert page.find(class_="roads-committee-caption").text == "Organizing committee"


@people_site
def test_a_name_written_alone_takes_the_details_declared_elsewhere(app, warning):
    """Grace Hopper is declared on the speakers page and named alone in the committee."""
    build_site(app, warning)
    page = main_part((app.outdir / "committee.html").read_text())
    hopper = page.find(id="person-grace-hopper")
    assert hopper.find(class_="roads-person-name").a["href"] == "https://example.org/grace"
    assert hopper.find(class_="roads-where").text == "(US Navy, USA)"
    assert hopper.find(class_="roads-role").text == "Program chair"
    assert hopper.p.get_text() == "Grace Hopper (US Navy, USA) — Program chair"


@people_site
def test_person_role_links_to_the_speaker_card_with_details_as_title(app, warning):
    build_site(app, warning)
    page = main_part((app.outdir / "index.html").read_text())
    links = page.find_all("a", class_="reference internal")
    by_text = {a.text: a for a in links}
    assert by_text["Ada Lovelace"]["href"] == "speakers.html#person-ada-lovelace"
    assert by_text["Ada Lovelace"]["title"] == "Ada Lovelace, Analytical Engines Ltd, UK"
    # a speaker card is preferred over a committee entry as the target
    assert by_text["Grace Hopper"]["href"] == "speakers.html#person-grace-hopper"


@people_site
def test_topic_grid_is_a_list_of_cards_with_octicons(app, warning):
    build_site(app, warning)
    page = main_part((app.outdir / "topics.html").read_text())
    grid = page.find("ul", class_="roads-topics")
    items = grid.find_all("li", recursive=False)
    assert [li.text.strip() for li in items] == ["Faster training", "Smaller models"]
    assert items[0].find("svg", class_="sd-octicon-cpu")["aria-hidden"] == "true"
    assert items[1].find("svg") is None
    assert "sd-row-cols-lg-2" in grid["class"]


@people_site
def test_people_are_described_as_schema_org_persons(app, warning):
    build_site(app, warning)
    page = soup((app.outdir / "committee.html").read_text())
    scripts = page.find_all("script", type="application/ld+json")
    graph = json.loads(scripts[0].string)["@graph"]
    by_name = {p["name"]: p for p in graph}
    assert set(by_name) == {"Barbara Liskov", "Edsger Dijkstra", "Grace Hopper"}
    assert all(p["@type"] == "Person" for p in graph)
    hopper = by_name["Grace Hopper"]
    assert hopper["url"] == "https://example.org/grace"
    assert hopper["@id"] == "speakers.html#person-grace-hopper"
    assert hopper["affiliation"] == {
        "@type": "Organization", "name": "US Navy",
        "address": {"@type": "PostalAddress", "addressCountry": "USA"},
    }


# --- the same syntax in reStructuredText -------------------------------------------


def test_rst_authors_get_the_same_cards_and_lists(build_page):
    built = build_page(
        """
        Speakers
        ========

        .. speaker-card:: Ada Lovelace
           :affiliation: Analytical Engines Ltd
           :country: UK
           :homepage: https://example.org/ada

           Ada wrote *the first* program.

        .. committee::

           * `Barbara Liskov <https://example.org/liskov>`_ (MIT, USA) — General chair
           * Ada Lovelace

        See :person:`Ada Lovelace`.
        """,
        suffix=".rst",
    )
    assert built.warning_lines() == []
    page = main_part(built.html)
    card = page.find(class_="roads-speaker-card")
    assert card["id"] == "person-ada-lovelace"
    assert card.find(class_="roads-bio").em.text == "the first"
    members = page.find("ul", class_="roads-committee").find_all("li", recursive=False)
    assert members[0].find("a")["href"] == "https://example.org/liskov"
    assert members[1]["id"] == "person-ada-lovelace-2"
    assert members[1].find(class_="roads-where").text == "(Analytical Engines Ltd, UK)"
    assert page.find("a", title="Ada Lovelace, Analytical Engines Ltd, UK")["href"] == "#person-ada-lovelace"


# --- bad input: a located roads.* warning, and the rest of the page ------------------

BAD_INPUT = [
    pytest.param(
        """
        # Page

        :::{speaker-card}
        :affiliation: Nowhere
        :::

        Still here.
        """,
        r"index.md:4: WARNING: speaker-card: no name: write the speaker's name after the directive.* \[roads.speaker\]",
        id="missing-name",
    ),
    pytest.param(
        """
        # Page

        :::{speaker-card} Ada Lovelace
        :affilation: Analytical Engines Ltd
        :::

        Still here.
        """,
        r"index.md:5: WARNING: speaker-card: unknown option 'affilation' \(did you mean 'affiliation'\?\); its value 'Analytical Engines Ltd' is left out \[roads.option\]",
        id="unknown-option",
    ),
    pytest.param(
        """
        # Page

        :::{speakers}
        :columns: many
        * Ada Lovelace (Analytical Engines Ltd, UK)
        :::

        Still here.
        """,
        r"index.md:5: WARNING: speakers: option 'columns': 'many' is not a whole number; it is ignored \[roads.option\]",
        id="bad-option-value",
    ),
    pytest.param(
        """
        # Page

        :::{topic-grid}
        :columns: 9
        * Faster training
        :::

        Still here.
        """,
        r"index.md:5: WARNING: topic-grid: option 'columns': '9' must be from 1 to 6; it is ignored \[roads.option\]",
        id="too-many-columns",
    ),
    pytest.param(
        """
        # Page

        :::{committee}
        * Ada Lovelace (Analytical Engines Ltd, UK)
        * Analytical Engines Ltd, UK) Ada
        * Alan Turing (Manchester, UK)
        :::

        Still here.
        """,
        r"index.md:6: WARNING: committee: 'Analytical Engines Ltd, UK\) Ada' does not read 'Name \(Affiliation, Country\)'.*left out \[roads.item\]",
        id="committee-item-not-a-person",
    ),
    pytest.param(
        """
        # Page

        :::{speaker-card} Mallory
        :homepage: javascript:alert(1)
        :::

        Still here.
        """,
        r"index.md:5: WARNING: speaker-card: homepage 'javascript:alert\(1\)' uses 'javascript': only http\(s\) and mailto links are allowed; the name is shown unlinked \[roads.link\]",
        id="javascript-homepage",
    ),
    pytest.param(
        """
        # Page

        :::{committee}
        * [Mallory](data:text/html;base64,PHNjcmlwdD4=) (Evil Corp, XX)
        :::

        Still here.
        """,
        r"index.md:5: WARNING: committee: homepage 'data:text/html;base64,PHNjcmlwdD4=' uses 'data'.* \[roads.link\]",
        id="data-link-in-committee",
    ),
    pytest.param(
        """
        # Page

        :::{speaker-card} Ada Lovelace
        :photo: missing.png
        :::

        Still here.
        """,
        r"index.md:5: WARNING: speaker-card: photo 'missing.png' does not exist; an initials avatar is shown instead \[roads.photo\]",
        id="missing-photo",
    ),
    pytest.param(
        """
        # Page

        :::{speaker-card} Ada Lovelace
        :photo: ../../../etc/passwd
        :::

        Still here.
        """,
        r"index.md:5: WARNING: speaker-card: photo '../../../etc/passwd' lies outside the project.* \[roads.photo\]",
        id="photo-outside-project",
    ),
    pytest.param(
        """
        # Page

        :::{committee}
        :::

        Still here.
        """,
        r"index.md:4: WARNING: committee: is empty: write a Markdown list.* \[roads.empty\]",
        id="empty-committee",
    ),
    pytest.param(
        """
        # Page

        :::{topic-grid}
        :::

        Still here.
        """,
        r"index.md:4: WARNING: topic-grid: is empty.* \[roads.empty\]",
        id="empty-topic-grid",
    ),
    pytest.param(
        """
        # Page

        :::{speakers}
        :::

        Still here.
        """,
        r"index.md:4: WARNING: speakers: is empty.* \[roads.empty\]",
        id="empty-speakers",
    ),
    pytest.param(
        """
        # Page

        :::{speaker-card} Ada Lovelace
        :::

        Ask {person}`Ada Lovelac` or {person}`Nobody At All`.

        Still here.
        """,
        r"index.md:7: WARNING: person: nobody called 'Ada Lovelac' is declared on this site \(did you mean 'Ada Lovelace'\?\).* \[roads.person\]",
        id="unknown-person",
    ),
    pytest.param(
        """
        # Page

        :::{committee}
        * Nobody Declared
        :::

        Still here.
        """,
        r"index.md:5: WARNING: committee: 'Nobody Declared' is written without '\(Affiliation, Country\)' and is declared nowhere else.* \[roads.person\]",
        id="name-alone-declared-nowhere",
    ),
    pytest.param(
        """
        # Page

        :::{topic-grid}
        * :cpuu: Faster training
        :::

        Still here.
        """,
        r"index.md:5: WARNING: topic-grid: unknown icon 'cpuu' \(did you mean 'cpu'\?\).* \[roads.icon\]",
        id="unknown-icon",
    ),
    pytest.param(
        """
        # Page

        :::{committee}
        * Ada Lovelace (Analytical Engines, UK)

        A paragraph that is not a person.
        :::

        Still here.
        """,
        r"index.md:7: WARNING: committee: only a list of people belongs inside; this paragraph is shown below the list \[roads.content\]",
        id="committee-paragraph",
    ),
    pytest.param(
        """
        # Page

        :::{topic-grid}
        * :cpu: Faster training

        A paragraph that is not a topic.
        :::

        Still here.
        """,
        r"index.md:7: WARNING: topic-grid: only a list of topics belongs inside; this paragraph is shown below the grid \[roads.content\]",
        id="topic-grid-paragraph",
    ),
    pytest.param(
        """
        # Page

        :::{topic-grid}
        * Faster training
        *
        :::

        Still here.
        """,
        r"index.md:6: WARNING: topic-grid: an empty item is left out \[roads.item\]",
        id="empty-topic",
    ),
]


@pytest.mark.parametrize(("source", "expected"), BAD_INPUT)
def test_bad_input_is_a_located_warning_and_the_page_still_renders(build_page, source, expected):
    built = build_page(source)
    assert re.search(expected, built.warnings), built.warnings
    assert all("[roads." in line for line in built.warning_lines()), built.warnings
    assert "Traceback" not in built.warnings
    assert "Still here." in built.html


def test_unsafe_links_in_a_bio_are_unlinked(build_page):
    """MyST leaves a javascript: link as plain text; rST makes it a link, which we undo."""
    built = build_page(
        """
        Page
        ====

        .. speaker-card:: Ada Lovelace

           Her bio links `somewhere <javascript:alert(1)>`_.

        Still here.
        """,
        suffix=".rst",
    )
    assert re.search(
        r"index.rst:7: WARNING: speaker-card: link 'javascript:alert\(1\)' uses 'javascript'.*shown as text \[roads.link\]",
        built.warnings,
    ), built.warnings
    assert 'href="javascript' not in built.html
    assert "Still here." in built.html


def test_duplicate_person_with_conflicting_details_names_both_places(build_page):
    built = build_page(
        """
        # Page

        ```{toctree}
        other
        ```

        :::{speaker-card} Anshumali Shrivastava
        :affiliation: Rice University/ThirdAI Corp
        :country: USA
        :::
        """,
        files={"other.md": """
            # Other

            :::{committee}
            * Anshumali Shrivastava (Rice University/ThirdAI, USA)
            :::
            """},
    )
    (line,) = built.warning_lines()
    assert "other.md:5: WARNING: person 'Anshumali Shrivastava' is declared twice with a different affiliation" in line
    assert "'Rice University/ThirdAI Corp' at index:8" in line
    assert "'Rice University/ThirdAI' at other:5" in line
    assert line.endswith("[roads.duplicate]")


def test_each_declaration_is_checked_against_all_the_details_before_it(build_page):
    """The card gives no homepage, so only the two committee lines disagree."""
    built = build_page(
        """
        # Page

        :::{speaker-card} Alan Turing
        :::

        :::{committee}
        * [Alan Turing](https://a.example) (Manchester, UK)
        * [Alan Turing](https://b.example)
        :::
        """
    )
    repeat, line = built.warning_lines()
    assert repeat.endswith("index.md:9: WARNING: committee: 'Alan Turing' is listed twice in this block "
                           "(first at line 8): list each person once, with all their roles [roads.duplicate]")
    assert "index.md:9: WARNING: person 'Alan Turing' is declared twice with a different homepage" in line
    assert "'https://a.example' at index:8 and 'https://b.example' at index:9" in line
    assert line.endswith("[roads.duplicate]")


def test_the_same_person_as_speaker_and_organizer_just_works(build_page):
    built = build_page(
        """
        # Page

        :::{speakers}
        * [Anshumali Shrivastava](https://example.org/as) (Rice University/ThirdAI Corp, USA)
        :::

        :::{committee}
        * Anshumali Shrivastava
        * Anshumali Shrivastava (Rice University/ThirdAI Corp, USA) — General chair
        :::
        """
    )
    # listed twice in one list: said, and both lines shown (a role or a detail is not lost)
    assert [line.split("WARNING: ")[1] for line in built.warning_lines()] == [
        "committee: 'Anshumali Shrivastava' is listed twice in this block (first at line 9): "
        "list each person once, with all their roles [roads.duplicate]"]
    page = main_part(built.html)
    assert page.find(class_="roads-speaker-card")["id"] == "person-anshumali-shrivastava"
    members = page.find("ul", class_="roads-committee").find_all("li", recursive=False)
    assert [m["id"] for m in members] == ["person-anshumali-shrivastava-2", "person-anshumali-shrivastava-3"]
    assert all(m.find("a")["href"] == "https://example.org/as" for m in members)


def test_unknown_option_under_rst_is_a_warning_too_not_an_error(build_page):
    built = build_page(
        """
        Page
        ====

        .. speaker-card:: Ada Lovelace
           :affilation: Analytical Engines Ltd

        Still here.
        """,
        suffix=".rst",
    )
    assert re.search(
        r"index.rst:6: WARNING: speaker-card: unknown option 'affilation' \(did you mean 'affiliation'\?\); its value 'Analytical Engines Ltd' is left out \[roads.option\]",
        built.warnings,
    ), built.warnings
    assert "ERROR" not in built.warnings
    assert main_part(built.html).find(id="person-ada-lovelace") is not None


def test_a_warning_can_be_silenced_by_its_subtype(build_page):
    built = build_page(
        """
        # Page

        :::{speaker-card} Ada Lovelace
        :affilation: Analytical Engines Ltd
        :::
        """,
        conf='suppress_warnings = ["roads.option"]\n',
    )
    assert built.warning_lines() == []


SCRIPT = "<script>alert(1)</script>"
# parentheses would make a committee line unreadable, so a payload without them
BARE = "<script>steal</script>"


def test_author_text_is_escaped_in_every_field(build_page):
    built = build_page(
        f"""
        # Page

        :::{{speaker-card}} {SCRIPT}
        :affiliation: {SCRIPT}
        :country: {SCRIPT}
        :talk: {SCRIPT}

        {SCRIPT}
        :::

        :::{{committee}}
        * {BARE} (Org {BARE}, X) — {BARE}
        :::

        :::{{topic-grid}}
        * {SCRIPT}
        :::

        :::{{speakers}}
        * [{SCRIPT}](https://example.org) (Org, X)
        :::
        """
    )
    assert "<script>alert" not in built.html and "<script>steal" not in built.html
    # name, affiliation, country, talk, bio, topic, speaker list name
    assert built.html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 7
    # name, affiliation, role (the JSON-LD in the head escapes "<" as \u003c)
    assert built.html.count("&lt;script&gt;steal&lt;/script&gt;") == 3
    # raw HTML in a body is reported, not run
    assert "[roads.html]" in built.warnings


def test_photo_inside_the_project_is_shown_instead_of_the_avatar(build_page):
    # a real PNG: a broken one is a roads.photo warning (tests/test_photos.py)
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 80, 40)).save(buffer, format="PNG")
    png = buffer.getvalue()
    built = build_page(
        """
        # Page

        :::{speaker-card} Ada Lovelace
        :photo: people/ada.png
        :::
        """,
        files={"people/ada.png": png},
    )
    assert built.warning_lines() == []
    card = main_part(built.html).find(id="person-ada-lovelace")
    assert card.find(class_="roads-avatar") is None
    assert card.find("img")["alt"] == "Photo of Ada Lovelace"


@pytest.mark.parametrize("buildername", ["html", "text"])
def test_a_name_alone_whose_declaration_has_no_details_gets_no_empty_parentheses(build_page, buildername):
    built = build_page("""\
        # People

        :::{speaker-card} Ada Lovelace
        :homepage: https://example.org/ada
        :::

        :::{committee}
        * Ada Lovelace — Chair
        * Alan Turing (Manchester, UK)
        :::
        """, buildername=buildername)
    assert built.warning_lines() == []
    if buildername == "text":
        text = (built.app.outdir / "index.txt").read_text()
        assert "Ada Lovelace — Chair" in text and "()" not in text
        assert "Alan Turing (Manchester, UK)" in text
        return
    members = main_part(built.html).find("ul", class_="roads-committee").find_all("li", recursive=False)
    assert [m.p.get_text() for m in members] == ["Ada Lovelace — Chair", "Alan Turing (Manchester, UK)"]
    assert members[0].find("a")["href"] == "https://example.org/ada"
    assert members[0].find(class_="roads-where") is None


def test_a_name_alone_declared_nowhere_gets_no_empty_parentheses(build_page):
    built = build_page("""\
        # People

        :::{committee}
        * Nobody Declared — Chair
        :::
        """)
    assert "'Nobody Declared' is written without" in built.warnings
    member = main_part(built.html).find("ul", class_="roads-committee").li
    assert member.p.get_text() == "Nobody Declared — Chair"
    assert member.find(class_="roads-where") is None


def test_an_unreadable_photo_is_a_warning_not_a_crash(build_page, monkeypatch):
    from roads_ext.services import images

    def unreadable(source, cache, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(source))

    monkeypatch.setattr(images, "derive", unreadable)
    built = build_page(
        """
        # Page

        :::{speaker-card} Ada Lovelace
        :photo: people/ada.png
        :::

        Still here.
        """,
        files={"people/ada.png": b"not read"},
    )
    assert re.search(
        r"index.md:5: WARNING: speaker-card: photo 'people/ada.png' cannot be read \(Permission denied\); "
        r"an initials avatar is shown instead \[roads.photo\]",
        built.warnings,
    ), built.warnings
    assert "Traceback" not in built.warnings
    card = main_part(built.html).find(id="person-ada-lovelace")
    assert card.find("img") is None and card.find(class_="roads-avatar") is not None
    assert "Still here." in built.html


def test_what_is_not_a_list_is_shown_below_the_block(build_page):
    built = build_page("""\
        # Page

        :::{committee}
        * Ada Lovelace (Analytical Engines, UK)

        Not a person.
        :::

        :::{topic-grid}
        * :cpu: Faster training

        Not a topic.
        :::
        """)
    page = main_part(built.html)
    committee = page.find("ul", class_="roads-committee")
    assert "Not a person." not in committee.get_text()
    assert committee.find_next("p", string="Not a person.") is not None
    grid = page.find(class_="roads-topics")
    assert "Not a topic." not in grid.get_text()
    assert grid.find_next("p", string="Not a topic.") is not None
