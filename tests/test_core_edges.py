"""Edges of an author's input that must never break a page: options given twice, names
in other scripts or made of invisible characters, odd separators, relative homepages.
Each is a located warning quoting what is left out, in MyST and in reStructuredText."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from roads_ext.model.people import PersonLineError, key_anchor, parse_person_line, person_key


def soup(built) -> BeautifulSoup:
    return BeautifulSoup(built.html, "html.parser")


def json_ld_people(built) -> list[dict]:
    found = []
    for script in soup(built).find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        found += [item for item in data.get("@graph", [data]) if item.get("@type") == "Person"]
    return found


# --- an option given twice -----------------------------------------------------------

TWICE_MYST = """\
# Page

```{speaker-card} Ada Example
:affiliation: Uni A
:country: UK
:affiliation: Uni B
```

Still here.
"""

TWICE_RST = """\
Page
====

.. speaker-card:: Ada Example
   :affiliation: Uni A
   :country: UK
   :affiliation: Uni B

Still here.
"""


@pytest.mark.parametrize("suffix,source", [(".md", TWICE_MYST), (".rst", TWICE_RST)])
def test_an_option_given_twice_keeps_the_last_value_and_says_so(build_page, suffix, source):
    built = build_page(source, suffix=suffix)
    lines = built.warning_lines()
    assert len(lines) == 1, lines
    assert re.search(
        rf"index{re.escape(suffix)}:{6 if suffix == '.md' else 7}: WARNING: speaker-card: option 'affiliation' of 'Ada Example' is given twice: "
        r"the last value, 'Uni B', is kept and 'Uni A' is ignored; give each option once "
        r"\[roads\.option\]$",
        lines[0],
    ), lines
    card = soup(built).select_one(".roads-speaker-card")
    assert card.select_one(".roads-where").get_text() == "Uni B, UK"
    assert "Still here." in built.html


def test_an_option_given_twice_in_mysts_yaml_block_too(build_page):
    source = "# Page\n\n```{committee}\n---\nname: first\nname: second\n---\n* Bo Sample (Uni B, FR)\n```\n"
    built = build_page(source)
    lines = built.warning_lines()
    assert len(lines) == 1 and re.search(
        r"index\.md:6: WARNING: committee: option 'name' is given twice: the last value, 'second', "
        r"is kept and 'first' is ignored",
        lines[0],
    ), lines
    assert "Bo Sample" in built.html


def test_other_directives_still_refuse_an_option_given_twice_in_rst(build_page):
    """Only roads_ext's own directives keep the last value; docutils' rule stands for the rest."""
    source = "Page\n====\n\n.. image:: a.png\n   :alt: one\n   :alt: two\n"
    built = build_page(source, suffix=".rst")
    assert 'duplicate option "alt"' in built.warnings


# --- who is who: names are never folded to ASCII ---------------------------------------


@pytest.mark.parametrize(
    "first,second",
    [
        ("张伟", "王伟"),
        ("Wei 张", "Wei 王"),
        ("Анна Smith", "Мария Smith"),
        ("Юрий Иванов", "Юрии Иванов"),  # й is not и
        ("Łukasz Nowak", "ukasz Nowak"),
    ],
)
def test_names_that_differ_only_in_another_script_are_two_people(first, second):
    assert person_key(first) != person_key(second)
    assert key_anchor(person_key(first)) != key_anchor(person_key(second))
    assert re.fullmatch(r"[a-z0-9-]+", key_anchor(person_key(first)))


@pytest.mark.parametrize(
    "first,second",
    [
        ("Zoë O'Neil", "ZOE O NEIL"),
        ("Ada\u00a0Lovelace", "Ada  Lovelace"),
        ("\u200bAda Lovelace\u200f", "ada lovelace"),
        ("ｗｅｉ 张", "Wei 张"),  # full-width Latin letters
    ],
)
def test_case_spacing_latin_accents_and_invisible_characters_are_folded(first, second):
    assert person_key(first) == person_key(second)


def test_a_key_is_its_own_key():
    for name in ("张伟", "Wei 张", "Юрий Иванов", "Zoë O'Neil", "Straße"):
        assert person_key(person_key(name)) == person_key(name)


def test_two_people_with_the_same_latin_name_in_other_scripts_are_listed_and_linked_apart(build_page):
    source = """\
    # Page

    ```{committee}
    * Wei 张 (Uni A, CN)
    * Wei 王 (Uni B, CN)
    ```

    Chaired by {person}`Wei 王`.
    """
    built = build_page(source)
    assert built.warning_lines() == []
    page = soup(built)
    members = page.select("ul.roads-committee > li")
    assert [m.get_text(" ", strip=True) for m in members] == ["Wei 张 (Uni A, CN)", "Wei 王 (Uni B, CN)"]
    assert [m["id"] for m in members] == ["person-wei-u5f20", "person-wei-u738b"]
    link = page.find("a", string="Wei 王")
    assert link["href"] == "#person-wei-u738b" and link["title"] == "Wei 王, Uni B, CN"


# --- invisible names and odd separators ---------------------------------------------------


def test_a_name_of_invisible_characters_is_refused_with_escapes():
    for name in ("\u200b\u2060", "\u200f\u200e", "\u00ad"):
        with pytest.raises(PersonLineError, match=re.escape(repr(name) + " is no name")):
            parse_person_line(None, f"{name} (Uni A, UK)")
    # a no-break space is a space: nothing is left before the parenthesis
    with pytest.raises(PersonLineError, match=re.escape("no name before '(Uni A, UK)'")):
        parse_person_line(None, "\u00a0 (Uni A, UK)")


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_invisible_names_are_warnings_quoting_them_and_the_page_is_built(build_page, suffix):
    if suffix == ".md":
        source = (
            "# Page\n\n```{speaker-card} \u200b\u2060\n:affiliation: Uni A\n```\n\n"
            "```{committee}\n* \u200b (Uni B, UK)\n* Bo Sample (Uni C, FR)\n```\n\nStill here.\n"
        )
        lines_at = (3, 8)
    else:
        source = (
            "Page\n====\n\n.. speaker-card:: \u200b\u2060\n   :affiliation: Uni A\n\n"
            ".. committee::\n\n   * \u200b (Uni B, UK)\n   * Bo Sample (Uni C, FR)\n\nStill here.\n"
        )
        lines_at = (4, 9)
    built = build_page(source, suffix=suffix)
    lines = built.warning_lines()
    assert len(lines) == 2, lines
    assert re.search(
        rf":{lines_at[0]}: WARNING: speaker-card: '\\u200b\\u2060' is no name: it has only "
        r"invisible characters or spaces: write the speaker's name after the directive; "
        r"this card is left out, with its affiliation 'Uni A' \[roads\.speaker\]$",
        lines[0].replace("\\\\", "\\"),
    ), lines
    assert f":{lines_at[1]}: WARNING: committee:" in lines[1] and "\\u200b" in lines[1], lines
    assert "[roads.item]" in lines[1]
    assert "Bo Sample" in built.html and "Still here." in built.html
    assert not soup(built).select(".roads-speaker-card")


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_tab_separated_items_are_not_misread_as_a_name(build_page, suffix):
    items = ["Ada Example\tUni A\tUK", "Bo Sample ~ Chair", "Cy Placeholder (Uni C, FR) — Chair"]
    if suffix == ".md":
        source = "# Page\n\n```{committee}\n" + "".join(f"* {i}\n" for i in items) + "```\n"
        first = 4
    else:
        source = "Page\n====\n\n.. committee::\n\n" + "".join(f"   * {i}\n" for i in items)
        first = 6
    built = build_page(source, suffix=suffix)
    lines = built.warning_lines()
    assert len(lines) == 2, lines
    assert re.search(
        rf":{first}: WARNING: committee: .*'Ada Example\\tUni A\\tUK' is separated by "
        r"tabs, like columns pasted from a table.*this item is left out \[roads\.item\]",
        lines[0],
    ), lines
    assert re.search(
        rf":{first + 1}: WARNING: committee: .*'Bo Sample ~ Chair' holds '~', which is "
        r"not part of a name.*\[roads\.item\]",
        lines[1],
    ), lines
    members = soup(built).select("ul.roads-committee > li")
    assert [m.get_text(" ", strip=True) for m in members] == ["Cy Placeholder (Uni C, FR) — Chair"]


# --- homepages: absolute links only --------------------------------------------------------


@pytest.mark.parametrize(
    "homepage,why",
    [
        ("ada.html", "is not an absolute link: write the whole address, starting with https://"),
        ("/people/ada", "is not an absolute link: write the whole address, starting with https://"),
        ("//example.org/ada", "is protocol-relative: write it with https, as 'https://example.org/ada'"),
    ],
)
@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_a_relative_homepage_is_refused_and_kept_out_of_structured_data(build_page, homepage, why, suffix):
    if suffix == ".md":
        source = (
            f"# Page\n\n```{{speaker-card}} Ada Example\n:homepage: {homepage}\n```\n\n"
            f"```{{committee}}\n* [Bo Sample]({homepage}) (Uni B, UK)\n```\n"
        )
        at = (4, 8)
    else:
        source = (
            f"Page\n====\n\n.. speaker-card:: Ada Example\n   :homepage: {homepage}\n\n"
            f".. committee::\n\n   * `Bo Sample <{homepage}>`_ (Uni B, UK)\n"
        )
        at = (5, 9)
    built = build_page(source, suffix=suffix)
    lines = built.warning_lines()
    assert len(lines) == 2, lines
    for line, number in zip(lines, at, strict=True):
        assert f":{number}: WARNING:" in line, lines
        assert f"homepage {homepage!r} {why}; the name is shown unlinked [roads.link]" in line, lines
    page = soup(built)
    assert not page.select("a.roads-person-link")
    assert all(
        "url" not in person or person["url"].startswith("https://") for person in json_ld_people(built)
    )


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_a_relative_part_of_link_is_refused_and_kept_out_of_the_event_data(build_page, suffix):
    options = ":timezone: UTC\n:location: Room 1\n:part-of: Example Conference <//conf.example.org/2023>\n"
    lines_ = "- 9:00-10:00 Welcome\n"
    if suffix == ".md":
        source = f"# Page\n\n```{{schedule}} June 8, 2023\n{options}\n{lines_}```\n"
        at = 6
    else:
        indent = lambda text: "".join(f"   {line}\n" for line in text.splitlines())  # noqa: E731
        source = f"Page\n====\n\n.. schedule:: June 8, 2023\n{indent(options)}\n{indent(lines_)}"
        at = 7
    built = build_page(source, suffix=suffix)
    lines = built.warning_lines()
    assert len(lines) == 1, lines
    assert re.search(
        rf":{at}: WARNING: schedule: part-of link '//conf.example.org/2023' is "
        r"protocol-relative: write it with https, as 'https://conf.example.org/2023'; it is "
        r"left out \[roads\.link\]$",
        lines[0],
    ), lines
    events = []
    for script in soup(built).find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        events += [item for item in data.get("@graph", [data]) if item.get("@type") == "Event"]
    assert events and events[0]["superEvent"] == {"@type": "Event", "name": "Example Conference"}


# --- a file that is a link looping back on itself --------------------------------------

LOOPED_FILES = [
    pytest.param(
        ":::{speaker-card} Ada Example\n:photo: a.png\n:::",
        r"index.md:4: WARNING: speaker-card: photo 'a.png' is not a usable path; an initials avatar "
        r"is shown instead \[roads.photo\]",
        id="photo",
    ),
    pytest.param(
        ":::{sponsors}\n- [Acme](https://acme.example) logo: a.png\n:::",
        r"index.md:4: WARNING: sponsors: logo 'a.png' is not a usable path; .* \[roads.sponsor\]",
        id="logo",
    ),
    pytest.param(
        ":::{schedule}\n:date: 2023-06-08\n:file: a.png\n:::",
        r"index.md:5: WARNING: schedule: file 'a.png' is not a usable path: give a file of the project.* "
        r"\[roads.option\]",
        id="program-file",
    ),
    pytest.param(
        ":::{accepted-papers} a.png\n:::",
        r"index.md:3: WARNING: accepted-papers: 'a.png' is not a usable path; write it with .* \[roads.file\]",
        id="papers-export",
    ),
]


@pytest.mark.parametrize(("block", "warning"), LOOPED_FILES)
def test_a_file_that_links_to_itself_is_a_warning_not_a_crash(build_page, tmp_path, block, warning):
    """``a.png -> b.png -> a.png``: resolving it raises; every place that reads a file an
    author names checks it the same way (``RoadsDirective.project_file``)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.png").symlink_to("b.png")
    (src / "b.png").symlink_to("a.png")
    built = build_page(f"# Page\n\n{block}\n\nStill here.\n")
    assert any(re.search(warning, line) for line in built.warning_lines()), built.warning_lines()
    assert "Still here." in built.html


