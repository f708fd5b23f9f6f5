"""A site of two editions (the ``test-editions`` root, themed with furo as the ROADS site is)
in the browser: axe and the Nu Html Checker on its pages, the editions list at a phone's
and a desktop's width, in light and dark mode, and followed without JavaScript."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT

from .browserkit import AXE_JS, MODES, VNU_JAR, WIDTHS, java_problem, need
from .conftest import served
from .test_site_in_browser import WCAG_TAGS

pytestmark = pytest.mark.browser

EDITIONS_ROOT = ROOT / "tests" / "roots" / "test-editions"
#: the pages looked at: each edition's landing page, a page of each edition, a shared page
PAGES = ["index", "contact", "2024/program", "2024/committee", "2023/index", "2023/speakers"]


@pytest.fixture(scope="module")
def editions_site(tmp_path_factory) -> tuple[str, Path]:
    """(base URL, folder) of the two-edition site built with furo, served on 127.0.0.1."""
    work = tmp_path_factory.mktemp("editions-site")
    src, out = work / "src", work / "html"
    shutil.copytree(EDITIONS_ROOT, src)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('\nhtml_theme = "furo"\nlanguage = "en"\nhtml_title = "Example Workshop"\n')
    result = subprocess.run([sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html",
                             str(src), str(out)], capture_output=True, text=True)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    with served(out) as base:
        yield base, out


def open_page(browser, url: str, width: str, mode: str, javascript: bool = True):
    theme, scheme = MODES[mode]
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800}, color_scheme=scheme,
                                  java_script_enabled=javascript, service_workers="block")
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page


NAV = """() => {
  const nav = document.querySelector('nav[aria-label="Editions"]');
  const box = nav.getBoundingClientRect();
  const title = document.querySelector('article h1').getBoundingClientRect();
  return {
    visible: box.width > 0 && box.height > 0 && getComputedStyle(nav).visibility !== 'hidden',
    aboveTitle: box.bottom <= title.top,
    right: box.right,
    items: [...nav.querySelectorAll('li > *')].map(a => [a.textContent, a.getAttribute('aria-current'),
                                                   getComputedStyle(a).fontWeight]),
  };
}"""


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_editions_pages_pass_axe(browser, editions_site, name, width, mode):
    need(AXE_JS.is_file(), f"{AXE_JS.name} missing (npm ci in tests/browser)")
    base, _ = editions_site
    context, page = open_page(browser, f"{base}{name}.html", width, mode)
    try:
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate(
            "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
        violations = [(v["id"], [n["target"] for n in v["nodes"][:5]]) for v in result["violations"]]
        assert violations == [], json.dumps(violations, indent=1)
        assert len(result["passes"]) > 10
        nav = page.evaluate(NAV)
        assert nav["visible"] and nav["aboveTitle"], nav  # on a phone too, without opening a menu
        assert nav["right"] <= WIDTHS[width]
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        marked = [(label, weight) for label, current, weight in nav["items"] if current]
        assert len(marked) == 1 and int(marked[0][1]) >= 700, nav["items"]
        assert marked[0][0] == ("2023" if name.startswith("2023/") else "2024")
    finally:
        context.close()


def test_the_editions_list_works_without_javascript(browser, editions_site):
    base, _ = editions_site
    context, page = open_page(browser, f"{base}2024/program.html", "phone", "light", javascript=False)
    try:
        page.get_by_role("navigation", name="Editions").get_by_role("link", name="2023").click()
        page.wait_for_url(f"{base}2023/index.html")
        assert page.locator("h1").inner_text().startswith("Example Workshop 2023")
        current = page.get_by_role("navigation", name="Editions").locator("[aria-current]")
        assert current.inner_text() == "2023" and current.get_attribute("aria-current") == "page"
        # a name on a 2023 page goes to the 2023 card
        page.get_by_role("link", name="Mira Castellane").click()
        page.wait_for_url(f"{base}2023/speakers.html#person-mira-castellane-2023")
        card = page.locator("#person-mira-castellane-2023")
        assert "Southgate University" in card.inner_text()
    finally:
        context.close()


def test_editions_pages_are_valid_html(editions_site):
    problem = java_problem()
    need(problem is None, problem or "")
    need(VNU_JAR.is_file(), f"{VNU_JAR.name} missing (npm ci in tests/browser)")
    _, out = editions_site
    files = [str(out / f"{name}.html") for name in PAGES] + [str(out / "2024" / "notes.html")]
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').rsplit('/', 2)[-2:]} line {m.get('lastLine')}: {m.get('message')}"
              for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert errors == [], "\n".join(errors)
