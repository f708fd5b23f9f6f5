"""A long, grouped list of accepted papers with its search box, on one page (``:per-page: all``;
test_paper_pages_in_browser.py has a list in pages), in the browser: axe and the
Nu Html Checker, the search filtering by any field or one, the index fetched only when the box
is used, no layout shift, and the whole grouped list without JavaScript."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from .browserkit import AXE_JS, MODES, VNU_JAR, WIDTHS, axe_findings, java_problem, need, vnu_errors
from .conftest import served

pytestmark = pytest.mark.browser

PAPERS = 300
SESSIONS = 6


def papers_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["id", "title", "authors", "url", "decision", "track", "award", "session", "board", "keywords"]
    )
    for n in range(PAPERS):
        writer.writerow(
            [
                f"s{n:04d}",
                f"Study {n} of {('sketches', 'hashes', 'filters')[n % 3]}",
                f"Author{n} Searchtest; Coauthor{n % 7} Searchtest",
                f"https://example.org/p/{n}",
                ("oral", "spotlight", "poster")[n % 3],
                "",
                "best paper" if n == 42 else "",
                f"Session {n % SESSIONS + 1}",
                str(n // SESSIONS + 1),
                ("graphs", "streams")[n % 2],
            ]
        )
    return out.getvalue()


PAGE = """\
# Accepted papers

```{accepted-papers} papers.csv
:group-by: session
:search:
:bibtex: file
:per-page: all
```
"""


def build_papers_site(work, page: str):
    """A site of one page, ``page``, with the generated ``papers.csv``, built with
    ``-W -n``; its output folder."""
    src, out = work / "src", work / "html"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "roads_ext"]\nhtml_theme = "furo"\nlanguage = "en"\n'
        'html_title = "Example Workshop"\nproject = "Example Workshop"\n'
    )
    (src / "index.md").write_text(page)
    (src / "papers.csv").write_text(papers_csv())
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html", str(src), str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="module")
def papers_site(tmp_path_factory):
    out = build_papers_site(tmp_path_factory.mktemp("paper-search"), PAGE)
    with served(out) as base:
        yield base, out


def open_page(browser, url: str, width: str = "phone", mode: str = "light", javascript: bool = True):
    theme, scheme = MODES[mode]
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 800},
        color_scheme=scheme,
        java_script_enabled=javascript,
        service_workers="block",
    )
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    context.add_init_script(
        "window.__shifts = 0; new PerformanceObserver(list => list.getEntries().forEach("
        "e => { if (!e.hadRecentInput) window.__shifts += e.value; })).observe({type: 'layout-shift', buffered: true});"
    )
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="load")
    return context, page, requests


VISIBLE = """() => [...document.querySelectorAll('li.roads-paper')]
    .filter(li => li.offsetParent !== null || li.checkVisibility()).map(li => li.id)"""


@pytest.mark.parametrize(("width", "mode"), [("phone", "light"), ("desktop", "dark")])
def test_the_list_and_its_search_box_pass_axe(browser, papers_site, width, mode):
    need(AXE_JS.is_file(), f"{AXE_JS.name} missing (npm ci in tests/browser)")
    base, _ = papers_site
    context, page, _ = open_page(browser, f"{base}index.html", width, mode)
    try:
        page.wait_for_selector("form.roads-paper-search[data-ready]")
        # as the visitor gets it (the groups off screen left undrawn: axe places their links
        # wherever the browser's guess of their height puts them, so every link must be a
        # target of 24 px on its own), then with every group drawn
        for drawn in (False, True):
            if drawn:
                page.add_style_tag(content=".roads-paper-group { content-visibility: visible !important; }")
            violations, _passed = axe_findings(page)
            assert violations == [], json.dumps(violations, indent=1)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
    finally:
        context.close()


def test_the_search_filters_the_list_from_its_index(browser, papers_site):
    base, _ = papers_site
    context, page, requests = open_page(browser, f"{base}index.html")
    try:
        page.wait_for_selector("form.roads-paper-search[data-ready]")
        page.wait_for_timeout(300)
        # the box shown by the script moved nothing (the list moves only as the visitor types)
        assert page.evaluate("window.__shifts") == 0
        # the index is not fetched with the page, only once the box is used
        assert not any("roads-papers/index.json" in url for url in requests)
        box = page.get_by_label("Search the papers")
        box.fill("author42 searchtest")
        page.wait_for_function("document.querySelector('.roads-paper-search-status').textContent !== ''")
        assert any("roads-papers/index.json" in url for url in requests)
        shown = page.evaluate(
            "() => [...document.querySelectorAll('li.roads-paper:not([hidden])')].map(li => li.id)"
        )
        assert shown == ["paper-s0042"]
        assert page.locator(".roads-paper-search-status").inner_text() == f"1 of {PAPERS} papers shown"
        hidden_groups = page.evaluate(
            "() => [...document.querySelectorAll('.roads-paper-group[hidden]')].length"
        )
        assert hidden_groups == SESSIONS - 1
        # one field: an award; a word that is nowhere
        box.fill("best")
        page.get_by_label("in", exact=True).select_option("award")
        page.wait_for_function("document.querySelectorAll('li.roads-paper:not([hidden])').length === 1")
        box.fill("nothing-like-this")
        page.wait_for_function(
            "document.querySelector('.roads-paper-search-status').textContent === 'No paper matches.'"
        )
        box.fill("")
        page.wait_for_function(
            f"document.querySelectorAll('li.roads-paper:not([hidden])').length === {PAPERS}"
        )
    finally:
        context.close()


def test_without_javascript_the_whole_grouped_list_is_there(browser, papers_site):
    base, _ = papers_site
    context, page, requests = open_page(browser, f"{base}index.html", javascript=False)
    try:
        assert page.locator("li.roads-paper").count() == PAPERS
        assert page.locator(".roads-paper-group").count() == SESSIONS
        assert (
            page.evaluate("getComputedStyle(document.querySelector('form.roads-paper-search')).visibility")
            == "hidden"
        )
        page.get_by_role("link", name="Session 4 (50)").click()
        page.wait_for_url("**#papers-session-4-4")
        assert not any("roads-papers/index.json" in url for url in requests)
    finally:
        context.close()


def test_the_page_is_valid_html(papers_site):
    problem = java_problem()
    need(problem is None, problem or "")
    need(VNU_JAR.is_file(), f"{VNU_JAR.name} missing (npm ci in tests/browser)")
    _, out = papers_site
    errors = vnu_errors([out / "index.html"])
    assert errors == [], "\n".join(errors)