# --- people lists as they are pasted ----------------------------------------------------


@pytest.mark.parametrize(("written", "name", "affiliation", "country", "role"), [
    ("Alan Turing, University of Manchester", "Alan Turing", "University of Manchester", "", ""),
    ("Mary Jackson, NASA, USA", "Mary Jackson", "NASA", "USA", ""),
    ("Ada Lovelace, Analytical Engines, UK — Chair", "Ada Lovelace", "Analytical Engines", "UK", "Chair"),
    ("Sammy Davis, Jr., Rat Pack, USA", "Sammy Davis, Jr.", "Rat Pack", "USA", ""),
    ("Martin Luther King, Jr.", "Martin Luther King, Jr.", "", "", ""),
])
def test_name_comma_affiliation_is_read_as_lists_write_it(written, name, affiliation, country, role):
    parsed = parse_person_line(None, written)
    assert (parsed.name, parsed.affiliation, parsed.country, parsed.role) == (name, affiliation, country, role)
    assert parsed.has_details == bool(affiliation)


def test_a_linked_name_then_a_comma_reads_the_same():
    parsed = parse_person_line("Ada Lovelace", ", Analytical Engines, UK — Chair")
    assert (parsed.affiliation, parsed.country, parsed.role) == ("Analytical Engines", "UK", "Chair")


