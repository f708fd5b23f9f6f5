"""A committee of plain lines is read without the Markdown parser (for speed); it
must come out exactly as the parser's path makes it, anchors and lines included."""

from __future__ import annotations

import pytest

import roads_ext.people as people

COMMITTEE = """\
# Committee

Intro.

:::{committee} Program committee

* [Barbara Liskov](https://example.org/liskov) (MIT, USA) — General chair

* Edsger Dijkstra (Eindhoven University of Technology, Netherlands)
+ Grace Hopper — Program chair
* Zoë O'Neil (Université de Montréal, Canada)
:::

:::{committee}
* [Ada Lovelace](mailto:ada@example.org) (Analytical Engines)
- Alan Turing (Manchester)
:::
"""


def build_both(build_page, monkeypatch, source):
    fast = build_page(source)
    fast_data = people.PeopleDomain.of(fast.app.env).data["declarations"]["index"]
    monkeypatch.setattr(people, "plain_people_list", lambda directive: None)
    parsed = build_page(source)
    parsed_data = people.PeopleDomain.of(parsed.app.env).data["declarations"]["index"]
    return fast, fast_data, parsed, parsed_data


def test_plain_lines_come_out_as_the_parser_makes_them(build_page, monkeypatch):
    read = []
    original = people.plain_people_list
    monkeypatch.setattr(people, "plain_people_list", lambda d: read.append(original(d)) or read[-1])
    fast, fast_data, parsed, parsed_data = build_both(build_page, monkeypatch, COMMITTEE)
    assert read and all(entries is not None for entries in read)  # the fast path was taken
    assert fast.html == parsed.html
    assert fast_data == parsed_data
    assert [d.line for d in fast_data] == [7, 9, 11, 15, 16]
    # (a second application in one process warns that Sphinx's nodes are registered again)
    def located(build):
        return [line for line in build.warning_lines() if "index.md" in line]
    assert located(fast) == located(parsed)
    assert any("index.md:10:" in line and "Grace Hopper" in line for line in located(fast))


@pytest.mark.parametrize("line", [
    "* **Ada Lovelace** (Analytical Engines)",  # emphasis
    "* Ada Lovelace (Analytical Engines) see https://example.org",  # a bare URL
    "* [Ada Lovelace](javascript:alert(1)) (X)",  # not http(s)/mailto
    "* Ada Lovelace (Analytical Engines)\n  and more",  # a continuation line
    "* Ada (Engines) (UK)",  # not 'Name (Affiliation, Country)': the parser's path warns
    # a homepage with no host: the parser's path warns, and only it
    "* [Ada](https:///x) (X)",
    "* [Ada](https:///x) (X)\n* **Bob** (Y)",
])
def test_anything_else_goes_through_the_parser(build_page, monkeypatch, line):
    taken = []

    def spy(directive):
        taken.append(people.plain_people_list.__wrapped__(directive))
        return taken[-1]

    spy.__wrapped__ = people.plain_people_list
    source = f":::{{committee}}\n{line}\n:::\n"
    original = people.plain_people_list
    try:
        people.plain_people_list = spy
        spied = build_page(source)
    finally:
        people.plain_people_list = original
    assert taken == [None]
    monkeypatch.setattr(people, "plain_people_list", lambda directive: None)
    parsed = build_page(source)
    def located(build):
        return [line for line in build.warning_lines() if "index.md" in line]
    assert located(spied) == located(parsed)
