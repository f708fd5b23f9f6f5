"""A long list of accepted papers in pages (the default above 200 papers), in the browser:
the search from page 1 finds a paper on page 3 and links to it there; axe and the Nu Html
Checker clean on page 1 and page 2, at phone width and on a desktop; the pager works
without JavaScript."""

from __future__ import annotations

import json

import pytest

from roads_ext.services.paper_pages import PER_PAGE

from .browserkit import AXE_JS, VNU_JAR, axe_findings, java_problem, need, vnu_errors
from .conftest import served
from .test_paper_search_in_browser import PAPERS, build_papers_site, open_page

pytestmark = pytest.mark.browser

PAGE = """\
# Accepted papers

```{accepted-papers} papers.csv
:group-by: session
:search:
:bibtex: file
```
"""


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory):
    out = build_papers_site(tmp_path_factory.mktemp("paper-pages"), PAGE)
    last = -(-PAPERS // PER_PAGE)
    assert (out / f"index-page-{last}.html").is_file() and not (out / f"index-page-{last + 1}.html").exists()
    with served(out) as base:
        yield base, out


def page_of(out, anchor: str) -> str:
    for name in ["index.html"] + [f"index-page-{n}.html" for n in range(2, 20)]:
        if f'id="{anchor}"' in (out / name).read_text():
            return name
    raise AssertionError(anchor)


def test_the_search_on_page_1_finds_a_paper_on_page_3(browser, paged_site):
    base, out = paged_site
    wanted = next(
        f"s{n:04d}" for n in range(100, PAPERS) if page_of(out, f"paper-s{n:04d}") == "index-page-3.html"
    )
    number = int(wanted[1:])
    context, page, _requests = open_page(browser, f"{base}index.html")
    try:
        page.wait_for_selector("form.roads-paper-search[data-ready]")
        page.get_by_label("Search the papers").fill(f"author{number} searchtest")
        page.wait_for_function("document.querySelector('.roads-paper-search-status').textContent !== ''")
        # nothing on this page matches; the paper of page 3 is listed below the box, counted
        assert page.evaluate("document.querySelectorAll('li.roads-paper:not([hidden])').length") == 0
        assert page.locator(".roads-paper-search-status").inner_text() == f"1 of {PAPERS} papers shown"
        found = page.locator(".roads-paper-elsewhere a")
        assert found.count() == 1
        assert found.inner_text() == f"Study {number} of {('sketches', 'hashes', 'filters')[number % 3]}"
        violations, _passed = axe_findings(page)  # the results list too
        assert violations == [], json.dumps(violations, indent=1)
        found.click()
        page.wait_for_url(f"**/index-page-3.html#paper-{wanted}")
        assert page.locator(f"#paper-{wanted}").is_visible()
        # from page 3, a paper of page 1 is found the same way
        page.wait_for_selector("form.roads-paper-search[data-ready]")
        first = next(
            f"s{n:04d}" for n in range(100, PAPERS) if page_of(out, f"paper-s{n:04d}") == "index.html"
        )
        page.get_by_label("Search the papers").fill(f"author{int(first[1:])} searchtest")
        page.wait_for_selector(f".roads-paper-elsewhere a[href='index.html#paper-{first}']")
    finally:
        context.close()


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize(("name", "number"), [("index.html", "1"), ("index-page-2.html", "2")])
def test_pages_1_and_2_pass_axe(browser, paged_site, name, number, width):
    need(AXE_JS.is_file(), f"{AXE_JS.name} missing (npm ci in tests/browser)")
    base, _ = paged_site
    context, page, _ = open_page(browser, f"{base}{name}", width)
    try:
        page.wait_for_selector("form.roads-paper-search[data-ready]")
        page.add_style_tag(content=".roads-paper-group { content-visibility: visible !important; }")
        violations, _passed = axe_findings(page)
        assert violations == [], json.dumps(violations, indent=1)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0
        # furo's page around it: the page's title, once; the pager marks the page
        assert page.locator("h1").count() == 1 and page.locator("h1").inner_text().startswith(
            "Accepted papers"
        )
        assert page.locator("nav.roads-paper-pager [aria-current=page]").inner_text() == number
    finally:
        context.close()


def test_without_javascript_the_pager_and_the_groups_lead_to_every_page(browser, paged_site):
    base, _ = paged_site
    context, page, _ = open_page(browser, f"{base}index.html", javascript=False)
    try:
        assert page.locator("li.roads-paper").count() == PER_PAGE
        pager = page.get_by_role("navigation", name="Pages of the list")
        pager.get_by_role("link", name="Next page").click()
        page.wait_for_url("**/index-page-2.html")
        assert page.locator("li.roads-paper").count() == PER_PAGE
        pager.get_by_role("link", name="3", exact=True).click()
        page.wait_for_url("**/index-page-3.html")
        assert page.locator("li.roads-paper").count() == PER_PAGE
        page.get_by_role("link", name="Session 1 (50)").click()
        page.wait_for_url("**/index.html#papers-session-1-1")
    finally:
        context.close()


def test_pages_1_and_2_are_valid_html(paged_site):
    problem = java_problem()
    need(problem is None, problem or "")
    need(VNU_JAR.is_file(), f"{VNU_JAR.name} missing (npm ci in tests/browser)")
    _, out = paged_site
    errors = vnu_errors([out / "index.html", out / "index-page-2.html"])
    assert errors == [], "\n".join(errors)