def test_surname_comma_given_name_is_not_guessed_at(build_page):
    built = build_page("# Page\n\n:::{committee}\n* Turing, Alan\n* Grace Hopper (US Navy)\n:::\n")
    (line,) = built.warning_lines()
    assert line.endswith(
        "index.md:4: WARNING: committee: 'Turing, Alan' does not read 'Name (Affiliation, Country)': "
        "'Turing, Alan' could be 'Surname, Given name' or 'Name, Affiliation': write "
        "'Name (Affiliation, Country)'; this item is left out [roads.item]")
    assert "Grace Hopper" in soup(built).select_one(".roads-committee").get_text()


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_a_pasted_comma_list_declares_each_person(build_page, suffix):
    body = "* Alan Turing, University of Manchester, UK — Chair\n* Mary Jackson, NASA, USA\n"
    if suffix == ".md":
        source = f"# Page\n\n:::{{committee}}\n{body}:::\n"
    else:
        source = "Page\n====\n\n.. committee::\n\n" + "".join(f"   {line}\n" for line in body.splitlines())
    built = build_page(source, suffix=suffix)
    assert built.warning_lines() == []
    lines = [li.get_text(" ", strip=True) for li in soup(built).select(".roads-committee > li")]
    assert lines == ["Alan Turing (University of Manchester, UK) — Chair", "Mary Jackson (NASA, USA)"]
    assert {person["name"]: person["affiliation"]["name"] for person in json_ld_people(built)} == {
        "Alan Turing": "University of Manchester", "Mary Jackson": "NASA"}


