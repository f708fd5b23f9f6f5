"""A program in three rooms (tests/roots/test-rooms, MyST and rST) in a browser: a grid of
rooms on a desktop and a list grouped by time on a phone, axe-core (WCAG 2.2 A and AA) in
light and dark mode, the Nu Html Checker, no layout shift with the visitor's own times
filled in; and the program pages printed by Chromium (its PDF, A4 and Letter): the ROADS
day and the three-room day each on one page, with no navigation, in black and white."""

from __future__ import annotations

import json
import re

import pytest

from sitebuild import ROOT, build_site, sphinx_build

from .browserkit import AXE_JS, MODES, WIDTHS, axe_findings, java_problem, need, vnu_errors
from .conftest import served
from .test_phases_in_browser import LAYOUT_SHIFT

pytestmark = pytest.mark.browser

ROOMS_ROOT = ROOT / "tests" / "roots" / "test-rooms"
PAGES = ["index", "rooms-rst"]


@pytest.fixture(scope="module")
def rooms_site(tmp_path_factory):
    """The three-room demo, built as an author builds it (-W -n), served on 127.0.0.1."""
    out = tmp_path_factory.mktemp("rooms") / "html"
    built = sphinx_build(ROOMS_ROOT, out)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    with served(out) as base:
        yield base, out


@pytest.fixture(scope="module")
def roads_site(tmp_path_factory):
    """The ROADS site (docs/), served on 127.0.0.1."""
    out = tmp_path_factory.mktemp("roads-print") / "html"
    result = build_site(out)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    with served(out) as base:
        yield base


def open_page(browser, url: str, width: str = "desktop", mode: str = "light", zone: str = "Asia/Tokyo"):
    """A page opened by a visitor in another time zone than the venue's: roads-times.js
    fills in their own times (which must move nothing)."""
    theme, scheme = MODES[mode]
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800}, color_scheme=scheme,
                                  service_workers="block", timezone_id=zone)
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"console.{m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"uncaught: {e}"))
    page.on("response", lambda r: r.status >= 400 and messages.append(f"{r.url} ({r.status})"))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page, messages


# --- the grid, on a desktop and a phone -----------------------------------------------------

SLOT_BOXES = """() => [...document.querySelectorAll('.roads-rooms-row')[3].querySelectorAll('.roads-rooms-slot')]
  .map(s => { const r = s.getBoundingClientRect();
              const room = s.querySelector('.roads-rooms-room');
              return {x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width),
                      room: room.getBoundingClientRect().width > 1 ? room.innerText : ''}; })"""


def test_parallel_rooms_are_side_by_side_on_a_desktop(browser, rooms_site):
    base, _ = rooms_site
    context, page, messages = open_page(browser, f"{base}index.html")
    try:
        boxes = page.evaluate(SLOT_BOXES)
        heads = page.evaluate("""() => [...document.querySelectorAll('.roads-rooms-head-room')]
          .map(h => [h.innerText.trim(), Math.round(h.getBoundingClientRect().left)])""")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    finally:
        context.close()
    # one row, three columns left to right, each under its room's heading
    assert len(boxes) == 3
    assert len({box["y"] for box in boxes}) == 1
    assert [box["x"] for box in boxes] == [x for _name, x in heads]
    assert [name.lower() for name, _x in heads] == ["main hall", "room 201", "room 202"]
    assert all(box["room"] == "" for box in boxes)  # the column's heading says the room
    assert overflow <= 0
    assert messages == []


def test_parallel_rooms_are_a_list_by_time_on_a_phone(browser, rooms_site):
    base, _ = rooms_site
    context, page, messages = open_page(browser, f"{base}index.html", width="phone")
    try:
        boxes = page.evaluate(SLOT_BOXES)
        head_shown = page.evaluate("getComputedStyle(document.querySelector('.roads-rooms-head')).display")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    finally:
        context.close()
    # one under the other, each as wide as the list, each saying its room
    assert [box["y"] for box in boxes] == sorted(box["y"] for box in boxes)
    assert len({box["y"] for box in boxes}) == 3
    assert len({box["x"] for box in boxes}) == 1
    assert [box["room"] for box in boxes] == ["Room: Main Hall", "Room: Room 201", "Room: Room 202"]
    assert head_shown == "none"
    assert overflow <= 0
    assert messages == []


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("page_name", PAGES)
def test_no_layout_shift_when_the_visitor_s_times_are_filled_in(browser, rooms_site, page_name, width):
    base, _ = rooms_site
    context, page, messages = open_page(browser, f"{base}{page_name}.html", width=width)
    try:
        filled = page.evaluate("document.querySelector('.roads-local-time').innerText")
        shift = page.evaluate(LAYOUT_SHIFT)
    finally:
        context.close()
    assert "AM" in filled or "PM" in filled  # the visitor's own time is there
    assert shift == 0
    assert messages == []


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("page_name", PAGES)
def test_the_rooms_pages_pass_axe(browser, rooms_site, page_name, width, mode):
    need(AXE_JS.is_file(), f"{AXE_JS.name} missing (npm ci in tests/browser)")
    base, _ = rooms_site
    context, page, messages = open_page(browser, f"{base}{page_name}.html", width=width, mode=mode)
    try:
        violations, passed = axe_findings(page)
    finally:
        context.close()
    assert violations == [], json.dumps(violations, indent=1)
    assert passed > 10
    assert messages == []


def test_the_rooms_pages_are_valid_html(rooms_site):
    problem = java_problem()
    need(problem is None, problem or "")
    _, out = rooms_site
    errors = vnu_errors(out / f"{name}.html" for name in PAGES)
    assert errors == [], "\n".join(errors)


# --- printed ------------------------------------------------------------------------------------


def pdf_pages(data: bytes) -> int:
    """The pages of a PDF Chromium wrote: its page objects (not the /Pages tree's)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


PRINTED = """() => {
  const shown = el => el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
  const colours = new Set([...document.querySelectorAll('article *')]
    .filter(el => el.childNodes.length && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
    .map(el => getComputedStyle(el).color));
  return {
    navigation: ['.sidebar-drawer', '.toc-drawer', '.mobile-header', 'footer', '.back-to-top']
      .filter(sel => shown(document.querySelector(sel))),
    colours: [...colours],
  };
}"""


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("which", ["roads", "rooms"])
def test_the_program_prints_on_one_page_without_navigation_in_black(browser, roads_site, rooms_site, which,
                                                                     paper):
    url = f"{roads_site}program.html" if which == "roads" else f"{rooms_site[0]}index.html"
    context, page, messages = open_page(browser, url)
    try:
        page.emulate_media(media="print")
        printed = page.evaluate(PRINTED)
        data = page.pdf(format=paper)
    finally:
        context.close()
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) == 1
    assert printed["navigation"] == []
    assert printed["colours"] == ["rgb(0, 0, 0)"]
    assert messages == []


def test_pdf_pages_counts_pages():
    """The page counter reads Chromium's page objects, not the page tree."""
    two = b"<< /Type /Pages /Count 2 >> << /Type /Page /Parent 1 0 R >> << /Type/Page >>"
    assert pdf_pages(two) == 2
