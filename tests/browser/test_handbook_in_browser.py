"""The handbook (handbook/) in a browser, checked as the ROADS site is: axe-core (WCAG 2.2 A
and AA) at a phone's and a desktop's width in light and dark mode, no sideways scrolling on a
phone, no console message or failed request, the Nu Html Checker, and no broken internal
link or anchor."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from sitebuild import ROOT, sphinx_build

from .browserkit import AXE_JS, MODES, WIDTHS, axe_findings, java_problem, need, vnu_errors
from .conftest import served

pytestmark = pytest.mark.browser

#: a page of each part, and the reference pages with the most in them (live examples,
#: tabs, generated tables, the included history)
PAGES = [
    "index",
    "start/index",
    "guides/program",
    "reference/schedule",
    "reference/accepted-papers",
    "reference/speaker-card",
    "reference/sponsors",
    "reference/settings",
    "reference/warnings",
    "internals/history",
]


@pytest.fixture(scope="module")
def handbook(tmp_path_factory):
    """(base URL, folder) of the built handbook, served on 127.0.0.1."""
    out = tmp_path_factory.mktemp("handbook") / "html"
    built = sphinx_build(ROOT / "handbook", out, "-E")
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    with served(out) as base:
        yield base, out


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("page", PAGES)
def test_handbook_pages_pass_axe_and_fit_a_phone(browser, handbook, page, width, mode):
    need(AXE_JS.is_file(), f"{AXE_JS.name} missing (npm ci in tests/browser)")
    base, _ = handbook
    theme, scheme = MODES[mode]
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 800}, color_scheme=scheme,
                                  service_workers="block")
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    messages: list[str] = []
    try:
        p = context.new_page()
        p.on("console", lambda m: messages.append(f"console.{m.type}: {m.text}"))
        p.on("pageerror", lambda e: messages.append(f"uncaught: {e}"))
        p.on("requestfailed", lambda r: messages.append(f"{r.url} ({r.failure})"))
        p.on("response", lambda r: r.status >= 400 and messages.append(f"{r.url} ({r.status})"))
        p.goto(f"{base}{page}.html", wait_until="load")
        p.wait_for_load_state("networkidle")
        shown = p.evaluate("document.body.dataset.theme")
        overflow = p.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        violations, passed = axe_findings(p)
    finally:
        context.close()
    assert violations == [], json.dumps(violations, indent=1)
    assert passed > 10
    assert shown == theme  # furo drew the mode asked for
    assert overflow <= 0, f"{page} scrolls sideways by {overflow}px at {WIDTHS[width]}px"
    assert messages == []


def test_a_live_example_shows_its_sources_and_its_output(browser, handbook):
    """On a reference page, the example's two sources are tabs, and the card is drawn."""
    base, _ = handbook
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 800}, service_workers="block")
    try:
        p = context.new_page()
        p.goto(f"{base}reference/speaker-card.html", wait_until="load")
        example = p.locator("#example-speaker-card")
        labels = example.locator(".sd-tab-label").all_inner_texts()
        assert [label.strip() for label in labels] == ["MyST Markdown", "reStructuredText"]
        assert "```{speaker-card} Ada Lovelace" in example.locator(".sd-tab-content").first.inner_text()
        example.locator(".sd-tab-label", has_text="reStructuredText").click()
        assert ".. speaker-card:: Ada Lovelace" in example.locator(".sd-tab-content").nth(1).inner_text()
        card = example.locator(".roads-handbook-output .roads-speaker-card")
        assert card.count() == 1 and card.is_visible()
        assert "Ada Lovelace" in card.inner_text()
    finally:
        context.close()


def test_handbook_pages_are_valid_html(handbook):
    problem = java_problem()
    need(problem is None, problem or "")
    _, out = handbook
    errors = vnu_errors(out / f"{page}.html" for page in PAGES)
    assert errors == [], "\n".join(errors)


def test_no_internal_link_of_the_handbook_is_broken(handbook):
    """Every link, image and script of every page that stays in the handbook reaches a file,
    and every #anchor an element of it (offline, over the HTML)."""
    base, out = handbook
    ids: dict[Path, set[str]] = {}
    problems = []
    for html_file in sorted(out.rglob("*.html")):
        page_url = urljoin(base, html_file.relative_to(out).as_posix())
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in {"a": "href", "link": "href", "img": "src", "script": "src", "source": "srcset"}.items():
            for element in soup.find_all(tag):
                written = element.get(attr)
                if not written:
                    continue
                for one in [part.split()[0] for part in written.split(",")] if attr == "srcset" else [written]:
                    absolute = urljoin(page_url, one)
                    if not absolute.startswith(base):
                        continue
                    parsed = urlparse(absolute)
                    target = out / unquote(parsed.path[len(urlparse(base).path):])
                    if target.is_dir():
                        target = target / "index.html"
                    where = html_file.relative_to(out)
                    if not target.is_file():
                        problems.append(f"{where}: {one}: no file")
                    elif parsed.fragment and target.suffix == ".html":
                        if target not in ids:
                            found = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                            ids[target] = {t["id"] for t in found.select("[id]")}
                        if unquote(parsed.fragment) not in ids[target]:
                            problems.append(f"{where}: {one}: no such anchor")
    assert problems == [], "\n".join(problems)