def test_a_name_linked_to_javascript_is_shown_unlinked_not_left_out(build_page):
    """Markdown makes no link of ``javascript:alert(1)``; its ``)`` is the URL's own."""
    built = build_page("# Page\n\n:::{committee}\n* [Eve Mallory](javascript:alert(1)) (Acme, UK)\n:::\n")
    (line,) = built.warning_lines()
    assert line.endswith(
        "index.md:4: WARNING: committee: homepage 'javascript:alert(1)' uses 'javascript': only http(s) "
        "and mailto links are allowed; the name is shown unlinked [roads.link]")
    entry = soup(built).select_one(".roads-committee > li")
    assert entry.get_text(" ", strip=True) == "Eve Mallory (Acme, UK)"
    assert entry.find("a") is None


def test_a_person_listed_twice_in_one_block_is_said(build_page):
    built = build_page("# Page\n\n:::{committee}\n* Zoe O'Neil — Chair\n* Ada Lovelace\n* ZOE O NEIL\n:::\n")
    assert [line.split("WARNING: ")[1] for line in built.warning_lines() if "listed twice" in line] == [
        "committee: 'ZOE O NEIL' is listed twice in this block (first at line 4): list each person once, "
        "with all their roles [roads.duplicate]"]
    assert built.warning_lines()[-1].startswith(str(built.app.srcdir / "index.md") + ":6:")


@pytest.mark.parametrize(("name", "shown"), [
    ("Prof. Dr. Ada Lovelace", "AL"),
    ("Dr. Grace Hopper", "GH"),
    ("\u200fSarah Levi", "SL"),  # a right-to-left mark, pasted with the name
    ("\u202eNoa Cohen", "NC"),
    ("Cher", "C"),
])
def test_initials_leave_out_honorifics_and_invisible_characters(name, shown):
    from roads_ext.model.people import initials

    assert initials(name) == shown


def test_a_name_declared_with_and_without_honorifics_is_one_person(build_page):
    """The honorific is no part of the name: declared ``Prof. Dr. Ada Lovelace`` and
    ``Ada Lovelace`` (with another affiliation) are one person declared twice."""
    built = build_page("""\
        # Page

        :::{speaker-card} Prof. Dr. Ada Lovelace
        :affiliation: Analytical Engines
        :::

        :::{committee}
        * Ada Lovelace (University of London, UK) — Chair
        :::

        Chaired by {person}`Lovelace`.
        """)
    (line,) = built.warning_lines()
    assert "index.md:8: WARNING: person 'Ada Lovelace' is declared twice with a different affiliation: " \
           "'Analytical Engines' at index:3 and 'University of London' at index:8" in line
    assert person_key("Prof. Dr. Ada Lovelace") == person_key("Ada Lovelace") == "ada-lovelace"
    assert person_key("Dr.") == "dr"  # never the whole name
    link = soup(built).find("a", string="Lovelace")
    assert link["href"] == "#person-ada-lovelace"


