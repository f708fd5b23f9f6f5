"""The two safety promises: one link check for every link on the site, and nothing
left out without saying what."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup


def soup(built) -> BeautifulSoup:
    return BeautifulSoup(built.html, "html.parser")


def links(built) -> list[str]:
    return [a["href"] for a in soup(built).select("div.body a[href]")]


# --- one link check for every link on the site -----------------------------------------

PLAIN_RST = """\
Title javascript:alert(2)
=========================

Plain text javascript:alert(1) in a paragraph, and data:text/html,hello too.

A `named link <javascript:alert(3)>`_ and an `anonymous one <tel:+1234>`__.

Safe: https://example.org/a, `mail <mailto:ada@example.org>`_, `a page <other.html>`_.
"""


def test_plain_rst_javascript_and_data_uris_are_unlinked_with_their_text_kept(build_page):
    built = build_page(PLAIN_RST, suffix=".rst")
    hrefs = links(built)
    assert not [href for href in hrefs if href.startswith(("javascript", "data", "tel"))], hrefs
    assert {"https://example.org/a", "mailto:ada%40example.org", "other.html"} <= set(hrefs), hrefs
    text = soup(built).select_one("div.body").get_text()
    for kept in ("javascript:alert(1)", "data:text/html,hello", "named link", "anonymous one",
                 "javascript:alert(2)"):
        assert kept in text
    warnings = [line.split("index.rst:")[1] for line in built.warning_lines()]
    # docutils ends a bare URI before its closing parenthesis, and places a title on its underline
    assert sorted(warnings) == sorted([
        "2: WARNING: link 'javascript:alert(2' uses 'javascript': only http(s) and mailto links "
        "are allowed; shown as text [roads.link]",
        "4: WARNING: link 'javascript:alert(1' uses 'javascript': only http(s) and mailto links "
        "are allowed; shown as text [roads.link]",
        "4: WARNING: link 'data:text/html,hello' uses 'data': only http(s) and mailto links "
        "are allowed; shown as text [roads.link]",
        "6: WARNING: link 'javascript:alert(3)' uses 'javascript': only http(s) and mailto links "
        "are allowed; shown as text [roads.link]",
        "6: WARNING: link 'tel:+1234' uses 'tel': only http(s) and mailto links are allowed; "
        "shown as text [roads.link]",
    ])


def test_a_title_s_link_is_unlinked_in_the_navigation_too(build_page):
    built = build_page(PLAIN_RST, suffix=".rst")
    assert "javascript:" not in " ".join(a.get("href", "") for a in soup(built).find_all("a"))


@pytest.mark.parametrize("builder", ["latex", "text"])
def test_other_builders_get_no_unsafe_link_either(build_page, builder):
    built = build_page(PLAIN_RST, suffix=".rst", buildername=builder)
    written = "".join(path.read_text(encoding="utf-8") for path in Path(built.app.outdir).glob("*.t*x*"))
    assert "javascript:alert(1)" in written
    assert "href{javascript" not in written and "href{data" not in written


def test_myst_links_that_are_safe_stay_links(build_page):
    built = build_page(
        # an explicit label: MyST 4 (the oldest supported) resolves #page to it as MyST 5 does
        "(page)=\n# Page\n\nSee [the site](https://example.org/x), <mailto:ada@example.org> and [a page](#page).\n"
    )
    assert built.warning_lines() == []
    assert {"https://example.org/x", "mailto:ada%40example.org", "#page"} <= set(links(built))


# --- nothing left out without saying what ----------------------------------------------


def test_a_card_with_no_name_quotes_its_details_and_biography(build_page):
    built = build_page(
        "# Page\n\n:::{speaker-card}\n:affiliation: Analytical Engines\n:talk: Notes on the engine\n\n"
        "She wrote the first program, a long time ago, for a machine never built in her lifetime.\n:::\n"
    )
    (line,) = built.warning_lines()
    assert line.endswith(
        "this card is left out, with its affiliation 'Analytical Engines', talk 'Notes on the engine', "
        "biography 'She wrote the first program, a long time ago, for a machine…' [roads.speaker]"), line


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_a_nested_or_two_paragraph_item_is_quoted(build_page, suffix):
    if suffix == ".md":
        source = ("# Page\n\n```{committee}\n* Ada Lovelace (Uni A, UK)\n  * Bo Sample\n  * Cy Placeholder\n"
                  "* Di Testcase (Uni D, DK)\n\n  Chair of the session.\n```\n")
    else:
        source = ("Page\n====\n\n.. committee::\n\n   * Ada Lovelace (Uni A, UK)\n\n     * Bo Sample\n"
                  "     * Cy Placeholder\n\n   * Di Testcase (Uni D, DK)\n\n     Chair of the session.\n")
    built = build_page(source, suffix=suffix)
    lines = [line for line in built.warning_lines() if "[roads.item]" in line]
    assert len(lines) == 2, lines
    assert lines[0].endswith("this item is left out: 'Ada Lovelace (Uni A, UK) Bo Sample Cy Placeholder' "
                             "[roads.item]"), lines
    assert lines[1].endswith("this item is left out: 'Di Testcase (Uni D, DK) Chair of the session.' "
                             "[roads.item]"), lines


def test_a_slot_left_out_for_its_time_quotes_its_title(build_page):
    built = build_page(
        "# Page\n\n```{schedule} June 8, 2023\n:timezone: UTC\n:location: Hall A\n\n"
        "- 9:00-10:00 - Keynote (Ada Lovelace)\n- 14:00-13:30 - Lunch with the sponsors\n"
        "- 25:00 - Closing remarks\n```\n"
    )
    lines = built.warning_lines()
    assert len(lines) == 2, lines
    assert lines[0].endswith("this slot is left out: '- 14:00-13:30 - Lunch with the sponsors' [roads.time]"), lines
    assert lines[1].endswith("this slot is left out: '- 25:00 - Closing remarks' [roads.time]"), lines


def test_a_warning_that_quotes_the_title_already_adds_nothing(build_page):
    built = build_page(
        "# Page\n\n```{schedule} June 8, 2023\n:timezone: America/Los_Angeles\n:location: Hall A\n\n"
        "- 13:00-13:30 Talk E\n- 16:00 CEST - 16:30 CEST Talk F\n```\n"
    )
    (line,) = built.warning_lines()
    assert line.endswith("this slot is left out [roads.timezone]"), line


def test_a_card_whose_name_is_only_invisible_characters_quotes_its_details(build_page):
    built = build_page("# Page\n\n:::{speaker-card} \u200b\u200b\n:affiliation: Analytical Engines\n\nShe wrote it.\n:::\n")
    (line,) = built.warning_lines()
    assert "is no name: it has only invisible characters" in line, line
    assert line.endswith(
        "this card is left out, with its affiliation 'Analytical Engines', biography 'She wrote it.' "
        "[roads.speaker]"
    ), line


@pytest.mark.parametrize(
    ("directive", "subtype"), [("committee", "empty"), ("important-dates", "empty")]
)
@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_an_empty_block_quotes_the_caption_it_leaves_out(build_page, directive, subtype, suffix):
    if suffix == ".md":
        source = f"# Page\n\n```{{{directive}}} Program committee of the year\n```\n"
    else:
        source = f"Page\n====\n\n.. {directive}:: Program committee of the year\n"
    built = build_page(source, suffix=suffix)
    (line,) = built.warning_lines()
    assert line.endswith(
        f"its caption 'Program committee of the year' is left out with it [roads.{subtype}]"
    ), line
