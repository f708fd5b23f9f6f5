"""A program with live links in a real browser, its clock set to the workshop's day and to
other days, at a phone's and a desktop's width: the current and the next slot are marked,
the links say when they open before the day and that they are closed after it, nothing
moves (CLS 0), and without JavaScript every live link is listed."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest

from sitebuild import sphinx_build

from .browserkit import AXE_JS, MODES, WIDTHS, axe_findings, java_problem, need, vnu_errors
from .conftest import served
from .test_phases_in_browser import LAYOUT_SHIFT, open_at

pytestmark = pytest.mark.browser

PARIS = dt.timezone(dt.timedelta(hours=2))  # the venue's zone on July 14, 2023 (CEST)
PROGRAM = """\
# Live demo

```{schedule} Friday, July 14, 2023
:timezone: Europe/Paris
:location: Ghent
:attendance: mixed
:live: Hall A: stream https://example.org/live/hall-a

- 09:00 - 09:10 Welcome (Workshop Organizers)
  - location: Hall A
- 09:10 - 09:50 Keynote: Sparse Maps for Small Robots - Ilse Vandermeer [[Slides](https://example.org/s.pdf)]
  - location: Hall A
  - call: https://zoom.us/j/123456
  - chat: https://chat.example.org/roads
- 09:50 - 10:20 Coffee break
- 10:20 - 11:00 Invited talk: Lane Graphs from Dashcams - Amara Okonkwo
  - location: Hall A
```
"""
STATE = r"""() => ({
  now: [...document.querySelectorAll('tr.roads-now .roads-slot-title')].map(t => t.innerText),
  next: [...document.querySelectorAll('tr.roads-next .roads-slot-title')].map(t => t.innerText),
  badges: [...document.querySelectorAll('.roads-live-mark')].map(b => b.innerText.trim().toLowerCase()),
  notes: [...document.querySelectorAll('.roads-live-note')].map(n => n.innerText),
  links: [...document.querySelectorAll('.roads-live-link')]
    .filter(a => getComputedStyle(a).visibility === 'visible').map(a => a.innerText),
})"""


@pytest.fixture(scope="module")
def live_site(tmp_path_factory):
    source = tmp_path_factory.mktemp("live-src")
    (source / "conf.py").write_text(
        textwrap.dedent("""\
        extensions = ["myst_parser", "roads_ext"]
        project = "Live demo"
        html_theme = "furo"
        roads_timezone = "Europe/Paris"
    """),
        encoding="utf-8",
    )
    (source / "index.md").write_text(PROGRAM, encoding="utf-8")
    out = tmp_path_factory.mktemp("live-site") / "html"
    result = sphinx_build(source, out)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    with served(out) as base:
        yield base + "index.html", out


@pytest.mark.parametrize("width", list(WIDTHS))
def test_on_the_day_the_current_and_next_slots_are_marked_without_shifting(browser, live_site, width):
    context, page, errors = open_at(
        browser, live_site[0], dt.datetime(2023, 7, 14, 9, 20, tzinfo=PARIS), width
    )
    try:
        page.wait_for_selector(".roads-live-mark")
        state = page.evaluate(STATE)
        assert state["now"] == ["Sparse Maps for Small Robots"]
        assert state["next"] == ["Coffee break"]
        assert state["badges"] == ["now", "up next"]
        assert state["notes"] == []
        assert state["links"] == ["Stream", "Call", "Chat", "Stream", "Stream"]
        assert page.evaluate(LAYOUT_SHIFT) == 0
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(
    ("when", "note"),
    [
        (dt.datetime(2023, 7, 10, 12, 0, tzinfo=PARIS), "Live links open on July 14."),
        (dt.datetime(2023, 7, 20, 12, 0, tzinfo=PARIS), "The live links are closed."),
    ],
    ids=["before", "after"],
)
def test_on_another_day_the_links_say_when_they_open_or_that_they_closed(
    browser, live_site, width, when, note
):
    context, page, errors = open_at(browser, live_site[0], when, width)
    try:
        page.wait_for_selector(".roads-live-note")
        state = page.evaluate(STATE)
        assert state["now"] == state["next"] == state["badges"] == []
        assert state["notes"] == [note] * 3
        assert state["links"] == []
        assert page.evaluate(LAYOUT_SHIFT) == 0
        assert errors == []
    finally:
        context.close()


def test_without_javascript_every_live_link_is_listed(browser, live_site):
    context, page, _errors = open_at(
        browser, live_site[0], dt.datetime(2023, 7, 20, tzinfo=PARIS), javascript=False
    )
    try:
        text = page.inner_text(".roads-schedule")
        assert text.count("Live:") == 3 and "Call" in text and "Chat" in text and "Stream" in text
        assert "closed" not in text
        assert page.query_selector(".roads-live-mark") is None
    finally:
        context.close()


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(
    "when",
    [dt.datetime(2023, 7, 14, 9, 20, tzinfo=PARIS), dt.datetime(2023, 7, 10, tzinfo=PARIS)],
    ids=["day", "before"],
)
def test_the_marked_program_is_accessible(browser, live_site, when, width, mode):
    need(AXE_JS.is_file(), f"{AXE_JS.name} missing (npm ci in tests/browser)")
    context, page, _errors = open_at(browser, live_site[0], when, width, mode)
    try:
        page.wait_for_selector(".roads-live-mark, .roads-live-note")
        violations, passed = axe_findings(page)
        assert violations == [], json.dumps(violations, indent=1)
        assert passed > 10
    finally:
        context.close()


def test_the_page_is_valid_html(live_site):
    problem = java_problem()
    need(problem is None, problem or "")
    assert vnu_errors([Path(live_site[1]) / "index.html"]) == []


ROOMS_PROGRAM = """\
# Live rooms