def test_a_link_markdown_leaves_as_text_in_a_bio_is_said(build_page):
    built = build_page("""\
        # Page

        :::{speaker-card} Ada Lovelace

        See [my site](javascript:alert(1)), [x](data:text/html,hi) and `[code](javascript:x)`.
        :::
        """)
    assert [line.split("WARNING: ")[1] for line in built.warning_lines()] == [
        "speaker-card: link 'javascript:alert(1)' uses 'javascript': only http(s) and mailto links are "
        "allowed; shown as text [roads.link]",
        "speaker-card: link 'data:text/html,hi' uses 'data': only http(s) and mailto links are allowed; "
        "shown as text [roads.link]",
    ]
    assert all(":5:" in line for line in built.warning_lines())
    assert "href=\"javascript" not in built.html


def test_a_label_option_without_a_value_is_said(build_page):
    built = build_page("# Page\n\n:::{topic-grid}\n:name:\n* Compression\n:::\n")
    (line,) = built.warning_lines()
    assert line.endswith("index.md:4: WARNING: topic-grid: option 'name' has no value; write ':name: a-label' "
                         "to link to this block with {ref}`a-label` [roads.option]")


# --- topics as they are pasted -------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_topic_icons_in_any_case_and_an_icon_alone_is_left_out_with_a_warning(build_page, suffix):
    items = ["* :CPU: Fast training", "* :package:Compression", "* :cpu:", "* Data reduction"]
    if suffix == ".md":
        source = "# Page\n\n:::{topic-grid}\n" + "\n".join(items) + "\n:::\n"
        line = 6
    else:
        source = "Page\n====\n\n.. topic-grid::\n\n" + "\n".join(f"   {item}" for item in items) + "\n"
        line = 8
    built = build_page(source, suffix=suffix)
    assert [warning.split("index" + suffix + ":")[1] for warning in built.warning_lines()] == [
        f"{line}: WARNING: topic-grid: the item with the icon 'cpu' has no topic; it is left out [roads.item]"]
    cards = soup(built).select(".roads-topic-card")
    assert [card.get_text(" ", strip=True) for card in cards] == ["Fast training", "Compression", "Data reduction"]
    assert [bool(card.select("svg.roads-topic-icon")) for card in cards] == [True, True, False]


@pytest.mark.parametrize(("suffix", "source", "line"), [
    (".md", "# Page\n\n:::{speaker-card} Ada Lovelace\n\nSee [her notes](//evil.example/notes).\n:::\n", 5),
    (".rst", "Page\n====\n\n.. speaker-card:: Ada Lovelace\n\n   See `her notes <//evil.example/notes>`_.\n", 6),
], ids=["myst", "rst"])
def test_a_protocol_relative_link_in_a_body_leaves_the_site_and_is_said(build_page, suffix, source, line):
    """``//example.org`` is no link inside the site: every check of an author's link
    (``shared.link_problem``) refuses it, not only a homepage's."""
    built = build_page(source, suffix=suffix)
    assert [warning.split(f"index{suffix}:")[1] for warning in built.warning_lines()] == [
        f"{line}: WARNING: speaker-card: link '//evil.example/notes' is protocol-relative: write it with https, "
        "as 'https://evil.example/notes'; shown as text [roads.link]"]
    assert "evil.example" not in str(soup(built).select(".roads-speaker-card a"))


def test_a_name_linked_to_javascript_in_rst_is_shown_unlinked_with_the_homepage_warning(build_page):
    built = build_page("Page\n====\n\n.. committee::\n\n   * `Eve Mallory <javascript:alert(1)>`_ (Acme, UK)\n",
                       suffix=".rst")
    (line,) = built.warning_lines()
    assert line.endswith(
        "index.rst:6: WARNING: committee: homepage 'javascript:alert(1)' uses 'javascript': only http(s) "
        "and mailto links are allowed; the name is shown unlinked [roads.link]")
    entry = soup(built).select_one(".roads-committee > li")
    assert entry.get_text(" ", strip=True) == "Eve Mallory (Acme, UK)" and entry.find("a") is None
