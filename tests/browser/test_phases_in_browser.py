"""An old page follows the visitor's clock: the ROADS site built before the workshop day,
opened with the browser's clock after it, shows the held phase and updated date labels,
with no layout shift; without JavaScript it shows the phase it was built in. And the
list of accepted papers at a phone's and a desktop's width."""

from __future__ import annotations

import datetime as dt

import pytest

from sitebuild import build_site

from .browserkit import MODES, WIDTHS
from .conftest import served

pytestmark = pytest.mark.browser

BUILT_BEFORE = "1685577600"  # 2023-06-01: the site as it was a week before the day

LAYOUT_SHIFT = """
async () => {
  const entries = await new Promise(resolve => {
    new PerformanceObserver(list => resolve(list.getEntries()))
      .observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve([]), 500);
  });
  // every shift, the header's too (furo's theme button is shown from the first paint),
  // to three decimals as Lighthouse reports CLS: on a loaded CPU furo's search icon (a 16 px
  // pseudo-element) may move a fraction of a pixel, 0.0000036, which Lighthouse shows as 0;
  // a line filled without its room kept moves the page by 0.01 or more
  const sum = entries.filter(e => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0);
  return Math.round(sum * 1000) / 1000;
}
"""

SHOWN = r"""() => [...document.querySelectorAll('.roads-phase')]
  .filter(b => getComputedStyle(b).display !== 'none').map(b => b.innerText.replace(/\s+/g, ' ').trim())"""

#: the blocks of the phase the page was built in, from the page's own data
BUILD_PHASE_BLOCKS = r"""() => {
  const phase = JSON.parse(document.getElementById('roads-phase-data').textContent).phase;
  return [...document.querySelectorAll('.roads-phase-when-' + phase)]
    .map(b => b.innerText.replace(/\s+/g, ' ').trim());
}"""

DATE_LABELS = """() => [...document.querySelectorAll('tr.roads-date')]
  .map(r => [r.className.match(/roads-date-(passed|next|upcoming)/)[1], r.lastElementChild.innerText.trim()])"""


@pytest.fixture(scope="module")
def old_site(tmp_path_factory):
    """The ROADS site built on 2023-06-01, served on 127.0.0.1."""
    out = tmp_path_factory.mktemp("old-site") / "html"
    result = build_site(out, extra_env={"SOURCE_DATE_EPOCH": BUILT_BEFORE})
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    with served(out) as base:
        yield base


def open_at(browser, url: str, when: dt.datetime | None, width: str = "desktop", mode: str = "light",
            javascript: bool = True):
    theme, scheme = MODES[mode]
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800}, color_scheme=scheme,
                                  java_script_enabled=javascript, service_workers="block")
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if when is not None:
        page.clock.install(time=when)
    page.goto(url, wait_until="load")
    return context, page, errors


@pytest.mark.parametrize("width", list(WIDTHS))
def test_an_old_page_shows_held_after_the_day_without_shifting(browser, old_site, width):
    context, page, errors = open_at(browser, old_site + "index.html", dt.datetime(2023, 6, 10, tzinfo=dt.UTC), width)
    try:
        assert page.evaluate(SHOWN) == [
            "Held on Thursday, June 8, 2023 at MLSys 2023 in Miami.",
            "See the program Meet the speakers Accepted papers on OpenReview",
        ]
        assert page.evaluate("document.documentElement.dataset.roadsPhase") == "held"
        assert page.evaluate(DATE_LABELS) == [["passed", "Passed"]]
        assert page.evaluate(LAYOUT_SHIFT) == 0
        assert errors == []
    finally:
        context.close()


def test_an_old_page_on_the_day_and_before_it(browser, old_site):
    context, page, _ = open_at(browser, old_site + "index.html", dt.datetime(2023, 6, 8, 15, tzinfo=dt.UTC))
    try:
        shown = page.evaluate(SHOWN)
        assert shown[0] == "Today, Thursday, June 8, 2023, at MLSys 2023 in Miami."
        assert page.evaluate(DATE_LABELS) == [["next", "Next"]]
    finally:
        context.close()
    # a clock before the build changes nothing: the build's phase stands
    context, page, _ = open_at(browser, old_site + "index.html", dt.datetime(2023, 5, 1, tzinfo=dt.UTC))
    try:
        assert page.evaluate(SHOWN) == page.evaluate(BUILD_PHASE_BLOCKS)
        assert page.evaluate("document.documentElement.dataset.roadsPhase") is None
    finally:
        context.close()


def test_without_javascript_the_build_phase_shows(browser, old_site):
    context, page, _ = open_at(browser, old_site + "index.html", None, javascript=False)
    try:
        shown = [page.locator(".roads-phase").nth(i) for i in range(page.locator(".roads-phase").count())]
        visible = [" ".join(block.inner_text().split()) for block in shown if block.is_visible()]
        # the build's phase: "announced" (or "program-out" once the site has a program)
        assert visible in (["Submit a paper on OpenReview Meet the speakers"],
                           ["See the program Meet the speakers Accepted papers on OpenReview"])
        assert not any(text.startswith(("Held on", "Today,")) for text in visible)
        status = page.locator("tr.roads-date td").last.inner_text().strip()
        assert status == "Next"
    finally:
        context.close()


def test_the_call_for_papers_closes_on_an_old_page(browser, old_site):
    context, page, _ = open_at(browser, old_site + "call-for-papers.html", dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    try:
        assert page.evaluate(SHOWN) == [
            "The call for papers is closed. The accepted papers are on OpenReview."]
    finally:
        context.close()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_accepted_papers_read_well(visit, width):
    page = visit("papers-demo", width, "light").page
    items = page.evaluate("""() => [...document.querySelectorAll('li.roads-paper')].map(li => {
        const r = li.getBoundingClientRect(), t = li.querySelector('.roads-paper-title');
        return {left: Math.round(r.left), width: Math.round(r.width), title: t.innerText,
                badge: (li.querySelector('.roads-badge') || {}).innerText || ''};
    })""")
    assert [item["title"].split("\n")[0] for item in items][:3] == [
        "Learned Hash Tables for <Sparse> Embeddings & More ORAL",
        "Pruning at Initialization, Revisited SPOTLIGHT",
        "Sketching Gradients with Count-Min Tables POSTER",
    ]
    assert len({item["left"] for item in items}) == 1  # one column, one left edge
    # a paper's own anchor is a link target
    page.goto(page.url.split("#")[0] + "#paper-qr5st7uv9w")
    assert page.evaluate("document.querySelector(':target').id") == "paper-qr5st7uv9w"