```{schedule} Friday, July 14, 2023
:timezone: Europe/Paris
:location: Ghent
:rooms: Hall A, Hall B
:live: Hall A: stream https://example.org/live/hall-a; Hall B: stream https://example.org/live/hall-b

- 09:00 - 09:40 Keynote: Sparse Maps for Small Robots - Ilse Vandermeer
  - location: Hall A
- 09:00 - 09:40 Invited talk: Lane Graphs from Dashcams - Amara Okonkwo
  - location: Hall B
- 09:40 - 10:20 Invited talk: Tiny Indexes - Bo Lindqvist
  - location: Hall A
- 09:40 - 10:20 Invited talk: Hash Tables at Sea - Carla Mendes
  - location: Hall B
```
"""


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_slots_of_a_rooms_grid_are_marked_too(browser, tmp_path, width):
    """Rooms side by side are a grid of boxes, not table rows: the script marks its boxes."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        'extensions = ["myst_parser", "roads_ext"]\nproject = "Live rooms"\nhtml_theme = "furo"\n',
        encoding="utf-8",
    )
    (source / "index.md").write_text(ROOMS_PROGRAM, encoding="utf-8")
    result = sphinx_build(source, tmp_path / "html")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    with served(tmp_path / "html") as base:
        context, page, errors = open_at(
            browser, base + "index.html", dt.datetime(2023, 7, 14, 9, 20, tzinfo=PARIS), width
        )
        try:
            page.wait_for_selector(".roads-live-mark")
            marked = page.evaluate(
                """() => ({
                  now: [...document.querySelectorAll('.roads-rooms-slot.roads-now .roads-slot-title')].map(t => t.innerText),
                  next: [...document.querySelectorAll('.roads-rooms-slot.roads-next .roads-slot-title')].map(t => t.innerText),
                })"""
            )
            assert marked == {
                "now": ["Sparse Maps for Small Robots", "Lane Graphs from Dashcams"],
                "next": ["Tiny Indexes", "Hash Tables at Sea"],
            }
            assert page.evaluate(LAYOUT_SHIFT) == 0
            assert errors == []
        finally:
            context.close()
