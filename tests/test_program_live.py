"""Materials written in a program's lines and live links (stream, call, chat), built in
MyST and reStructuredText: the links shown, live links apart from materials, the page's
script only where there are live links, and located warnings for bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from roads_ext.model.program import parse_program
from roads_ext.model.program.materials import read_live_lines, split_materials
from test_program import check_warnings, soup

MYST = """\
# Live

```{schedule} Friday, July 14, 2023
:timezone: Europe/Paris
:location: Ghent
:live: Hall A: stream https://example.org/live/hall-a; Hall B: chat https://chat.example.org/b

- 09:00-09:40 Keynote: Sparse Maps for Small Robots - Ilse Vandermeer (Ghent Robotics Lab) [[Slides](https://example.org/s.pdf)] [[Video](https://www.youtube.com/watch?v=a1B2c3D4e5F)]
  - location: Hall A
  - call: https://zoom.us/j/123456
- 09:40-10:00 Lane Graphs from Dashcams - Amara Okonkwo
  Video: https://vimeo.com/812345678 Slides: https://example.org/lanes.pdf
  - location: Hall B
- 10:00-10:30 Coffee break
```
"""

RST = """\
Live
====

.. schedule:: Friday, July 14, 2023
   :timezone: Europe/Paris
   :location: Ghent
   :live: Hall A: stream https://example.org/live/hall-a
          Hall B: chat https://chat.example.org/b

   - 09:00-09:40 Keynote: Sparse Maps for Small Robots - Ilse Vandermeer (Ghent Robotics Lab) [[Slides](https://example.org/s.pdf)] [[Video](https://www.youtube.com/watch?v=a1B2c3D4e5F)]

     - location: Hall A
     - call: https://zoom.us/j/123456

   - 09:40-10:00 Lane Graphs from Dashcams - Amara Okonkwo
     Video: https://vimeo.com/812345678 Slides: https://example.org/lanes.pdf

     - location: Hall B

   - 10:00-10:30 Coffee break
"""


def links(cell, selector: str) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in cell.select(f"{selector} a") if "roads-ics" not in a["class"]]


@pytest.mark.parametrize(("source", "suffix"), [(MYST, ".md"), (RST, ".rst")], ids=["myst", "rst"])
def test_materials_and_live_links_are_shown_apart(build_page, source, suffix):
    built = build_page(source, suffix=suffix)
    assert built.warning_lines() == []
    page = soup(built.html)
    assert "roads-schedule-live" in page.select_one(".roads-schedule")["class"]
    rows = page.select("tr.roads-slot")
    assert [r.select_one(".roads-slot-title").get_text() for r in rows] == [
        "Sparse Maps for Small Robots", "Lane Graphs from Dashcams", "Coffee break"]
    assert [s.get_text() for s in page.select(".roads-slot-speakers")] == [
        "Ilse Vandermeer (Ghent Robotics Lab)", "Amara Okonkwo"]
    assert links(rows[0], ".roads-slot-links") == [
        ("Slides", "https://example.org/s.pdf"), ("Video", "https://www.youtube.com/watch?v=a1B2c3D4e5F")]
    assert links(rows[1], ".roads-slot-links") == [
        ("Video", "https://vimeo.com/812345678"), ("Slides", "https://example.org/lanes.pdf")]
    # a video of a known host is a link, never a player
    assert not page.select("iframe, video, embed, object")
    assert links(rows[0], ".roads-slot-live") == [
        ("Call", "https://zoom.us/j/123456"), ("Stream", "https://example.org/live/hall-a")]
    assert links(rows[1], ".roads-slot-live") == [("Chat", "https://chat.example.org/b")]
    assert not rows[2].select(".roads-slot-live")
    assert rows[1].select_one(".roads-abstract") is None  # the materials' line is no description
    assert '_static/roads-live.js' in built.html and 'data-roads-now="Now"' in built.html


def test_a_program_without_live_links_loads_no_live_script(build_page):
    built = build_page(MYST.replace(
        ":live: Hall A: stream https://example.org/live/hall-a; Hall B: chat https://chat.example.org/b\n", ""
    ).replace("  - call: https://zoom.us/j/123456\n", ""))
    assert built.warning_lines() == []
    assert "roads-live.js" not in built.html and "roads-schedule-live" not in built.html
    assert "roads-slot-live" not in built.html


BAD_MYST = """\
# Bad

```{schedule} Friday, July 14, 2023
:timezone: Europe/Paris
:location: Ghent
:live: Hall Z: stream https://example.org/live/z; Hall A: radio https://example.org/radio

- 09:00-09:40 Sparse Maps for Small Robots - Ilse Vandermeer [slides](ftp://example.org/s.pdf)
  - location: Hall A
  - stream: javascript:alert(1)
- 09:40-10:00 Lane Graphs from Dashcams - Amara Okonkwo
  - video: lanes.mp4
```
"""


def test_bad_materials_and_live_links_are_located_warnings(build_page):
    built = build_page(BAD_MYST)
    check_warnings(built, [
        (6, "roads.live", "schedule: live link for room 'Hall Z' is for no slot: the rooms are 'Hall A'"),
        (6, "roads.live", "schedule: live link 'Hall A: radio https://example.org/radio' is not 'Room: kind URL'"),
        (8, "roads.link", "schedule: slides link 'ftp://example.org/s.pdf'"),
        (10, "roads.link", "schedule: stream link 'javascript:alert(1)'"),
        (12, "roads.link", "schedule: video link 'lanes.mp4' is not an http(s):// address"),
    ])
    page = soup(built.html)
    assert [r.select_one(".roads-slot-title").get_text() for r in page.select("tr.roads-slot")] == [
        "Sparse Maps for Small Robots", "Lane Graphs from Dashcams"]
    assert "ftp:" not in built.html and "javascript:" not in built.html and "lanes.mp4" not in built.html


def test_bad_live_line_in_rst_is_located_at_its_line(build_page):
    built = build_page(RST.replace("Hall B: chat https", "Hall B: whatsapp https"), suffix=".rst")
    check_warnings(built, [
        (8, "roads.live", "schedule: live link 'Hall B: whatsapp https://chat.example.org/b' is not"),
    ])


@pytest.mark.parametrize(("written", "rest", "found"), [
    ("Title (Jane Doe) [slides](https://a.org/s) [video](https://a.org/v)", "Title (Jane Doe)",
     [("Slides", "https://a.org/s"), ("Video", "https://a.org/v")]),
    ("Title - Jane Doe [[Slides](https://a.org/s)] [[Code](https://github.com/a/b)]", "Title - Jane Doe",
     [("Slides", "https://a.org/s"), ("Code", "https://github.com/a/b")]),
    ("Title - Jane Doe [PDF](https://a.org/p) | [Recording](https://a.org/r) | [Poster](https://a.org/q)",
     "Title - Jane Doe", [("Paper", "https://a.org/p"), ("Video", "https://a.org/r"), ("Poster", "https://a.org/q")]),
    ('Title <a href="https://a.org/s">Slides</a>', "Title", [("Slides", "https://a.org/s")]),
    ("Title. Video: https://youtu.be/x Slides: <https://a.org/s>", "Title.",
     [("Video", "https://youtu.be/x"), ("Slides", "https://a.org/s")]),
    ("[Slides](https://a.org/s) · [Blog post](https://a.org/b)", "",
     [("Slides", "https://a.org/s"), ("Blog post", "https://a.org/b")]),
    # a link that is part of the title, and a word that is no material's, stay
    ("[Learning to Route](https://a.org/t) - Jane Doe", "[Learning to Route](https://a.org/t) - Jane Doe", []),
    ("Video: the Road Ahead - Jane Doe", "Video: the Road Ahead - Jane Doe", []),
])
def test_materials_are_taken_out_of_a_line(written, rest, found):
    left, materials = split_materials(written)
    assert left == rest
    assert [(m.label, m.url) for m in materials] == found


def test_a_material_keeps_the_title_and_speakers_of_its_slot():
    program = parse_program([
        "- 09:00-09:30 Keynote: Learning to Route (Jane Doe, ETH Zurich) [slides](https://a.org/s)",
        "- 09:30-10:00 Contributed talk: Graph Priors - Henrik Solberg",
        "  - slides: https://a.org/g",
        "  - stream: https://example.org/live",
    ], first_day=dt.date(2023, 7, 14))
    first, second = program.slots()
    assert (first.title, [s.name for s in first.speakers]) == ("Learning to Route", ["Jane Doe"])
    assert [(link.label, link.kind) for link in first.links] == [("Slides", "material")]
    assert [(link.label, link.url, link.kind) for link in second.links] == [
        ("Slides", "https://a.org/g", "material"), ("Stream", "https://example.org/live", "live")]
    assert program.problems == []


def test_live_lines_read():
    links, problems = read_live_lines("Hall A: stream https://x.org/a\nchat https://x.org/c; Room 2: call <https://zoom.us/j/1>")
    assert [(link.room, link.label, link.url, link.line) for link in links] == [
        ("Hall A", "Stream", "https://x.org/a", 0), ("", "Chat", "https://x.org/c", 1),
        ("Room 2", "Call", "https://zoom.us/j/1", 1)]
    assert problems == []


def test_live_lines_in_myst_option_block(build_page):
    built = build_page("""\
        # Live

        ```{schedule} Friday, July 14, 2023
        ---
        timezone: Europe/Paris
        location: Ghent
        live: |
          Hall A: stream https://example.org/live/a
          Hall B: chatter https://example.org/b
        ---
        - 09:00-09:40 Keynote: Sparse Maps for Small Robots - Ilse Vandermeer
          - location: Hall A
        ```
        """)
    check_warnings(built, [(9, "roads.live", "schedule: live link 'Hall B: chatter https://example.org/b' is not")])
    assert links(soup(built.html), ".roads-slot-live") == [("Stream", "https://example.org/live/a")]


def test_a_bad_room_link_is_said_at_its_live_line(build_page):
    built = build_page(RST.replace("Hall B: chat https://chat.example.org/b", "Hall B: chat javascript:alert(1)"),
                       suffix=".rst")
    check_warnings(built, [(8, "roads.live", "schedule: chat link 'javascript:alert(1)' for 'Hall B' is not an http(s)://")])
    assert "javascript:" not in built.html


def test_a_bad_material_in_a_program_file_is_said_at_its_line_there(build_page):
    built = build_page("""\
        # File

        ```{schedule} Friday, July 14, 2023
        :timezone: Europe/Paris
        :location: Ghent
        :file: program.csv
        ```
        """, files={"program.csv": (
            "Time,Title,Speaker,Slides\n"
            "09:00-09:40,Sparse Maps for Small Robots,Ilse Vandermeer,https://example.org/s.pdf\n"
            "09:40-10:00,Lane Graphs from Dashcams,Amara Okonkwo,ftp://example.org/lanes.pdf\n")})
    lines = built.warning_lines()
    assert len(lines) == 1 and "program.csv:3: WARNING: schedule: slides link 'ftp://example.org/lanes.pdf'" in lines[0]
    rows = soup(built.html).select("tr.roads-slot")
    assert links(rows[0], ".roads-slot-links") == [("Slides", "https://example.org/s.pdf")]
    assert links(rows[1], ".roads-slot-links") == []


def test_the_materials_of_a_session_s_papers_are_each_paper_s():
    program = parse_program([
        "- 10:20-12:00 Oral session 1",
        "  - Routing Under Uncertain Tolls - Tomasz Wierzbicki [slides](https://a.org/1)",
        "  - Lane Graphs from Dashcams - Amara Okonkwo [video](https://a.org/2)",
        "- 12:00-13:00 Lunch",
    ], first_day=dt.date(2023, 7, 14))
    assert [(s.title, [(link.label, link.url) for link in s.links]) for s in program.slots()] == [
        ("Routing Under Uncertain Tolls", [("Slides", "https://a.org/1")]),
        ("Lane Graphs from Dashcams", [("Video", "https://a.org/2")]),
        ("Lunch", []),
    ]
